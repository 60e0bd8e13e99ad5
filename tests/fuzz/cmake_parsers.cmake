# Property-based harness for the CMake-side parsers (issue 20), driven by cmake -P with generated
# inputs from a fixed seed (the run is reproducible; SEED and COUNT change it):
#
#   listing   _torchcompat_listing_model on made-up plain and verbose listings: it never stops
#             with a CMake error, and every tree it accepts holds only names the extraction may
#             write (relative, no "..", one top folder, only accepted characters, known kinds).
#   headers   _torchcompat_transfer_facts on made-up curl logs: a redirect to plain http, however
#             the header is spelled (case, any white space after the colon, CR LF), is refused
#             unless allowed, and one to https is followed.
#   profile   _torchcompat_read_target_profile on mutated probe answers, each in its own cmake -P:
#             it accepts the input or stops with a "TorchCompat: the target profile" line, never
#             with a CMake error of its own or a crash, and within the time limit.
#
# Inputs (-D): PACKAGE_DIR, PARSER (listing, headers or profile), WORK, SEED (default 20),
# COUNT (inputs per target). The input being checked is written to <WORK>/<PARSER>-input.txt
# first: after a failure it is the reproducer.
cmake_minimum_required(VERSION 3.22...4.4)
foreach(input IN ITEMS PACKAGE_DIR PARSER WORK)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "cmake_parsers.cmake needs -D${input}=...")
  endif()
endforeach()
if(NOT DEFINED SEED)
  set(SEED 20)
endif()
if(NOT DEFINED COUNT)
  set(COUNT 300)
endif()
file(MAKE_DIRECTORY "${WORK}")
set_property(GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR "${PACKAGE_DIR}")
set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${PACKAGE_DIR}/../data")
# Seeds the generator once; later calls continue its sequence.
string(RANDOM LENGTH 1 RANDOM_SEED ${SEED} ignored)

# A random integer in [0, n).
function(pick out n)
  string(RANDOM LENGTH 4 ALPHABET "0123456789" digits)
  # A leading 1 keeps math() from reading "0123" as anything but decimal.
  math(EXPR value "(1${digits} - 10000) % ${n}")
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# One of the arguments, at random.
function(choose out)
  list(LENGTH ARGN count)
  pick(at ${count})
  list(GET ARGN ${at} value)
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(fail what)
  message(FATAL_ERROR "FAIL ${PARSER}: ${what} (input: ${WORK}/${PARSER}-input.txt)")
endfunction()

string(ASCII 9 tab)
string(ASCII 11 vt)
string(ASCII 12 ff)
string(ASCII 13 cr)
string(ASCII 27 esc)
string(ASCII 127 del)
string(ASCII 233 high)

# A name component: mostly plausible, sometimes hostile. In a tidy input (check_listing sets
# tidy), only names a libtorch could hold, in either letter case, and dots: the names the
# whole-list reading of TorchCompatFetchBulkModel accepts or refuses on its own.
function(random_component out)
  pick(kind 10)
  if(tidy)
    choose(
      part
      libtorch
      LibTorch
      lib
      Lib
      include
      a.h
      A.h
      x
      x
      .
      ..
      "")
  elseif(kind LESS 5)
    choose(
      part
      libtorch
      lib
      include
      share
      cmake
      Torch
      TorchConfig.cmake
      a.h
      libc10.so
      x)
  elseif(kind EQUAL 5)
    choose(part ".." "." "")
  else()
    string(RANDOM LENGTH 3 ALPHABET "ab.-_:<>|?*\\\"'[]${tab}${cr}${esc}${del}${high}${vt}~ " part)
  endif()
  set(${out} "${part}" PARENT_SCOPE)
endfunction()

function(random_path out)
  pick(depth 4)
  set(parts "")
  foreach(i RANGE ${depth})
    random_component(part)
    string(APPEND parts "/${part}")
  endforeach()
  pick(root 6)
  if(tidy AND root LESS 4)
    set(path "libtorch${parts}")
  elseif(root EQUAL 0)
    set(path "${parts}")
  elseif(root EQUAL 1)
    set(path "C:${parts}")
  else()
    set(path "libtorch${parts}")
  endif()
  set(${out} "${path}" PARENT_SCOPE)
endfunction()

# The accepted names: printable ASCII without \ ; [ ] " ' < > : | ? *.
set(accepted "^[-!#$%&()+,./0-9=@A-Z^_`a-z{}~ ]*$")

function(check_listing)
  # A libtorch's layout first (sometimes), so that some inputs pass and the accepted side is
  # exercised too; then random entries.
  set(names "")
  set(verbose "")
  pick(tidy 2)
  pick(layout 2)
  if(layout EQUAL 0)
    foreach(name IN ITEMS libtorch/ libtorch/lib/ libtorch/include/
                          libtorch/share/cmake/Torch/TorchConfig.cmake)
      string(APPEND names "${name}\n")
      if(name MATCHES "/$")
        string(APPEND verbose "drwxr-xr-x  0 0      0           0 14 Mar  2023 ${name}\n")
      else()
        string(APPEND verbose "-rw-r--r--  0 0      0         276 14 Mar  2023 ${name}\n")
      endif()
    endforeach()
  endif()
  pick(count 5)
  foreach(i RANGE ${count})
    random_path(name)
    choose(
      type
      "-"
      "-"
      "d"
      "l"
      "h"
      "c")
    pick(size 100000)
    if(type STREQUAL "l")
      random_path(target)
      pick(relative 2)
      if(relative EQUAL 0)
        string(REGEX REPLACE "^libtorch/?" "../" target "${target}")
      endif()
      string(APPEND verbose "lrwxrwxrwx  0 0 0 0 14 Mar  2023 ${name} -> ${target}\n")
    else()
      string(APPEND verbose "${type}rw-r--r--  0 0      0 ${size} 14 Mar  2023 ${name}\n")
    endif()
    string(APPEND names "${name}\n")
  endforeach()
  file(WRITE "${WORK}/${PARSER}-input.txt" "${names}--- verbose ---\n${verbose}")
  _torchcompat_listing_model("${names}" "${verbose}" "" model)
  # The whole-list reading (TorchCompatFetchBulkModel) and the entry-by-entry one agree on every
  # listing: the same verdict and the same tree.
  set(_torchcompat_model_entrywise TRUE)
  _torchcompat_listing_model("${names}" "${verbose}" "" entrywise)
  unset(_torchcompat_model_entrywise)
  foreach(reading IN ITEMS model entrywise)
    set(rows_${reading} "")
    foreach(
      name
      kind
      size
      target
      IN
      ZIP_LISTS
      ${reading}_NAMES
      ${reading}_KINDS
      ${reading}_SIZES
      ${reading}_TARGETS)
      list(APPEND rows_${reading} "${name}|${kind}|${size}|${target}")
    endforeach()
    list(SORT rows_${reading})
  endforeach()
  if(NOT model_ERROR STREQUAL entrywise_ERROR OR NOT model_TOP STREQUAL entrywise_TOP
     OR NOT rows_model STREQUAL rows_entrywise)
    fail("the whole-list reading gave \"${model_ERROR}\" ${rows_model}, the entry-by-entry one "
         "\"${entrywise_ERROR}\" ${rows_entrywise}")
  endif()
  if(NOT model_ERROR STREQUAL "")
    return()
  endif()
  set(accepted_count 1)
  set(sizes "${model_SIZES}")
  foreach(
    name
    kind
    size
    IN
    ZIP_LISTS
    model_NAMES
    model_KINDS
    sizes)
    if(name MATCHES "^/" OR name MATCHES "(^|/)\\.\\.(/|$)" OR NOT name MATCHES "${accepted}")
      fail("accepted the entry '${name}'")
    endif()
    if(NOT name STREQUAL model_TOP AND NOT name MATCHES "^${model_TOP}/")
      fail("accepted '${name}' outside the top folder ${model_TOP}")
    endif()
    if(NOT kind MATCHES "^[fdl]$" OR NOT size MATCHES "^[0-9]+$")
      fail("accepted '${name}' as kind '${kind}', size '${size}'")
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY accepted_inputs 1)
endfunction()

function(check_headers)
  pick(scheme 3)
  choose(target_scheme "http" "HTTP" "https" "hTtPs")
  set(location "${target_scheme}://127.0.0.1:1/next.zip")
  choose(name "Location" "location" "LOCATION" "LoCaTiOn")
  choose(
    before
    ""
    " "
    "${tab}"
    "${vt}"
    "${ff}"
    "  ${tab}"
    "${tab} ")
  choose(after "" " " "${tab}" "${cr}")
  choose(status "301" "302" "307" "308")
  set(log "[1 bytes data]\nHTTP/1.1 ${status} Found\n${name}:${before}${location}${after}\n")
  string(APPEND log "Content-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 10\n")
  pick(allow 2)
  file(WRITE "${WORK}/${PARSER}-input.txt" "${log}--- allow_http=${allow}\n")
  _torchcompat_transfer_facts(
    "${log}"
    "https://example.invalid/a.zip"
    ${allow}
    final
    problem
    length
    http_status)
  if(NOT final STREQUAL location)
    fail("the redirect's target read as '${final}', not '${location}'")
  endif()
  string(TOLOWER "${target_scheme}" lower)
  if(lower STREQUAL "http" AND NOT allow AND NOT problem MATCHES "plain http://")
    fail("a redirect to plain http was not refused (problem: '${problem}')")
  endif()
  if((lower STREQUAL "https" OR allow) AND NOT problem STREQUAL "")
    fail("a redirect that may be followed was refused: ${problem}")
  endif()
  if(NOT http_status STREQUAL "200" OR NOT length STREQUAL "10")
    fail("the last response read as status '${http_status}', length '${length}'")
  endif()
endfunction()

function(check_profile seed_json index)
  # One mutation of the probe answer: a byte changed, a piece cut out or repeated, or deep nesting.
  string(LENGTH "${seed_json}" length)
  pick(at ${length})
  pick(kind 6)
  if(kind EQUAL 0)
    string(SUBSTRING "${seed_json}" 0 ${at} json)
  elseif(kind EQUAL 1)
    string(RANDOM LENGTH 1 ALPHABET "{}[]\",:0123456789.-nulltrue \\${tab}" char)
    string(SUBSTRING "${seed_json}" 0 ${at} head)
    math(EXPR rest "${at} + 1")
    string(SUBSTRING "${seed_json}" ${rest} -1 tail)
    set(json "${head}${char}${tail}")
  elseif(kind EQUAL 2)
    pick(depth 3000)
    string(REPEAT "[" ${depth} open)
    string(REPEAT "]" ${depth} close)
    string(REPLACE "\"toolkits\":" "\"deep\": ${open}${close}, \"toolkits\":" json "${seed_json}")
  elseif(kind EQUAL 3)
    pick(many 3000)
    string(JSON gpu GET "${seed_json}" gpus 0)
    string(REPEAT "${gpu}," ${many} more)
    string(REPLACE "\"gpus\": [" "\"gpus\": [${more}" json "${seed_json}")
  elseif(kind EQUAL 4)
    choose(
      value
      "{\"a\": 1}"
      "[1]"
      "\"8.6\""
      "null"
      "-1"
      "1e999"
      "\"\\u0000\"")
    choose(member compute_capability index memory_bytes name)
    # A backslash in the value would be an escape of the replacement: doubled.
    string(REPLACE "\\" "\\\\" value "${value}")
    string(REGEX REPLACE "\"${member}\": [^,}]*" "\"${member}\": ${value}" json "${seed_json}")
  else()
    set(json "${seed_json}")
  endif()
  set(input "${WORK}/profile-${index}.json")
  file(WRITE "${input}" "${json}")
  file(WRITE "${WORK}/${PARSER}-input.txt" "${input}\n")
  file(
    WRITE "${WORK}/read-profile.cmake"
    "set_property(GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR \"${PACKAGE_DIR}\")\n"
    "include(\"${PACKAGE_DIR}/Internal/machine/TorchCompatTargetProfile.cmake\")\n"
    "_torchcompat_read_target_profile(\"\${FILE}\" p)\n" "message(STATUS \"accepted\")\n")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DFILE=${input}" -P "${WORK}/read-profile.cmake"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    TIMEOUT 60)
  string(REGEX REPLACE "[ \n]+" " " flat "${err}")
  if(rc EQUAL 0)
    if(NOT out MATCHES "accepted")
      fail("the reader ended without a verdict: ${out}${err}")
    endif()
    set_property(GLOBAL APPEND PROPERTY accepted_inputs 1)
  elseif(NOT rc EQUAL 1 OR NOT flat MATCHES "TorchCompat: the target profile ")
    fail("the reader stopped with ${rc} and not with its own error: ${err}")
  elseif(flat MATCHES
         "CMake Error at [^ ]*/TorchCompat[A-Za-z]*\\.cmake:[0-9]+ \\((string|math|list|if)\\)")
    fail("a CMake command failed inside the reader: ${err}")
  else()
    file(REMOVE "${input}")
  endif()
endfunction()

if(PARSER STREQUAL "listing")
  include("${PACKAGE_DIR}/Internal/fetch/TorchCompatFetchValidate.cmake")
  foreach(i RANGE 1 ${COUNT})
    check_listing()
  endforeach()
elseif(PARSER STREQUAL "headers")
  include("${PACKAGE_DIR}/Internal/fetch/TorchCompatFetchTransfer.cmake")
  foreach(i RANGE 1 ${COUNT})
    check_headers()
  endforeach()
elseif(PARSER STREQUAL "profile")
  file(READ "${PACKAGE_DIR}/../tests/cmake/Profile/ProfileApplies.cmake" body)
  string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" seed_json "${body}")
  set(seed_json "${CMAKE_MATCH_1}")
  foreach(i RANGE 1 ${COUNT})
    check_profile("${seed_json}" ${i})
  endforeach()
else()
  message(FATAL_ERROR "cmake_parsers.cmake: unknown PARSER '${PARSER}'")
endif()
get_property(accepted GLOBAL PROPERTY accepted_inputs)
list(LENGTH accepted accepted)
message(STATUS "${PARSER}: ${COUNT} inputs (seed ${SEED}), every property held; ${accepted} "
               "accepted by the listing or profile reader")
