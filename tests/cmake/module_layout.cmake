# The package's modules as CMake's own are written: each guards itself and
# scopes its policies (a PUSH for every POP), and dependencies point one way.
# cmake/Internal holds one folder per job, in layers: a module includes only
# modules of its own folder or of a folder below it, and calls no command of a
# public module, except the command's modules, which sit above the public ones.
# The machine is rendered by one file.
# Exempt from the guard: the config file (sets result variables in every
# directory, so it has no guard), the version files (read by several scopes),
# the scripts run with cmake -P (they start with cmake_minimum_required and
# live in command/ or scripts/), and packaging/, which the project's own build
# includes (not the package).
set(layers
    common
    tables
    verdict
    machine
    checks
    fetch
    public
    command)
set(folders ${layers} scripts packaging)
set(exempt_guard TorchCompatConfig.cmake TorchCompatConfigVersion.cmake TorchCompatVersion.cmake)
file(GLOB public_files "${layout_root}/*.cmake")
# Modules sit one folder deep; deeper files (the provider's stand-in Torch config) are data.
file(GLOB internal_files "${layout_root}/Internal/*.cmake" "${layout_root}/Internal/*/*.cmake")
set(problems "")

# The folder of a module under cmake/: "public" for cmake/ itself.
function(folder_of file out_var)
  file(RELATIVE_PATH relative "${layout_root}" "${file}")
  if(relative MATCHES "^Internal/([^/]+)/[^/]+$")
    set(${out_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  elseif(relative MATCHES "^[^/]+$")
    set(${out_var} "public" PARENT_SCOPE)
  else()
    set(${out_var} "" PARENT_SCOPE)
  endif()
endfunction()

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
  folder_of("${file}" folder)
  file(RELATIVE_PATH relative "${layout_root}" "${file}")
  if(NOT folder IN_LIST folders)
    string(REPLACE ";" ", " folder_names "${folders}")
    list(APPEND problems "${relative}: not in one of the folders ${folder_names}")
    continue()
  endif()
  code_of("${file}" code)
  if(code MATCHES "^[ \n]*cmake_minimum_required\\(")
    if(NOT folder MATCHES "^(command|scripts)$")
      list(APPEND problems "${relative}: a cmake -P script outside command/ and scripts/")
    endif()
    continue()
  endif()
  if(name IN_LIST exempt_guard OR folder STREQUAL "packaging")
    continue()
  endif()
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
# Includes point down the layers; only the command's modules call public commands.
foreach(file IN LISTS public_files internal_files)
  folder_of("${file}" folder)
  file(RELATIVE_PATH relative "${layout_root}" "${file}")
  list(FIND layers "${folder}" rank)
  code_of("${file}" code)
  string(REGEX MATCHALL "include\\(\"[^\"]+\\.cmake\"\\)" includes "${code}")
  foreach(include IN LISTS includes)
    string(REGEX REPLACE "^include\\(\"(.*)\"\\)$" "\\1" target "${include}")
    get_filename_component(target_dir "${file}" DIRECTORY)
    string(REPLACE "\${CMAKE_CURRENT_LIST_DIR}" "${target_dir}" target "${target}")
    string(REPLACE "\${_torchcompat_module_dir}" "${layout_root}" target "${target}")
    if(NOT target MATCHES "^/")
      continue()
    endif()
    get_filename_component(target "${target}" ABSOLUTE)
    folder_of("${target}" target_folder)
    list(FIND layers "${target_folder}" target_rank)
    if(rank GREATER -1 AND target_rank GREATER rank)
      list(APPEND problems "${relative} (${folder}) includes ${target_folder}/ above it")
    endif()
  endforeach()
  if(folder STREQUAL "command" OR folder STREQUAL "public")
    continue()
  endif()
  foreach(command IN LISTS public_commands)
    if(code MATCHES "(^|[^A-Za-z0-9_])${command}\\(")
      list(APPEND problems "${relative} calls ${command} of ${defined_in_${command}}")
    endif()
  endforeach()
endforeach()

# The machine is rendered in one place: the texts that describe a driver, the
# GPUs or the machine block of the report come from Internal/machine/TorchCompatMachine.
foreach(file IN LISTS public_files internal_files)
  get_filename_component(name "${file}" NAME)
  if(name STREQUAL "TorchCompatMachine.cmake")
    continue()
  endif()
  code_of("${file}" code)
  foreach(phrase IN ITEMS "supports CUDA up to" "GPU\\(s\\)" "This machine\\\\n")
    if(code MATCHES "${phrase}")
      list(APPEND problems
           "${name} renders the machine ('${phrase}'), not Internal/machine/TorchCompatMachine")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "module layout:\n  ${text}")
endif()
list(LENGTH public_commands count)
message(
  STATUS
    "module layout: every module scoped, ${count} public commands, includes point down the layers")
