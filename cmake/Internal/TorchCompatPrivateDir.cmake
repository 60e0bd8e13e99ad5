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
    answer cache: no group or world write bit);
  * every parent of ``<dir>``, and of the folder it resolves to, is owned by
    this user or by root and is not writable by others, unless it carries the
    sticky bit (``/tmp``: others can create there but not rename or remove
    what is ours);
  * every symbolic link on the way is owned by this user or by root.

  Folders it creates lose the group and world write bits whatever the umask.
  On Windows hosts it only creates the folder: the per-user default
  (``%LOCALAPPDATA%``) is private by its ACL, which CMake cannot read.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# The folder and every parent up to the root, innermost first.
function(_torchcompat_dir_chain out_var dir)
  set(chain "")
  set(current "${dir}")
  while(TRUE)
    list(APPEND chain "${current}")
    get_filename_component(parent "${current}" DIRECTORY)
    if(parent STREQUAL current OR parent STREQUAL "")
      break()
    endif()
    set(current "${parent}")
  endwhile()
  set(${out_var} "${chain}" PARENT_SCOPE)
endfunction()

# Sets <out_var> to the first "<reason> <path>" line that find printed, or to "error <why>" when
# find failed. <real> is held to the folder's rule, every <parent> to the parents' rule, in one
# process: find -prune looks at each named path itself, never below it, -path tells <real> from
# the others, and -user/-perm read what lstat says. A link's own mode bits mean nothing; only its
# owner counts.
function(_torchcompat_private_find out_var uid real)
  # printf repeats its format for every path that -exec ... + hands it.
  set(owner "-exec printf 'owner %s\\\\n' {} +")
  set(writable "-exec printf 'writable %s\\\\n' {} +")
  string(CONCAT strict "( ! -type d -exec printf 'not-a-folder %s\\\\n' {} + -o ! -user ${uid} "
                "${owner} -o ( -perm -0002 -o -perm -0020 ) ${writable} )")
  string(CONCAT parent "( ! -user ${uid} ! -user 0 ${owner} -o ! -type l "
                "( -perm -0002 -o -perm -0020 ) ! -perm -1000 ${writable} )")
  separate_arguments(strict UNIX_COMMAND "${strict}")
  separate_arguments(parent UNIX_COMMAND "${parent}")
  # -path takes a pattern: the folder's own name with its pattern characters escaped.
  string(REGEX REPLACE "([][*?\\])" "\\\\\\1" pattern "${real}")
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
    COMMAND find "${real}" ${ARGN} -prune ${expression}
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
  _torchcompat_dir_chain(chain "${dir}")
  set(created "")
  foreach(path IN LISTS chain)
    if(NOT EXISTS "${path}" AND NOT IS_SYMLINK "${path}")
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

  get_property(uid GLOBAL PROPERTY _TORCHCOMPAT_EUID)
  if("${uid}" STREQUAL "")
    execute_process(
      COMMAND id -u
      RESULT_VARIABLE rc
      OUTPUT_VARIABLE uid
      ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0 OR NOT uid MATCHES "^[0-9]+$")
      message(FATAL_ERROR "TorchCompat: cannot tell who owns ${what} ${dir} ('id -u' failed); "
                          "${fix}")
    endif()
    set_property(GLOBAL PROPERTY _TORCHCOMPAT_EUID "${uid}")
  endif()

  get_filename_component(real "${dir}" REALPATH)
  set(parents "${chain}")
  list(REMOVE_AT parents 0)
  if(NOT real STREQUAL dir)
    _torchcompat_dir_chain(real_chain "${real}")
    list(REMOVE_AT real_chain 0)
    list(APPEND parents ${real_chain})
    # The link itself is judged like a parent: it decides where the folder is.
    list(INSERT parents 0 "${dir}")
    list(REMOVE_DUPLICATES parents)
  endif()

  _torchcompat_private_find(found ${uid} "${real}" ${parents})
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
