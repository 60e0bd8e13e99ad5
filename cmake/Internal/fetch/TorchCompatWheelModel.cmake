#[=======================================================================[.rst:
TorchCompatWheelModel
---------------------

Internal: the archive checks of :command:`_torchcompat_archive_model` for a
wheel, of which only what C++ needs is unpacked.

.. command:: _torchcompat_wheel_model

  ::

    _torchcompat_wheel_model(<wheel> <kind> <prefix> [HASH])

  Lists the whole wheel once with the reader that extracts it (with
  ``HASH``, its SHA-256 computed by a second child meanwhile), refuses what
  the zip checks refuse anywhere in it (names, the central directory's
  count, the caps), and builds the model of the part that will be
  unpacked, with whole-list operations:
  ``torch/{include,lib,share}`` and ``torch/version.py`` for ``<kind>``
  ``torch`` (which must hold a libtorch), ``nvidia/<pkg>/lib`` for
  ``nvidia``. A wheel's other top-level entries (``functorch/``,
  ``torch-X.dist-info/``, Python code) are expected and left packed; none
  of its names may be one the extraction's patterns would read as
  normalized (a ``.`` or ``..`` part, ``//``, a leading ``/``) or lie below
  a path to extract without being part of it. Sets
  what :command:`_torchcompat_archive_model` sets, plus
  ``<prefix>_MEMBERS`` (the paths to extract), ``<prefix>_DIST_INFO``
  (the ``*.dist-info`` folder, empty when there is none) and
  ``<prefix>_SHA256`` (with ``HASH``, the wheel's hash; else, or when it
  was refused before it was listed, empty). The caller compares that hash
  with the published one before it uses anything else the model says.

.. command:: _torchcompat_wheel_extract

  ::

    _torchcompat_wheel_extract(<wheel> <dir> <model> <error-var>
                               [<sha256-var>])

  Extracts the part of ``<wheel>`` that its model ``<model>`` (of
  :command:`_torchcompat_wheel_model`) keeps, ``<model>_MEMBERS``, into
  ``<dir>`` in children whose complaints (a CRC-32 or size that does not
  match) fail it (several side by side where the model allows:
  ``TorchCompatFetchGroups``). With
  ``<sha256-var>``, the wheel's SHA-256 is computed by a second child
  meanwhile and set there.

.. command:: _torchcompat_wheel_member_text

  ::

    _torchcompat_wheel_member_text(<out-var> <wheel> <member> <work-dir>)

  The text of one small member (``METADATA``, ``WHEEL``), read from a
  private temporary folder; empty when the wheel lacks it.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatRegex.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatArchiveNames.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchValidate.cmake")

function(_torchcompat_wheel_model wheel kind prefix)
  set(hash_now FALSE)
  if(ARGC GREATER 3 AND ARGV3 STREQUAL "HASH")
    set(hash_now TRUE)
  endif()
  _torchcompat_model_parts(parts)
  foreach(part IN LISTS parts ITEMS MEMBERS DIST_INFO SHA256 FORMAT)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_archive_magic_problem(problem "${wheel}" zip)
  if(problem STREQUAL "")
    _torchcompat_zip_directory(zip_entries problem "${wheel}")
  endif()
  if(problem STREQUAL "")
    if(hash_now)
      _torchcompat_archive_list(verbose problem "${wheel}" tvf sha256)
      set(${prefix}_SHA256 "${sha256}" PARENT_SCOPE)
    else()
      _torchcompat_archive_list(verbose problem "${wheel}" tvf)
    endif()
  endif()
  # The plain listing only where the verbose one does not say each name for sure.
  set(names "")
  if(problem STREQUAL "")
    _torchcompat_listed_names(names "${verbose}")
  endif()
  set(names_from_verbose FALSE)
  if(NOT names STREQUAL "")
    set(names_from_verbose TRUE)
  endif()
  if(problem STREQUAL "" AND names STREQUAL "")
    _torchcompat_archive_list(names problem "${wheel}" tf)
  endif()
  if(NOT problem STREQUAL "")
    set(${prefix}_ERROR "${problem}" PARENT_SCOPE)
    return()
  endif()
  # The whole listing passes the checks of any archive, the unpacked part and the rest alike. (Names
  # read from the verbose listing mean that it passed already: _torchcompat_listed_names.)
  _torchcompat_unsafe_name_regex(unsafe_names)
  _torchcompat_unsafe_name_regex(unsafe_verbose ":>")
  set(listings names verbose)
  if(names_from_verbose)
    set(listings names)
  endif()
  foreach(listing IN LISTS listings)
    if(${listing} MATCHES "${unsafe_${listing}}")
      string(REGEX MATCH "[^\n]*${unsafe_${listing}}[^\n]*" line "${${listing}}")
      _torchcompat_escaped_name(line "${line}")
      set(${prefix}_ERROR "an entry's name, owner or link target holds a character no wheel of "
                          "libtorch uses: \"${line}\"")
      string(JOIN "" ${prefix}_ERROR ${${prefix}_ERROR})
      set(${prefix}_ERROR "${${prefix}_ERROR}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  string(REGEX REPLACE "\n$" "" names "${names}")
  string(REGEX REPLACE "\n$" "" verbose "${verbose}")
  string(REPLACE "\n" ";" names "${names}")
  string(REPLACE "\n" ";" lines "${verbose}")
  list(LENGTH names count)
  list(LENGTH lines line_count)
  _torchcompat_knob_number(max_entries TORCHCOMPAT_MAX_ENTRIES 1000000)
  _torchcompat_knob_number(max_size TORCHCOMPAT_MAX_UNPACKED_SIZE 68719476736)
  if(count GREATER max_entries)
    set(${prefix}_ERROR
        "it has ${count} entries, more than TORCHCOMPAT_MAX_ENTRIES (${max_entries})" PARENT_SCOPE)
    return()
  endif()
  if(NOT line_count EQUAL count OR NOT zip_entries EQUAL count)
    set(${prefix}_ERROR
        "its listings disagree (${count} names, ${line_count} entries, central "
        "directory: ${zip_entries}): an entry's name holds a line break, or the "
        "wheel is damaged")
    string(JOIN "" ${prefix}_ERROR ${${prefix}_ERROR})
    set(${prefix}_ERROR "${${prefix}_ERROR}" PARENT_SCOPE)
    return()
  endif()

  # What is unpacked, as a name (keep) and as it stands in a line that reads one way only.
  if(kind STREQUAL "torch")
    set(keep "^torch/(include|lib|share)(/|$)|^torch/version\\.py$")
    set(keep_listed "torch/(include|lib|share)(/[^ ]*)?|torch/version\\.py")
  else()
    set(keep "^nvidia/[^/]+/lib(/|$)")
    set(keep_listed "nvidia/[^/ ]+/lib(/[^ ]*)?")
  endif()
  _torchcompat_wheel_kept(kept_names kept_lines "${keep}" "${keep_listed}" "${names}" "${lines}")
  list(TRANSFORM kept_names
       REPLACE "^(torch/(include|lib|share)|torch/version\\.py|nvidia/[^/]+/lib).*$" "\\1"
               OUTPUT_VARIABLE members)
  list(REMOVE_DUPLICATES members)
  set(dist_info "${names}")
  list(FILTER dist_info INCLUDE REGEX "^[^/]+\\.dist-info/WHEEL$")
  if(NOT dist_info STREQUAL "")
    list(GET dist_info -1 dist_info)
    string(REGEX REPLACE "/WHEEL$" "" dist_info "${dist_info}")
  endif()
  if(kept_names STREQUAL "")
    if(kind STREQUAL "torch")
      set(what "torch/include, torch/lib and torch/share/cmake/Torch")
    else()
      set(what "nvidia/<package>/lib folder")
    endif()
    set(${prefix}_ERROR "it does not look like a ${kind} wheel: it holds no ${what}" PARENT_SCOPE)
    return()
  endif()
  set(_torchcompat_model_libraries_only FALSE)
  if(NOT kind STREQUAL "torch")
    set(_torchcompat_model_libraries_only TRUE)
  endif()
  _torchcompat_model_build(problem "${kept_names}" "${kept_lines}" "${max_size}")
  if(problem STREQUAL "" AND kind STREQUAL "torch" AND NOT top STREQUAL "torch")
    set(problem "its libtorch is not below torch/")
  endif()
  if(problem STREQUAL "")
    _torchcompat_wheel_unchecked_problem(problem "${names}" "${members}" "${keep}")
  endif()
  set(${prefix}_ERROR "${problem}" PARENT_SCOPE)
  set(${prefix}_TOP "${top}" PARENT_SCOPE)
  set(${prefix}_MEMBERS "${members}" PARENT_SCOPE)
  set(${prefix}_DIST_INFO "${dist_info}" PARENT_SCOPE)
  set(${prefix}_FORMAT zip PARENT_SCOPE)
  foreach(part IN ITEMS NAMES KINDS SIZES TARGETS LITERAL TREE)
    string(TOLOWER "${part}" var)
    set(${prefix}_${part} "${model_${var}}" PARENT_SCOPE)
  endforeach()
endfunction()

# What the extraction's patterns could take beside the checked part, in the whole listing <names>:
# a name libarchive reads another way than it is written (a "." or ".." part, "//", a leading "/"),
# which a pattern takes as if it were normalized; a name below one of the roots unpacked
# (<members>) that the <keep> expression leaves out (torch/version.py/x). No wheel on PyPI holds
# either. Checked after the kept part, whose own problems are named more exactly.
function(_torchcompat_wheel_unchecked_problem out names members keep)
  set(${out} "" PARENT_SCOPE)
  set(odd "${names}")
  list(FILTER odd INCLUDE REGEX "(^|/)\\.\\.?(/|$)|//|^/")
  if(NOT odd STREQUAL "")
    list(GET odd 0 odd)
    _torchcompat_escaped_name(odd "${odd}")
    string(CONCAT problem "its entry ${odd} has a \".\" or \"..\" part, a \"//\" or a leading "
                  "\"/\", which no libtorch wheel has")
    set(${out} "${problem}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_regex_alternatives(roots ${members})
  set(stray "${names}")
  list(FILTER stray INCLUDE REGEX "^${roots}(/|$)")
  list(FILTER stray EXCLUDE REGEX "${keep}")
  if(NOT stray STREQUAL "")
    list(GET stray 0 stray)
    _torchcompat_escaped_name(stray "${stray}")
    set(${out} "its entry ${stray} lies below what is unpacked but is not part of it" PARENT_SCOPE)
  endif()
endfunction()

# The names <keep> matches and their lines. The names and the lines are each filtered in one
# command (the lines by <keep-listed> where a one-way line holds its name, see
# _torchcompat_verbose_regexes); that is taken only when the kept lines name exactly the kept names,
# in order, so that each name keeps its own line. Else (a line that reads two ways, a link whose
# target would pass for a name) each name is paired with its line one by one.
function(
  _torchcompat_wheel_kept
  out_names
  out_lines
  keep
  keep_listed
  names
  lines)
  set(kept_names "${names}")
  list(FILTER kept_names INCLUDE REGEX "${keep}")
  # The listing was read in bulk (its names are the lines' own): its part is taken from that reading.
  _torchcompat_verbose_subset(subset_ok kept_lines listed "${lines}" "${keep_listed}")
  if(NOT subset_ok)
    _torchcompat_verbose_regexes(plain link head)
    set(kept_lines "${lines}")
    list(FILTER kept_lines INCLUDE REGEX "^[-dl]${head}(${keep_listed})( -> [^ ]+)?$")
    # The head holds two groups: the name is the third.
    list(TRANSFORM kept_lines REPLACE "^[-dl]${head}([^ ]+)( -> [^ ]+)?$" "\\3" OUTPUT_VARIABLE
                                                                                listed)
  endif()
  if(NOT listed STREQUAL kept_names)
    # Gathered as text, then split once: appending to a list copies it.
    set(kept_names "")
    set(kept_lines "")
    foreach(name line IN ZIP_LISTS names lines)
      if(name MATCHES "${keep}")
        string(APPEND kept_names "${name};")
        string(APPEND kept_lines "${line};")
      endif()
    endforeach()
    string(REGEX REPLACE ";$" "" kept_names "${kept_names}")
    string(REGEX REPLACE ";$" "" kept_lines "${kept_lines}")
  endif()
  set(${out_names} "${kept_names}" PARENT_SCOPE)
  set(${out_lines} "${kept_lines}" PARENT_SCOPE)
endfunction()

function(_torchcompat_wheel_extract wheel dir model out_error)
  file(MAKE_DIRECTORY "${dir}")
  set(hash_into "")
  if(ARGC GREATER 4)
    set(hash_into extracted_hash)
  endif()
  _torchcompat_run_extraction(problem "${wheel}" "${dir}" "${hash_into}" ${model})
  if(ARGC GREATER 4)
    set(${ARGV4} "${extracted_hash}" PARENT_SCOPE)
  endif()
  set(${out_error} "${problem}" PARENT_SCOPE)
endfunction()

function(_torchcompat_wheel_member_text out wheel member work_dir)
  _torchcompat_temp_suffix(suffix)
  set(dir "${work_dir}/member-${suffix}.tmp")
  file(MAKE_DIRECTORY "${dir}")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C "${CMAKE_COMMAND}" -E tar xf "${wheel}" "${member}"
    WORKING_DIRECTORY "${dir}"
    RESULT_VARIABLE rc
    OUTPUT_QUIET ERROR_QUIET)
  set(text "")
  if(rc EQUAL 0 AND EXISTS "${dir}/${member}" AND NOT IS_SYMLINK "${dir}/${member}")
    file(SIZE "${dir}/${member}" size)
    # METADATA and WHEEL are a few KiB; a member claiming more is not read into memory.
    if(size LESS 4194304)
      file(READ "${dir}/${member}" text)
    endif()
  endif()
  file(REMOVE_RECURSE "${dir}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
