# Finds the torchcompat-probe executable, compiling it with the host compiler
# when TorchCompat is used from a source tree, and defines TorchCompat::probe.
#
# In cmake -P script mode (the torchcompat command) there is no build tree and
# no targets: the probe is built once into the per-user cache, keyed by the
# source tree it comes from, and TorchCompat::probe is not defined.

include_guard(GLOBAL)

# Combined hash of the probe's sources: a rebuild is needed only when it changes,
# so a warm configure skips the nested build entirely.
function(_torchcompat_probe_sources_hash source_dir out_var)
  file(GLOB_RECURSE sources LIST_DIRECTORIES false "${source_dir}/*")
  list(SORT sources)
  set(digest "")
  foreach(source IN LISTS sources)
    file(TIMESTAMP "${source}" stamp "%s" UTC)
    string(APPEND digest "${source}:${stamp};")
  endforeach()
  string(SHA256 digest "${digest}")
  set(${out_var} "${digest}" PARENT_SCOPE)
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
# TORCHCOMPAT_CACHE_DIR, else the host's per-user cache directory.
function(_torchcompat_user_cache_dir out_var)
  if(NOT "${TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "${TORCHCOMPAT_CACHE_DIR}")
  elseif(NOT "$ENV{TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "$ENV{TORCHCOMPAT_CACHE_DIR}")
  elseif(CMAKE_HOST_WIN32 AND NOT "$ENV{LOCALAPPDATA}" STREQUAL "")
    set(dir "$ENV{LOCALAPPDATA}/torchcompat")
  elseif(CMAKE_HOST_APPLE AND NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/Library/Caches/torchcompat")
  elseif(NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(dir "$ENV{XDG_CACHE_HOME}/torchcompat")
  elseif(NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/.cache/torchcompat")
  else()
    message(FATAL_ERROR "TorchCompat: no cache directory to build torchcompat-probe in: set "
                        "TORCHCOMPAT_CACHE_DIR or TORCHCOMPAT_PROBE_EXECUTABLE.")
  endif()
  file(TO_CMAKE_PATH "${dir}" dir)
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

# Where the probe built from source_dir lives: the build tree, or in script
# mode (no build tree; the current folder may be anyone's) the user's cache.
function(_torchcompat_probe_work_dir source_dir out_var)
  if(CMAKE_SCRIPT_MODE_FILE)
    _torchcompat_user_cache_dir(cache)
    string(SHA256 key "${source_dir}")
    string(SUBSTRING "${key}" 0 16 key)
    set(${out_var} "${cache}/probe/${key}" PARENT_SCOPE)
  else()
    set(${out_var} "${CMAKE_BINARY_DIR}/_torchcompat/probe" PARENT_SCOPE)
  endif()
endfunction()

# TRUE when the probe in work_dir was built from sources with this digest. A
# build tree remembers it in its cache; script mode has none, so a stamp file.
function(_torchcompat_probe_is_current work_dir executable digest out_var)
  set(current FALSE)
  if(EXISTS "${executable}")
    if(CMAKE_SCRIPT_MODE_FILE)
      if(EXISTS "${work_dir}/built-from")
        file(READ "${work_dir}/built-from" stamp)
        if(stamp STREQUAL digest)
          set(current TRUE)
        endif()
      endif()
    elseif(digest STREQUAL "${_TORCHCOMPAT_PROBE_BUILT_FROM}")
      set(current TRUE)
    endif()
  endif()
  set(${out_var} ${current} PARENT_SCOPE)
endfunction()

function(_torchcompat_build_probe source_dir out_var)
  _torchcompat_probe_work_dir("${source_dir}" work_dir)
  set(executable "${work_dir}/bin/torchcompat-probe${CMAKE_EXECUTABLE_SUFFIX}")
  _torchcompat_probe_sources_hash("${source_dir}" digest)
  _torchcompat_probe_is_current("${work_dir}" "${executable}" "${digest}" current)
  if(current)
    set(${out_var} "${executable}" PARENT_SCOPE)
    return()
  endif()

  file(MAKE_DIRECTORY "${work_dir}")
  file(LOCK "${work_dir}.lock" GUARD FUNCTION TIMEOUT 600)
  # Another process may have built it while this one waited for the lock.
  _torchcompat_probe_is_current("${work_dir}" "${executable}" "${digest}" current)
  if(current)
    set(${out_var} "${executable}" PARENT_SCOPE)
    return()
  endif()
  set(log_file "${work_dir}/build.log")
  file(WRITE "${log_file}" "")
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  set(configure_args -DCMAKE_BUILD_TYPE=Release "-DTORCHCOMPAT_PROBE_SOURCE_DIR=${source_dir}"
                     "-DCMAKE_RUNTIME_OUTPUT_DIRECTORY=${work_dir}/bin")
  # The probe runs on the build host, so a cross toolchain must not be used.
  if(CMAKE_CXX_COMPILER AND NOT CMAKE_CROSSCOMPILING)
    list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}")
  endif()
  if(CMAKE_SCRIPT_MODE_FILE)
    # A person is waiting at a terminal: say why, on stderr, before the wait.
    message(NOTICE "TorchCompat: building torchcompat-probe first (once, into ${work_dir})")
  else()
    message(STATUS "TorchCompat: building torchcompat-probe with the host compiler")
  endif()
  _torchcompat_run_logged(
    "${log_file}"
    "${CMAKE_COMMAND}"
    -S
    "${module_dir}/Internal/probe-project"
    -B
    "${work_dir}/build"
    ${configure_args})
  if(_torchcompat_step_result EQUAL 0)
    _torchcompat_run_logged(
      "${log_file}"
      "${CMAKE_COMMAND}"
      --build
      "${work_dir}/build"
      --config
      Release
      --target
      torchcompat-probe)
  endif()
  if(NOT _torchcompat_step_result EQUAL 0 OR NOT EXISTS "${executable}")
    message(WARNING "TorchCompat: could not build torchcompat-probe, so nothing about this "
                    "machine can be detected. The build log is '${log_file}'. Set "
                    "TORCHCOMPAT_PROBE_EXECUTABLE to a prebuilt probe to skip the build.")
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  if(CMAKE_SCRIPT_MODE_FILE)
    file(WRITE "${work_dir}/built-from" "${digest}")
  else()
    set(_TORCHCOMPAT_PROBE_BUILT_FROM "${digest}" CACHE INTERNAL "sources the probe was built from")
  endif()
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
