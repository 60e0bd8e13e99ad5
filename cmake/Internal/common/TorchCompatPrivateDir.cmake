#[=======================================================================[.rst:
TorchCompatPrivateDir
---------------------

Internal: a folder whose contents are trusted (a stamped libtorch tree, a built
probe, a pin) must be this user's alone, or another user could have planted
what it holds.

.. command:: _torchcompat_require_private_dir

  ::

    _torchcompat_require_private_dir(<dir> <what> <fix-hint>)

  Creates ``<dir>`` (absolute) when it is missing, then stops with one line
  that names ``<what>``, the offending folder and ``<fix-hint>`` unless:

  * ``<dir>`` (after following symbolic links) is a directory owned by the
    effective user and writable by nobody else (the rule of the probe's
    answer cache: no world write bit, and no group write bit unless the
    group is the user's own primary group, as on systems with user-private
    groups and umask 002);
  * every parent of ``<dir>``, and of the folder it resolves to, is owned by
    this user or by root and is not writable by others (the same group
    rule), unless it carries the sticky bit (``/tmp``: others can create
    there but not rename or remove what is ours);
  * every symbolic link on the way is owned by this user or by root.

  Folders it creates lose the group and world write bits whatever the umask.
  On Windows hosts it only creates the folder: the per-user default
  (``%LOCALAPPDATA%``) is private by its ACL, which CMake cannot read.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# Every parent of the folder up to the root, innermost first, as a list whose items have their
# semicolons escaped: a path may hold ";" (each item expands back to the path). Such lists are only
# expanded straight into a command or a foreach, never changed with list() or passed through a
# function's arguments, which would split them.
function(_torchcompat_dir_parents out_var dir)
  set(chain "")
  set(current "${dir}")
  while(TRUE)
    get_filename_component(parent "${current}" DIRECTORY)
    if(parent STREQUAL current OR parent STREQUAL "")
      break()
    endif()
    string(REPLACE ";" "\\;" item "${parent}")
    list(APPEND chain "${item}")
    set(current "${parent}")
  endwhile()
  set(${out_var} "${chain}" PARENT_SCOPE)
endfunction()

# Sets <out_var> to the first "<reason> <path>" line that find printed, or to "error <why>" when
# find failed. <real> is held to the folder's rule, every path in the list <parents_var> names
# (escaped as _torchcompat_dir_parents makes them) to the parents' rule, in one
# process: find -prune looks at each named path itself, never below it, -path tells <real> from
# the others, and -user/-perm read what lstat says. A link's own mode bits mean nothing; only its
# owner counts.
function(_torchcompat_private_find out_var uid gid real parents_var)
  # printf repeats its format for every path that -exec ... + hands it.
  set(owner "-exec printf 'owner %s\\\\n' {} +")
  set(writable "-exec printf 'writable %s\\\\n' {} +")
  # Group write counts as others' unless the group is this user's own (a user-private group, as
  # umask 002 systems give every user).
  set(others_write "( -perm -0002 -o ( -perm -0020 ! -group ${gid} ) )")
  string(CONCAT strict "( ! -type d -exec printf 'not-a-folder %s\\\\n' {} + -o ! -user ${uid} "
                "${owner} -o ${others_write} ${writable} )")
  string(CONCAT parent "( ! -user ${uid} ! -user 0 ${owner} -o ! -type l ${others_write} "
                "! -perm -1000 ${writable} )")
  separate_arguments(strict UNIX_COMMAND "${strict}")
  separate_arguments(parent UNIX_COMMAND "${parent}")
  # -path takes a pattern: the folder's own name with its pattern characters escaped.
  string(REGEX REPLACE "([][*?\\])" "\\\\\\1" pattern "${real}")
  # It goes into a list below: its own semicolons escaped.
  string(REPLACE ";" "\\;" pattern "${pattern}")
  set(expression
      "("
      -path
      "${pattern}"
      ${strict}
      ")"
      -o
      "("
      "!"
      -path
      "${pattern}"
      ${parent}
      ")")
  execute_process(
    COMMAND find "${real}" ${${parents_var}} -prune ${expression}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE output
    ERROR_VARIABLE error)
  if(NOT rc EQUAL 0)
    string(REGEX REPLACE "\n.*" "" error "${error}")
    set(output "error find failed (${rc}): ${error}")
  endif()
  string(REGEX REPLACE "\n.*" "" output "${output}")
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()

function(_torchcompat_require_private_dir dir what fix)
  if(ARGC GREATER 3)
    message(FATAL_ERROR "TorchCompat: _torchcompat_require_private_dir takes 3 arguments")
  endif()
  if(NOT IS_ABSOLUTE "${dir}")
    message(FATAL_ERROR "TorchCompat: _torchcompat_require_private_dir needs an absolute "
                        "folder, not '${dir}'")
  endif()
  _torchcompat_dir_parents(parents "${dir}")
  string(REPLACE ";" "\\;" escaped_dir "${dir}")
  set(created "")
  foreach(path IN ITEMS "${dir}" LISTS parents)
    if(NOT EXISTS "${path}" AND NOT IS_SYMLINK "${path}")
      string(REPLACE ";" "\\;" path "${path}")
      list(APPEND created "${path}")
    endif()
  endforeach()
  # A child process reports a folder it cannot make as a result code; file(MAKE_DIRECTORY)
  # would stop with CMake's own multi-line text. Only when one is missing: the warm path of a
  # configure starts no process it does not need.
  set(rc 0)
  if(created)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}" RESULT_VARIABLE rc
                    OUTPUT_QUIET ERROR_QUIET)
  endif()
  if(NOT rc EQUAL 0 OR NOT IS_DIRECTORY "${dir}")
    message(FATAL_ERROR "TorchCompat: cannot create ${what} ${dir}; ${fix}")
  endif()
  if(CMAKE_HOST_WIN32)
    return()
  endif()
  if(created)
    # What the umask let others write is taken back; a folder someone else made in the meantime
    # is not ours to change, and the checks below refuse it.
    execute_process(COMMAND chmod go-w ${created} OUTPUT_QUIET ERROR_QUIET)
  endif()

  # Who this is, once per run: the effective user and group, from id's POSIX output
  # ("uid=0(root) gid=0(root)", with euid=/egid= where they differ).
  get_property(ids GLOBAL PROPERTY _TORCHCOMPAT_EFFECTIVE_IDS)
  if("${ids}" STREQUAL "")
    execute_process(
      COMMAND id
      RESULT_VARIABLE rc
      OUTPUT_VARIABLE text
      ERROR_QUIET)
    set(ids "")
    foreach(name IN ITEMS uid gid)
      set(value "")
      if(text MATCHES "(^| )e${name}=([0-9]+)")
        set(value "${CMAKE_MATCH_2}")
      elseif(text MATCHES "(^| )${name}=([0-9]+)")
        set(value "${CMAKE_MATCH_2}")
      endif()
      list(APPEND ids "${value}")
    endforeach()
    if(NOT rc EQUAL 0 OR NOT ids MATCHES "^[0-9]+;[0-9]+$")
      message(FATAL_ERROR "TorchCompat: cannot tell who owns ${what} ${dir} ('id' failed); ${fix}")
    endif()
    set_property(GLOBAL PROPERTY _TORCHCOMPAT_EFFECTIVE_IDS "${ids}")
  endif()
  list(GET ids 0 uid)
  list(GET ids 1 gid)

  get_filename_component(real "${dir}" REALPATH)
  if(NOT real STREQUAL dir)
    # The link itself is judged like a parent (it decides where the folder is), and so are the
    # parents of the folder it leads to. Joined as text, so the escapes stay.
    _torchcompat_dir_parents(real_parents "${real}")
    set(parents "${escaped_dir};${parents};${real_parents}")
  endif()

  _torchcompat_private_find(found ${uid} ${gid} "${real}" parents)
  if(found STREQUAL "")
    return()
  endif()
  string(REGEX MATCH "^([a-z-]+) (.*)$" ignored "${found}")
  set(reason "${CMAKE_MATCH_1}")
  set(path "${CMAKE_MATCH_2}")
  if(reason STREQUAL "owner")
    set(why "${path} belongs to another user")
  elseif(reason STREQUAL "writable")
    set(why "other users may write to ${path}")
  elseif(reason STREQUAL "not-a-folder")
    set(why "${path} is not a folder")
  else()
    set(why "its owner could not be checked (${path})")
  endif()
  message(FATAL_ERROR "TorchCompat: ${what} ${dir} is not this user's alone: ${why}; ${fix}")
endfunction()

cmake_policy(POP)
