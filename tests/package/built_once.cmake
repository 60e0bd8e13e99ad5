# The probe is compiled at most once per user for a source version and a
# compiler: fresh build directories of consumers (two add_subdirectory ones at
# once, a third, then FetchContent and the dependency provider from another
# copy of the same sources) share one per-user cache, and only one configure
# compiles; the consumers' own builds compile nothing of TorchCompat's.
# Inputs: SOURCE_DIR (TorchCompat), CONSUMER_DIR, WORK_DIR, VERSION_FILE.
cmake_minimum_required(VERSION 3.22...4.4)
include("${VERSION_FILE}")

file(REMOVE_RECURSE "${WORK_DIR}")
# Two copies of the package's sources at different paths: the cache is keyed
# by content, so the second copy (a fresh checkout of the same version) reuses
# the first one's probe; and edits to the working tree while this runs cannot
# change what is compiled.
file(MAKE_DIRECTORY "${WORK_DIR}/source-a")
foreach(
  part IN
  ITEMS CMakeLists.txt
        cmake
        tool
        data
        bin
        LICENSE
        README.md
        CHANGELOG.md)
  file(COPY "${SOURCE_DIR}/${part}" DESTINATION "${WORK_DIR}/source-a")
endforeach()
file(COPY "${WORK_DIR}/source-a/" DESTINATION "${WORK_DIR}/source-b")
set(cache "${WORK_DIR}/user-cache")

# The command that configures the consumer in WORK_DIR/<name>.
function(consumer_command out_var name how source)
  set(command
      "${CMAKE_COMMAND}"
      -E
      env
      "TORCHCOMPAT_CACHE_DIR=${cache}"
      "TORCHCOMPAT_PROBE_CACHE_DIR=${WORK_DIR}/probe-answers-${name}"
      "${CMAKE_COMMAND}"
      -S
      "${CONSUMER_DIR}"
      -B
      "${WORK_DIR}/${name}"
      "-DHOW=${how}"
      -DTORCHCOMPAT_PYTHON=OFF)
  if(how STREQUAL "provider")
    # The dependency provider, loaded from the source copy before the consumer's project().
    set(provider "${WORK_DIR}/${source}/cmake/TorchCompatDependencyProvider.cmake")
    list(APPEND command "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${provider}")
  else()
    # BUILD_TESTING=ON: the consumer wants its tests, which must not bring TorchCompat's.
    list(APPEND command "-DTORCHCOMPAT_SOURCE_DIR=${WORK_DIR}/${source}" -DBUILD_TESTING=ON)
  endif()
  set(${out_var} "${command}" PARENT_SCOPE)
endfunction()

# Checks a configure's result and output; sets probe to the probe it used.
function(check_consumer name result output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring ${name} failed (${result}):\n${output}")
  endif()
  if(output MATCHES "Manually-specified variables were not used")
    message(FATAL_ERROR "${name}: a variable given on the command line was ignored:\n${output}")
  endif()
  if(NOT output MATCHES "consumer's probe: ([^\n]+)")
    message(FATAL_ERROR "${name}: the consumer named no probe:\n${output}")
  endif()
  set(probe "${CMAKE_MATCH_1}")
  if(NOT probe MATCHES "^${cache}/probe/[0-9a-f]+/bin/torchcompat-probe$")
    message(FATAL_ERROR "${name}: the probe is '${probe}', not one in the per-user cache")
  endif()
  set(probe "${probe}" PARENT_SCOPE)
endfunction()

# Configures the consumer in WORK_DIR/<name>; sets configure_output and probe.
function(configure_consumer name how source)
  consumer_command(command ${name} ${how} ${source})
  execute_process(
    COMMAND ${command}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  check_consumer(${name} "${result}" "${output}")
  set(configure_output "${output}" PARENT_SCOPE)
  set(probe "${probe}" PARENT_SCOPE)
endfunction()

set(building "TorchCompat: building torchcompat-probe")

# First, two configures at once on the empty cache: one builds under the lock,
# the other waits for it and takes its probe; neither sees a half-built one.
find_program(sh sh)
if(NOT sh)
  message(FATAL_ERROR "built_once.cmake needs a POSIX sh to start two configures at once")
endif()
set(script "")
foreach(name IN ITEMS first-a first-b)
  consumer_command(command ${name} add_subdirectory source-a)
  set(quoted "")
  foreach(arg IN LISTS command)
    string(REPLACE "'" "'\\''" arg "${arg}")
    string(APPEND quoted " '${arg}'")
  endforeach()
  string(APPEND script "(${quoted} >'${WORK_DIR}/${name}.log' 2>&1; "
         "echo $? >'${WORK_DIR}/${name}.rc') & ")
endforeach()
string(APPEND script "wait")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${sh}" -c "${script}")
set(builders 0)
foreach(name IN ITEMS first-a first-b)
  file(READ "${WORK_DIR}/${name}.log" output)
  file(STRINGS "${WORK_DIR}/${name}.rc" result)
  if(output MATCHES "${building}")
    math(EXPR builders "${builders} + 1")
  endif()
  check_consumer(${name} "${result}" "${output}")
  if(name STREQUAL "first-a")
    set(first_probe "${probe}")
  elseif(NOT probe STREQUAL first_probe)
    message(FATAL_ERROR "two configures got two probes: '${first_probe}' and '${probe}'")
  endif()
endforeach()
if(NOT builders EQUAL 1)
  message(FATAL_ERROR "${builders} of two concurrent configures on an empty cache built the "
                      "probe; exactly one should")
endif()

file(TIMESTAMP "${first_probe}" first_stamp "%Y-%m-%dT%H:%M:%S" UTC)
get_filename_component(entry "${first_probe}" DIRECTORY)
get_filename_component(entry "${entry}" DIRECTORY)
file(READ "${entry}/built-from.txt" facts)
if(NOT facts MATCHES "^TorchCompat ${_TORCHCOMPAT_VERSION}\nsources [0-9a-f]+\ncompiler [^\n]+\n")
  message(FATAL_ERROR "${entry}/built-from.txt does not say what the entry was built from:\n"
                      "${facts}")
endif()
file(GLOB leftovers "${cache}/probe/*.staging" "${cache}/probe/*.failed")
if(leftovers)
  message(FATAL_ERROR "a complete build left '${leftovers}' behind")
endif()

set(runs "second|add_subdirectory|source-a" "third|FetchContent|source-b")
if(NOT CMAKE_VERSION VERSION_LESS 3.24)
  # Dependency providers are CMake 3.24+.
  list(APPEND runs "fourth|provider|source-b")
endif()
foreach(run IN LISTS runs)
  string(REPLACE "|" ";" run "${run}")
  list(GET run 0 name)
  list(GET run 1 how)
  list(GET run 2 source)
  configure_consumer(${name} ${how} ${source})
  if(configure_output MATCHES "${building}")
    message(FATAL_ERROR "${name} (${how}): a fresh build directory compiled the probe again:\n"
                        "${configure_output}")
  endif()
  if(NOT probe STREQUAL first_probe)
    message(FATAL_ERROR "${name} (${how}) uses '${probe}', not the cached '${first_probe}'")
  endif()
  file(TIMESTAMP "${probe}" stamp "%Y-%m-%dT%H:%M:%S" UTC)
  if(NOT stamp STREQUAL first_stamp)
    message(FATAL_ERROR "${name} (${how}): the cached probe was rewritten (${first_stamp} -> "
                        "${stamp})")
  endif()
endforeach()

# The consumer's build compiles nothing of TorchCompat's: the probe is no target there.
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/third"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR output MATCHES "torchcompat")
  message(FATAL_ERROR "building the FetchContent consumer (${result}) built TorchCompat parts:\n"
                      "${output}")
endif()
foreach(name IN ITEMS first-a first-b second third fourth)
  if(NOT IS_DIRECTORY "${WORK_DIR}/${name}")
    continue()
  endif()
  file(GLOB_RECURSE copies "${WORK_DIR}/${name}/*torchcompat-probe*")
  if(copies)
    message(FATAL_ERROR "${name} holds a probe of its own: ${copies}")
  endif()
  # TorchCompat's tests belong to its own top-level build, whatever the consumer's BUILD_TESTING.
  execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" -N --test-dir "${WORK_DIR}/${name}"
                  OUTPUT_VARIABLE output)
  if(NOT output MATCHES "Total Tests: 0")
    message(FATAL_ERROR "${name}: TorchCompat's tests were added to a consumer:\n${output}")
  endif()
endforeach()
message(STATUS "one probe build served every build directory: ${first_probe}")
