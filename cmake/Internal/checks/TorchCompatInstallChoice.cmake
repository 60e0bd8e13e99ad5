# What to install here, for the report and the torchcompat command: the wheel
# of a release that runs on this machine (with PyPI's own wheel for a release
# whose other builds the table does not know), and the libtorch archive.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatLibtorchArchive.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatLibtorchChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")

# _torchcompat_wheel_here(<prefix> <release> <platform> <policy>): the wheel
# of a release that runs here (see _torchcompat_choose_variant):
# <prefix>_VARIANT, _REASON, _REJECTIONS, and _INDEX, the variant whose index
# the install command names. A release whose builds the table does not know,
# but whose PyPI wheel it does, gets that wheel: _VARIANT is its build, _INDEX
# is "" (PyPI itself) and _NOTE says which builds are unknown. _RUNS says
# whether the wheel runs here (pass, cpu-only, fail, unknown): PyPI's own
# wheel is taken whatever its build, so it is checked against the machine
# too, and only one that runs is offered as a command.
function(_torchcompat_wheel_here prefix release platform policy)
  _torchcompat_choose_variant(
    choice
    VERSION "${release}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND wheel)
  set(index "${choice_VARIANT}")
  set(note "")
  set(runs "")
  if(choice_VARIANT)
    # _torchcompat_choose_variant takes only a build that passes, or cpu.
    set(runs pass)
  else()
    _torchcompat_torch_record(record "${release}")
    _torchcompat_json_get(pypi_variant "${record}" pypi_variant_by_platform "${platform}")
    _torchcompat_json_get(on_pypi "${record}" on_pypi)
    _torchcompat_release_variants(wheels "${release}" "${platform}" wheel)
    if(pypi_variant AND on_pypi AND NOT wheels)
      set(choice_VARIANT "${pypi_variant}")
      set(choice_REASON "PyPI's own wheel of torch ${release} for ${platform} is ${pypi_variant}")
      set(note "the table does not know which other builds torch ${release} has for ${platform}")
      _torchcompat_machine(machine)
      _torchcompat_evaluate_variant(
        evaluation
        VERSION "${release}"
        VARIANT "${pypi_variant}"
        POLICY "${policy}"
        PLATFORM "${platform}"
        MACHINE machine)
      set(runs "${evaluation_VERDICT}")
    endif()
  endif()
  foreach(part IN ITEMS VARIANT REASON REJECTIONS)
    set(${prefix}_${part} "${choice_${part}}" PARENT_SCOPE)
  endforeach()
  set(${prefix}_INDEX "${index}" PARENT_SCOPE)
  set(${prefix}_NOTE "${note}" PARENT_SCOPE)
  set(${prefix}_RUNS "${runs}" PARENT_SCOPE)
endfunction()

# _torchcompat_newest_wheel_that_runs(<prefix> <python> <platform> <policy>):
# the newest release with wheels for a Python minor on the platform whose
# wheel runs here (_torchcompat_wheel_here: a build that passes, or cpu). Sets
# <prefix>_RELEASE, _VARIANT and _INDEX, all "" when none does.
function(_torchcompat_newest_wheel_that_runs prefix python platform policy)
  _torchcompat_torch_versions(known)
  list(REVERSE known)
  foreach(candidate IN LISTS known)
    _torchcompat_torch_record(record "${candidate}")
    _torchcompat_release_pythons(pythons "${record}" "${platform}")
    if(NOT python IN_LIST pythons)
      continue()
    endif()
    _torchcompat_wheel_here(wheel "${candidate}" "${platform}" "${policy}")
    if(wheel_VARIANT AND (wheel_RUNS STREQUAL "pass" OR wheel_RUNS STREQUAL "cpu-only"))
      set(${prefix}_RELEASE "${candidate}" PARENT_SCOPE)
      set(${prefix}_VARIANT "${wheel_VARIANT}" PARENT_SCOPE)
      set(${prefix}_INDEX "${wheel_INDEX}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  foreach(part IN ITEMS RELEASE VARIANT INDEX)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_libtorch_here(<prefix> <release> <platform> <policy>): the
# libtorch archive (or wheel) of a release that runs here: <prefix>_VARIANT,
# _URL, _REASON and _SOURCE (archive or wheel), or, when there is none, _NONE
# (why, in words) and an empty _SOURCE.
function(_torchcompat_libtorch_here prefix release platform policy)
  # PyPI's torch wheel where it is the source (TORCHCOMPAT_LIBTORCH_SOURCE=wheel, or auto for a
  # release or platform without an archive: Linux aarch64), as the selector takes it (issue 17).
  _torchcompat_libtorch_wheel_here(wheel "${release}" "${platform}" "${policy}")
  if(wheel_FOUND)
    foreach(part IN ITEMS VARIANT URL REASON)
      set(${prefix}_${part} "${wheel_${part}}" PARENT_SCOPE)
    endforeach()
    set(${prefix}_NONE "" PARENT_SCOPE)
    set(${prefix}_SOURCE wheel PARENT_SCOPE)
    return()
  endif()
  _torchcompat_choose_variant(
    choice
    VERSION "${release}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND libtorch)
  set(url "")
  set(none "")
  set(source "")
  if(choice_VARIANT)
    _torchcompat_archive_url(url "${release}" "${choice_VARIANT}" "${platform}" "" "")
    set(source archive)
  else()
    _torchcompat_release_variants(known "${release}" "${platform}" libtorch)
    if(known)
      set(none "torch ${release} has no libtorch for ${platform} that is verified to run here")
    else()
      set(none "the table does not know the libtorch builds of torch ${release} for ${platform}")
    endif()
  endif()
  set(${prefix}_VARIANT "${choice_VARIANT}" PARENT_SCOPE)
  set(${prefix}_URL "${url}" PARENT_SCOPE)
  set(${prefix}_REASON "${choice_REASON}" PARENT_SCOPE)
  set(${prefix}_NONE "${none}" PARENT_SCOPE)
  set(${prefix}_SOURCE "${source}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
