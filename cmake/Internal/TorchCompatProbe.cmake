# Finds the torchcompat-probe executable, compiling it with the host compiler
# when TorchCompat is used from a source tree, and defines TorchCompat::probe.

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

function(_torchcompat_build_probe source_dir out_var)
  set(work_dir "${CMAKE_BINARY_DIR}/_torchcompat/probe")
  set(executable "${work_dir}/bin/torchcompat-probe${CMAKE_EXECUTABLE_SUFFIX}")
  _torchcompat_probe_sources_hash("${source_dir}" digest)
  if(EXISTS "${executable}" AND "${digest}" STREQUAL "${_TORCHCOMPAT_PROBE_BUILT_FROM}")
    set(${out_var} "${executable}" PARENT_SCOPE)
    return()
  endif()

  file(MAKE_DIRECTORY "${work_dir}")
  file(LOCK "${work_dir}.lock" GUARD FUNCTION TIMEOUT 600)
  set(log_file "${work_dir}/build.log")
  file(WRITE "${log_file}" "")
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  set(configure_args -DCMAKE_BUILD_TYPE=Release "-DTORCHCOMPAT_PROBE_SOURCE_DIR=${source_dir}"
                     "-DCMAKE_RUNTIME_OUTPUT_DIRECTORY=${work_dir}/bin")
  # The probe runs on the build host, so a cross toolchain must not be used.
  if(CMAKE_CXX_COMPILER AND NOT CMAKE_CROSSCOMPILING)
    list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}")
  endif()
  message(STATUS "TorchCompat: building torchcompat-probe with the host compiler")
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
  set(_TORCHCOMPAT_PROBE_BUILT_FROM "${digest}" CACHE INTERNAL "sources the probe was built from")
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
  if(executable AND NOT TARGET TorchCompat::probe)
    add_executable(TorchCompat::probe IMPORTED GLOBAL)
    set_target_properties(TorchCompat::probe PROPERTIES IMPORTED_LOCATION "${executable}")
  endif()
  set(${out_var} "${executable}" PARENT_SCOPE)
endfunction()
