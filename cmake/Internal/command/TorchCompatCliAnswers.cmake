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

# _cli_pip_forms(<prefix> <python> <verb> <requirements> <index-url>): a pip
# command in its two forms, <prefix>_PIP and <prefix>_UV. With <python> (the
# interpreter asked) they name it: "<python> -m pip ..." and "uv pip ...
# --python <python>", so neither lands in another interpreter's pip. An
# uninstall asks no question (-y): a fix is pasted as it is.
function(_cli_pip_forms prefix python verb requirements index)
  set(pip "pip")
  set(uv_python "")
  if(python)
    set(pip "${python} -m pip")
    set(uv_python " --python ${python}")
  endif()
  set(tail "${requirements}")
  if(verb STREQUAL "uninstall")
    set(${prefix}_PIP "${pip} uninstall -y ${tail}" PARENT_SCOPE)
    set(${prefix}_UV "uv pip uninstall${uv_python} ${tail}" PARENT_SCOPE)
    return()
  endif()
  if(index)
    string(APPEND tail " --index-url ${index}")
  endif()
  set(${prefix}_PIP "${pip} ${verb} ${tail}" PARENT_SCOPE)
  set(${prefix}_UV "uv pip ${verb}${uv_python} ${tail}" PARENT_SCOPE)
endfunction()

# _cli_install_commands(<prefix> <release> <variant> [<python> [<pin>]]): pip
# and uv commands for a torch release and wheel variant, with its companions.
# <variant> "" is PyPI's own wheel (no index). <pin> TRUE writes the local
# version (torch==2.5.1+cu118): a torch of the same release installed as
# another build satisfies ==2.5.1, and pip would keep it.
function(_cli_install_commands prefix release variant)
  set(python "")
  set(pin FALSE)
  if(ARGC GREATER 3)
    set(python "${ARGV3}")
  endif()
  if(ARGC GREATER 4)
    set(pin "${ARGV4}")
  endif()
  _torchcompat_torch_record(record "${release}")
  set(local "")
  if(pin AND variant)
    set(local "+${variant}")
  endif()
  set(requirements "torch==${release}${local}")
  foreach(package IN ITEMS torchvision torchaudio)
    _torchcompat_json_get(companion "${record}" "${package}")
    # torchaudio stopped following torch's builds after 2.11: its later
    # releases have no +cuXYZ wheels to pin.
    set(companion_local "${local}")
    if(package STREQUAL "torchaudio" AND release VERSION_GREATER_EQUAL 2.12)
      set(companion_local "")
    endif()
    if(companion)
      string(APPEND requirements " ${package}==${companion}${companion_local}")
    endif()
  endforeach()
  set(index "")
  if(variant)
    _torchcompat_wheel_index_url(index "${variant}")
  endif()
  _cli_pip_forms(forms "${python}" install "${requirements}" "${index}")
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
  _torchcompat_choose_variant(
    choice
    VERSION "${release}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND wheel)
  set(index "${choice_VARIANT}")
  set(note "")
  if(NOT choice_VARIANT)
    _torchcompat_torch_record(record "${release}")
    _torchcompat_json_get(pypi_variant "${record}" pypi_variant_by_platform "${platform}")
    _torchcompat_json_get(on_pypi "${record}" on_pypi)
    _torchcompat_release_variants(wheels "${release}" "${platform}" wheel)
    if(pypi_variant AND on_pypi AND NOT wheels)
      set(choice_VARIANT "${pypi_variant}")
      set(choice_REASON "PyPI's own wheel of torch ${release} for ${platform} is ${pypi_variant}")
      set(note "the table does not know which other builds torch ${release} has for ${platform}")
    endif()
  endif()
  foreach(part IN ITEMS VARIANT REASON REJECTIONS)
    set(${out}_${part} "${choice_${part}}" PARENT_SCOPE)
  endforeach()
  set(${out}_INDEX "${index}" PARENT_SCOPE)
  set(${out}_NOTE "${note}" PARENT_SCOPE)
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

cmake_policy(POP)
