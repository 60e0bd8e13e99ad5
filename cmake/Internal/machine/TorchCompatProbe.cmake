# Finds the torchcompat-probe executable and defines TorchCompat::probe.
#
# An install tree or a build tree names its own probe. From a source tree
# (FetchContent, add_subdirectory, the dependency provider, the torchcompat
# command in cmake -P script mode) the probe is compiled at most once per user
# for a given source version and host compiler, into the per-user cache:
#
#   <cache>/probe/<key>/bin/torchcompat-probe   the probe
#   <cache>/probe/<key>/built-from.txt          what the key stands for
#   <cache>/probe/<key>/build.log               the compiler's output
#
# <cache> is TORCHCOMPAT_CACHE_DIR, else the host's per-user cache directory;
# <key> hashes the contents of the probe's sources, the package version, the
# probe-only project and the compiler (its real path and its --version line).
# A build happens under a file lock into a staging folder that is renamed into
# place once complete, so concurrent configures build it once and never see a
# half-built probe. No build directory holds a copy: a fresh build directory
# of a consumer costs nothing once any of them has built it.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# In a global property: the functions below are called from directories
# (add_subdirectory, FetchContent) that never saw this file's variables.
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersion.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatHostCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatPrivateDir.cmake")
set_property(GLOBAL PROPERTY _TORCHCOMPAT_PROBE_PACKAGE_VERSION "${_TORCHCOMPAT_VERSION}")

# The probe's inputs, hashed by content (a fresh checkout of the same version
# gets the same key; timestamps would not): its sources, the project that
# builds it alone, and the version it reports.
function(_torchcompat_probe_sources_hash source_dir out_var)
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  file(
    GLOB_RECURSE sources
    LIST_DIRECTORIES false
    RELATIVE "${source_dir}"
    "${source_dir}/*")
  list(SORT sources)
  get_property(version GLOBAL PROPERTY _TORCHCOMPAT_PROBE_PACKAGE_VERSION)
  set(digest "version ${version}\n")
  foreach(source IN LISTS sources)
    file(SHA256 "${source_dir}/${source}" file_hash)
    string(APPEND digest "${source} ${file_hash}\n")
  endforeach()
  file(SHA256 "${module_dir}/Internal/machine/probe-project/CMakeLists.txt" file_hash)
  string(APPEND digest "probe-project ${file_hash}\n")
  string(SHA256 digest "${digest}")
  set(${out_var} "${digest}" PARENT_SCOPE)
endfunction()

# The host compiler the probe is built with, and one line that identifies it.
# A project's own compiler when it is the host's; otherwise (cmake -P, a cross
# toolchain, a project without C++) CXX or the first of CMake's usual names on
# PATH, as CMake's own compiler search would find it. The --version line is
# asked of the compiler in every mode, so a project and the torchcompat command
# using the same compiler share one probe.
function(_torchcompat_probe_compiler out_compiler out_identity)
  # find_program() skips its search when its variable is already set, here
  # or in the cache: a name no caller uses, unset first.
  unset(_torchcompat_probe_cxx)
  if(CMAKE_CXX_COMPILER AND NOT CMAKE_CROSSCOMPILING)
    set(_torchcompat_probe_cxx "${CMAKE_CXX_COMPILER}")
  elseif(NOT "$ENV{CXX}" STREQUAL "")
    find_program(_torchcompat_probe_cxx NAMES "$ENV{CXX}" NO_CACHE)
  else()
    find_program(_torchcompat_probe_cxx NAMES c++ g++ clang++ cl NO_CACHE)
  endif()
  set(compiler "${_torchcompat_probe_cxx}")
  if(NOT compiler)
    set(${out_compiler} "" PARENT_SCOPE)
    set(${out_identity} "" PARENT_SCOPE)
    return()
  endif()
  file(REAL_PATH "${compiler}" real_compiler)
  # Asked once per build folder and compiler file (a compiler replaced in place has another time
  # stamp): running it costs more than the rest of a warm configure's probe lookup.
  file(TIMESTAMP "${real_compiler}" stamp "%s" UTC)
  string(SHA256 memo "${real_compiler}|${stamp}")
  string(SUBSTRING "${memo}" 0 16 memo)
  if(DEFINED _TORCHCOMPAT_COMPILER_IDENTITY_${memo})
    set(identity "${_TORCHCOMPAT_COMPILER_IDENTITY_${memo}}")
  else()
    execute_process(
      COMMAND "${real_compiler}" --version
      OUTPUT_VARIABLE identity
      ERROR_VARIABLE identity
      RESULT_VARIABLE ignored)
    string(REGEX MATCH "[^\r\n]+" identity "${identity}")
    set(_TORCHCOMPAT_COMPILER_IDENTITY_${memo} "${identity}"
        CACHE INTERNAL "the --version line of ${real_compiler}")
  endif()
  set(${out_compiler} "${compiler}" PARENT_SCOPE)
  set(${out_identity} "${real_compiler} ${identity}" PARENT_SCOPE)
endfunction()

function(_torchcompat_run_logged log_file)
  execute_process(
    COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  file(APPEND "${log_file}" "$ ${ARGN}\n${output}\n")
  set(_torchcompat_step_result "${result}" PARENT_SCOPE)
endfunction()

# The per-user cache folder (same convention as the libtorch cache):
# TORCHCOMPAT_CACHE_DIR, else the host's per-user cache directory. A relative
# TORCHCOMPAT_CACHE_DIR is taken relative to the build directory (the current
# directory in script mode).
function(_torchcompat_user_cache_dir out_var)
  if(NOT "${TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "${TORCHCOMPAT_CACHE_DIR}")
  elseif(NOT "$ENV{TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "$ENV{TORCHCOMPAT_CACHE_DIR}")
  else()
    _torchcompat_host_cache_dir(dir)
  endif()
  if(dir STREQUAL "")
    message(FATAL_ERROR "TorchCompat: no cache directory to build torchcompat-probe in: set "
                        "TORCHCOMPAT_CACHE_DIR or TORCHCOMPAT_PROBE_EXECUTABLE.")
  endif()
  file(TO_CMAKE_PATH "${dir}" dir)
  if(NOT CMAKE_SCRIPT_MODE_FILE)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_BINARY_DIR}")
  else()
    get_filename_component(dir "${dir}" ABSOLUTE)
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

# Sets <out_dir> to the cache folder of the probe that source_dir and the given
# compiler make, and <out_facts> to the text that says what its key stands for.
function(_torchcompat_probe_cache_entry source_dir compiler identity out_dir out_facts)
  _torchcompat_user_cache_dir(cache)
  _torchcompat_probe_sources_hash("${source_dir}" sources_hash)
  get_property(version GLOBAL PROPERTY _TORCHCOMPAT_PROBE_PACKAGE_VERSION)
  string(CONCAT facts "TorchCompat ${version}\n" "sources ${sources_hash}\n"
                "compiler ${identity}\n" "host ${CMAKE_HOST_SYSTEM_NAME}\n")
  string(SHA256 key "${facts}")
  string(SUBSTRING "${key}" 0 16 key)
  set(${out_dir} "${cache}/probe/${key}" PARENT_SCOPE)
  set(${out_facts} "${facts}" PARENT_SCOPE)
endfunction()

# Configures and builds the probe-only project into staging; sets
# _torchcompat_step_result in the caller (0 when it worked).
function(_torchcompat_compile_probe source_dir compiler staging)
  set(executable "${staging}/bin/torchcompat-probe${_torchcompat_exe_suffix}")
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  set(log_file "${staging}/build.log")
  file(WRITE "${log_file}" "")
  _torchcompat_run_logged(
    "${log_file}"
    "${CMAKE_COMMAND}"
    -S
    "${module_dir}/Internal/machine/probe-project"
    -B
    "${staging}/build"
    -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_CXX_COMPILER=${compiler}"
    "-DTORCHCOMPAT_PROBE_SOURCE_DIR=${source_dir}"
    "-DCMAKE_RUNTIME_OUTPUT_DIRECTORY=${staging}/bin")
  if(_torchcompat_step_result EQUAL 0)
    _torchcompat_run_logged(
      "${log_file}"
      "${CMAKE_COMMAND}"
      --build
      "${staging}/build"
      --config
      Release
      --target
      torchcompat-probe)
  endif()
  if(_torchcompat_step_result EQUAL 0 AND NOT EXISTS "${executable}")
    set(_torchcompat_step_result "no ${executable} after the build")
  endif()
  set(_torchcompat_step_result "${_torchcompat_step_result}" PARENT_SCOPE)
endfunction()

# Sets out_var to the probe built from source_dir, building it into the
# per-user cache first when no complete build of these inputs is there; "" (with
# a warning given) when it cannot be built.
function(_torchcompat_build_probe source_dir out_var)
  set(${out_var} "" PARENT_SCOPE)
  set(_torchcompat_exe_suffix "")
  if(CMAKE_HOST_WIN32)
    set(_torchcompat_exe_suffix ".exe")
  endif()
  _torchcompat_probe_compiler(compiler identity)
  if(NOT compiler)
    message(WARNING "TorchCompat: no C++ compiler found to build torchcompat-probe, so nothing "
                    "about this machine can be detected. Set CXX, or TORCHCOMPAT_PROBE_EXECUTABLE "
                    "to a prebuilt probe.")
    return()
  endif()
  _torchcompat_probe_cache_entry("${source_dir}" "${compiler}" "${identity}" entry facts)
  set(executable "${entry}/bin/torchcompat-probe${_torchcompat_exe_suffix}")
  # A probe found there runs as this user: only from a folder no other user could have prepared.
  get_filename_component(cache_dir "${entry}" DIRECTORY)
  set(checked "${cache_dir}")
  if(EXISTS "${entry}")
    set(checked "${entry}")
  endif()
  _torchcompat_require_private_dir(
    "${checked}"
    "the probe's build cache folder"
    "set TORCHCOMPAT_CACHE_DIR to a folder that only you can write, or TORCHCOMPAT_PROBE_EXECUTABLE to a prebuilt probe"
  )
  # The entry appears only by the rename below, complete: no lock to read it.
  if(EXISTS "${executable}")
    set(${out_var} "${executable}" PARENT_SCOPE)
    return()
  endif()

  file(
    LOCK "${entry}.lock"
    GUARD FUNCTION
    TIMEOUT 600
    RESULT_VARIABLE lock_result)
  if(NOT lock_result EQUAL 0)
    message(WARNING "TorchCompat: could not lock '${entry}.lock' to build torchcompat-probe "
                    "(${lock_result}); set TORCHCOMPAT_PROBE_EXECUTABLE to a prebuilt probe.")
    return()
  endif()
  # Another process may have built it while this one waited for the lock.
  if(EXISTS "${executable}")
    set(${out_var} "${executable}" PARENT_SCOPE)
    return()
  endif()
  if(CMAKE_SCRIPT_MODE_FILE)
    # A person is waiting at a terminal: say why, on stderr, before the wait.
    message(NOTICE "TorchCompat: building torchcompat-probe first (once, into ${entry})")
  else()
    message(STATUS "TorchCompat: building torchcompat-probe with the host compiler "
                   "(once per user, into ${entry})")
  endif()
  # A staging folder owned by whoever holds the lock: what a killed build left
  # there is thrown away, never used.
  set(staging "${entry}.staging")
  file(REMOVE_RECURSE "${staging}")
  _torchcompat_compile_probe("${source_dir}" "${compiler}" "${staging}")
  if(NOT _torchcompat_step_result EQUAL 0)
    file(REMOVE_RECURSE "${entry}.failed")
    file(RENAME "${staging}" "${entry}.failed")
    message(WARNING "TorchCompat: could not build torchcompat-probe, so nothing about this "
                    "machine can be detected. The build log is '${entry}.failed/build.log'. Set "
                    "TORCHCOMPAT_PROBE_EXECUTABLE to a prebuilt probe to skip the build.")
    return()
  endif()
  file(REMOVE_RECURSE "${staging}/build")
  file(WRITE "${staging}/built-from.txt" "${facts}")
  file(RENAME "${staging}" "${entry}")
  set(${out_var} "${executable}" PARENT_SCOPE)
endfunction()

# Sets out_var to the probe's path, or to "" (with a warning already given).
function(_torchcompat_probe_executable out_var)
  if(TORCHCOMPAT_PROBE_EXECUTABLE)
    set(executable "${TORCHCOMPAT_PROBE_EXECUTABLE}")
    if(NOT EXISTS "${executable}")
      message(FATAL_ERROR "TorchCompat: TORCHCOMPAT_PROBE_EXECUTABLE is '${executable}', which "
                          "does not exist. Point it at a built torchcompat-probe or unset it.")
    endif()
  else()
    get_property(executable GLOBAL PROPERTY TORCHCOMPAT_INSTALLED_PROBE)
    if(NOT executable)
      get_property(source_dir GLOBAL PROPERTY TORCHCOMPAT_PROBE_SOURCE_DIR)
      _torchcompat_build_probe("${source_dir}" executable)
    elseif(NOT EXISTS "${executable}")
      message(WARNING "TorchCompat: the installed probe '${executable}' is missing; "
                      "reinstall TorchCompat.")
      set(executable "")
    endif()
  endif()
  # Script mode has no targets (add_executable is not scriptable).
  if(executable AND NOT CMAKE_SCRIPT_MODE_FILE AND NOT TARGET TorchCompat::probe)
    add_executable(TorchCompat::probe IMPORTED GLOBAL)
    set_target_properties(TorchCompat::probe PROPERTIES IMPORTED_LOCATION "${executable}")
  endif()
  set(${out_var} "${executable}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
