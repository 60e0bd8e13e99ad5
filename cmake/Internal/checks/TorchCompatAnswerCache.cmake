# Remembered answers (a guard that passed, a selection): stored in the CMake
# cache under a key of everything the answer depends on, so a re-configure with
# nothing changed skips the table lookups and the way-out searches.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatProbeAnswer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")

# _torchcompat_answer_key(<out-var> <kind> <prefix> <keyword>...)
# The key of an answer of <kind> (require, select) to the call whose arguments
# cmake_parse_arguments put under <prefix>: the given input <keyword>s with
# their values, sorted (the order of the arguments does not change the answer,
# and the names of the caller's output variables are no input); the machine
# actually checked (the probe's answer after detection ran with the overrides
# in force now, not the one remembered from an earlier call); the tables and
# the package's modules as they are on disk; and the knobs the answers read.
function(_torchcompat_answer_key out_var kind prefix)
  set(inputs "")
  foreach(keyword IN LISTS ARGN)
    if(DEFINED ${prefix}_${keyword})
      # A ';' inside a value must not split it into two sorted items.
      string(REPLACE ";" "\\;" value "${${prefix}_${keyword}}")
      list(APPEND inputs "${keyword}=${value}")
    endif()
  endforeach()
  list(SORT inputs)

  # The key of the probe's inputs, read after the probe ran with the overrides
  # in force now: a probe answer depends on nothing else, and its text carries
  # the time it was taken, which a key must not.
  _torchcompat_probe_json(json FALSE)
  get_property(machine GLOBAL PROPERTY TORCHCOMPAT_MACHINE_KEY)
  _torchcompat_machine_source(machine_source)

  _torchcompat_data_dir(data_dir)
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  file(GLOB files "${data_dir}/*.json" "${module_dir}/*.cmake" "${module_dir}/Internal/*/*.cmake")
  list(SORT files)
  set(stamps "")
  foreach(file IN LISTS files)
    file(TIMESTAMP "${file}" stamp "%s" UTC)
    list(APPEND stamps "${file}:${stamp}")
  endforeach()

  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  list(SORT languages)
  set(knobs "")
  # The C++ compiler and standard and the glibc override: the toolchain checks read them.
  foreach(
    knob IN
    ITEMS TORCHCOMPAT_DRIVER_POLICY
          TORCHCOMPAT_ACCEPT_UNVERIFIED
          TORCHCOMPAT_REQUIRE_GPU
          CMAKE_CUDA_COMPILER_VERSION
          CMAKE_CXX_STANDARD
          CMAKE_CXX_COMPILER_ID
          CMAKE_CXX_COMPILER_VERSION
          TORCHCOMPAT_OVERRIDE_GLIBC)
    list(APPEND knobs "${knob}=${${knob}}")
  endforeach()
  list(APPEND knobs "ENV{TORCHCOMPAT_OVERRIDE_GLIBC}=$ENV{TORCHCOMPAT_OVERRIDE_GLIBC}")

  string(CONCAT key_text "${kind}|${inputs}|${machine}|${machine_source}|${stamps}|"
                "${languages}|${knobs}")
  string(SHA256 key "${key_text}")
  set(${out_var} "${key}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
