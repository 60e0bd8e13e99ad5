# The torchcompat command, run by bin/torchcompat in cmake -P script mode:
#
#   cmake -DTORCHCOMPAT_CLI_OUT=<dir> -P torchcompat-cli.cmake -- <arguments>
#
# The policy lives in the CMake package; this script only parses the command
# line, asks the package and renders its answers. It writes what goes to
# stdout to <dir>/out and the exit status to <dir>/status (cmake -P before
# 3.29 cannot choose its own exit status); one-line diagnostics go to stderr
# as they happen, each starting "torchcompat: " or "TorchCompat: ".
cmake_minimum_required(VERSION 3.22...4.4)

get_filename_component(_cli_package_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatVersion.cmake")

if(NOT TORCHCOMPAT_CLI_OUT)
  message(FATAL_ERROR "TorchCompat: run this script through bin/torchcompat.")
endif()
set(_cli_out "")

# --- output ------------------------------------------------------------------

# _cli_print(<piece>...): one line of output. ARGV<n>, not ARGN: a ';' inside a
# piece must survive.
function(_cli_print)
  set(line "")
  if(ARGC GREATER 0)
    math(EXPR last "${ARGC} - 1")
    foreach(index RANGE ${last})
      string(APPEND line "${ARGV${index}}")
    endforeach()
  endif()
  set(_cli_out "${_cli_out}${line}\n" PARENT_SCOPE)
endfunction()

# One line on stderr, now.
function(_cli_say)
  set(line "")
  math(EXPR last "${ARGC} - 1")
  foreach(index RANGE ${last})
    string(APPEND line "${ARGV${index}}")
  endforeach()
  message(NOTICE "torchcompat: ${line}")
endfunction()

function(_cli_finish status)
  file(WRITE "${TORCHCOMPAT_CLI_OUT}/out" "${_cli_out}")
  if(DEFINED _cli_err)
    # Another program's stderr, passed on as it is (torchcompat probe).
    file(WRITE "${TORCHCOMPAT_CLI_OUT}/err" "${_cli_err}")
  endif()
  file(WRITE "${TORCHCOMPAT_CLI_OUT}/status" "${status}")
endfunction()

function(_cli_json_string out_var value)
  if("${value}" STREQUAL "")
    set(${out_var} "null" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  string(REPLACE "\n" "\\n" value "${value}")
  string(REPLACE "\r" "\\r" value "${value}")
  string(REPLACE "\t" "\\t" value "${value}")
  set(${out_var} "\"${value}\"" PARENT_SCOPE)
endfunction()

# JSON on one line. Safe by regex: a raw newline cannot occur inside a JSON
# string (it would be written \n).
function(_cli_json_compact out_var json)
  string(REGEX REPLACE "\n[ \t]*" " " json "${json}")
  string(STRIP "${json}" json)
  set(${out_var} "${json}" PARENT_SCOPE)
endfunction()

# A JSON array of strings from a CMake list.
function(_cli_json_strings out_var)
  set(items "")
  foreach(item IN LISTS ARGN)
    _cli_json_string(quoted "${item}")
    list(APPEND items "${quoted}")
  endforeach()
  list(JOIN items ", " items)
  set(${out_var} "[${items}]" PARENT_SCOPE)
endfunction()

# _cli_json_object(<out-var> <key> <json-value> ...): an object, keys in order.
function(_cli_json_object out_var)
  # ARGV<n>, not a list: a value may hold ';' (a GPU list, a report's text).
  set(members "")
  math(EXPR last "${ARGC} - 1")
  foreach(key_index RANGE 1 ${last} 2)
    math(EXPR value_index "${key_index} + 1")
    if(members)
      string(APPEND members ", ")
    endif()
    string(APPEND members "\"${ARGV${key_index}}\": ${ARGV${value_index}}")
  endforeach()
  set(${out_var} "{${members}}" PARENT_SCOPE)
endfunction()

# --- command line ------------------------------------------------------------

set(_cli_usage
    "usage: torchcompat [--format text|json] [--python EXE] [--driver-policy compat|strict] <command> [args]

Will the PyTorch you have, or want, work on this machine? Every answer comes
from the TorchCompat CMake package and its tables.

commands:
  report [TORCH]        this machine, which builds of TORCH (default: newest) run
                        here, the libtorch and pip install to use
  check                 verdict on the torch, torchvision and torchaudio that the
                        Python interpreter has installed, with the exact fixes
  check TORCH [TORCHVISION [TORCHAUDIO]] [--variant V] [--python-version X.Y]
                        the guard for the versions given
  url TORCH [--variant V] [--platform linux|windows|macos] [--arch A]
            [--abi cxx11|pre-cxx11] [--config Release|Debug]
                        the official libtorch URL that runs here, and why
  pip [TORCH]           the install command for this machine, pip and uv forms
  probe [ARGS]          torchcompat-probe itself, with its own arguments (--help)

options:
  --format text|json    output for people (default) or one JSON object
  --python EXE          interpreter to ask (default: python3 on PATH)
  --driver-policy P     compat (default: NVIDIA minor-version compatibility) or
                        strict (the toolkit's own minimum driver)
  -h, --help            this text (also: torchcompat <command> --help)
  --version             the version of TorchCompat

TORCH is a version as pip writes it: 2.4.0, 2.4.0+cu121, 1.13.0a0+gitunknown.
Exit status: 0 it works, 1 a problem was found (or something could not be
verified: the verdict says which), 2 usage error.
Environment: TORCHCOMPAT_OVERRIDE_DRIVER, _CUDA, _GPU_ARCHS, _CUDNN, _TOOLKIT
describe a target machine; TORCHCOMPAT_PROBE_EXECUTABLE a prebuilt probe.")

# Each command's lines of the usage, for torchcompat <command> --help.
set(_cli_usage_report
    "  report [TORCH]        this machine, which builds of TORCH (default: newest) run
                        here, the libtorch and pip install to use")
set(_cli_usage_check
    "  check                 verdict on the torch, torchvision and torchaudio that the
                        Python interpreter (--python EXE) has installed
  check TORCH [TORCHVISION [TORCHAUDIO]] [--variant V] [--python-version X.Y]
                        the guard for the versions given")
set(_cli_usage_url
    "  url TORCH [--variant V] [--platform linux|windows|macos] [--arch A]
            [--abi cxx11|pre-cxx11] [--config Release|Debug]
                        the official libtorch URL that runs here, and why")
set(_cli_usage_pip "  pip [TORCH]           the install command for this machine, pip and uv forms")
set(_cli_usage_probe
    "  probe [ARGS]          torchcompat-probe itself, with its own arguments (--help)")

set(_cli_args "")
set(_cli_seen_separator FALSE)
math(EXPR _cli_last "${CMAKE_ARGC} - 1")
set(_cli_bad_argument "")
foreach(_cli_index RANGE ${_cli_last})
  if(_cli_seen_separator)
    # A ';' would split the argument in two: no version, option or path has one.
    if("${CMAKE_ARGV${_cli_index}}" MATCHES ";")
      set(_cli_bad_argument "${CMAKE_ARGV${_cli_index}}")
    endif()
    list(APPEND _cli_args "${CMAKE_ARGV${_cli_index}}")
  elseif("${CMAKE_ARGV${_cli_index}}" STREQUAL "--")
    set(_cli_seen_separator TRUE)
  endif()
endforeach()

# Sets cli_COMMAND, cli_POSITIONAL, cli_FORMAT, cli_PYTHON, cli_POLICY, cli_HELP,
# cli_VERSION, cli_OPTION_<NAME> for the command's options, or cli_ERROR.
function(_cli_parse)
  set(command "")
  set(positional "")
  set(format text)
  set(python "")
  set(policy "")
  set(help FALSE)
  set(version FALSE)
  set(error "")
  set(values_of
      --format
      --python
      --driver-policy
      --variant
      --python-version
      --platform
      --arch
      --abi
      --config)
  set(options "")
  set(args ${ARGN})
  list(LENGTH args count)
  set(index 0)
  while(index LESS count AND NOT error)
    list(GET args ${index} arg)
    math(EXPR index "${index} + 1")
    if(command STREQUAL "probe")
      # The probe's own arguments, passed on as they are.
      list(APPEND positional "${arg}")
      continue()
    endif()
    set(value "")
    set(has_value FALSE)
    if(arg MATCHES "^(--[a-z-]+)=(.*)$")
      set(arg "${CMAKE_MATCH_1}")
      set(value "${CMAKE_MATCH_2}")
      set(has_value TRUE)
    endif()
    if(arg IN_LIST values_of AND NOT has_value)
      if(index LESS count)
        list(GET args ${index} value)
        math(EXPR index "${index} + 1")
      else()
        set(error "${arg} needs a value")
        break()
      endif()
    elseif(has_value AND NOT arg IN_LIST values_of)
      set(error "${arg} takes no value")
      break()
    endif()
    if(arg STREQUAL "-h" OR arg STREQUAL "--help")
      set(help TRUE)
    elseif(arg STREQUAL "--version")
      set(version TRUE)
    elseif(arg STREQUAL "--format")
      set(format "${value}")
      if(NOT format MATCHES "^(text|json)$")
        set(error "--format is text or json, not '${value}'")
      endif()
    elseif(arg STREQUAL "--python")
      set(python "${value}")
      if(python STREQUAL "")
        set(error "--python needs an interpreter")
      endif()
    elseif(arg STREQUAL "--driver-policy")
      set(policy "${value}")
      if(NOT policy MATCHES "^(compat|strict)$")
        set(error "--driver-policy is compat or strict, not '${value}'")
      endif()
    elseif(arg IN_LIST values_of)
      string(REGEX REPLACE "^--" "" name "${arg}")
      string(REPLACE "-" "_" name "${name}")
      string(TOUPPER "${name}" name)
      set(option_${name} "${value}")
      list(APPEND options ${name})
    elseif(arg MATCHES "^-")
      set(error "unknown option '${arg}'")
    elseif(command STREQUAL "")
      set(command "${arg}")
    else()
      list(APPEND positional "${arg}")
    endif()
  endwhile()
  if(NOT error AND command AND NOT command MATCHES "^(report|check|url|pip|probe|help)$")
    set(error "'${command}' is not a command (report, check, url, pip, probe)")
  endif()
  # Which options each command takes.
  set(allowed_report "")
  set(allowed_pip "")
  set(allowed_check VARIANT PYTHON_VERSION)
  set(allowed_url VARIANT PLATFORM ARCH ABI CONFIG)
  foreach(name IN LISTS options)
    if(NOT error AND command AND NOT name IN_LIST allowed_${command})
      string(TOLOWER "--${name}" flag)
      string(REPLACE "_" "-" flag "${flag}")
      set(error "'${command}' does not take ${flag}")
    endif()
    set(cli_OPTION_${name} "${option_${name}}" PARENT_SCOPE)
  endforeach()
  if(NOT error AND NOT help)
    list(LENGTH positional given)
    set(most_report 1)
    set(most_pip 1)
    set(most_url 1)
    set(most_check 3)
    set(most_help 1)
    set(most_probe 1000)
    if(command AND given GREATER most_${command})
      list(GET positional ${most_${command}} extra)
      string(CONCAT error "'${command}' takes at most ${most_${command}} version(s), and "
                    "'${extra}' is one too many")
    elseif(command STREQUAL "url" AND given EQUAL 0)
      set(error "'url' needs a torch version (or latest)")
    elseif(NOT command AND NOT version)
      set(error "a command is needed")
    endif()
    if(DEFINED option_VARIANT AND command STREQUAL "check" AND given EQUAL 0)
      set(error "'check --variant' needs a TORCH version")
    endif()
  endif()
  foreach(
    name IN
    ITEMS command
          positional
          format
          python
          policy
          help
          version
          error)
    string(TOUPPER "${name}" upper)
    set(cli_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# --- answers from the package ------------------------------------------------

# Parses a TORCH argument; sets <prefix>_RELEASE, _VARIANT, _NOTE, or a usage error.
function(_cli_version prefix package text)
  _torchcompat_version_release(parsed "${package}" "${text}")
  set(${prefix}_VALID ${parsed_VALID} PARENT_SCOPE)
  foreach(part IN ITEMS RELEASE VARIANT NOTE LOCAL NORMALIZED)
    set(${prefix}_${part} "${parsed_${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# The probe's answer for the interpreter of --python (or the default), and the
# text saying which interpreter was asked.
function(_cli_python_answer out)
  if(TORCHCOMPAT_TARGET_PROFILE OR NOT "$ENV{TORCHCOMPAT_TARGET_PROFILE}" STREQUAL "")
    # The package answers for the profile's machine and asks no Python; the
    # interpreter is this machine's, so the probe is asked here.
    _torchcompat_probe_executable(probe)
    set(arguments --format json)
    if(cli_PYTHON)
      list(APPEND arguments --python "${cli_PYTHON}")
    endif()
    set(json "")
    if(probe)
      execute_process(
        COMMAND "${probe}" ${arguments}
        OUTPUT_VARIABLE json
        ERROR_QUIET
        TIMEOUT 120)
    endif()
  else()
    _torchcompat_probe_json(json FALSE)
  endif()
  set(${out}_JSON "${json}" PARENT_SCOPE)
  foreach(
    key IN
    ITEMS executable
          version
          torch
          torchvision
          torchaudio
          status
          reason)
    _torchcompat_json_get(value "${json}" python ${key})
    string(TOUPPER "${key}" upper)
    set(${out}_${upper} "${value}" PARENT_SCOPE)
  endforeach()
  if(cli_PYTHON)
    set(${out}_ASKED "--python ${cli_PYTHON}" PARENT_SCOPE)
  else()
    set(${out}_ASKED "python3 on PATH" PARENT_SCOPE)
  endif()
endfunction()

# Usual interpreters other than the one asked that have torch: /usr/bin/python3,
# the active virtual environment, the active conda environment. Sets out_var
# to "EXE=TORCH" items.
function(_cli_other_pythons out_var asked_executable)
  set(found "")
  set(candidates "/usr/bin/python3")
  if(DEFINED ENV{VIRTUAL_ENV} AND NOT "$ENV{VIRTUAL_ENV}" STREQUAL "")
    list(APPEND candidates "$ENV{VIRTUAL_ENV}/bin/python3" "$ENV{VIRTUAL_ENV}/bin/python")
  endif()
  if(DEFINED ENV{CONDA_PREFIX} AND NOT "$ENV{CONDA_PREFIX}" STREQUAL "")
    list(APPEND candidates "$ENV{CONDA_PREFIX}/bin/python3" "$ENV{CONDA_PREFIX}/bin/python")
  endif()
  set(seen "")
  if(asked_executable)
    list(APPEND seen "${asked_executable}")
  endif()
  _torchcompat_probe_executable(probe)
  foreach(candidate IN LISTS candidates)
    if(NOT EXISTS "${candidate}" OR candidate IN_LIST seen)
      continue()
    endif()
    execute_process(
      COMMAND "${probe}" --format json --python "${candidate}"
      OUTPUT_VARIABLE json
      ERROR_QUIET
      RESULT_VARIABLE result
      TIMEOUT 60)
    if(result EQUAL 0)
      _torchcompat_json_get(torch "${json}" python torch)
      _torchcompat_json_get(executable "${json}" python executable)
      if(torch AND NOT executable IN_LIST seen)
        list(APPEND found "${candidate}=${torch}")
      endif()
      if(executable)
        list(APPEND seen "${executable}")
      endif()
    endif()
    list(APPEND seen "${candidate}")
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# Lines naming other interpreters that have torch, and how to ask them.
function(_cli_other_pythons_json out_var others)
  set(items "")
  foreach(item IN LISTS others)
    string(REGEX MATCH "^([^=]*)=(.*)$" ignored "${item}")
    _cli_json_string(executable "${CMAKE_MATCH_1}")
    _cli_json_string(torch "${CMAKE_MATCH_2}")
    list(APPEND items "{\"executable\": ${executable}, \"torch\": ${torch}}")
  endforeach()
  list(JOIN items ", " items)
  set(${out_var} "[${items}]" PARENT_SCOPE)
endfunction()

function(_cli_other_python_lines out_var others)
  set(lines "")
  foreach(item IN LISTS others)
    string(REGEX MATCH "^([^=]*)=(.*)$" ignored "${item}")
    list(APPEND lines
         "${CMAKE_MATCH_1} has torch ${CMAKE_MATCH_2}: ask it with --python ${CMAKE_MATCH_1}")
  endforeach()
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# The companions of a torch release from the table ("" when not recorded).
function(_cli_companions prefix release)
  _torchcompat_torch_record(record "${release}")
  foreach(package IN ITEMS torchvision torchaudio)
    _torchcompat_json_get(value "${record}" ${package})
    string(TOUPPER "${package}" upper)
    set(${prefix}_${upper} "${value}" PARENT_SCOPE)
  endforeach()
endfunction()

# The torch releases a companion release goes with, newest last.
function(_cli_torch_for out_var package release)
  _torchcompat_torch_versions(known)
  set(owners "")
  foreach(candidate IN LISTS known)
    _torchcompat_torch_record(record "${candidate}")
    _torchcompat_json_get(paired "${record}" ${package})
    if(paired STREQUAL release)
      list(APPEND owners "${candidate}")
    endif()
  endforeach()
  set(${out_var} "${owners}" PARENT_SCOPE)
endfunction()

# The newest torch release with wheels for a Python minor.
function(_cli_torch_for_python out_var python)
  _torchcompat_torch_versions(known)
  list(REVERSE known)
  set(found "")
  foreach(candidate IN LISTS known)
    _torchcompat_torch_record(record "${candidate}")
    _torchcompat_json_list(pythons "${record}" python)
    if(python IN_LIST pythons)
      set(found "${candidate}")
      break()
    endif()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# pip and uv commands for a torch release and wheel variant.
function(_cli_install_commands prefix release variant)
  _cli_companions(companion "${release}")
  set(packages "torch==${release}")
  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    if(companion_${upper})
      list(APPEND packages "${package}==${companion_${upper}}")
    endif()
  endforeach()
  list(JOIN packages " " packages)
  set(index "")
  if(variant)
    _torchcompat_wheel_index_url(index_url "${variant}")
    set(index " --index-url ${index_url}")
  endif()
  set(${prefix}_PIP "pip install ${packages}${index}" PARENT_SCOPE)
  set(${prefix}_UV "uv pip install ${packages}${index}" PARENT_SCOPE)
endfunction()

# Splits the guard's explanation (MESSAGE_VARIABLE) into its problems, what
# could not be verified, ways out, notes and the machine it was checked
# against, one line each.
function(_cli_split_guard_text prefix text)
  set(problems "")
  set(unknowns "")
  set(ways "")
  set(notes "")
  set(checked "")
  set(section "")
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^TorchCompat: not checked: (.*)$")
      list(APPEND unknowns "${CMAKE_MATCH_1}")
      set(section "")
    elseif(line MATCHES "will not work here:$")
      set(section problems)
    elseif(line MATCHES "(cannot be verified here|accepted without verification).*:$"
           OR line MATCHES "^Cannot be verified:$")
      set(section unknowns)
    elseif(line MATCHES "^Ways out:$")
      set(section ways)
    elseif(line MATCHES "^Also: (.*)$")
      list(APPEND notes "${CMAKE_MATCH_1}")
      set(section "")
    elseif(line MATCHES "^Checked against: (.*)$")
      set(checked "${CMAKE_MATCH_1}")
      set(section "")
    elseif(line MATCHES "^  - (.*)$" AND section)
      list(APPEND ${section} "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^    +(.*)$" AND section)
      # A continued item.
      list(POP_BACK ${section} last)
      list(APPEND ${section} "${last} ${CMAKE_MATCH_1}")
    else()
      set(section "")
    endif()
  endforeach()
  foreach(part IN ITEMS problems unknowns ways notes checked)
    string(TOUPPER "${part}" upper)
    set(${prefix}_${upper} "${${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# --- commands ----------------------------------------------------------------

# The verdict on a set of versions: runs the guard and works out the fixes.
# Inputs: TORCH, TORCHVISION, TORCHAUDIO (given or installed), PYTHON (X.Y or
# ""), VARIANT. Sets <out>_VERDICT (works, problem, unverified), _PROBLEMS,
# _FIXES, _NOTES, _SUBJECT.
function(_cli_verdict out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TORCH;TORCHVISION;TORCHAUDIO;PYTHON;VARIANT" "")
  set(problems "")
  set(fixes "")
  set(notes "")
  _cli_version(torch torch "${arg_TORCH}")
  if(torch_NOTE)
    list(APPEND notes "${torch_NOTE}")
  endif()
  set(guard_args TORCH "${arg_TORCH}")
  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    if(arg_${upper})
      _cli_version(${package} ${package} "${arg_${upper}}")
      if(${package}_NOTE)
        list(APPEND notes "${${package}_NOTE}")
      endif()
      list(APPEND guard_args ${upper} "${arg_${upper}}")
    endif()
  endforeach()
  if(arg_PYTHON)
    list(APPEND guard_args PYTHON "${arg_PYTHON}")
  endif()
  if(arg_VARIANT)
    list(APPEND guard_args VARIANT "${arg_VARIANT}")
  endif()
  if(cli_POLICY)
    list(APPEND guard_args DRIVER_POLICY "${cli_POLICY}")
  endif()
  torchcompat_require(${guard_args} RESULT_VARIABLE ok MESSAGE_VARIABLE text)
  _cli_split_guard_text(guard "${text}")
  list(APPEND problems ${guard_PROBLEMS})
  list(APPEND notes ${guard_NOTES})
  set(unknowns ${guard_UNKNOWNS})

  # The fixes: the exact install command for each kind of problem found.
  _torchcompat_torch_record(record "${torch_RELEASE}")
  set(index "")
  if(torch_VARIANT)
    _torchcompat_wheel_index_url(index_url "${torch_VARIANT}")
    set(index " --index-url ${index_url}")
  endif()
  if(problems AND record)
    foreach(package IN ITEMS torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      _torchcompat_json_get(paired "${record}" ${package})
      if(arg_${upper} AND paired AND NOT paired STREQUAL ${package}_RELEASE)
        foreach(problem IN LISTS problems)
          if(problem MATCHES "^${package} ")
            list(APPEND fixes "pip install ${package}==${paired}${index}")
            break()
          endif()
        endforeach()
      endif()
    endforeach()
    if(arg_PYTHON)
      _torchcompat_json_list(pythons "${record}" python)
      if(pythons AND NOT arg_PYTHON IN_LIST pythons)
        _cli_torch_for_python(newest "${arg_PYTHON}")
        list(JOIN pythons ", " python_text)
        if(newest)
          _cli_install_commands(install "${newest}" "")
          list(APPEND fixes "${install_PIP}  (torch ${newest} is the newest with Python "
               "${arg_PYTHON} wheels; or use Python ${python_text})")
        endif()
      endif()
    endif()
    # Driver, GPU or variant (a problem that is not about a companion or the
    # Python version): the build of this release that runs here.
    set(machine_problem FALSE)
    foreach(problem IN LISTS problems)
      if(NOT problem MATCHES "^(torchvision|torchaudio) "
         AND NOT problem MATCHES "^torch [^ ]+ has no wheels for Python")
        set(machine_problem TRUE)
      endif()
    endforeach()
    set(variant_fix FALSE)
    foreach(way IN LISTS guard_WAYS)
      if(machine_problem AND way MATCHES "^use VARIANT ([^ ]+) ")
        _cli_install_commands(install "${torch_RELEASE}" "${CMAKE_MATCH_1}")
        list(APPEND fixes "${install_PIP}")
        set(variant_fix TRUE)
        break()
      endif()
    endforeach()
    if(machine_problem AND NOT variant_fix)
      foreach(way IN LISTS guard_WAYS)
        if(way MATCHES "^upgrade the NVIDIA driver")
          list(APPEND fixes "${way}")
        endif()
      endforeach()
    endif()
  endif()
  if(problems AND NOT fixes)
    list(APPEND fixes ${guard_WAYS})
  endif()
  if(problems)
    set(verdict problem)
  elseif(unknowns OR NOT ok)
    set(verdict unverified)
  else()
    set(verdict works)
  endif()
  set(${out}_UNVERIFIED "${unknowns}" PARENT_SCOPE)
  set(${out}_CHECKED_AGAINST "${guard_CHECKED}" PARENT_SCOPE)
  set(${out}_VERDICT "${verdict}" PARENT_SCOPE)
  set(${out}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${out}_FIXES "${fixes}" PARENT_SCOPE)
  set(${out}_NOTES "${notes}" PARENT_SCOPE)
endfunction()

function(_cli_render_verdict subject python_json others)
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(verdict_json "${v_VERDICT}")
    _cli_json_strings(problems_json ${v_PROBLEMS})
    _cli_json_strings(unverified_json ${v_UNVERIFIED})
    _cli_json_strings(fixes_json ${v_FIXES})
    _cli_json_strings(notes_json ${v_NOTES})
    _cli_json_string(checked_json "${v_CHECKED_AGAINST}")
    _cli_other_pythons_json(others_json "${others}")
    if(NOT python_json)
      set(python_json null)
    endif()
    # cmake-format: off
    _cli_json_object(doc
      schema_version 1
      command "\"check\""
      verdict "${verdict_json}"
      subject "${subject}"
      python "${python_json}"
      problems "${problems_json}"
      unverified "${unverified_json}"
      fixes "${fixes_json}"
      notes "${notes_json}"
      checked_against "${checked_json}"
      other_pythons "${others_json}")
    # cmake-format: on
    _cli_print("${doc}")
  else()
    foreach(note IN LISTS v_NOTES)
      _cli_print("note: ${note}")
    endforeach()
    foreach(problem IN LISTS v_PROBLEMS)
      _cli_print("problem: ${problem}")
    endforeach()
    foreach(unknown IN LISTS v_UNVERIFIED)
      _cli_print("not verified: ${unknown}")
    endforeach()
    foreach(fix IN LISTS v_FIXES)
      _cli_print("fix: ${fix}")
    endforeach()
    if(v_VERDICT STREQUAL "works")
      _cli_print("works: every check passed")
    elseif(v_VERDICT STREQUAL "unverified")
      _cli_print("unverified: no problem found, but not everything could be checked")
    endif()
    if(v_CHECKED_AGAINST)
      _cli_print("checked against: ${v_CHECKED_AGAINST}")
    endif()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
endfunction()

# JSON for one package: {"version": ..., "release": ..., "variant": ..., "note": ...}
function(_cli_package_json out_var package version)
  if(NOT version)
    set(${out_var} null PARENT_SCOPE)
    return()
  endif()
  _cli_version(parsed ${package} "${version}")
  _cli_json_string(version_json "${version}")
  _cli_json_string(release_json "${parsed_RELEASE}")
  _cli_json_string(variant_json "${parsed_VARIANT}")
  _cli_json_string(note_json "${parsed_NOTE}")
  _cli_json_object(
    doc
    version
    "${version_json}"
    release
    "${release_json}"
    variant
    "${variant_json}"
    note
    "${note_json}")
  set(${out_var} "${doc}" PARENT_SCOPE)
endfunction()

# torchcompat check TORCH [TORCHVISION [TORCHAUDIO]]
function(_cli_check_given)
  list(LENGTH cli_POSITIONAL given)
  set(versions TORCH "" TORCHVISION "" TORCHAUDIO "")
  set(names torch torchvision torchaudio)
  set(guard_args "")
  set(subject_parts "")
  foreach(index RANGE 0 2)
    if(index LESS given)
      list(GET cli_POSITIONAL ${index} value)
      list(GET names ${index} package)
      _cli_version(parsed ${package} "${value}")
      if(NOT parsed_VALID)
        _cli_say("${package} '${value}' is not a version; write it like 2.4.0 or 2.4.0+cu121")
        set(_cli_status 2 PARENT_SCOPE)
        return()
      endif()
      string(TOUPPER "${package}" upper)
      list(APPEND guard_args ${upper} "${value}")
      _cli_package_json(json ${package} "${value}")
      list(APPEND subject_parts "${package}" "${json}")
    endif()
  endforeach()
  if(cli_OPTION_VARIANT)
    _torchcompat_parse_variant("${cli_OPTION_VARIANT}" kind ignored)
    if(NOT kind)
      _cli_say("--variant '${cli_OPTION_VARIANT}' is not a variant; write cpu, cu121 or rocm6.1")
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
    list(APPEND guard_args VARIANT "${cli_OPTION_VARIANT}")
  endif()
  if(DEFINED cli_OPTION_PYTHON_VERSION)
    if(NOT cli_OPTION_PYTHON_VERSION MATCHES "^([0-9]+\\.[0-9]+)(\\.[0-9]+)?$")
      _cli_say("--python-version '${cli_OPTION_PYTHON_VERSION}' is not a Python version; write "
               "it like 3.11")
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
    list(APPEND guard_args PYTHON "${CMAKE_MATCH_1}")
  endif()
  _cli_verdict(v ${guard_args})
  _cli_json_object(subject ${subject_parts})
  _cli_render_verdict("${subject}" "" "")
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(v_VERDICT STREQUAL "works")
    set(_cli_status 0 PARENT_SCOPE)
  else()
    set(_cli_status 1 PARENT_SCOPE)
  endif()
endfunction()

# The variant of an installed torch whose version names none (Debian's
# 1.13.0a0+gitunknown): torch/version.py, which every torch build has, records
# the CUDA (cuda = '12.1', or cuda: Optional[str] = "12.8" in newer builds) or
# ROCm (hip = '6.1.x') it was built with, or None.
# Sets out_var to cpu, cuXY, rocmX.Y, or "" when it cannot be read; and
# out_var_NOTE to where that came from.
function(_cli_installed_variant out_var json)
  set(variant "")
  set(note "")
  _torchcompat_json_get(location "${json}" python locations torch)
  if(location)
    get_filename_component(site "${location}" DIRECTORY)
    set(file "${site}/torch/version.py")
    if(EXISTS "${file}")
      file(STRINGS "${file}" lines REGEX "^(cuda|hip)[^=]*=")
      set(cuda "")
      set(hip "")
      foreach(line IN LISTS lines)
        if(line MATCHES "^(cuda|hip)[^=]*= *['\"]([0-9]+)\\.([0-9]+)")
          set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}.${CMAKE_MATCH_3}")
        elseif(line MATCHES "^(cuda|hip)[^=]*= *None")
          set(${CMAKE_MATCH_1} none)
        endif()
      endforeach()
      if(cuda MATCHES "^[0-9]")
        _torchcompat_cuda_variant("${cuda}" variant)
      elseif(hip MATCHES "^[0-9]")
        set(variant "rocm${hip}")
      elseif(cuda STREQUAL "none" AND (hip STREQUAL "none" OR hip STREQUAL ""))
        set(variant cpu)
      endif()
      if(variant)
        set(note "the installed torch is a ${variant} build (from ${file})")
      endif()
    endif()
  endif()
  set(${out_var} "${variant}" PARENT_SCOPE)
  set(${out_var}_NOTE "${note}" PARENT_SCOPE)
endfunction()

# torchcompat check (what the interpreter has installed)
function(_cli_check_installed)
  _cli_python_answer(py)
  set(others "")
  if(NOT py_TORCH AND NOT cli_PYTHON)
    _cli_other_pythons(others "${py_EXECUTABLE}")
  endif()
  _cli_other_python_lines(other_lines "${others}")
  string(
    JSON
    python_json
    ERROR_VARIABLE
    error
    GET
    "${py_JSON}"
    python)
  if(error)
    set(python_json null)
  endif()
  _cli_json_compact(python_json "${python_json}")
  set(subject_parts "")
  foreach(package IN ITEMS torch torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    _cli_package_json(json ${package} "${py_${upper}}")
    list(APPEND subject_parts ${package} "${json}")
  endforeach()
  _cli_json_object(subject ${subject_parts})

  set(asked "${py_ASKED}")
  if(py_EXECUTABLE)
    set(asked "${py_EXECUTABLE} (${py_ASKED}), Python ${py_VERSION}")
  endif()
  if(cli_FORMAT STREQUAL "text")
    set(installed "")
    foreach(package IN ITEMS torch torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      if(py_${upper})
        list(APPEND installed "${package} ${py_${upper}}")
      endif()
    endforeach()
    if(NOT installed)
      set(installed "no torch packages")
    endif()
    list(JOIN installed ", " installed)
    _cli_print("Python: ${asked}: ${installed}")
  endif()

  set(v_PROBLEMS "")
  set(v_FIXES "")
  set(v_NOTES "")
  set(v_UNVERIFIED "")
  set(v_CHECKED_AGAINST "")
  set(v_VERDICT problem)
  if(NOT py_STATUS STREQUAL "found")
    list(APPEND v_PROBLEMS "no Python interpreter to ask (${py_ASKED}): ${py_REASON}")
    list(APPEND v_FIXES "install Python 3, or name one with --python EXE")
  elseif(NOT py_TORCH AND NOT py_TORCHVISION AND NOT py_TORCHAUDIO)
    list(APPEND v_PROBLEMS "torch is not installed for ${py_EXECUTABLE}")
    _torchcompat_host_platform(platform os)
    _torchcompat_torch_versions(known)
    list(GET known -1 newest)
    # The newest release with wheels for this Python and builds for this platform.
    _torchcompat_major_minor("${py_VERSION}" python_minor)
    _torchcompat_host_platform(platform os)
    _torchcompat_torch_versions(known)
    list(REVERSE known)
    set(newest "")
    foreach(candidate IN LISTS known)
      _torchcompat_torch_record(record "${candidate}")
      _torchcompat_json_list(pythons "${record}" python)
      _torchcompat_published_variants(variants "${candidate}" "${platform}")
      if(variants AND python_minor IN_LIST pythons)
        set(newest "${candidate}")
        break()
      endif()
    endforeach()
    if(newest)
      _cli_wheel_for_here(wheel "${newest}")
      if(wheel_VARIANT)
        _cli_install_commands(install "${newest}" "${wheel_VARIANT}")
        list(APPEND v_FIXES "${install_PIP}")
      endif()
    endif()
    list(APPEND v_NOTES ${other_lines})
  elseif(NOT py_TORCH)
    # A companion without torch: name the torch it needs.
    foreach(package IN ITEMS torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      if(py_${upper})
        _cli_version(parsed ${package} "${py_${upper}}")
        _cli_torch_for(owners ${package} "${parsed_RELEASE}")
        if(owners)
          list(GET owners -1 owner)
          list(APPEND v_PROBLEMS "${package} ${py_${upper}} is installed without torch; it "
               "needs torch ${owner}")
          list(APPEND v_FIXES "pip install torch==${owner}")
        else()
          list(APPEND v_PROBLEMS "${package} ${py_${upper}} is installed without torch, and "
               "it is not a ${package} release TorchCompat knows")
        endif()
      endif()
    endforeach()
    list(REMOVE_DUPLICATES v_FIXES)
    list(APPEND v_NOTES ${other_lines})
  else()
    _torchcompat_major_minor("${py_VERSION}" python_minor)
    set(guard_args TORCH "${py_TORCH}")
    foreach(package IN ITEMS TORCHVISION TORCHAUDIO)
      if(py_${package})
        list(APPEND guard_args ${package} "${py_${package}}")
      endif()
    endforeach()
    if(py_VERSION)
      list(APPEND guard_args PYTHON "${python_minor}")
    endif()
    _cli_version(torch torch "${py_TORCH}")
    set(build_note "")
    if(NOT torch_VARIANT)
      _cli_installed_variant(build "${py_JSON}")
      if(build)
        list(APPEND guard_args VARIANT "${build}")
        set(build_note "${build_NOTE}")
      endif()
    endif()
    _cli_verdict(v ${guard_args})
    if(build_note)
      list(APPEND v_NOTES "${build_note}")
    endif()
  endif()
  _cli_render_verdict("${subject}" "${python_json}" "${others}")
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(v_VERDICT STREQUAL "works")
    set(_cli_status 0 PARENT_SCOPE)
  else()
    set(_cli_status 1 PARENT_SCOPE)
  endif()
endfunction()

# The torch release a command is about: the positional argument, or the newest.
function(_cli_release out)
  set(${out}_VARIANT "" PARENT_SCOPE)
  set(${out}_NOTE "" PARENT_SCOPE)
  set(${out}_ERROR "" PARENT_SCOPE)
  if(NOT cli_POSITIONAL OR cli_POSITIONAL STREQUAL "latest")
    # The newest release whose builds for this platform the table knows.
    _torchcompat_host_platform(platform os)
    _torchcompat_torch_versions(known)
    list(REVERSE known)
    set(newest "")
    foreach(candidate IN LISTS known)
      _torchcompat_published_variants(variants "${candidate}" "${platform}")
      if(variants)
        set(newest "${candidate}")
        break()
      endif()
    endforeach()
    set(${out}_RELEASE "${newest}" PARENT_SCOPE)
    set(${out}_GIVEN "" PARENT_SCOPE)
    return()
  endif()
  list(GET cli_POSITIONAL 0 given)
  set(${out}_GIVEN "${given}" PARENT_SCOPE)
  _cli_version(parsed torch "${given}")
  if(NOT parsed_VALID)
    set(${out}_ERROR "torch '${given}' is not a version; write it like 2.4.0 or 2.4.0+cu121"
        PARENT_SCOPE)
    return()
  endif()
  set(${out}_RELEASE "${parsed_RELEASE}" PARENT_SCOPE)
  set(${out}_VARIANT "${parsed_VARIANT}" PARENT_SCOPE)
  set(${out}_NOTE "${parsed_NOTE}" PARENT_SCOPE)
  _torchcompat_torch_record(record "${parsed_RELEASE}")
  if(NOT record)
    _torchcompat_unknown_torch_text(text "${parsed_RELEASE}")
    set(${out}_UNKNOWN "${text}" PARENT_SCOPE)
  endif()
endfunction()

# The wheel variant of a release that runs here (see _torchcompat_choose_variant).
function(_cli_wheel_for_here out release)
  _torchcompat_host_platform(platform os)
  set(policy compat)
  if(cli_POLICY)
    set(policy "${cli_POLICY}")
  elseif(TORCHCOMPAT_DRIVER_POLICY)
    set(policy "${TORCHCOMPAT_DRIVER_POLICY}")
  endif()
  _torchcompat_choose_variant(
    choice
    VERSION "${release}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND wheel)
  foreach(part IN ITEMS VARIANT REASON REJECTIONS)
    set(${out}_${part} "${choice_${part}}" PARENT_SCOPE)
  endforeach()
  set(${out}_PLATFORM "${platform}" PARENT_SCOPE)
endfunction()

# TRUE when the probe answered: without it, "what runs here" has no answer.
function(_cli_machine_known out_var)
  _torchcompat_machine(machine)
  if(NOT machine_KNOWN)
    _cli_say("this machine could not be probed, so what runs here is unknown; set "
             "TORCHCOMPAT_PROBE_EXECUTABLE to a working torchcompat-probe")
  endif()
  set(${out_var} ${machine_KNOWN} PARENT_SCOPE)
endfunction()

# torchcompat pip [TORCH]
function(_cli_pip)
  _cli_release(release)
  if(release_ERROR)
    _cli_say("${release_ERROR}")
    set(_cli_status 2 PARENT_SCOPE)
    return()
  endif()
  if(release_UNKNOWN)
    _cli_say("${release_UNKNOWN}")
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  _cli_machine_known(known)
  if(NOT known)
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  _torchcompat_host_platform(platform os)
  set(policy compat)
  if(cli_POLICY)
    set(policy "${cli_POLICY}")
  elseif(TORCHCOMPAT_DRIVER_POLICY)
    set(policy "${TORCHCOMPAT_DRIVER_POLICY}")
  endif()
  _torchcompat_choose_variant(
    wheel
    VERSION "${release_RELEASE}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND wheel)
  set(status 0)
  if(wheel_VARIANT)
    _cli_install_commands(install "${release_RELEASE}" "${wheel_VARIANT}")
  else()
    set(status 1)
    set(wheel_REASON "torch ${release_RELEASE} has no wheel for ${platform} that runs here")
    set(install_PIP "")
    set(install_UV "")
  endif()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(torch_json "${release_RELEASE}")
    _cli_json_string(variant_json "${wheel_VARIANT}")
    _cli_json_string(pip_json "${install_PIP}")
    _cli_json_string(uv_json "${install_UV}")
    _cli_json_string(reason_json "${wheel_REASON}")
    _cli_json_string(platform_json "${platform}")
    _cli_json_strings(rejected_json ${wheel_REJECTIONS})
    _cli_json_object(
      doc
      schema_version
      1
      command
      "\"pip\""
      torch
      "${torch_json}"
      platform
      "${platform_json}"
      variant
      "${variant_json}"
      pip
      "${pip_json}"
      uv
      "${uv_json}"
      reason
      "${reason_json}"
      rejected
      "${rejected_json}")
    _cli_print("${doc}")
  elseif(wheel_VARIANT)
    _cli_print("${install_PIP}")
    _cli_print("${install_UV}")
    _cli_print("why: ${wheel_REASON}")
  else()
    _cli_say("${wheel_REASON}")
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status ${status} PARENT_SCOPE)
endfunction()

# torchcompat url TORCH
function(_cli_url)
  _cli_release(release)
  if(release_ERROR)
    _cli_say("${release_ERROR}")
    set(_cli_status 2 PARENT_SCOPE)
    return()
  endif()
  if(release_UNKNOWN)
    _cli_say("${release_UNKNOWN}")
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  set(variant "${cli_OPTION_VARIANT}")
  if(release_VARIANT AND variant AND NOT variant STREQUAL release_VARIANT)
    _cli_say("torch ${release_GIVEN} names variant ${release_VARIANT}, but --variant is "
             "${variant}; give one or make them agree")
    set(_cli_status 2 PARENT_SCOPE)
    return()
  endif()
  if(release_VARIANT)
    set(variant "${release_VARIANT}")
  endif()
  if(variant AND NOT variant STREQUAL "auto")
    _torchcompat_parse_variant("${variant}" kind ignored)
    if(NOT kind)
      _cli_say("--variant '${variant}' is not a variant; write auto, cpu, cu121 or rocm6.1")
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
  endif()
  if(NOT variant OR variant STREQUAL "auto")
    _cli_machine_known(known)
    if(NOT known)
      set(_cli_status 1 PARENT_SCOPE)
      return()
    endif()
  endif()
  set(version "${release_RELEASE}")
  if(NOT cli_POSITIONAL OR cli_POSITIONAL STREQUAL "latest")
    set(version latest)
  endif()
  set(select_args VERSION "${version}")
  foreach(option IN ITEMS PLATFORM ARCH ABI CONFIG)
    if(cli_OPTION_${option})
      list(APPEND select_args ${option} "${cli_OPTION_${option}}")
    endif()
  endforeach()
  if(variant)
    list(APPEND select_args VARIANT "${variant}")
  endif()
  if(cli_POLICY)
    list(APPEND select_args DRIVER_POLICY "${cli_POLICY}")
  endif()
  torchcompat_select_libtorch(
    ${select_args}
    URL_VARIABLE url
    VARIANT_VARIABLE chosen
    REASON_VARIABLE reason RESULT_VARIABLE ok MESSAGE_VARIABLE text)
  # Warnings in the selector's text (a cpu fallback) go to stderr, one per line.
  set(warnings "")
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^TorchCompat: libtorch " AND NOT line STREQUAL "")
      string(STRIP "${line}" line)
      list(APPEND warnings "${line}")
    endif()
  endforeach()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(url_json "${url}")
    _cli_json_string(variant_json "${chosen}")
    _cli_json_string(reason_json "${reason}")
    _cli_json_strings(warnings_json ${warnings})
    if(ok)
      set(ok_json true)
    else()
      set(ok_json false)
    endif()
    _cli_json_object(
      doc
      schema_version
      1
      command
      "\"url\""
      ok
      "${ok_json}"
      url
      "${url_json}"
      variant
      "${variant_json}"
      reason
      "${reason_json}"
      warnings
      "${warnings_json}")
    _cli_print("${doc}")
  else()
    foreach(line IN LISTS warnings)
      string(REGEX REPLACE "^TorchCompat: " "" line "${line}")
      _cli_say("${line}")
    endforeach()
    if(ok)
      _cli_print("${url}")
      _cli_print("why: ${reason}")
    endif()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(ok)
    set(_cli_status 0 PARENT_SCOPE)
  else()
    set(_cli_status 1 PARENT_SCOPE)
  endif()
endfunction()

# torchcompat probe [PROBE ARGS]: torchcompat-probe itself (built first if
# needed), with its own arguments, output and exit status.
function(_cli_probe)
  _torchcompat_probe_executable(probe)
  if(NOT probe)
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  execute_process(
    COMMAND "${probe}" ${cli_POSITIONAL}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
  set(_cli_out "${output}" PARENT_SCOPE)
  set(_cli_err "${errors}" PARENT_SCOPE)
  if(NOT result MATCHES "^[0-9]+$")
    _cli_say("torchcompat-probe failed: ${result}")
    set(result 1)
  endif()
  set(_cli_status ${result} PARENT_SCOPE)
endfunction()

# The report's "What it allows" lines as JSON: [{"variant", "verdict"
# (runs, does_not_run, cpu_only, unverified), "reason"}].
function(_cli_report_builds_json out_var report)
  set(items "")
  set(inside FALSE)
  string(REPLACE ";" "," report "${report}")
  string(REPLACE "\n" ";" lines "${report}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^What it allows")
      set(inside TRUE)
    elseif(inside AND line MATCHES "^  ([a-z0-9.]+) +(.*)$")
      set(variant "${CMAKE_MATCH_1}")
      set(status "${CMAKE_MATCH_2}")
      set(reason "")
      if(status STREQUAL "runs here")
        set(verdict runs)
      elseif(status MATCHES "^does not run: (.*)$")
        set(verdict does_not_run)
        set(reason "${CMAKE_MATCH_1}")
      elseif(status MATCHES "^runs on the CPU only: (.*)$")
        set(verdict cpu_only)
        set(reason "${CMAKE_MATCH_1}")
      elseif(status MATCHES "^(cannot be verified|not checked): (.*)$")
        set(verdict unverified)
        set(reason "${CMAKE_MATCH_2}")
      else()
        set(verdict unverified)
        set(reason "${status}")
      endif()
      _cli_json_string(variant_json "${variant}")
      _cli_json_string(reason_json "${reason}")
      list(
        APPEND items
        "{\"variant\": ${variant_json}, \"verdict\": \"${verdict}\", \"reason\": ${reason_json}}")
    elseif(inside AND NOT line MATCHES "^  ")
      set(inside FALSE)
    endif()
  endforeach()
  list(JOIN items ", " items)
  set(${out_var} "[${items}]" PARENT_SCOPE)
endfunction()

# torchcompat report [TORCH]
function(_cli_report)
  _cli_release(release)
  if(release_ERROR)
    _cli_say("${release_ERROR}")
    set(_cli_status 2 PARENT_SCOPE)
    return()
  endif()
  if(release_UNKNOWN)
    _cli_say("${release_UNKNOWN}")
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  _cli_python_answer(py)
  set(others "")
  if(NOT py_TORCH AND NOT cli_PYTHON)
    _cli_other_pythons(others "${py_EXECUTABLE}")
  endif()
  _cli_other_python_lines(other_lines "${others}")
  set(report_args "")
  if(cli_POSITIONAL)
    set(report_args TORCH "${release_RELEASE}")
  endif()
  if(cli_POLICY)
    list(APPEND report_args DRIVER_POLICY "${cli_POLICY}")
  endif()
  torchcompat_report(${report_args} OUTPUT_VARIABLE advice)
  if(cli_FORMAT STREQUAL "json")
    _cli_json_compact(machine "${py_JSON}")
    if(NOT machine)
      set(machine null)
    endif()
    _cli_report_builds_json(builds_json "${advice}")
    _cli_json_string(asked_json "${py_ASKED}")
    _cli_other_pythons_json(others_json "${others}")
    _cli_json_string(torch_json "${release_RELEASE}")
    _cli_json_string(note_json "${release_NOTE}")
    _cli_json_string(advice_json "${advice}")
    # The libtorch and the wheel, as `url` and `pip` answer them.
    set(select_args "")
    if(cli_POLICY)
      set(select_args DRIVER_POLICY "${cli_POLICY}")
    endif()
    torchcompat_select_libtorch(
      VERSION "${release_RELEASE}" ${select_args}
      URL_VARIABLE url
      VARIANT_VARIABLE libtorch_variant
      REASON_VARIABLE libtorch_reason RESULT_VARIABLE libtorch_ok MESSAGE_VARIABLE libtorch_text)
    _cli_json_string(url_json "${url}")
    _cli_json_string(libtorch_variant_json "${libtorch_variant}")
    _cli_json_string(libtorch_reason_json "${libtorch_reason}")
    _cli_wheel_for_here(wheel "${release_RELEASE}")
    set(install_PIP "")
    set(install_UV "")
    if(wheel_VARIANT)
      _cli_install_commands(install "${release_RELEASE}" "${wheel_VARIANT}")
    endif()
    _cli_json_string(wheel_variant_json "${wheel_VARIANT}")
    _cli_json_string(pip_json "${install_PIP}")
    _cli_json_string(uv_json "${install_UV}")
    _cli_json_string(wheel_reason_json "${wheel_REASON}")
    # cmake-format: off
    _cli_json_object(libtorch_json
      url "${url_json}" variant "${libtorch_variant_json}" reason "${libtorch_reason_json}")
    _cli_json_object(wheel_json
      variant "${wheel_variant_json}" pip "${pip_json}" uv "${uv_json}"
      reason "${wheel_reason_json}")
    _cli_json_object(doc
      schema_version 1
      command "\"report\""
      torch "${torch_json}"
      note "${note_json}"
      python_asked "${asked_json}"
      other_pythons "${others_json}"
      machine "${machine}"
      builds "${builds_json}"
      libtorch "${libtorch_json}"
      pip "${wheel_json}"
      text "${advice_json}")
    # cmake-format: on
    _cli_print("${doc}")
  else()
    _torchcompat_probe_executable(probe)
    if(probe)
      # The probe's own text; the TORCHCOMPAT_OVERRIDE_* in the environment reach it as they are.
      set(arguments "")
      if(cli_PYTHON)
        set(arguments --python "${cli_PYTHON}")
      endif()
      execute_process(
        COMMAND "${probe}" ${arguments}
        OUTPUT_VARIABLE machine_text
        ERROR_QUIET
        TIMEOUT 120)
      string(REGEX REPLACE "\n+$" "" machine_text "${machine_text}")
      _cli_print("${machine_text}")
      _cli_print("  (asked: ${py_ASKED})")
      foreach(line IN LISTS other_lines)
        _cli_print("  ${line}")
      endforeach()
      _cli_print("")
    endif()
    if(release_NOTE)
      _cli_print("note: ${release_NOTE}")
    endif()
    string(FIND "${advice}" "What it allows" start)
    if(start GREATER -1)
      string(SUBSTRING "${advice}" ${start} -1 advice)
    endif()
    string(REGEX REPLACE "\n+$" "" advice "${advice}")
    string(REGEX REPLACE "\npip\n  pip install ([^\n]*)\n"
                         "\npip\n  pip install \\1\n  uv pip install \\1\n" advice "${advice}")
    _cli_print("${advice}")
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status 0 PARENT_SCOPE)
endfunction()

# --- main --------------------------------------------------------------------

_cli_parse(${_cli_args})
if(_cli_bad_argument)
  set(cli_ERROR "'${_cli_bad_argument}' holds a ';', which no argument may")
endif()
if(cli_ERROR)
  _cli_say("${cli_ERROR}. Try 'torchcompat --help'.")
  _cli_finish(2)
  return()
endif()
if(cli_HELP OR cli_COMMAND STREQUAL "help")
  set(_cli_topic "${cli_COMMAND}")
  if(_cli_topic STREQUAL "help" AND cli_POSITIONAL)
    list(GET cli_POSITIONAL 0 _cli_topic)
  endif()
  if(DEFINED _cli_usage_${_cli_topic})
    # torchcompat <command> --help: that command's part of the usage.
    _cli_print("usage: torchcompat [--format text|json] [--python EXE] "
               "[--driver-policy compat|strict]\n${_cli_usage_${_cli_topic}}")
    _cli_print("Exit status: 0 it works, 1 a problem was found (or something could not be "
               "verified), 2 usage error. More: torchcompat --help")
  else()
    _cli_print("${_cli_usage}")
  endif()
  _cli_finish(0)
  return()
endif()
if(cli_VERSION)
  _cli_print("torchcompat ${_TORCHCOMPAT_VERSION}")
  _cli_finish(0)
  return()
endif()

find_package(TorchCompat REQUIRED PATHS "${_cli_package_dir}" NO_DEFAULT_PATH)
if(cli_PYTHON)
  set(TORCHCOMPAT_PYTHON "${cli_PYTHON}")
endif()
set(_cli_status 1)
if(cli_COMMAND STREQUAL "check" AND cli_POSITIONAL)
  _cli_check_given()
elseif(cli_COMMAND STREQUAL "check")
  _cli_check_installed()
elseif(cli_COMMAND STREQUAL "pip")
  _cli_pip()
elseif(cli_COMMAND STREQUAL "url")
  _cli_url()
elseif(cli_COMMAND STREQUAL "probe")
  _cli_probe()
elseif(cli_COMMAND STREQUAL "report")
  _cli_report()
endif()
_cli_finish(${_cli_status})
