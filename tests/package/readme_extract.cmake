# readme_samples(<readme> <prefix>): the fenced ```cmake blocks of a Markdown
# file, in order. Sets <prefix>_COUNT and, for each block i (1-based),
# <prefix>_<i>_CODE (the block's text), <prefix>_<i>_LINE (the line of its
# opening fence) and <prefix>_<i>_MARK: what an HTML comment on the line just
# before the fence says after "readme-test:" ("" when there is none):
#
#   <!-- readme-test: skip: <why> -->        not runnable as written, and why
#   <!-- readme-test: release-archive -->    FetchContent from the release archive
#   <!-- readme-test: release-archive installed-first -->  ...with FIND_PACKAGE_ARGS
#   <!-- readme-test: git-repository -->     FetchContent from the repository at a tag
#
# Read line by line with string(FIND): a sample may hold ';', which any
# list-based split would cut.
function(readme_samples readme prefix)
  file(READ "${readme}" text)
  string(APPEND text "\n")
  set(count 0)
  set(line_number 0)
  set(in_block FALSE)
  set(previous "")
  while(NOT text STREQUAL "")
    string(FIND "${text}" "\n" end)
    string(SUBSTRING "${text}" 0 ${end} line)
    math(EXPR rest "${end} + 1")
    string(SUBSTRING "${text}" ${rest} -1 text)
    math(EXPR line_number "${line_number} + 1")
    if(in_block)
      if(line MATCHES "^```[ \t]*$")
        set(in_block FALSE)
        set(${prefix}_${count}_CODE "${code}" PARENT_SCOPE)
      else()
        string(APPEND code "${line}\n")
      endif()
    elseif(line MATCHES "^```cmake[ \t]*$")
      set(in_block TRUE)
      math(EXPR count "${count} + 1")
      set(code "")
      set(mark "")
      if(previous MATCHES "^<!-- readme-test: (.*) -->$")
        set(mark "${CMAKE_MATCH_1}")
      endif()
      set(${prefix}_${count}_MARK "${mark}" PARENT_SCOPE)
      set(${prefix}_${count}_LINE "${line_number}" PARENT_SCOPE)
    endif()
    if(NOT line STREQUAL "")
      set(previous "${line}")
    endif()
  endwhile()
  if(in_block)
    message(FATAL_ERROR "${readme}: the ```cmake block opened at line "
                        "${${prefix}_${count}_LINE} is never closed")
  endif()
  set(${prefix}_COUNT ${count} PARENT_SCOPE)
endfunction()
