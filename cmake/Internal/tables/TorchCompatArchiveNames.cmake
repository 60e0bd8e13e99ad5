#[=======================================================================[.rst:
TorchCompatArchiveNames
-----------------------

Internal: which characters an archive's entry names, owners and link targets
may hold, and how a name is shown in a message.

.. command:: _torchcompat_unsafe_name_regex

  ::

    _torchcompat_unsafe_name_regex(<out-var> [<also-allowed>])

  A regular expression that matches any character outside the accepted set:
  printable ASCII without ``\`` (a separator to Windows' extractor, so one
  name would mean two different paths on two hosts), ``;``, ``[``, ``]``
  (CMake lists), ``"``, ``'``, and Windows' reserved ``<``, ``>``, ``:``
  (also an NTFS stream), ``|``, ``?``, ``*``. Control characters, DEL and
  every byte above 127 match; a line break does not (listings are split on
  it, and a name holding one is caught by the listings' counts). No libtorch
  archive uses any of these. ``<also-allowed>`` adds characters (the verbose
  listing's times hold ``:``).

.. command:: _torchcompat_escaped_name

  ::

    _torchcompat_escaped_name(<out-var> <text>)

  ``<text>`` with every character outside printable ASCII, and ``\``, written
  as ``\xNN``: a name shown in a message can't move the cursor, recolour or
  hide the rest of the terminal.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

function(_torchcompat_unsafe_name_regex out)
  if(ARGC GREATER 2)
    message(FATAL_ERROR "TorchCompat: _torchcompat_unsafe_name_regex takes 1 or 2 arguments")
  endif()
  # ARGV1 is read only when given: an unset one would be the caller's variable of that name.
  set(extra "")
  if(ARGC EQUAL 2)
    set(extra "${ARGV1}")
  endif()
  # Listed one by one, no ranges, so what the class holds is what is written; "-" goes last, where
  # it is no range. The class is negated: anything not listed is refused.
  string(CONCAT allowed "\n !#$%&()+,./0123456789=@ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`"
                "abcdefghijklmnopqrstuvwxyz{}~${extra}-")
  set(${out} "[^${allowed}]" PARENT_SCOPE)
endfunction()

function(_torchcompat_escaped_name out text)
  if(NOT text MATCHES "[^ -~]" AND NOT text MATCHES "\\\\")
    set(${out} "${text}" PARENT_SCOPE)
    return()
  endif()
  string(HEX "${text}" hex)
  string(LENGTH "${hex}" length)
  set(shown "")
  set(at 0)
  while(at LESS length)
    string(SUBSTRING "${hex}" ${at} 2 byte)
    math(EXPR at "${at} + 2")
    math(EXPR code "0x${byte}")
    if(code GREATER_EQUAL 32 AND code LESS 127 AND NOT code EQUAL 92)
      string(ASCII ${code} char)
      string(APPEND shown "${char}")
    else()
      string(APPEND shown "\\x${byte}")
    endif()
  endwhile()
  set(${out} "${shown}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
