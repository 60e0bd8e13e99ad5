#[=======================================================================[.rst:
TorchCompatFetchBulkModel
-------------------------

Internal: the archive model of :command:`_torchcompat_archive_model` built
with whole-list operations (``list(TRANSFORM)``, ``list(FILTER)``,
``list(REMOVE_DUPLICATES)``), which run in CMake's C++ instead of one CMake
command per entry: a 13k-entry wheel is read in a fraction of a second
instead of minutes. It only ever accepts: any listing it is not sure of (a
hard link, an owner, name or link target with a space or ``>``, a name
that collides, climbs out or is absolute, a size of 16 digits or more, a
total over the cap) is left to the entry-by-entry reading, which finds and
names the problem.

.. command:: _torchcompat_verbose_names

  ::

    _torchcompat_verbose_names(<ok-var> <names-var> <lines>)

  The exact names of a verbose listing's ``<lines>`` (a list), when every
  line reads one way only: ``<mode> <links> <owner> <group> <size> <date>
  <name>[ -> <target>]`` with no space in the owner, group, name or target.
  libarchive prints a zip entry's owner as a number, so a zip's listing
  always qualifies; a tar whose owner names hold spaces does not, and
  ``<ok-var>`` is then false (the plain listing is needed).

.. command:: _torchcompat_model_bulk

  ::

    _torchcompat_model_bulk(<ok-var> <names> <lines> <max-size>)

  For the plain listing's ``<names>`` and the verbose ``<lines>``: when the
  archive passes every check of the entry-by-entry reading but the links'
  and the layout's, sets ``<ok-var>`` true and, in the caller's scope,
  ``top``, ``model_{names,kinds,sizes,targets}`` (the archive's entries in
  its order, then the directories only implied), ``model_literal`` (true
  when every name is as the archive writes it, but for a folder's closing
  ``/``), ``model_tree`` (for such names, the tree as
  ``_torchcompat_tree_same`` lists it, else empty), ``links`` (the links'
  names), ``link_<key>`` (each link's target) and ``kind_<key>`` for the
  paths the layout check reads (``<key>``: the MD5 of the lower-case path).
  Else ``<ok-var>`` is false and nothing else is set.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# One line of `cmake -E tar tvf` (CMake's copy of bsdtar's format), read one way only: the owner
# and group hold no space or ">" (a "->" in them would be found before the link's), the name and
# target no space; nothing spans a line break. Each pattern starts at the line break before its
# line: the listings are read as text, "\n" before every line, one regular expression over the
# whole text instead of one per line. Groups: 1 type, 2 size, 3 (inside the date), 4 name,
# 5 target. With a third argument, sets it to what comes between a line's type and its name (two
# groups: the size and one inside the date).
function(_torchcompat_verbose_regexes out_plain out_link)
  set(date "[ 0-9][0-9] [A-Z][a-z][a-z] ( -?[0-9]+|[0-9][0-9]:[0-9][0-9])")
  set(head "[-rwxsStT]+[ +]? +[0-9]+ [^ >\n]+ +[^ >\n]+ +([0-9]+) ${date} ")
  set(${out_plain} "\n([-d])${head}([^ \n]+)" PARENT_SCOPE)
  set(${out_link} "\n(l)${head}([^ \n]+) -> ([^ \n]+)" PARENT_SCOPE)
  if(ARGC GREATER 2)
    set(${ARGV2} "${head}" PARENT_SCOPE)
  endif()
endfunction()

# A list as text, each element after a line break.
function(_torchcompat_bulk_text out list)
  string(REPLACE ";" "\n" text "${list}")
  set(${out} "\n${text}" PARENT_SCOPE)
endfunction()

# The text without a closing line break, as string(REGEX REPLACE "\n$" "") leaves it, but without
# that expression's attempt at every line break of a long listing.
function(_torchcompat_bulk_chop out text)
  string(LENGTH "${text}" length)
  if(length GREATER 0)
    math(EXPR last "${length} - 1")
    string(SUBSTRING "${text}" ${last} 1 end)
    if(end STREQUAL "\n")
      string(SUBSTRING "${text}" 0 ${last} text)
    endif()
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The reverse of _torchcompat_bulk_text.
function(_torchcompat_bulk_list out text)
  set(list "")
  if(NOT text STREQUAL "")
    string(SUBSTRING "${text}" 1 -1 text)
    string(REPLACE "\n" ";" list "${text}")
  endif()
  set(${out} "${list}" PARENT_SCOPE)
endfunction()

# Each line as its type ("-", "d" or "l") followed by its name, "\n" before each: the text the
# bulk model reads. Empty when a line does not read one way only. Remembered for the last listing
# read (a global property): the model reads the lines again right after their names were taken.
function(_torchcompat_verbose_tagged out lines)
  get_property(memo_lines GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_LINES)
  if(lines STREQUAL memo_lines)
    get_property(tagged GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_TEXT)
    set(${out} "${tagged}" PARENT_SCOPE)
    return()
  endif()
  set(${out} "" PARENT_SCOPE)
  # An empty element would vanish from the counts below: such a listing is read line by line.
  # (Found with string(FIND): an expression tried at every position of a long listing costs tens of
  # milliseconds.)
  if(lines STREQUAL "")
    return()
  endif()
  string(FIND "${lines}" ";;" at)
  string(LENGTH "${lines}" length)
  math(EXPR last "${length} - 1")
  string(SUBSTRING "${lines}" 0 1 first)
  string(SUBSTRING "${lines}" ${last} 1 end)
  if(at GREATER -1 OR first STREQUAL ";" OR end STREQUAL ";")
    return()
  endif()
  _torchcompat_bulk_text(text "${lines}")
  # Each line read is marked with a byte no listing holds (a control character is refused in any
  # name): every line must be marked, and nothing but its type and name may be left of it.
  string(ASCII 1 mark)
  string(FIND "${text}" "${mark}" at)
  if(at GREATER -1)
    return()
  endif()
  _torchcompat_verbose_regexes(plain link)
  string(REGEX REPLACE "${link}" "\n${mark}\\1\\4" text "${text}")
  string(REGEX REPLACE "${plain}" "\n${mark}\\1\\4" text "${text}")
  string(FIND "${text}" " " at)
  string(LENGTH "${text}" marked_length)
  string(REPLACE "${mark}" "" text "${text}")
  string(LENGTH "${text}" length)
  list(LENGTH lines count)
  math(EXPR marks "${marked_length} - ${length}")
  if(at GREATER -1 OR NOT marks EQUAL count)
    return()
  endif()
  set_property(GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_LINES "${lines}")
  set_property(GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_TEXT "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The lines of the listing _torchcompat_verbose_tagged read last whose names match <regex> (a whole
# name, without spaces), and those names; their tagged text is remembered for those lines, so that
# the model of that part of the listing does not read each line again. Every line read one way, so a
# line matches where the name it was read for does: the two filters keep the same lines. <ok-var>
# is false (and nothing is set) when <lines> are not the lines read last.
function(_torchcompat_verbose_subset out_ok out_lines out_names lines regex)
  set(${out_ok} FALSE PARENT_SCOPE)
  get_property(memo_lines GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_LINES)
  if(lines STREQUAL "" OR NOT lines STREQUAL memo_lines)
    return()
  endif()
  get_property(tagged GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_TEXT)
  _torchcompat_bulk_list(tagged "${tagged}")
  list(FILTER tagged INCLUDE REGEX "^.(${regex})$")
  _torchcompat_verbose_regexes(plain link head)
  set(kept "${lines}")
  list(FILTER kept INCLUDE REGEX "^[-dl]${head}(${regex})( -> [^ ]+)?$")
  list(LENGTH tagged tagged_count)
  list(LENGTH kept kept_count)
  if(NOT tagged_count EQUAL kept_count OR kept_count EQUAL 0)
    return()
  endif()
  list(TRANSFORM tagged REPLACE "^.(.*)$" "\\1" OUTPUT_VARIABLE names)
  _torchcompat_bulk_text(text "${tagged}")
  set_property(GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_LINES "${kept}")
  set_property(GLOBAL PROPERTY _TORCHCOMPAT_TAGGED_TEXT "${text}")
  set(${out_lines} "${kept}" PARENT_SCOPE)
  set(${out_names} "${names}" PARENT_SCOPE)
  set(${out_ok} TRUE PARENT_SCOPE)
endfunction()

function(_torchcompat_verbose_names out_ok out_names lines)
  set(${out_ok} FALSE PARENT_SCOPE)
  set(${out_names} "" PARENT_SCOPE)
  _torchcompat_verbose_tagged(tagged "${lines}")
  if(tagged STREQUAL "")
    return()
  endif()
  string(REGEX REPLACE "\n." "\n" names "${tagged}")
  _torchcompat_bulk_list(names "${names}")
  set(${out_names} "${names}" PARENT_SCOPE)
  set(${out_ok} TRUE PARENT_SCOPE)
endfunction()

# What _torchcompat_entry_name makes of each name, with the same expressions, on the names as text
# (_torchcompat_bulk_text, with a closing line break).
function(_torchcompat_bulk_normalized out text)
  string(REGEX REPLACE "/+" "/" text "${text}")
  string(REGEX REPLACE "\n(\\./)+" "\n" text "${text}")
  string(REGEX REPLACE "/(\\./)+" "/" text "${text}")
  string(REGEX REPLACE "/\\.?\n" "\n" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Every directory above the names, each once.
function(_torchcompat_bulk_parents out names)
  set(parents "")
  set(level "${names}")
  list(FILTER level INCLUDE REGEX "/")
  while(NOT level STREQUAL "")
    list(TRANSFORM level REPLACE "/[^/]+$" "")
    list(REMOVE_DUPLICATES level)
    list(APPEND parents ${level})
    list(FILTER level INCLUDE REGEX "/")
  endwhile()
  # A directory is the parent of names at several depths.
  list(REMOVE_DUPLICATES parents)
  set(${out} "${parents}" PARENT_SCOPE)
endfunction()

# The sum of the sizes, or -1 once it passes max_size. Summed 256 at a time: each is below 10^15
# (checked before), so no partial sum leaves math()'s 64 bits.
function(_torchcompat_bulk_total out sizes max_size)
  list(LENGTH sizes count)
  set(total 0)
  set(at 0)
  while(at LESS count)
    list(SUBLIST sizes ${at} 256 chunk)
    string(JOIN "+" sum ${chunk})
    math(EXPR total "${total}+${sum}")
    if(total GREATER max_size)
      set(total -1)
      break()
    endif()
    math(EXPR at "${at} + 256")
  endwhile()
  set(${out} ${total} PARENT_SCOPE)
endfunction()

# True when no two elements are equal, also not in another letter case.
function(_torchcompat_bulk_distinct out list)
  list(LENGTH list count)
  string(TOLOWER "${list}" list)
  list(REMOVE_DUPLICATES list)
  list(LENGTH list distinct)
  if(distinct EQUAL count)
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

function(_torchcompat_model_bulk out_ok names lines max_size)
  set(${out_ok} FALSE PARENT_SCOPE)
  _torchcompat_verbose_tagged(tagged "${lines}")
  if(tagged STREQUAL "")
    return()
  endif()
  string(REGEX REPLACE "\n." "\n" read_names "${tagged}")
  _torchcompat_bulk_text(raw "${names}")
  if(NOT read_names STREQUAL raw)
    return()
  endif()
  # Anything the entry-by-entry reading would refuse sends the archive there. Normalized with the
  # type in front of each name (never a "/" or "."), so that the files can be told apart after;
  # each expression only where it can match (a regular expression over the whole text costs
  # tens of milliseconds), the last one as the plain replacements it amounts to once "//" and
  # "/./" are gone.
  set(tagged "${tagged}\n")
  string(FIND "${tagged}" "//" at)
  if(at GREATER -1)
    string(REGEX REPLACE "/+" "/" tagged "${tagged}")
  endif()
  string(FIND "${tagged}" "./" at)
  if(at GREATER -1)
    string(REGEX REPLACE "\n(.)(\\./)+" "\n\\1" tagged "${tagged}")
    string(REGEX REPLACE "/(\\./)+" "/" tagged "${tagged}")
  endif()
  string(REPLACE "/.\n" "\n" tagged "${tagged}")
  string(REPLACE "/\n" "\n" tagged "${tagged}")
  string(REGEX REPLACE "\n." "\n" entries "${tagged}")
  # An absolute name, a drive letter, "..", an empty name or "."; each expression only where the text
  # holds what it looks for.
  string(FIND "${raw}" "\n/" absolute)
  string(FIND "${raw}" ":" colon)
  string(FIND "${entries}" ".." dots)
  string(FIND "${entries}" "\n\n" empty)
  string(FIND "${entries}" "\n.\n" dot)
  if(absolute GREATER -1 OR empty GREATER -1 OR dot GREATER -1)
    return()
  endif()
  if((colon GREATER -1 AND raw MATCHES "\n[A-Za-z]:") OR (dots GREATER -1 AND entries MATCHES
                                                                              "(\n|/)\\.\\.(/|\n)"))
    return()
  endif()
  # The types: each line's first character ("\n" and one character per match, no line walked).
  string(REGEX MATCHALL "\n." kinds "${tagged}")
  string(REPLACE "\n" "" kinds "${kinds}")
  string(REPLACE "-" "f" kinds "${kinds}")
  string(REPLACE ";" "\n" kinds "\n${kinds}\n")
  string(REGEX REPLACE "\nd[^\n]*" "" non_dirs "${tagged}")
  string(REGEX REPLACE "\n." "\n" non_dirs "${non_dirs}")
  foreach(part IN ITEMS entries kinds non_dirs)
    _torchcompat_bulk_chop(${part} "${${part}}")
  endforeach()
  # Whether `cmake -E tar` patterns match the names as the model has them: none was changed but
  # for a folder's closing "/".
  string(REPLACE "/\n" "\n" written "${raw}\n")
  _torchcompat_bulk_chop(written "${written}")
  set(literal FALSE)
  if(written STREQUAL entries)
    set(literal TRUE)
  endif()

  _torchcompat_verbose_regexes(plain link)
  _torchcompat_bulk_text(text "${lines}")
  string(REGEX REPLACE "\n[dl][^\n]*" "\n0" sizes "${text}")
  string(REGEX REPLACE "${plain}" "\n\\2" sizes "${sizes}")
  string(REPEAT "[0-9]" 16 sixteen_digits)
  if(sizes MATCHES "\n${sixteen_digits}")
    return()
  endif()
  string(REGEX REPLACE "${link}" "\n>\\5" targets "${text}")
  string(REGEX REPLACE "\n[-d][^\n]*" "\n>" targets "${targets}")
  foreach(part IN ITEMS entries kinds sizes targets non_dirs)
    _torchcompat_bulk_list(${part} "${${part}}")
  endforeach()
  _torchcompat_bulk_total(total "${sizes}" "${max_size}")
  if(total EQUAL -1)
    return()
  endif()

  # One top directory, a directory.
  list(TRANSFORM entries REPLACE "/.*$" "" OUTPUT_VARIABLE tops)
  list(REMOVE_DUPLICATES tops)
  list(LENGTH tops top_count)
  if(NOT top_count EQUAL 1)
    return()
  endif()
  set(top "${tops}")
  # No name twice, also not in another letter case; the directories the names imply collide
  # neither with each other nor with a name, unless that name is the same directory; and none of
  # them, nor the top, is a file or link (nothing is written through a link).
  _torchcompat_bulk_distinct(distinct "${entries}")
  if(NOT distinct)
    return()
  endif()
  _torchcompat_bulk_parents(parents "${entries}")
  set(all ${entries} ${parents})
  list(REMOVE_DUPLICATES all)
  _torchcompat_bulk_distinct(distinct "${all}")
  if(NOT distinct)
    return()
  endif()
  set(both ${non_dirs} ${parents})
  list(LENGTH both both_count)
  list(REMOVE_DUPLICATES both)
  list(LENGTH both distinct_count)
  list(FIND non_dirs "${top}" top_at)
  if(NOT both_count EQUAL distinct_count OR top_at GREATER -1)
    return()
  endif()

  # The model: the archive's entries, then the directories only implied.
  list(LENGTH entries entry_count)
  list(LENGTH all all_count)
  math(EXPR implied "${all_count} - ${entry_count}")
  if(implied GREATER 0)
    string(REPEAT ";d" ${implied} more_kinds)
    string(REPEAT ";0" ${implied} more_sizes)
    string(REPEAT ";>" ${implied} more_targets)
    string(APPEND kinds "${more_kinds}")
    string(APPEND sizes "${more_sizes}")
    string(APPEND targets "${more_targets}")
  endif()
  # The tree as _torchcompat_tree_same lists what it finds ("<kind> <size> <name> ><target>" per
  # path), read off the listing's lines where they hold the model's names: one expression per kind
  # here instead of a command per entry there.
  set(tree "")
  if(literal)
    _torchcompat_verbose_regexes(ignored ignored head)
    string(REGEX REPLACE "\nd${head}([^ \n]+)" "\nd 0 \\3 >" tree "${text}")
    string(REGEX REPLACE "\n-${head}([^ \n]+)" "\nf \\1 \\3 >" tree "${tree}")
    string(REGEX REPLACE "\nl${head}([^ \n]+) -> ([^ \n]+)" "\nl 0 \\3 >\\4" tree "${tree}")
    # Without the text's opening line break, with a closing one, as find writes it.
    string(SUBSTRING "${tree}\n" 1 -1 tree)
    string(REPLACE "/ >\n" " >\n" tree "${tree}")
    if(implied GREATER 0)
      list(SUBLIST all ${entry_count} -1 implied_names)
      list(TRANSFORM implied_names PREPEND "d 0 ")
      list(JOIN implied_names " >\n" implied_names)
      string(APPEND tree "${implied_names} >\n")
    endif()
  endif()
  string(REGEX MATCHALL "\nl[^\n]*" link_lines "${text}")
  set(link_names "")
  foreach(line IN LISTS link_lines)
    string(REGEX MATCH "${link}" ignored "${line}")
    set(target "${CMAKE_MATCH_5}")
    _torchcompat_bulk_normalized(name "\n${CMAKE_MATCH_4}\n")
    string(STRIP "${name}" name)
    list(APPEND link_names "${name}")
    string(TOLOWER "${name}" lower)
    string(MD5 key "${lower}")
    set(link_${key} "${target}" PARENT_SCOPE)
  endforeach()
  # The paths the layout check reads (_torchcompat_libtorch_layout_problem).
  string(TOLOWER "${all}" lower_all)
  foreach(path IN ITEMS lib include share/cmake/Torch/TorchConfig.cmake
                        share/cmake/Torch/torch-config.cmake)
    string(TOLOWER "${top}/${path}" lower)
    list(FIND lower_all "${lower}" at)
    if(at GREATER -1)
      string(MD5 key "${lower}")
      list(GET kinds ${at} kind)
      set(kind_${key} "${kind}" PARENT_SCOPE)
    endif()
  endforeach()
  set(top "${top}" PARENT_SCOPE)
  set(links "${link_names}" PARENT_SCOPE)
  set(model_names "${all}" PARENT_SCOPE)
  set(model_kinds "${kinds}" PARENT_SCOPE)
  set(model_sizes "${sizes}" PARENT_SCOPE)
  set(model_targets "${targets}" PARENT_SCOPE)
  set(model_literal ${literal} PARENT_SCOPE)
  set(model_tree "${tree}" PARENT_SCOPE)
  set(${out_ok} TRUE PARENT_SCOPE)
endfunction()

cmake_policy(POP)
