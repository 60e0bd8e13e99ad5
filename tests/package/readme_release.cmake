# What the README's FetchContent samples fetch, made from this tree the way the
# README says a release is made: the release archive (cpack's source package),
# a git repository holding it, tagged v<version>, and an installed copy.
# Inputs: BUILD_DIR (a TorchCompat build tree), OUT_DIR, VERSION_FILE, CPACK_COMMAND.
cmake_minimum_required(VERSION 3.22...4.4)
include("${VERSION_FILE}")
set(version "${_TORCHCOMPAT_VERSION}")

function(run_checked what)
  execute_process(
    COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${output}")
  endif()
endfunction()

file(REMOVE_RECURSE "${OUT_DIR}")
run_checked("cpack (source package)" "${CPACK_COMMAND}" --config
            "${BUILD_DIR}/CPackSourceConfig.cmake" -B "${OUT_DIR}")
set(archive "${OUT_DIR}/torchcompat-${version}.tar.gz")
if(NOT EXISTS "${archive}")
  message(FATAL_ERROR "the source package is not ${archive}")
endif()
file(STRINGS "${archive}.sha256" recorded LIMIT_COUNT 1)
file(SHA256 "${archive}" actual)
if(NOT recorded MATCHES "^${actual}")
  message(FATAL_ERROR "${archive}.sha256 says '${recorded}', the archive's is ${actual}")
endif()
# Made again a second later (new time stamps on every staged copy): byte for byte the same, or a
# re-made release would break every consumer's URL_HASH.
execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 1.1)
run_checked("cpack (source package, again)" "${CPACK_COMMAND}" --config
            "${BUILD_DIR}/CPackSourceConfig.cmake" -B "${OUT_DIR}/again")
file(SHA256 "${OUT_DIR}/again/torchcompat-${version}.tar.gz" again)
if(NOT again STREQUAL actual)
  message(FATAL_ERROR "the source package is not reproducible: ${actual}, then ${again}")
endif()

run_checked("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix
            "${OUT_DIR}/installed")

find_program(git git)
if(git)
  set(repo "${OUT_DIR}/repository")
  file(MAKE_DIRECTORY "${repo}")
  run_checked(
    "unpacking ${archive}"
    "${CMAKE_COMMAND}"
    -E
    chdir
    "${repo}"
    "${CMAKE_COMMAND}"
    -E
    tar
    xzf
    "${archive}")
  set(repo "${repo}/torchcompat-${version}")
  set(git_in_repo
      "${git}"
      -C
      "${repo}"
      -c
      user.name=TorchCompat-tests
      -c
      user.email=tests@localhost)
  run_checked("git init" ${git_in_repo} init -q)
  run_checked("git add" ${git_in_repo} add -A)
  run_checked("git commit" ${git_in_repo} commit -q -m "TorchCompat ${version}")
  run_checked("git tag" ${git_in_repo} tag "v${version}")
endif()
message(STATUS "release ${version}: ${archive}")
