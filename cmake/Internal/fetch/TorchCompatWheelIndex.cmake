#[=======================================================================[.rst:
TorchCompatWheelIndex
---------------------

Internal: reads a Python package index (PyPI, or the mirror that
``TORCHCOMPAT_PYPI_INDEX_URL`` names, like pip's ``--index-url``) for the
files of a project and the SHA-256 it publishes for each, and picks the wheel
for a platform.

``_torchcompat_pypi_index`` (the index's base URL) lives in
``TorchCompatWheelTable``, for the selector too.

.. command:: _torchcompat_index_files

  ::

    _torchcompat_index_files(<prefix> <project> <work-dir> <allow-http>)

  Reads ``<index>/<project>/`` asking for PEP 691 JSON
  (``Accept: application/vnd.pypi.simple.v1+json``) and taking PEP 503 HTML
  where the index only has that. Sets ``<prefix>_NAMES``, ``_URLS`` (absolute)
  and ``_HASHES`` (the published SHA-256, lower case, ``-`` where the index
  gives none) for the files that are not yanked, or ``<prefix>_ERROR``.

.. command:: _torchcompat_wheel_fits

  ::

    _torchcompat_wheel_fits(<out-floor> <file-name> <platform> <glibc-limit>)

  Whether a wheel's platform tag runs on ``<platform>`` (``linux-x86_64``,
  ``linux-aarch64``, ``windows-x86_64``, ``macos-arm64``): ``<out-floor>`` is
  the glibc the tag declares (PEP 600; ``manylinux1``/``2010``/``2014`` are
  2.5/2.12/2.17), ``0`` for a tag without one (``win_amd64``, ``macosx_*``,
  ``any``), or empty when it does not fit. A non-empty ``<glibc-limit>``
  refuses floors above it.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchTransfer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelRequires.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatWheelTable.cmake")

function(_torchcompat_index_files prefix project work_dir allow_http)
  foreach(part IN ITEMS NAMES URLS HASHES ERROR)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_pypi_index(index)
  _torchcompat_normalize_project(project "${project}")
  set(page "${index}/${project}/")
  _torchcompat_redact_credentials(shown "${page}")
  _torchcompat_check_url_scheme("${page}" "${allow_http}")
  _torchcompat_temp_suffix(suffix)
  set(body_file "${work_dir}/${suffix}-index.tmp")
  _torchcompat_knob_number(inactivity TORCHCOMPAT_INACTIVITY_TIMEOUT 120)
  # PEP 691: JSON where the index speaks it, its HTML otherwise (q values rank them).
  file(
    DOWNLOAD "${page}" "${body_file}"
    HTTPHEADER
      "Accept: application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"
    TLS_VERIFY ON
    INACTIVITY_TIMEOUT ${inactivity}
    TIMEOUT 600
    STATUS status
    LOG log)
  list(GET status 0 code)
  _torchcompat_transfer_facts(
    "${log}"
    "${page}"
    "${allow_http}"
    final
    problem
    length
    http_status)
  set(body "")
  if(EXISTS "${body_file}")
    file(READ "${body_file}" body)
    file(REMOVE "${body_file}")
  endif()
  if(NOT problem STREQUAL "")
    set(${prefix}_ERROR "the index page ${shown} was refused: ${problem}" PARENT_SCOPE)
    return()
  elseif(NOT code EQUAL 0)
    if(http_status MATCHES "^[45]")
      set(reason "the server answered HTTP ${http_status}")
    else()
      list(GET status 1 reason)
      set(reason "${reason} (curl error ${code})")
    endif()
    set(${prefix}_ERROR "reading the index page ${shown} failed: ${reason}" PARENT_SCOPE)
    return()
  endif()
  string(STRIP "${body}" stripped)
  if(stripped MATCHES "^{")
    _torchcompat_index_json(names urls hashes error "${body}" "${final}")
  else()
    _torchcompat_index_html(names urls hashes error "${body}" "${final}")
  endif()
  if(NOT error STREQUAL "")
    set(${prefix}_ERROR "the index page ${shown} cannot be read: ${error}" PARENT_SCOPE)
    return()
  endif()
  set(${prefix}_NAMES "${names}" PARENT_SCOPE)
  set(${prefix}_URLS "${urls}" PARENT_SCOPE)
  set(${prefix}_HASHES "${hashes}" PARENT_SCOPE)
endfunction()

# The names, URLs and hashes that a file list holds; a name or URL with ";" would split the lists
# and no wheel is named so: such files are left out.
function(
  _torchcompat_index_json
  out_names
  out_urls
  out_hashes
  out_error
  body
  page)
  set(names "")
  set(urls "")
  set(hashes "")
  string(JSON count ERROR_VARIABLE error LENGTH "${body}" files)
  if(error)
    set(${out_error} "no PEP 691 file list (${error})" PARENT_SCOPE)
    return()
  endif()
  set(index 0)
  while(index LESS count)
    string(JSON file GET "${body}" files ${index})
    math(EXPR index "${index} + 1")
    string(
      JSON
      name
      ERROR_VARIABLE
      error
      GET
      "${file}"
      filename)
    string(
      JSON
      url
      ERROR_VARIABLE
      url_error
      GET
      "${file}"
      url)
    string(
      JSON
      hash
      ERROR_VARIABLE
      hash_error
      GET
      "${file}"
      hashes
      sha256)
    string(
      JSON
      yanked
      ERROR_VARIABLE
      yanked_error
      GET
      "${file}"
      yanked)
    if(error
       OR url_error
       OR name MATCHES ";"
       OR url MATCHES ";")
      continue()
    endif()
    if(NOT yanked_error
       AND NOT yanked STREQUAL ""
       AND NOT yanked STREQUAL "OFF"
       AND NOT yanked STREQUAL "false")
      continue()
    endif()
    if(hash_error)
      set(hash "-")
    endif()
    _torchcompat_resolve_location(url "${page}" "${url}")
    _torchcompat_url_without_dots(url "${url}")
    string(TOLOWER "${hash}" hash)
    list(APPEND names "${name}")
    list(APPEND urls "${url}")
    list(APPEND hashes "${hash}")
  endwhile()
  set(${out_names} "${names}" PARENT_SCOPE)
  set(${out_urls} "${urls}" PARENT_SCOPE)
  set(${out_hashes} "${hashes}" PARENT_SCOPE)
  set(${out_error} "" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_index_html
  out_names
  out_urls
  out_hashes
  out_error
  body
  page)
  set(names "")
  set(urls "")
  set(hashes "")
  string(REGEX MATCHALL "<[aA][ \t\r\n][^>]*>[^<]*</[aA]>" anchors "${body}")
  foreach(anchor IN LISTS anchors)
    if(anchor MATCHES "data-yanked")
      continue()
    endif()
    if(NOT anchor MATCHES "[ \t\r\n][hH][rR][eE][fF]=\"([^\"]*)\"")
      continue()
    endif()
    set(href "${CMAKE_MATCH_1}")
    string(REGEX REPLACE "^.*>([^<]*)</[aA]>$" "\\1" name "${anchor}")
    string(STRIP "${name}" name)
    string(REPLACE "&amp;" "&" href "${href}")
    set(hash "-")
    if(href MATCHES "#sha256=([0-9a-fA-F]+)")
      string(TOLOWER "${CMAKE_MATCH_1}" hash)
    endif()
    string(REGEX REPLACE "#.*$" "" href "${href}")
    _torchcompat_resolve_location(url "${page}" "${href}")
    _torchcompat_url_without_dots(url "${url}")
    list(APPEND names "${name}")
    list(APPEND urls "${url}")
    list(APPEND hashes "${hash}")
  endforeach()
  if(names STREQUAL "" AND NOT body MATCHES "<[hH][tT][mM][lL]|<![dD][oO][cC][tT][yY][pP][eE]")
    set(${out_error} "neither PEP 691 JSON nor a PEP 503 page" PARENT_SCOPE)
    return()
  endif()
  set(${out_names} "${names}" PARENT_SCOPE)
  set(${out_urls} "${urls}" PARENT_SCOPE)
  set(${out_hashes} "${hashes}" PARENT_SCOPE)
  set(${out_error} "" PARENT_SCOPE)
endfunction()

# A link resolved against its page keeps its "../": removed here (RFC 3986 dot segments), so that
# the URL shown and recorded is the one the server answers for.
function(_torchcompat_url_without_dots out url)
  string(REGEX MATCH "^[A-Za-z][A-Za-z0-9+.-]*://[^/]*" origin "${url}")
  string(LENGTH "${origin}" origin_length)
  string(SUBSTRING "${url}" ${origin_length} -1 path)
  set(previous "")
  while(NOT path STREQUAL previous)
    set(previous "${path}")
    string(REGEX REPLACE "/\\./" "/" path "${path}")
    string(REGEX REPLACE "/[^/?#]+/\\.\\./" "/" path "${path}")
  endwhile()
  string(REGEX REPLACE "^/\\.\\./" "/" path "${path}")
  set(${out} "${origin}${path}" PARENT_SCOPE)
endfunction()

function(_torchcompat_wheel_fits out filename platform limit)
  set(floor "")
  if(NOT filename MATCHES "\\.whl$")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  string(REGEX REPLACE "\\.whl$" "" stem "${filename}")
  string(REGEX REPLACE "^.*-" "" tags "${stem}")
  string(REPLACE "." ";" tags "${tags}")
  string(REGEX REPLACE "^[^-]+-" "" machine "${platform}")
  foreach(tag IN LISTS tags)
    set(candidate "")
    if(tag STREQUAL "any")
      set(candidate 0)
    elseif(platform MATCHES "^linux-")
      if(tag MATCHES "^manylinux_([0-9]+)_([0-9]+)_${machine}$")
        set(candidate "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
      elseif(tag STREQUAL "manylinux1_${machine}")
        set(candidate 2.5)
      elseif(tag STREQUAL "manylinux2010_${machine}")
        set(candidate 2.12)
      elseif(tag STREQUAL "manylinux2014_${machine}")
        set(candidate 2.17)
      endif()
    elseif(platform STREQUAL "windows-x86_64" AND tag STREQUAL "win_amd64")
      set(candidate 0)
    elseif(platform STREQUAL "macos-arm64" AND tag MATCHES
                                               "^macosx_[0-9]+_[0-9]+_(arm64|universal2)$")
      set(candidate 0)
    endif()
    if(candidate STREQUAL "")
      continue()
    endif()
    if(NOT limit STREQUAL "" AND candidate VERSION_GREATER limit)
      continue()
    endif()
    # A compressed tag set runs where its lowest member runs.
    if(floor STREQUAL "" OR candidate VERSION_LESS floor)
      set(floor "${candidate}")
    endif()
  endforeach()
  set(${out} "${floor}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
