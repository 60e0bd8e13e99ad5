#[=======================================================================[.rst:
TorchCompatFetchValidate
------------------------

Internal: decides whether an archive may be extracted, before anything is
written. Used by ``_torchcompat_fetch_archive``.

.. command:: _torchcompat_archive_model

  ::

    _torchcompat_archive_model(<archive> <format> <prefix>)

  Lists ``<archive>`` with the same reader that will extract it (CMake's
  libarchive, ``cmake -E tar tvf``; the plain ``tf`` listing too only when a
  verbose line could be read two ways, see
  :command:`_torchcompat_verbose_names`) and checks the tree it would create
  (with whole-list operations, :command:`_torchcompat_model_bulk`, and entry
  by entry where those are not sure):

  * the content's format matches ``<format>`` (from the file's name, see
    :command:`_torchcompat_archive_format`), and a zip's central directory is
    present, complete and counts the entries listed;
  * names are relative, without ``..`` or drive letters, and hold only the
    characters :command:`_torchcompat_unsafe_name_regex` accepts (no
    backslash, which Windows would split on, no control characters); no name
    is given twice, also not in another letter case (they would collide on
    macOS and Windows);
  * no hard links; a symbolic link's target, resolved through the links the
    archive itself creates (case-insensitively), stays inside the archive's
    top directory; no entry lies below a symbolic link, so nothing is
    written through one;
  * at most ``TORCHCOMPAT_MAX_ENTRIES`` entries (default 1000000) and
    ``TORCHCOMPAT_MAX_UNPACKED_SIZE`` bytes in all (default 64 GiB);
  * one top directory holding ``share/cmake/Torch/TorchConfig.cmake`` (or
    ``torch-config.cmake``), ``lib`` and ``include``: a libtorch.

  Sets ``<prefix>_ERROR`` (empty when the archive passed, else the reason),
  ``<prefix>_TOP`` (the top directory), and for the check after extraction
  the parallel lists ``<prefix>_NAMES`` (every path the tree will hold,
  directories included), ``<prefix>_KINDS`` (``f``, ``d`` or ``l``),
  ``<prefix>_SIZES`` (bytes, for files) and ``<prefix>_TARGETS`` (for links,
  each prefixed with ``>`` so that no element is empty).

.. command:: _torchcompat_archive_format

  ::

    _torchcompat_archive_format(<out-var> <file-name>)

  ``zip``, ``tar``, ``tar.gz``, ``tar.bz2``, ``tar.xz`` or ``tar.zst`` from
  the name's extension; empty when the name has none of these.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatArchiveNames.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchZipIndex.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchBulkModel.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchExtract.cmake")

function(_torchcompat_archive_format out name)
  string(TOLOWER "${name}" lower)
  set(format "")
  if(lower MATCHES "\\.zip$")
    set(format zip)
  elseif(lower MATCHES "\\.(tar\\.gz|tgz)$")
    set(format tar.gz)
  elseif(lower MATCHES "\\.(tar\\.bz2|tbz2?)$")
    set(format tar.bz2)
  elseif(lower MATCHES "\\.(tar\\.xz|txz)$")
    set(format tar.xz)
  elseif(lower MATCHES "\\.(tar\\.zst|tzst)$")
    set(format tar.zst)
  elseif(lower MATCHES "\\.tar$")
    set(format tar)
  endif()
  set(${out} "${format}" PARENT_SCOPE)
endfunction()

# The first bytes of each format (a tar's "ustar" sits at offset 257). libarchive guesses the format
# from the content, whatever the name says; a file that claims to be a zip must be one.
function(_torchcompat_archive_magic_problem out archive format)
  file(SIZE "${archive}" size)
  file(READ "${archive}" head LIMIT 262 HEX)
  set(problem "")
  set(magic "")
  if(format STREQUAL "zip")
    if(NOT head MATCHES "^504b0(304|506)")
      set(problem "it is named .zip but does not start like a zip archive")
    endif()
  elseif(format STREQUAL "tar.gz")
    set(magic "^1f8b")
  elseif(format STREQUAL "tar.bz2")
    set(magic "^425a68")
  elseif(format STREQUAL "tar.xz")
    set(magic "^fd377a585a00")
  elseif(format STREQUAL "tar.zst")
    set(magic "^28b52ffd")
  elseif(format STREQUAL "tar")
    string(SUBSTRING "${head}" 514 -1 ustar)
    if(NOT ustar MATCHES "^7573746172")
      set(problem "it is named .tar but is not a ustar/pax tar archive")
    endif()
  endif()
  if(NOT magic STREQUAL "" AND NOT head MATCHES "${magic}")
    set(problem "it is named .${format} but is not compressed that way")
  endif()
  if(size EQUAL 0)
    set(problem "it is empty (0 bytes)")
  endif()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

# Runs `cmake -E tar <mode>` and fails on any complaint: a reader that warns has not read the whole
# archive the way extraction will. With a fifth argument, <sha256-var>, the archive's SHA-256 is
# computed by a second child while the first lists it (a few hundred ms of a 1 GB file that cost no
# wall time where a second core is free), and set there: the hashing child of _torchcompat_extract,
# writing its answer to a *.tmp beside the archive (a private copy in the entry folder, whose
# leftovers the next configure removes). When that child fails, the hash is computed here.
function(_torchcompat_archive_list out_text out_problem archive mode)
  set(hash_into "")
  if(ARGC GREATER 4)
    set(hash_into listed_hash)
  endif()
  get_filename_component(folder "${archive}" DIRECTORY)
  _torchcompat_run_tar(tar ${mode} "${archive}" "${folder}" "${hash_into}")
  if(ARGC GREATER 4)
    set(${ARGV4} "${listed_hash}" PARENT_SCOPE)
  endif()
  set(rc "${tar_RC}")
  set(text "${tar_OUTPUT}")
  set(errors "${tar_ERRORS}")
  set(problem "")
  if(NOT rc EQUAL 0 OR NOT errors STREQUAL "")
    string(STRIP "${errors}" errors)
    string(REPLACE "\n" " " errors "${errors}")
    set(problem "CMake's archive reader cannot read it (exit ${rc}: ${errors})")
  endif()
  set(${out_text} "${text}" PARENT_SCOPE)
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

# A compressed tar's data is checked by its stream's own checksum, which libarchive does not read:
# it stops at the tar's end marker, before the gzip, bzip2, xz or zstd trailer, so a flipped byte
# extracts without a word. The format's own tool tests the whole stream (from stdin: the file is
# a .part). Without the tool the data cannot be verified, and that is no pass. A zip's entries are
# checked by their CRC-32 as they are extracted; a plain tar has no checksum of its data (the
# SHA-256 pin is its only check).
function(_torchcompat_compressed_stream_problem out archive format)
  set(problem "")
  set(tool "")
  if(format STREQUAL "tar.gz")
    set(tool gzip)
  elseif(format STREQUAL "tar.bz2")
    set(tool bzip2)
  elseif(format STREQUAL "tar.xz")
    set(tool xz)
  elseif(format STREQUAL "tar.zst")
    set(tool zstd)
  endif()
  if(NOT tool STREQUAL "")
    find_program(program NAMES ${tool} NO_CACHE)
    if(NOT program)
      set(problem "its .${format} data cannot be verified here: no ${tool} on PATH to test the "
                  "stream with (install ${tool}, or use the .zip archive)")
    else()
      execute_process(
        COMMAND "${program}" -t
        INPUT_FILE "${archive}"
        RESULT_VARIABLE rc
        OUTPUT_QUIET
        ERROR_VARIABLE errors)
      if(NOT rc EQUAL 0)
        string(STRIP "${errors}" errors)
        string(REGEX REPLACE "[\r\n]+" " " errors "${errors}")
        set(problem "its ${tool} stream is damaged (${tool} -t: ${errors})")
      endif()
    endif()
  endif()
  string(JOIN "" problem ${problem})
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

# The variables a model is made of, <prefix>_<part>: ERROR (why the archive is refused, or empty),
# TOP, the parallel lists NAMES, KINDS, SIZES and TARGETS, LITERAL and TREE (see
# TorchCompatFetchBulkModel).
function(_torchcompat_model_parts out)
  set(${out}
      ERROR
      TOP
      NAMES
      KINDS
      SIZES
      TARGETS
      LITERAL
      TREE
      PARENT_SCOPE)
endfunction()

function(_torchcompat_archive_model archive format prefix)
  set(${prefix}_ERROR "" PARENT_SCOPE)
  _torchcompat_archive_magic_problem(problem "${archive}" "${format}")
  set(zip_entries "")
  if(problem STREQUAL "" AND format STREQUAL "zip")
    _torchcompat_zip_directory(zip_entries problem "${archive}")
  endif()
  if(problem STREQUAL "")
    _torchcompat_archive_list(verbose problem "${archive}" tvf)
  endif()
  # The plain listing is read only when the verbose one could be read two ways (an owner's name
  # with a space): libarchive prints a zip entry's owner as a number, so a zip is listed once.
  if(problem STREQUAL "")
    _torchcompat_listed_names(names "${verbose}")
    if(names STREQUAL "")
      _torchcompat_archive_list(names problem "${archive}" tf)
    endif()
  endif()
  if(problem STREQUAL "")
    _torchcompat_compressed_stream_problem(problem "${archive}" "${format}")
  endif()
  if(NOT problem STREQUAL "")
    set(${prefix}_ERROR "${problem}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_listing_model("${names}" "${verbose}" "${zip_entries}" model)
  _torchcompat_model_parts(parts)
  foreach(part IN LISTS parts)
    set(${prefix}_${part} "${model_${part}}" PARENT_SCOPE)
  endforeach()
  set(${prefix}_FORMAT "${format}" PARENT_SCOPE)
endfunction()

# The plain listing's text, as read from the verbose one; empty when that is not sure (see
# _torchcompat_verbose_names), or when the verbose text holds a character refused anyway.
function(_torchcompat_listed_names out verbose)
  set(${out} "" PARENT_SCOPE)
  _torchcompat_unsafe_name_regex(unsafe ":>")
  if(verbose MATCHES "${unsafe}" OR NOT verbose MATCHES "\n$")
    return()
  endif()
  _torchcompat_bulk_chop(lines "${verbose}")
  string(REPLACE "\n" ";" lines "${lines}")
  _torchcompat_verbose_names(ok names "${lines}")
  if(ok)
    string(JOIN "\n" text ${names})
    set(${out} "${text}\n" PARENT_SCOPE)
  endif()
endfunction()

# The model from the two listings' text (and the zip's own entry count, or ""), as
# _torchcompat_archive_model sets it: the part that reads what the archive says, apart from the
# reading, so that the fuzz harness (tests/fuzz/cmake_parsers.cmake) can feed it any text.
function(_torchcompat_listing_model names verbose zip_entries prefix)
  _torchcompat_model_parts(parts)
  foreach(part IN LISTS parts)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_unsafe_name_regex(unsafe_names)
  # The verbose listing's times hold ":" and its links "->"; a name with either is caught in the
  # plain listing.
  _torchcompat_unsafe_name_regex(unsafe_verbose ":>")
  foreach(listing IN ITEMS names verbose)
    set(unsafe "${unsafe_${listing}}")
    if(${listing} MATCHES "${unsafe}")
      # The leftmost match starts at the first line that holds such a character.
      string(REGEX MATCH "[^\n]*${unsafe}[^\n]*" line "${${listing}}")
      _torchcompat_escaped_name(line "${line}")
      string(
        CONCAT ${prefix}_ERROR
               "an entry's name, owner or link target holds a character no libtorch uses "
               "(a backslash, a control character, a quote, one of ;[]<>:|?* or a byte "
               "above 127): \"${line}\"")
      set(${prefix}_ERROR "${${prefix}_ERROR}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  _torchcompat_bulk_chop(names "${names}")
  _torchcompat_bulk_chop(verbose "${verbose}")
  string(REPLACE "\n" ";" names "${names}")
  string(REPLACE "\n" ";" lines "${verbose}")
  list(LENGTH names count)
  list(LENGTH lines line_count)
  if(names STREQUAL "")
    set(count 0)
  endif()

  _torchcompat_knob_number(max_entries TORCHCOMPAT_MAX_ENTRIES 1000000)
  _torchcompat_knob_number(max_size TORCHCOMPAT_MAX_UNPACKED_SIZE 68719476736)
  if(count GREATER max_entries)
    set(${prefix}_ERROR
        "it has ${count} entries, more than TORCHCOMPAT_MAX_ENTRIES (${max_entries})" PARENT_SCOPE)
    return()
  endif()
  # A name holding a line break would be split in both listings alike; the zip's own count and the
  # two listings' agreement expose it.
  if(NOT line_count EQUAL count OR (NOT zip_entries STREQUAL "" AND NOT zip_entries EQUAL count))
    string(
      CONCAT ${prefix}_ERROR
             "its listings disagree (${count} names, ${line_count} entries, central directory: "
             "${zip_entries}): an entry's name holds a line break, or the archive is damaged")
    set(${prefix}_ERROR "${${prefix}_ERROR}" PARENT_SCOPE)
    return()
  endif()
  if(count EQUAL 0)
    set(${prefix}_ERROR "it is empty" PARENT_SCOPE)
    return()
  endif()

  _torchcompat_model_build(problem "${names}" "${lines}" "${max_size}")
  set(${prefix}_ERROR "${problem}" PARENT_SCOPE)
  set(${prefix}_TOP "${top}" PARENT_SCOPE)
  foreach(part IN ITEMS NAMES KINDS SIZES TARGETS LITERAL TREE)
    string(TOLOWER "${part}" var)
    set(${prefix}_${part} "${model_${var}}" PARENT_SCOPE)
  endforeach()
endfunction()

# Reads each entry from the two listings: the plain one gives its name exactly, the verbose one its
# type, size and link target, found after that name. Builds the model in variables keyed by a hash
# of the lower-case name (a map with constant-time lookups; names need not be valid variable names);
# the helpers called from here read that map from this scope. Sets, in the caller's scope, top and
# model_{names,kinds,sizes,targets}.
function(_torchcompat_model_build out_problem names lines max_size)
  # Whole-list operations first; the entry-by-entry reading below runs only for an archive they
  # are not sure of, and names its problem. (_torchcompat_model_entrywise, set by the fuzz harness
  # only, skips them: it checks that both readings give the same model.)
  set(bulk_ok FALSE)
  set(model_literal FALSE)
  set(model_tree "")
  if(NOT _torchcompat_model_entrywise)
    _torchcompat_model_bulk(bulk_ok "${names}" "${lines}" "${max_size}")
  endif()
  set(problem "")
  if(NOT bulk_ok)
    set(date "[ 0-9][0-9] [A-Z][a-z][a-z] ( -?[0-9]+|[0-9][0-9]:[0-9][0-9])")
    set(head "^[-dl][-rwxsStT]+[ +]? +[0-9]+ [^ ]+ +[^ ]+ +([0-9]+) ${date}$")
    set(total 0)
    set(top "")
    # Appending to a list copies it: entries gather in short lists first, moved over every 256
    # entries, so a listing of tens of thousands costs linear time. No element is empty (targets
    # carry a ">" prefix) and no name holds ";", so the lists join by plain expansion.
    foreach(part IN ITEMS names kinds sizes targets)
      set(model_${part} "")
      set(batch_${part} "")
    endforeach()
    set(batched 0)
    set(links "")
    set(problem "")
    foreach(raw line IN ZIP_LISTS names lines)
      string(SUBSTRING "${line}" 0 1 type)
      if(type STREQUAL "h")
        set(problem "it holds a hard link (${raw}); hard links are not accepted")
        break()
      endif()
      set(target "")
      if(type STREQUAL "l")
        string(FIND "${line}" " ${raw} -> " at)
        string(FIND "${line}" " ${raw} -> " last REVERSE)
        if(at EQUAL -1 OR NOT at EQUAL last)
          set(problem "cannot read the listing's line for the link ${raw}")
          break()
        endif()
        string(SUBSTRING "${line}" 0 ${at} prefix)
        string(LENGTH " ${raw} -> " skip)
        math(EXPR after "${at} + ${skip}")
        string(SUBSTRING "${line}" ${after} -1 target)
      else()
        string(LENGTH "${line}" line_length)
        string(LENGTH " ${raw}" name_length)
        math(EXPR at "${line_length} - ${name_length}")
        set(tail "")
        if(at GREATER 0)
          string(SUBSTRING "${line}" ${at} -1 tail)
        endif()
        if(NOT tail STREQUAL " ${raw}")
          set(problem "cannot read the listing's line for ${raw}")
          break()
        endif()
        string(SUBSTRING "${line}" 0 ${at} prefix)
      endif()
      if(NOT prefix MATCHES "${head}")
        set(problem
            "the entry ${raw} is not a plain file, directory or symbolic link, or its owner is unreadable (\"${line}\")"
        )
        break()
      endif()
      set(size "${CMAKE_MATCH_1}")

      _torchcompat_entry_name(name problem "${raw}")
      if(NOT problem STREQUAL "")
        break()
      endif()
      set(kind f)
      if(type STREQUAL "d")
        set(kind d)
        set(size 0)
      elseif(type STREQUAL "l")
        set(kind l)
        set(size 0)
        if(target STREQUAL "")
          set(problem "the link ${raw} has an empty target")
          break()
        endif()
      endif()
      string(LENGTH "${size}" digits)
      if(digits GREATER 15)
        set(problem "the entry ${raw} claims ${size} bytes")
        break()
      endif()
      math(EXPR total "${total} + ${size}")
      if(total GREATER max_size)
        set(problem "it unpacks to more than TORCHCOMPAT_MAX_UNPACKED_SIZE (${max_size} bytes)")
        break()
      endif()

      string(REGEX MATCH "^[^/]+" first "${name}")
      if(top STREQUAL "")
        set(top "${first}")
      elseif(NOT first STREQUAL top)
        string(CONCAT problem
                      "it has more than one top-level entry (${top}, ${first}), but a libtorch "
                      "archive has one top directory")
        break()
      endif()
      if(name STREQUAL top AND NOT kind STREQUAL "d")
        set(problem "its top-level entry ${top} is not a directory")
        break()
      endif()

      string(TOLOWER "${name}" lower)
      string(MD5 key "${lower}")
      if(DEFINED entry_${key})
        # An explicit directory entry for a directory already implied is fine; anything else twice is
        # not.
        if(NOT (kind STREQUAL "d" AND "${kind_${key}}" STREQUAL "d" AND "${entry_${key}}" STREQUAL
                                                                        name))
          if("${entry_${key}}" STREQUAL name)
            set(problem "it names ${name} twice")
          else()
            set(problem "it names ${name} and ${entry_${key}}, which differ only in letter case "
                        "and would collide on macOS and Windows")
            string(CONCAT problem ${problem})
          endif()
          break()
        endif()
        if(explicit_${key})
          set(problem "it names the directory ${name} twice")
          break()
        endif()
        set(explicit_${key} TRUE)
        continue()
      endif()
      set(entry_${key} "${name}")
      set(kind_${key} "${kind}")
      set(explicit_${key} TRUE)
      list(APPEND batch_names "${name}")
      list(APPEND batch_kinds "${kind}")
      list(APPEND batch_sizes "${size}")
      list(APPEND batch_targets ">${target}")
      math(EXPR batched "${batched} + 1")
      if(kind STREQUAL "l")
        set(link_${key} "${target}")
        list(APPEND links "${name}")
      endif()

      # The parents are directories the extraction creates: record them, stopping at the first one
      # already known (its own parents were recorded with it).
      set(child "${name}")
      while(child MATCHES "^(.+)/[^/]+$")
        set(parent "${CMAKE_MATCH_1}")
        string(TOLOWER "${parent}" parent_lower)
        string(MD5 parent_key "${parent_lower}")
        if(DEFINED entry_${parent_key})
          if(NOT "${kind_${parent_key}}" STREQUAL "d")
            string(CONCAT problem
                          "${name} lies below ${entry_${parent_key}}, which is not a directory (a "
                          "link or a file): it would be written through it")
          elseif(NOT "${entry_${parent_key}}" STREQUAL parent)
            string(CONCAT problem
                          "the directories ${parent} and ${entry_${parent_key}} differ only in "
                          "letter case and would collide on macOS and Windows")
          endif()
          break()
        endif()
        set(entry_${parent_key} "${parent}")
        set(kind_${parent_key} d)
        set(explicit_${parent_key} FALSE)
        list(APPEND batch_names "${parent}")
        list(APPEND batch_kinds d)
        list(APPEND batch_sizes 0)
        list(APPEND batch_targets ">")
        math(EXPR batched "${batched} + 1")
        set(child "${parent}")
      endwhile()
      if(NOT problem STREQUAL "")
        break()
      endif()
      if(batched GREATER 255)
        foreach(part IN ITEMS names kinds sizes targets)
          list(APPEND model_${part} ${batch_${part}})
          set(batch_${part} "")
        endforeach()
        set(batched 0)
      endif()
    endforeach()
    foreach(part IN ITEMS names kinds sizes targets)
      list(APPEND model_${part} ${batch_${part}})
    endforeach()
  endif()

  if(problem STREQUAL "")
    foreach(link IN LISTS links)
      string(TOLOWER "${link}" lower)
      string(MD5 key "${lower}")
      _torchcompat_resolve_link(problem "${link}" "${link_${key}}" "${top}")
      if(NOT problem STREQUAL "")
        break()
      endif()
    endforeach()
  endif()
  # A wheel's nvidia/<pkg>/lib tree holds libraries only (TorchCompatWheelModel sets this).
  if(problem STREQUAL "" AND NOT _torchcompat_model_libraries_only)
    _torchcompat_libtorch_layout_problem(problem "${top}")
  endif()
  set(${out_problem} "${problem}" PARENT_SCOPE)
  set(top "${top}" PARENT_SCOPE)
  foreach(var IN ITEMS model_names model_kinds model_sizes model_targets model_literal model_tree)
    set(${var} "${${var}}" PARENT_SCOPE)
  endforeach()
endfunction()

# Normalizes an entry's name ("./a//b/" -> "a/b") and refuses the names that could land outside the
# extraction directory, the way CPython's tarfile "data" filter and Go's module zip checks do.
function(_torchcompat_entry_name out out_problem raw)
  set(problem "")
  set(name "${raw}")
  if(name MATCHES "^/" OR name MATCHES "^[A-Za-z]:")
    set(problem "the entry ${raw} has an absolute path")
  else()
    string(REGEX REPLACE "/+" "/" name "${name}")
    string(REGEX REPLACE "^(\\./)+" "" name "${name}")
    string(REGEX REPLACE "/(\\./)+" "/" name "${name}")
    string(REGEX REPLACE "/\\.?$" "" name "${name}")
    if(name MATCHES "(^|/)\\.\\.(/|$)")
      set(problem "the entry ${raw} climbs out with \"..\"")
    elseif(name STREQUAL "" OR name STREQUAL ".")
      set(problem "the archive has an entry without a name")
    endif()
  endif()
  set(${out} "${name}" PARENT_SCOPE)
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

# Follows a link's target component by component, through the links the archive itself creates
# (matched case-insensitively, as macOS and Windows would), as the file system will once it is
# extracted. Reads the caller's link_ variables.
function(_torchcompat_resolve_link out_problem link target top)
  set(problem "")
  if(target MATCHES "^/" OR target MATCHES "^[A-Za-z]:")
    set(problem "the link ${link} points to the absolute path ${target}")
  else()
    string(REGEX REPLACE "/[^/]+$" "" here "${link}")
    string(REPLACE "/" ";" stack "${here}")
    string(REPLACE "/" ";" pending "${target}")
    set(expansions 0)
    while(pending)
      list(POP_FRONT pending part)
      if(part STREQUAL "" OR part STREQUAL ".")
        continue()
      endif()
      if(part STREQUAL "..")
        if(NOT stack)
          set(problem "the link ${link} -> ${target} leads outside the extraction directory")
          break()
        endif()
        list(POP_BACK stack)
        continue()
      endif()
      list(APPEND stack "${part}")
      string(JOIN "/" path ${stack})
      string(TOLOWER "${path}" lower)
      string(MD5 key "${lower}")
      if(DEFINED link_${key})
        math(EXPR expansions "${expansions} + 1")
        # Linux gives up (ELOOP) after 40 links too.
        if(expansions GREATER 40)
          set(problem "the link ${link} -> ${target} goes round in a loop")
          break()
        endif()
        set(next "${link_${key}}")
        if(next MATCHES "^/" OR next MATCHES "^[A-Za-z]:")
          set(problem "the link ${link} -> ${target} leads outside through ${path}")
          break()
        endif()
        list(POP_BACK stack)
        string(REPLACE "/" ";" next "${next}")
        list(PREPEND pending ${next})
      endif()
    endwhile()
    if(problem STREQUAL "")
      list(LENGTH stack depth)
      set(first "")
      if(depth GREATER 0)
        list(GET stack 0 first)
      endif()
      string(TOLOWER "${first}" first)
      string(TOLOWER "${top}" top_lower)
      if(NOT first STREQUAL top_lower)
        set(problem "the link ${link} -> ${target} leads outside the top directory ${top}")
      endif()
    endif()
  endif()
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

# What find_package(Torch) and a build need from the tree: checked on the listing, so that a wrong
# archive is refused before it is extracted. Reads the caller's kind_ variables.
function(_torchcompat_libtorch_layout_problem out top)
  set(problem "")
  foreach(required IN ITEMS "${top}/lib" "${top}/include")
    string(TOLOWER "${required}" lower)
    string(MD5 key "${lower}")
    if(NOT "${kind_${key}}" STREQUAL "d")
      set(problem "it does not look like a libtorch archive: no ${required}/")
    endif()
  endforeach()
  set(config_found FALSE)
  foreach(config IN ITEMS TorchConfig.cmake torch-config.cmake)
    string(TOLOWER "${top}/share/cmake/Torch/${config}" lower)
    string(MD5 key "${lower}")
    if("${kind_${key}}" STREQUAL "f")
      set(config_found TRUE)
    endif()
  endforeach()
  if(NOT config_found)
    string(CONCAT problem "it does not look like a libtorch archive: no "
                  "${top}/share/cmake/Torch/TorchConfig.cmake")
  endif()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
