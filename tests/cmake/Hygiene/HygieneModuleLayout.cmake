# The package's modules as CMake's own are written: each guards itself and
# scopes its policies (a PUSH for every POP), and dependencies point one way:
# nothing under cmake/Internal calls a command defined by a public module, and
# the machine is rendered by one file.
# Exempt: the config file (sets result variables in every directory, so it has
# no guard), the version files (read by several scopes), the scripts run with
# cmake -P, and the packaging files, which the project's own build includes
# (not the package). The torchcompat command (torchcompat-cli and the
# TorchCompatCli* modules it includes) is the program on top of the public
# commands: its modules are scoped like any other, but may call those commands.
set(exempt_guard
    TorchCompatConfig.cmake
    TorchCompatConfigVersion.cmake
    TorchCompatVersion.cmake
    torchcompat-cli.cmake
    gpu-code-query.cmake
    libtorch-url.cmake
    TorchCompatPackage.cmake
    TorchCompatCPack.cmake)
file(GLOB public_files "${TorchCompat_DIR}/*.cmake")
file(GLOB internal_files "${TorchCompat_DIR}/Internal/*.cmake")
set(problems "")

# Comments and the rst doc block may name commands; only code counts.
function(code_of file out_var)
  file(READ "${file}" text)
  string(FIND "${text}"
              "#[=======================================================================[" start)
  string(FIND "${text}"
              "#]=======================================================================]" end)
  if(start GREATER -1 AND end GREATER start)
    string(SUBSTRING "${text}" 0 ${start} before)
    string(SUBSTRING "${text}" ${end} -1 after)
    string(REGEX REPLACE "^#][=]+]" "" after "${after}")
    set(text "${before}${after}")
  endif()
  string(REGEX REPLACE "#[^\n]*" "" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

foreach(file IN LISTS public_files internal_files)
  get_filename_component(name "${file}" NAME)
  if(name IN_LIST exempt_guard)
    continue()
  endif()
  code_of("${file}" code)
  if(NOT code MATCHES "^[ \n]*include_guard\\(GLOBAL\\)")
    list(APPEND problems "${name}: does not start with include_guard(GLOBAL)")
  endif()
  string(REGEX MATCHALL "cmake_policy\\(PUSH\\)" pushes "${code}")
  string(REGEX MATCHALL "cmake_policy\\(POP\\)" pops "${code}")
  string(REGEX MATCHALL "cmake_policy\\(VERSION 3\\.22\\.\\.\\.4\\.4\\)" versions "${code}")
  list(LENGTH pushes push_count)
  list(LENGTH pops pop_count)
  if(NOT push_count EQUAL 1 OR NOT pop_count EQUAL 1 OR NOT versions)
    list(APPEND problems "${name}: ${push_count} policy PUSH, ${pop_count} POP, no VERSION set"
         " (wants one PUSH, VERSION 3.22...4.4, one POP)")
  endif()
endforeach()

set(public_commands "")
foreach(file IN LISTS public_files)
  code_of("${file}" code)
  string(REGEX MATCHALL "(function|macro)\\([A-Za-z0-9_]+" definitions "${code}")
  foreach(definition IN LISTS definitions)
    string(REGEX REPLACE "^(function|macro)\\(" "" command "${definition}")
    get_filename_component(name "${file}" NAME)
    list(APPEND public_commands "${command}")
    set(defined_in_${command} "${name}")
  endforeach()
endforeach()
foreach(file IN LISTS internal_files)
  get_filename_component(name "${file}" NAME)
  if(name MATCHES "^(torchcompat-cli|TorchCompatCli[A-Za-z]+)\\.cmake$")
    continue()
  endif()
  code_of("${file}" code)
  foreach(command IN LISTS public_commands)
    if(code MATCHES "(^|[^A-Za-z0-9_])${command}\\(")
      list(APPEND problems "Internal/${name} calls ${command} of ${defined_in_${command}}")
    endif()
  endforeach()
endforeach()

# The machine is rendered in one place: the texts that describe a driver, the
# GPUs or the machine block of the report come from Internal/TorchCompatMachine.
foreach(file IN LISTS public_files internal_files)
  get_filename_component(name "${file}" NAME)
  if(name STREQUAL "TorchCompatMachine.cmake")
    continue()
  endif()
  code_of("${file}" code)
  foreach(phrase IN ITEMS "supports CUDA up to" "GPU\\(s\\)" "This machine\\\\n")
    if(code MATCHES "${phrase}")
      list(APPEND problems
           "${name} renders the machine ('${phrase}'), not Internal/TorchCompatMachine")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "module layout:\n  ${text}")
endif()
list(LENGTH public_commands count)
message(
  STATUS "module layout: every module scoped, ${count} public commands, none called from Internal")
