# Configures one ```cmake sample of README.md (the INDEX-th) in a tiny project,
# without a GPU: TORCHCOMPAT_OVERRIDE_* describe a machine with driver
# 550.54.14 (CUDA 12.4) and an sm 8.6 GPU, and the probe is the one built here.
# A sample that uses TorchCompat without saying how finds this build tree. The
# FetchContent samples fetch, through file:// URLs, what readme_release.cmake
# made from this tree: the README's URL and hash, or repository, are swapped
# for those, after checking that they name this version. A sample marked
# "skip: <why>" gets no test (tests/package/CMakeLists.txt); asked for one
# anyway, this fails rather than pass.
# Inputs: README, INDEX, WORK_DIR, BUILD_DIR, PROBE, RELEASE_DIR, VERSION_FILE.
cmake_minimum_required(VERSION 3.22...4.4)
include("${CMAKE_CURRENT_LIST_DIR}/readme_extract.cmake")
include("${VERSION_FILE}")
set(version "${_TORCHCOMPAT_VERSION}")
string(REPLACE "." "\\." version_re "${version}")

readme_samples("${README}" sample)
if(INDEX GREATER sample_COUNT)
  message(FATAL_ERROR "README.md has ${sample_COUNT} cmake samples, not ${INDEX}: reconfigure")
endif()
set(code "${sample_${INDEX}_CODE}")
set(mark "${sample_${INDEX}_MARK}")
set(where "README.md:${sample_${INDEX}_LINE}")

if(mark MATCHES "^skip: (.+)$")
  message(FATAL_ERROR "${where} is marked not runnable: ${CMAKE_MATCH_1}")
endif()
set(release_archive FALSE)
set(installed_first FALSE)
set(git_repository FALSE)
if(mark STREQUAL "release-archive")
  set(release_archive TRUE)
elseif(mark STREQUAL "release-archive installed-first")
  set(release_archive TRUE)
  set(installed_first TRUE)
elseif(mark STREQUAL "git-repository")
  set(git_repository TRUE)
elseif(NOT mark STREQUAL "")
  message(FATAL_ERROR "${where}: unknown mark 'readme-test: ${mark}' (see readme_extract.cmake)")
endif()

if(release_archive)
  set(archive "${RELEASE_DIR}/torchcompat-${version}.tar.gz")
  if(NOT code MATCHES "URL [^ \n]+/torchcompat-${version_re}\\.tar\\.gz\n")
    message(FATAL_ERROR "${where}: the URL does not name torchcompat-${version}.tar.gz, "
                        "this version's release archive:\n${code}")
  endif()
  if(NOT code MATCHES "URL_HASH SHA256=[0-9a-f]+")
    message(FATAL_ERROR "${where}: no URL_HASH SHA256=...:\n${code}")
  endif()
  file(SHA256 "${archive}" hash)
  string(REGEX REPLACE "URL [^ \n]+\n" "URL \"file://${archive}\"\n" code "${code}")
  string(REGEX REPLACE "URL_HASH SHA256=[0-9a-f]+" "URL_HASH SHA256=${hash}" code "${code}")
endif()
if(git_repository)
  set(repository "${RELEASE_DIR}/repository/torchcompat-${version}")
  if(NOT EXISTS "${repository}/.git")
    message(FATAL_ERROR "${where} cannot be checked here: git is not installed")
  endif()
  if(NOT code MATCHES "GIT_TAG v${version_re}\n")
    message(FATAL_ERROR "${where}: GIT_TAG is not v${version}, this version's tag:\n${code}")
  endif()
  string(REGEX REPLACE "GIT_REPOSITORY [^ \n]+" "GIT_REPOSITORY \"file://${repository}\"" code
                       "${code}")
endif()
if(installed_first AND CMAKE_VERSION VERSION_LESS 3.24)
  message(FATAL_ERROR "${where} cannot be checked here: FIND_PACKAGE_ARGS needs CMake 3.24")
endif()

set(work "${WORK_DIR}/sample-${INDEX}")
file(REMOVE_RECURSE "${work}")
# The harness's settings go into the project, not on the command line, so a
# sample that never reads one (an installed copy found) draws no "not used" warning.
string(CONCAT preamble "set(TORCHCOMPAT_PROBE_EXECUTABLE \"${PROBE}\" CACHE FILEPATH \"\")\n"
              "set(TORCHCOMPAT_PYTHON OFF CACHE STRING \"\")\n")
if(NOT code MATCHES "FetchContent_Declare\\(")
  string(APPEND preamble "set(TorchCompat_DIR \"${BUILD_DIR}\" CACHE PATH \"\")\n")
  if(NOT code MATCHES "find_package\\(TorchCompat")
    string(APPEND preamble "find_package(TorchCompat REQUIRED)\n")
  endif()
endif()
# The oldest policy version a consumer may have: a sample that only works with newer policies (a
# FetchContent URL without DOWNLOAD_EXTRACT_TIMESTAMP under CMP0135) warns, and -Werror=dev below
# makes that a failure.
file(WRITE "${work}/src/CMakeLists.txt"
     "cmake_minimum_required(VERSION 3.22)\n" "project(ReadmeSample${INDEX} LANGUAGES CXX)\n"
     "${preamble}" "# ${where}\n" "${code}")

# Configures the sample in work/<name> with the extra arguments; sets output.
function(configure_sample name)
  execute_process(
    COMMAND
      "${CMAKE_COMMAND}" -E env TORCHCOMPAT_OVERRIDE_DRIVER=550.54.14 TORCHCOMPAT_OVERRIDE_CUDA=12.4
      TORCHCOMPAT_OVERRIDE_GPU_ARCHS=8.6 "TORCHCOMPAT_CACHE_DIR=${work}/cache"
      "TORCHCOMPAT_PROBE_CACHE_DIR=${work}/probe-answers" "${CMAKE_COMMAND}" -Werror=dev -S
      "${work}/src" -B "${work}/${name}" ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT result EQUAL 0 OR err MATCHES "CMake (Error|Warning)")
    message(FATAL_ERROR "${where} (${name}): the sample failed or warned (${result}):\n"
                        "--- sample ---\n${code}--- stdout ---\n${out}\n--- stderr ---\n${err}")
  endif()
  set(output "${out}${err}" PARENT_SCOPE)
endfunction()

# What FetchContent did: TorchCompat fetched into _deps, or an installed copy found.
function(check_fetched name expect_fetched)
  set(fetched FALSE)
  if(EXISTS "${work}/${name}/_deps/torchcompat-src/CMakeLists.txt")
    set(fetched TRUE)
  endif()
  if(NOT fetched STREQUAL expect_fetched)
    message(FATAL_ERROR "${where} (${name}): TorchCompat fetched is ${fetched}, expected "
                        "${expect_fetched}")
  endif()
endfunction()

if(installed_first)
  configure_sample(installed "-DCMAKE_PREFIX_PATH=${RELEASE_DIR}/installed")
  check_fetched(installed FALSE)
  file(STRINGS "${work}/installed/CMakeCache.txt" found REGEX "^TorchCompat_DIR:")
  if(NOT found MATCHES "=${RELEASE_DIR}/installed/")
    message(FATAL_ERROR "${where}: with a copy installed, TorchCompat came from '${found}'")
  endif()
  configure_sample(fetched -DFETCHCONTENT_TRY_FIND_PACKAGE_MODE=NEVER)
  check_fetched(fetched TRUE)
else()
  configure_sample(build)
  if(release_archive OR git_repository)
    check_fetched(build TRUE)
  endif()
endif()
message(STATUS "${where}: configured\n${output}")
