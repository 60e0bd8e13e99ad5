# Which Pythons a torchvision or torchaudio release has wheels for, per
# platform (data/companion-wheels.json, read from PyPI's index): a fix that
# installs a companion is offered as a command only where pip would find a
# wheel for the interpreter, never where it would try to build from source.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")

# Whether a Requires-Python (">=3.10,!=3.14.1") admits a Python minor (3.11):
# each clause is compared on major.minor; a clause on a patch release ("!=3.14.1")
# excludes no minor.
function(_torchcompat_requires_python_admits out_var requires python)
  set(admits TRUE)
  string(REPLACE "," ";" clauses "${requires}")
  foreach(clause IN LISTS clauses)
    string(STRIP "${clause}" clause)
    if(NOT clause MATCHES "^(>=|<=|==|!=|>|<|~=) *([0-9]+(\\.[0-9]+)*)(\\.\\*)?$")
      continue()
    endif()
    set(operator "${CMAKE_MATCH_1}")
    set(bound "${CMAKE_MATCH_2}")
    string(REGEX MATCH "^[0-9]+(\\.[0-9]+)?" bound_minor "${bound}")
    set(patch FALSE)
    if(bound MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+")
      set(patch TRUE)
    endif()
    if(operator STREQUAL ">=" OR operator STREQUAL "~=")
      if(python VERSION_LESS bound_minor)
        set(admits FALSE)
      endif()
    elseif(operator STREQUAL ">" AND NOT patch)
      if(NOT python VERSION_GREATER bound_minor)
        set(admits FALSE)
      endif()
    elseif(operator STREQUAL "<" AND NOT patch)
      if(NOT python VERSION_LESS bound_minor)
        set(admits FALSE)
      endif()
    elseif(operator STREQUAL "<=")
      if(python VERSION_GREATER bound_minor)
        set(admits FALSE)
      endif()
    elseif(operator STREQUAL "==" AND NOT python VERSION_EQUAL bound_minor)
      set(admits FALSE)
    elseif(operator STREQUAL "!=" AND NOT patch AND python VERSION_EQUAL bound_minor)
      set(admits FALSE)
    endif()
  endforeach()
  set(${out_var} ${admits} PARENT_SCOPE)
endfunction()

# _torchcompat_companion_wheel(<out-var> <package> <version> <python> <platform>):
# yes (a wheel for that Python on that platform), no (none: pip would have to
# build it), or unknown (the table has no record of that release, or no table).
function(_torchcompat_companion_wheel out_var package version python platform)
  _torchcompat_data_dir(dir)
  if(NOT EXISTS "${dir}/companion-wheels.json")
    set(${out_var} unknown PARENT_SCOPE)
    return()
  endif()
  _torchcompat_table(table companion-wheels)
  string(
    JSON
    record
    ERROR_VARIABLE
    missing
    GET
    "${table}"
    ${package}
    ${version})
  if(missing)
    set(${out_var} unknown PARENT_SCOPE)
    return()
  endif()
  _torchcompat_json_list(pythons "${record}" python_by_platform "${platform}")
  set(answer no)
  if(python IN_LIST pythons)
    set(answer yes)
  else()
    string(
      JSON
      requires
      ERROR_VARIABLE
      no_wheel
      GET
      "${record}"
      any_python
      "${platform}")
    if(NOT no_wheel)
      if(requires STREQUAL "" OR requires STREQUAL "null")
        set(answer yes)
      else()
        _torchcompat_requires_python_admits(admits "${requires}" "${python}")
        if(admits)
          set(answer yes)
        endif()
      endif()
    endif()
  endif()
  set(${out_var} ${answer} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
