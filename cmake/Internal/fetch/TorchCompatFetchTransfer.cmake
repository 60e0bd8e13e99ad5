#[=======================================================================[.rst:
TorchCompatFetchTransfer
------------------------

Internal: brings an archive's bytes to disk, and says exactly what arrived.

.. command:: _torchcompat_apply_mirror

  ::

    _torchcompat_apply_mirror(<out-var> <url> <mirror-base-url>)

  Replaces the official base ``https://download.pytorch.org/libtorch`` of
  ``<url>`` with ``<mirror-base-url>``; an empty mirror leaves it unchanged.

.. command:: _torchcompat_check_url_scheme

  ::

    _torchcompat_check_url_scheme(<url> <allow-http>)

  ``https://`` and ``file://`` pass; ``http://`` only with ``<allow-http>``.

.. command:: _torchcompat_download

  ::

    _torchcompat_download(<url> <destination> <allow-http> <error-var> <final-url-var>)

  Downloads with TLS verification and progress. On success ``<error-var>``
  is empty. Otherwise it says what went wrong, and ``<destination>`` is
  removed: the transfer failed or took longer than
  ``TORCHCOMPAT_DOWNLOAD_TIMEOUT`` seconds in all (default 7200) or
  ``TORCHCOMPAT_INACTIVITY_TIMEOUT`` without data (default 120); a redirect
  led to plain ``http://`` without ``<allow-http>``, or to another scheme;
  or fewer or more bytes arrived than the server announced (a full disk
  among the causes, said so when ``df`` shows it). ``<final-url-var>`` is
  the URL that answered last, after redirects.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")

# Constants as functions, not file-scope variables: this file is included once
# per configure (include_guard), and its functions run from any directory.
# The official base is the table's (libtorch-archives.json url_base), without
# its closing slash.
function(_torchcompat_official_libtorch_base out_var)
  _torchcompat_table(table libtorch-archives)
  _torchcompat_json_get(base "${table}" url_base)
  string(REGEX REPLACE "/+$" "" base "${base}")
  set(${out_var} "${base}" PARENT_SCOPE)
endfunction()

# What to do without the server that failed: a mirror is offered only when <url> is the official
# one; when it already came from a mirror, the advice says to check that mirror instead.
function(_torchcompat_offline_help out_var url)
  _torchcompat_official_libtorch_base(base)
  string(LENGTH "${base}/" base_length)
  string(SUBSTRING "${url}" 0 ${base_length} url_base)
  if(url_base STREQUAL "${base}/")
    set(text
        "To work without this server, use one of:\n"
        "  MIRROR <base-url> (or -DTORCHCOMPAT_MIRROR=...): a base URL that replaces ${base}\n")
  else()
    set(text "The archive was fetched from a mirror (MIRROR or TORCHCOMPAT_MIRROR): check that it "
             "serves the official tree below its base. To work without it, use one of:\n")
  endif()
  string(
    CONCAT text ${text}
           "  ARCHIVE <path> (or -DTORCHCOMPAT_LIBTORCH_ARCHIVE=...): a local copy of the archive\n"
           "  TORCHCOMPAT_CACHE_DIR: a cache directory that already holds it")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# <text> with the user name and password of every URL in it replaced by "***": a mirror's
# credentials (https://user:token@host/...) reach no output and no file.
function(_torchcompat_redact_credentials out text)
  string(REGEX REPLACE "([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@ \t\r\n]*@" "\\1***@" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(_torchcompat_apply_mirror out url mirror)
  set(result "${url}")
  if(NOT mirror STREQUAL "")
    string(REGEX REPLACE "/+$" "" mirror "${mirror}")
    _torchcompat_official_libtorch_base(base)
    string(LENGTH "${base}" base_length)
    string(SUBSTRING "${url}" 0 ${base_length} url_base)
    if(NOT url_base STREQUAL base)
      message(FATAL_ERROR "TorchCompat: MIRROR applies to URLs under " "${base}; got ${url}")
    endif()
    string(SUBSTRING "${url}" ${base_length} -1 url_tail)
    set(result "${mirror}${url_tail}")
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(_torchcompat_check_url_scheme url allow_http)
  _torchcompat_redact_credentials(url "${url}")
  if(url MATCHES "^[Hh][Tt][Tt][Pp][Ss]://" OR url MATCHES "^[Ff][Ii][Ll][Ee]://")
    return()
  endif()
  if(url MATCHES "^[Hh][Tt][Tt][Pp]://")
    if(NOT allow_http)
      message(
        FATAL_ERROR
          "TorchCompat: refusing plain http:// URL ${url}: it is not protected in transit. Use "
          "https://, or allow it explicitly with ALLOW_HTTP (or -DTORCHCOMPAT_ALLOW_HTTP=ON).")
    endif()
    return()
  endif()
  message(FATAL_ERROR "TorchCompat: unsupported URL ${url}: expected https:// (or file://)")
endfunction()

# A Location header resolved against the URL that sent it (absolute, scheme-relative,
# host-relative or path-relative).
function(_torchcompat_resolve_location out base location)
  if(location MATCHES "^[A-Za-z][A-Za-z0-9+.-]*:")
    set(result "${location}")
  elseif(location MATCHES "^//")
    string(REGEX MATCH "^[^:]+:" scheme "${base}")
    set(result "${scheme}${location}")
  elseif(location MATCHES "^/")
    string(REGEX MATCH "^[^:]+://[^/]*" origin "${base}")
    set(result "${origin}${location}")
  else()
    string(REGEX REPLACE "[?#].*$" "" directory "${base}")
    string(REGEX REPLACE "/[^/]*$" "/" directory "${directory}")
    set(result "${directory}${location}")
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# What curl's log says about the responses: the URL that answered last (following each Location),
# whether any hop left https (or http when allowed), the length the last response announced and its
# status code.
function(
  _torchcompat_transfer_facts
  log
  url
  allow_http
  out_final
  out_problem
  out_length
  out_status)
  set(status_line "\nHTTP/[0-9.]+ [0-9]+")
  set(location "\n[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]:[^\r\n]*")
  set(length "\n[Cc][Oo][Nn][Tt][Ee][Nn][Tt]-[Ll][Ee][Nn][Gg][Tt][Hh]:[^\r\n]*")
  string(REGEX MATCHALL "(${status_line}|${location}|${length})" headers "\n${log}")
  set(final "${url}")
  set(problem "")
  set(length "")
  set(status "")
  # curl skips any white space after the colon (space, tab, vertical tab, form feed, CR) and at
  # the end; so must a guard that reads where it went.
  string(ASCII 11 vt)
  string(ASCII 12 ff)
  set(blank "[ \t${vt}${ff}\r]")
  foreach(header IN LISTS headers)
    string(STRIP "${header}" header)
    if(header MATCHES "^HTTP/[0-9.]+ ([0-9]+)")
      set(status "${CMAKE_MATCH_1}")
      set(length "")
    elseif(header MATCHES "^[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]:${blank}*(.*)$")
      string(REGEX REPLACE "${blank}+$" "" target "${CMAKE_MATCH_1}")
      _torchcompat_resolve_location(next "${final}" "${target}")
      set(final "${next}")
      if(final MATCHES "^[Hh][Tt][Tt][Pp][Ss]://")
        continue()
      elseif(final MATCHES "^[Hh][Tt][Tt][Pp]://")
        if(NOT allow_http AND problem STREQUAL "")
          string(
            CONCAT problem
                   "the server redirected to plain http:// (${final}), which is not protected "
                   "in transit, and the bytes were discarded. Allow it with ALLOW_HTTP "
                   "(-DTORCHCOMPAT_ALLOW_HTTP=ON) only if you trust that network.")
        endif()
      elseif(problem STREQUAL "")
        set(problem "the server redirected to ${final}, but only https:// is followed")
      endif()
    elseif(header MATCHES "^[^:]+:${blank}*([0-9]+)${blank}*$")
      set(length "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${out_status} "${status}" PARENT_SCOPE)
  set(${out_final} "${final}" PARENT_SCOPE)
  set(${out_problem} "${problem}" PARENT_SCOPE)
  set(${out_length} "${length}" PARENT_SCOPE)
endfunction()

# file(DOWNLOAD) has no size limit. On POSIX hosts it runs in a child cmake whose file size the
# kernel caps (ulimit -f, counted in 512- or 1024-byte blocks by the shell; the exact limit is
# checked after): the write past it kills the child with SIGXFSZ, which stops the transfer (CMake
# ignores a failed write and would let curl go on; no core file is written). The
# URL, which may hold a mirror's credentials, goes through the environment, not the command line
# that ps shows. The child's progress goes to this process's output; its status and curl's log come
# back on stderr. Elsewhere the transfer runs in this process and the size is checked after.
function(
  _torchcompat_transfer
  url
  destination
  max_size
  limits
  out_status
  out_log)
  if(CMAKE_HOST_WIN32 OR NOT max_size GREATER 0)
    file(
      DOWNLOAD "${url}" "${destination}"
      SHOW_PROGRESS
      TLS_VERIFY ON
      ${limits}
      STATUS status
      LOG log)
    set(${out_status} "${status}" PARENT_SCOPE)
    set(${out_log} "${log}" PARENT_SCOPE)
    return()
  endif()
  math(EXPR blocks "${max_size} / 512 + 1")
  set(defines "")
  foreach(setting IN ITEMS CMAKE_TLS_CAINFO CMAKE_TLS_VERSION CMAKE_NETRC CMAKE_NETRC_FILE)
    if(DEFINED ${setting})
      list(APPEND defines "-D${setting}=${${setting}}")
    endif()
  endforeach()
  string(REPLACE ";" "," limits "${limits}")
  set(ENV{_TORCHCOMPAT_TRANSFER_URL} "${url}")
  execute_process(
    COMMAND
      sh -c "ulimit -c 0 && ulimit -f ${blocks} && exec \"$@\"" sh "${CMAKE_COMMAND}" ${defines}
      "-D_TORCHCOMPAT_TRANSFER_TO=${destination}" "-D_TORCHCOMPAT_TRANSFER_LIMITS=${limits}" -P
      "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    RESULT_VARIABLE rc
    ERROR_VARIABLE answer)
  unset(ENV{_TORCHCOMPAT_TRANSFER_URL})
  set(status "1;the download process failed (${rc})")
  set(log "")
  string(FIND "${answer}" "torchcompat-transfer-status:" at)
  if(at GREATER -1)
    string(SUBSTRING "${answer}" ${at} -1 answer)
    string(REGEX MATCH "^torchcompat-transfer-status:([^\n]*)\n" ignored "${answer}")
    set(status "${CMAKE_MATCH_1}")
    set(marker "\ntorchcompat-transfer-log:\n")
    string(FIND "${answer}" "${marker}" log_at)
    if(log_at GREATER -1)
      string(LENGTH "${marker}" marker_length)
      math(EXPR log_at "${log_at} + ${marker_length}")
      string(SUBSTRING "${answer}" ${log_at} -1 log)
    endif()
  endif()
  set(${out_status} "${status}" PARENT_SCOPE)
  set(${out_log} "${log}" PARENT_SCOPE)
endfunction()

function(_torchcompat_download url destination allow_http out_error out_final)
  _torchcompat_knob_number(overall TORCHCOMPAT_DOWNLOAD_TIMEOUT 7200)
  _torchcompat_knob_number(inactivity TORCHCOMPAT_INACTIVITY_TIMEOUT 120)
  set(limits "")
  if(overall GREATER 0)
    list(APPEND limits TIMEOUT ${overall})
  endif()
  if(inactivity GREATER 0)
    list(APPEND limits INACTIVITY_TIMEOUT ${inactivity})
  endif()
  # 16 GiB: twice the largest official libtorch archive (a Windows debug CUDA build, under 5 GiB).
  _torchcompat_knob_number(max_size TORCHCOMPAT_MAX_DOWNLOAD_SIZE 17179869184)
  _torchcompat_redact_credentials(shown "${url}")
  message(STATUS "TorchCompat: downloading ${shown}")
  _torchcompat_transfer("${url}" "${destination}" "${max_size}" "${limits}" status log)
  list(GET status 0 code)
  list(GET status 1 reason)
  _torchcompat_transfer_facts(
    "${log}"
    "${url}"
    "${allow_http}"
    final
    problem
    announced
    http_status)
  set(${out_final} "${final}" PARENT_SCOPE)
  set(via "")
  if(NOT final STREQUAL url)
    set(via " (redirected to ${final})")
  endif()

  set(error "")
  if(NOT problem STREQUAL "")
    set(error "download of ${url} refused: ${problem}")
  elseif(code EQUAL 28)
    set(error
        "download of ${url}${via} took too long: no data for "
        "TORCHCOMPAT_INACTIVITY_TIMEOUT (${inactivity} s) or not complete within "
        "TORCHCOMPAT_DOWNLOAD_TIMEOUT (${overall} s). Raise them for a slow network")
  elseif(NOT code EQUAL 0 AND max_size GREATER 0 AND EXISTS "${destination}")
    file(SIZE "${destination}" received)
    if(received GREATER_EQUAL max_size)
      set(error "download of ${url}${via} stopped at TORCHCOMPAT_MAX_DOWNLOAD_SIZE (${max_size} "
                "bytes): raise it if the archive really is that large")
    endif()
  endif()
  if(NOT error STREQUAL "")

  elseif(NOT code EQUAL 0 AND http_status MATCHES "^[45]")
    set(error "download of ${url}${via} failed: the server answered HTTP ${http_status}")
  elseif(NOT code EQUAL 0)
    set(error "download of ${url}${via} failed: ${reason} (curl error ${code})")
  else()
    set(received 0)
    if(EXISTS "${destination}")
      file(SIZE "${destination}" received)
    endif()
    if(max_size GREATER 0 AND received GREATER max_size)
      set(error "download of ${url}${via} is larger than TORCHCOMPAT_MAX_DOWNLOAD_SIZE "
                "(${max_size} bytes): raise it if the archive really is that large")
    elseif(NOT announced STREQUAL "" AND NOT received EQUAL announced)
      set(error "download of ${url}${via} is incomplete: ${received} of the ${announced} bytes "
                "the server announced arrived")
    endif()
  endif()
  if(NOT error STREQUAL "")
    string(JOIN "" error ${error})
    _torchcompat_redact_credentials(error "${error}")
    get_filename_component(dir "${destination}" DIRECTORY)
    _torchcompat_disk_note(note "${dir}")
    file(REMOVE "${destination}")
    if(NOT note STREQUAL "")
      string(APPEND error ". ${note}")
    endif()
  endif()
  set(${out_error} "${error}" PARENT_SCOPE)
endfunction()

# Run as a script by _torchcompat_transfer: the child's side.
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE AND DEFINED _TORCHCOMPAT_TRANSFER_TO)
  string(REPLACE "," ";" limits "${_TORCHCOMPAT_TRANSFER_LIMITS}")
  file(
    DOWNLOAD "$ENV{_TORCHCOMPAT_TRANSFER_URL}" "${_TORCHCOMPAT_TRANSFER_TO}"
    SHOW_PROGRESS
    TLS_VERIFY ON
    ${limits}
    STATUS status
    LOG log)
  string(REPLACE "\n" " " status "${status}")
  message(NOTICE "torchcompat-transfer-status:${status}\ntorchcompat-transfer-log:\n${log}")
endif()

cmake_policy(POP)
