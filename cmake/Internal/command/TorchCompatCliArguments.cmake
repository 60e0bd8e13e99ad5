#[=======================================================================[.rst:
TorchCompatCliArguments
-----------------------

Internal, for the ``torchcompat`` command: its command line. Takes the
arguments ``bin/torchcompat`` passed after ``--``, parses them into the
command, its versions and its options (a usage error names what was wrong),
and holds the usage text that ``--help`` prints.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")

# The arguments after "--" (the ones bin/torchcompat was given). Sets out_var
# to them, and <out_var>_BAD to one that holds a ';' (it would be split in
# two: no version, option or path has one), or "".
function(_cli_arguments out_var)
  set(args "")
  set(seen_separator FALSE)
  set(bad "")
  math(EXPR last "${CMAKE_ARGC} - 1")
  foreach(index RANGE ${last})
    if(seen_separator)
      if("${CMAKE_ARGV${index}}" MATCHES ";")
        set(bad "${CMAKE_ARGV${index}}")
      endif()
      list(APPEND args "${CMAKE_ARGV${index}}")
    elseif("${CMAKE_ARGV${index}}" STREQUAL "--")
      set(seen_separator TRUE)
    endif()
  endforeach()
  set(${out_var} "${args}" PARENT_SCOPE)
  set(${out_var}_BAD "${bad}" PARENT_SCOPE)
endfunction()

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
  set(require_gpu FALSE)
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
      --config
      --source)
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
    elseif(arg STREQUAL "--require-gpu")
      set(require_gpu TRUE)
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
  set(allowed_pip VARIANT)
  set(allowed_check VARIANT PYTHON_VERSION)
  set(allowed_url VARIANT PLATFORM ARCH ABI CONFIG SOURCE)
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
          require_gpu
          error)
    string(TOUPPER "${name}" upper)
    set(cli_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# torchcompat --help, torchcompat help [COMMAND], torchcompat <command> --help:
# the usage, or that command's part of it.
function(_cli_help)
  set(_cli_usage
      "usage: torchcompat [--format text|json] [--python EXE] [--driver-policy compat|strict]
                   [--require-gpu] <command> [args]

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
            [--source archive|wheel|auto]
                        the official libtorch URL that runs here, and why
                        (auto: PyPI's torch wheel where no archive exists)
  pip [TORCH] [--variant V]
                        the install command for this machine, pip and uv forms
  probe [ARGS]          torchcompat-probe itself, with its own arguments (--help)

options:
  --format text|json    output for people (default) or one JSON object
  --python EXE          interpreter to ask (default: python3 on PATH)
  --driver-policy P     compat (default: NVIDIA minor-version compatibility) or
                        strict (the toolkit's own minimum driver)
  --require-gpu         a build that would run on the CPU only is a problem
  -h, --help            this text (also: torchcompat <command> --help)
  --version             the version of TorchCompat

TORCH is a version as pip writes it: 2.4.0, 2.4.0+cu121, 1.13.0a0+gitunknown,
or latest (the newest release with builds for this platform).
Exit status: 0 it works (on the CPU only too, unless --require-gpu), 1 a
problem was found (or something could not be verified: the verdict says
which), 2 usage error.
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
            [--source archive|wheel|auto]
                        the official libtorch URL that runs here, and why
                        (auto: PyPI's torch wheel where no archive exists)")
  set(_cli_usage_pip "  pip [TORCH] [--variant V]
                        the install command for this machine, pip and uv forms")
  set(_cli_usage_probe
      "  probe [ARGS]          torchcompat-probe itself, with its own arguments (--help)")

  set(topic "${cli_COMMAND}")
  if(topic STREQUAL "help" AND cli_POSITIONAL)
    list(GET cli_POSITIONAL 0 topic)
  endif()
  if(DEFINED _cli_usage_${topic})
    _cli_print("usage: torchcompat [--format text|json] [--python EXE] "
               "[--driver-policy compat|strict]\n${_cli_usage_${topic}}")
    _cli_print("Exit status: 0 it works, 1 a problem was found (or something could not be "
               "verified), 2 usage error. More: torchcompat --help")
  else()
    _cli_print("${_cli_usage}")
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
