# RunCMake-style driver for one fetch case: cases/<CASE>.cmake runs steps with fetch_run() (a nested
# cmake or other process whose result code and output are checked) and asserts on the files left
# behind with fetch_assert().
#
# Inputs (-D): CASE, REPO, WORK (the case's own scratch directory, emptied here), SERVED (the
# archives), STATE (the server's port, pid and log), PACKAGE_DIR (TorchCompat_DIR for nested
# projects), GENERATOR, CXX, TAG (optional, see below), PYTHON, PROBE (the built probe, so that nested configures need not
# compile one), TLS_CA (the certificate of the server's TLS listener).
cmake_minimum_required(VERSION 3.22)

# A case that failed midway may have left its read-only bind mount or small tmpfs behind.
if(EXISTS /proc/mounts)
  file(STRINGS /proc/mounts mounts REGEX " ${WORK}/")
  foreach(mount IN LISTS mounts)
    string(REGEX REPLACE "^[^ ]+ ([^ ]+) .*$" "\\1" point "${mount}")
    execute_process(COMMAND umount "${point}" OUTPUT_QUIET ERROR_QUIET)
  endforeach()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(READ "${STATE}/port" PORT)
string(STRIP "${PORT}" PORT)
file(READ "${STATE}/tls-port" TLS_PORT)
string(STRIP "${TLS_PORT}" TLS_PORT)
set(CACHE_DIR "${WORK}/cache")
# The per-user pin store of every nested run: this case's own, never the user's.
set(STATE_DIR "${WORK}/state")
set(ENV{TORCHCOMPAT_STATE_DIR} "${STATE_DIR}")
# TAG names this run's requests in the server log and its files in the served tree: the same case
# runs under several CMakes at once.
if(NOT DEFINED TAG)
  set(TAG "${CASE}")
endif()
set(FETCH_SCRIPT "${REPO}/tests/fetch/fetch-archive.cmake")
set(OFFICIAL_URL
    "https://download.pytorch.org/libtorch/cpu/libtorch-cxx11-abi-shared-with-deps-1.13.1%2Bcpu.zip"
)
set(fetch_step 0)

# fetch_run(<name> [EXPECT_FAIL] COMMAND <cmd...> [EXPECT <regex>...] [REJECT <regex>...]) Output
# (stdout and stderr together, line breaks and indentation folded to single spaces) must match every
# EXPECT and no REJECT; it is kept in FETCH_OUTPUT and in <WORK>/<n>-<name>.log.
function(fetch_run name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "" "COMMAND;EXPECT;REJECT")
  math(EXPR step "${fetch_step} + 1")
  set(fetch_step ${step} PARENT_SCOPE)
  execute_process(
    COMMAND ${arg_COMMAND}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
  set(log "${WORK}/${step}-${name}.log")
  string(JOIN " " command_line ${arg_COMMAND})
  file(WRITE "${log}" "$ ${command_line}\n[exit ${rc}]\n${out}")
  string(REGEX REPLACE "[ \t\r\n]+" " " flat "${out}")
  if(arg_EXPECT_FAIL AND rc EQUAL 0)
    message(FATAL_ERROR "FAIL ${name}: expected failure, got success. Output (${log}):\n${out}")
  elseif(NOT arg_EXPECT_FAIL AND NOT rc EQUAL 0)
    message(FATAL_ERROR "FAIL ${name}: exit ${rc}. Output (${log}):\n${out}")
  endif()
  foreach(regex IN LISTS arg_EXPECT)
    if(NOT flat MATCHES "${regex}")
      message(FATAL_ERROR "FAIL ${name}: output lacks /${regex}/. Output (${log}):\n${out}")
    endif()
  endforeach()
  foreach(regex IN LISTS arg_REJECT)
    if(flat MATCHES "${regex}")
      message(FATAL_ERROR "FAIL ${name}: output has /${regex}/. Output (${log}):\n${out}")
    endif()
  endforeach()
  message(STATUS "ok ${step} ${name}")
  set(FETCH_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# fetch_archive(<name> [EXPECT_FAIL] ARGS -D<KEY>=<value>... [EXPECT ...] [REJECT ...]) Runs
# _torchcompat_fetch_archive in a cmake -P process; sets FETCH_RESULT_DIR.
function(fetch_archive name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "" "ARGS;EXPECT;REJECT")
  set(fail "")
  if(arg_EXPECT_FAIL)
    set(fail EXPECT_FAIL)
  endif()
  fetch_run(
    "${name}"
    ${fail}
    COMMAND "${CMAKE_COMMAND}" "-DREPO=${REPO}" ${arg_ARGS} -P "${FETCH_SCRIPT}"
    EXPECT ${arg_EXPECT}
    REJECT ${arg_REJECT})
  set(result "")
  if(FETCH_OUTPUT MATCHES "RESULT_DIR=([^\n]*)")
    set(result "${CMAKE_MATCH_1}")
  endif()
  set(FETCH_RESULT_DIR "${result}" PARENT_SCOPE)
  set(FETCH_OUTPUT "${FETCH_OUTPUT}" PARENT_SCOPE)
  set(fetch_step ${fetch_step} PARENT_SCOPE)
endfunction()

# Assertions on variables (by name) and files; each failure says what it saw.
function(expect_that var op value)
  if(NOT "${${var}}" ${op} "${value}")
    message(FATAL_ERROR "FAIL: ${var} is \"${${var}}\", expected ${op} \"${value}\"")
  endif()
endfunction()

function(expect_empty var)
  if(NOT "${${var}}" STREQUAL "")
    message(FATAL_ERROR "FAIL: ${var} should be empty, is \"${${var}}\"")
  endif()
endfunction()

function(expect_nonempty var)
  if("${${var}}" STREQUAL "")
    message(FATAL_ERROR "FAIL: ${var} is empty")
  endif()
endfunction()

function(expect_exists path)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "FAIL: ${path} does not exist")
  endif()
endfunction()

function(expect_missing path)
  if(EXISTS "${path}")
    message(FATAL_ERROR "FAIL: ${path} exists")
  endif()
endfunction()

# The loopback server's URL prefix for a mode; the tag names this case's requests in the server log.
function(server_url out mode tag)
  set(${out} "http://127.0.0.1:${PORT}/${mode}/${TAG}-${tag}" PARENT_SCOPE)
endfunction()

# serve_official(<out-mirror> <archive> [<version>]): serves <archive> under the official file name
# of the 1.13.1 (or <version>) cpu archive in this case's own folder of the served tree, and sets
# <out-mirror> to the mirror base URL that reaches it.
function(serve_official out archive)
  string(REGEX REPLACE "^.*/libtorch/" "" tail "${OFFICIAL_URL}")
  string(REPLACE "%2B" "+" tail "${tail}")
  if(ARGC GREATER 2)
    string(REPLACE "1.13.1" "${ARGV2}" tail "${tail}")
  endif()
  file(MAKE_DIRECTORY "${SERVED}/${TAG}/cpu")
  file(REMOVE "${SERVED}/${TAG}/${tail}")
  # The server follows links only inside the served tree; an archive of the case's own is copied.
  string(FIND "${archive}" "${SERVED}/" at)
  if(at EQUAL 0)
    file(CREATE_LINK "${archive}" "${SERVED}/${TAG}/${tail}" COPY_ON_ERROR SYMBOLIC)
  else()
    configure_file("${archive}" "${SERVED}/${TAG}/${tail}" COPYONLY)
  endif()
  server_url(mirror normal provider)
  set(${out} "${mirror}/${TAG}" PARENT_SCOPE)
endfunction()

# Number of requests the server answered for this case's tag.
function(server_requests out tag)
  set(count 0)
  if(EXISTS "${STATE}/server.log")
    file(STRINGS "${STATE}/server.log" lines REGEX " ${TAG}-${tag} ")
    list(LENGTH lines count)
  endif()
  set(${out} ${count} PARENT_SCOPE)
endfunction()

# The cache entry directory of a key, as TorchCompatDownload names it.
function(cache_entry out cache key)
  string(SHA256 hash "${key}")
  string(SUBSTRING "${hash}" 0 20 hash)
  set(${out} "${cache}/libtorch/${hash}" PARENT_SCOPE)
endfunction()

# Files left behind in a cache that nothing may use: temporaries and downloads.
function(cache_leftovers out cache)
  file(GLOB_RECURSE found LIST_DIRECTORIES true "${cache}/*")
  list(FILTER found INCLUDE REGEX "\\.(part|tmp)$")
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# make_archive(<out-var> <kind> <file-name>): builds one of make-libtorch-archive's kinds into this
# case's directory; escapes aim at <WORK>/outside, which the case then checks with
# expect_unchanged_outside().
set(OUTSIDE "${WORK}/outside")
file(MAKE_DIRECTORY "${OUTSIDE}")
file(WRITE "${OUTSIDE}/secret.txt" "not for the archive\n")
function(make_archive out kind name)
  execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-libtorch-archive" ${kind}
                          "${WORK}/archives/${name}" --outside "${OUTSIDE}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "make-libtorch-archive ${kind} failed: ${rc}")
  endif()
  set(${out} "${WORK}/archives/${name}" PARENT_SCOPE)
endfunction()

# Everything below <dir>: each path with its kind and size (links with their target), sorted.
function(tree_snapshot out dir)
  file(
    GLOB_RECURSE paths
    LIST_DIRECTORIES true
    RELATIVE "${dir}"
    "${dir}/*")
  set(snapshot "")
  foreach(path IN LISTS paths)
    if(IS_SYMLINK "${dir}/${path}")
      file(READ_SYMLINK "${dir}/${path}" target)
      list(APPEND snapshot "${path} -> ${target}")
    elseif(IS_DIRECTORY "${dir}/${path}")
      list(APPEND snapshot "${path}/")
    else()
      file(SIZE "${dir}/${path}" size)
      file(SHA256 "${dir}/${path}" hash)
      list(APPEND snapshot "${path} ${size} ${hash}")
    endif()
  endforeach()
  list(SORT snapshot)
  set(${out} "${snapshot}" PARENT_SCOPE)
endfunction()

function(expect_unchanged_outside)
  tree_snapshot(now "${OUTSIDE}")
  file(SHA256 "${OUTSIDE}/secret.txt" secret)
  file(WRITE "${WORK}/expected-secret.txt" "not for the archive\n")
  file(SHA256 "${WORK}/expected-secret.txt" expected)
  list(LENGTH now count)
  if(NOT count EQUAL 1 OR NOT secret STREQUAL expected)
    message(FATAL_ERROR "FAIL: ${OUTSIDE} changed: ${now}")
  endif()
endfunction()

include("${REPO}/tests/fetch/cases/${CASE}.cmake")
message(STATUS "PASS ${CASE}")
