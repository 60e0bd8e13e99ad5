# The pip and uv commands a verdict offers, written for the interpreter that
# was asked: "<python> -m pip ..." and "uv pip ... --python <python>", so that
# neither lands in another interpreter's pip. The report, and the torchcompat
# command's fixes, write them here only.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")

# _torchcompat_pip_forms(<prefix> <python> <verb> <requirements> <index-url>):
# a pip command in its two forms, <prefix>_PIP and <prefix>_UV ("" <python>:
# a bare pip). An uninstall asks no question (-y): a fix is pasted as it is.
function(_torchcompat_pip_forms prefix python verb requirements index)
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

# _torchcompat_install_commands(<prefix> <release> <variant> [<python> [<pin>]]):
# pip and uv commands (<prefix>_PIP, <prefix>_UV) for a torch release and
# wheel variant, with its companions. <variant> "" is PyPI's own wheel (no
# index). <pin> TRUE writes the local version (torch==2.5.1+cu118): a torch of
# the same release installed as another build satisfies ==2.5.1, and pip would
# keep it.
function(_torchcompat_install_commands prefix release variant)
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
  _torchcompat_pip_forms(forms "${python}" install "${requirements}" "${index}")
  set(${prefix}_PIP "${forms_PIP}" PARENT_SCOPE)
  set(${prefix}_UV "${forms_UV}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
