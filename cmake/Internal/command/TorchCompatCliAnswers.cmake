#[=======================================================================[.rst:
TorchCompatCliAnswers
---------------------

Internal, for the ``torchcompat`` command: the package's answers that
several commands share. A version argument parsed, the release a command
is about, a release's companions and the torch releases that go with a
companion or a Python, the wheel that runs here and its pip and uv
commands.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../checks/TorchCompatInstallChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatCompanionWheels.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatPipCommands.cmake")

# _cli_append_given(<list-var> <KEYWORD> <value>...): appends each keyword and
# its value to the arguments of a package command, leaving out those not given
# (the package would take an empty value for one given empty).
function(_cli_append_given list_var)
  set(arguments "${${list_var}}")
  math(EXPR last "${ARGC} - 1")
  foreach(key_index RANGE 1 ${last} 2)
    math(EXPR value_index "${key_index} + 1")
    set(value "${ARGV${value_index}}")
    if(value)
      list(APPEND arguments ${ARGV${key_index}} "${value}")
    endif()
  endforeach()
  set(${list_var} "${arguments}" PARENT_SCOPE)
endfunction()

# Whether a --variant value names a variant; says on stderr when it does not,
# with <choices>, what the command takes.
function(_cli_variant_known out_var variant choices)
  _torchcompat_parse_variant("${variant}" kind ignored)
  if(kind)
    set(${out_var} TRUE PARENT_SCOPE)
  else()
    _cli_say("--variant '${variant}' is not a variant; write ${choices}")
    set(${out_var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# Parses a TORCH argument; sets <prefix>_RELEASE, _VARIANT, _NOTE, or a usage error.
function(_cli_version prefix package text)
  _torchcompat_version_release(parsed "${package}" "${text}")
  set(${prefix}_VALID ${parsed_VALID} PARENT_SCOPE)
  foreach(part IN ITEMS RELEASE VARIANT NOTE LOCAL NORMALIZED)
    set(${prefix}_${part} "${parsed_${part}}" PARENT_SCOPE)
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

# The pip and uv forms of a command (TorchCompatPipCommands), for the
# interpreter asked: see _torchcompat_pip_forms and _torchcompat_install_commands.
function(_cli_pip_forms prefix python verb requirements index)
  _torchcompat_pip_forms(forms "${python}" "${verb}" "${requirements}" "${index}")
  set(${prefix}_PIP "${forms_PIP}" PARENT_SCOPE)
  set(${prefix}_UV "${forms_UV}" PARENT_SCOPE)
endfunction()

function(_cli_install_commands prefix release variant)
  set(python "")
  set(pin FALSE)
  if(ARGC GREATER 3)
    set(python "${ARGV3}")
  endif()
  if(ARGC GREATER 4)
    set(pin "${ARGV4}")
  endif()
  _torchcompat_install_commands(forms "${release}" "${variant}" "${python}" "${pin}")
  set(${prefix}_PIP "${forms_PIP}" PARENT_SCOPE)
  set(${prefix}_UV "${forms_UV}" PARENT_SCOPE)
endfunction()

# The torch release a command is about: the positional argument, or the newest.
# When there is none to answer about, says why on stderr and sets <out>_STATUS
# to the command's exit status (2: not a version, 1: a release the tables do
# not know); else <out>_STATUS is "". Each command that takes a release stops
# the same way, so the saying lives here.
function(_cli_release out)
  set(${out}_STATUS "" PARENT_SCOPE)
  set(${out}_VARIANT "" PARENT_SCOPE)
  set(${out}_NOTE "" PARENT_SCOPE)
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
    _cli_say("torch '${given}' is not a version; write it like 2.4.0 or 2.4.0+cu121")
    set(${out}_STATUS 2 PARENT_SCOPE)
    return()
  endif()
  set(${out}_RELEASE "${parsed_RELEASE}" PARENT_SCOPE)
  set(${out}_VARIANT "${parsed_VARIANT}" PARENT_SCOPE)
  set(${out}_NOTE "${parsed_NOTE}" PARENT_SCOPE)
  _torchcompat_torch_record(record "${parsed_RELEASE}")
  if(NOT record)
    _torchcompat_unknown_torch_text(text "${parsed_RELEASE}")
    _cli_say("${text}")
    set(${out}_STATUS 1 PARENT_SCOPE)
  endif()
endfunction()

# The driver policy the command answers under: --driver-policy, else
# TORCHCOMPAT_DRIVER_POLICY, else compat.
function(_cli_policy out_var)
  set(policy compat)
  if(cli_POLICY)
    set(policy "${cli_POLICY}")
  elseif(TORCHCOMPAT_DRIVER_POLICY)
    set(policy "${TORCHCOMPAT_DRIVER_POLICY}")
  endif()
  set(${out_var} "${policy}" PARENT_SCOPE)
endfunction()

# The wheel of a release that runs here (see _torchcompat_choose_variant):
# <out>_VARIANT, _REASON, _REJECTIONS, _PLATFORM, and _INDEX, the variant whose
# index the install command names. A release whose builds the table does not
# know, but whose PyPI wheel it does, gets that wheel: _VARIANT is its build,
# _INDEX is "" (PyPI itself) and _NOTE says which builds are unknown.
function(_cli_wheel_for_here out release)
  _torchcompat_host_platform(platform os)
  _cli_policy(policy)
  _torchcompat_wheel_here(choice "${release}" "${platform}" "${policy}")
  foreach(part IN ITEMS VARIANT REASON REJECTIONS INDEX NOTE RUNS)
    set(${out}_${part} "${choice_${part}}" PARENT_SCOPE)
  endforeach()
  set(${out}_PLATFORM "${platform}" PARENT_SCOPE)
endfunction()

# The newest release with wheels for a Python minor on the platform whose
# wheel runs here (_cli_wheel_for_here: a build that passes, or cpu): sets
# <out>_RELEASE and <out>_INDEX, both "" when none does.
function(_cli_newest_that_runs out python platform)
  _cli_policy(policy)
  _torchcompat_newest_wheel_that_runs(newest "${python}" "${platform}" "${policy}")
  set(${out}_RELEASE "${newest_RELEASE}" PARENT_SCOPE)
  set(${out}_INDEX "${newest_INDEX}" PARENT_SCOPE)
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

cmake_policy(POP)
