#[=======================================================================[.rst:
TorchCompatWheelChoice
----------------------

Internal: where libtorch comes from (``SOURCE archive|wheel|auto``), and the
torch wheel the selector names when it comes from PyPI.

.. command:: _torchcompat_libtorch_source

  ::

    _torchcompat_libtorch_source(<out-var> <argument>)

  ``<argument>``, else ``TORCHCOMPAT_LIBTORCH_SOURCE`` (a non-empty
  variable, else the environment), else ``auto``; anything but ``archive``, ``wheel`` and
  ``auto`` is an error.

.. command:: _torchcompat_wheel_choice

  ::

    _torchcompat_wheel_choice(<prefix> <release> <platform> <variant> <policy> <from-auto>)

  Sets ``<prefix>_URL``, ``_VARIANT`` and ``_REASON``, and ``_WARNING`` when
  the wheel's CUDA build fails a check here (its CPU parts still run). A
  release the wheel table does not hold is read from the index at fetch time
  (the URL is then the index's page for torch); one it holds without a wheel
  for ``<platform>`` is an error naming the platforms PyPI has. Asking for a variant PyPI
  has no wheel of is an error that names the one it has.

.. command:: _torchcompat_libtorch_wheel_here

  ::

    _torchcompat_libtorch_wheel_here(<prefix> <release> <platform> <policy>)

  For answers that offer a libtorch without selecting one (the report): sets
  ``<prefix>_FOUND`` to ``TRUE`` with ``_URL``, ``_VARIANT`` and ``_REASON``
  of PyPI's torch wheel when the source (``TORCHCOMPAT_LIBTORCH_SOURCE``) is
  ``wheel``, or ``auto`` and the release has no archive for ``<platform>``,
  and the wheel table names one.

.. command:: _torchcompat_latest_wheel

  ::

    _torchcompat_latest_wheel(<out-var> <platform>)

  The newest release with a wheel for ``<platform>`` in the table.

.. command:: _torchcompat_platform_has_archives

  ::

    _torchcompat_platform_has_archives(<out-var> <platform>)

  Whether any release lists a libtorch archive for ``<platform>``.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatWheelTable.cmake")

function(_torchcompat_libtorch_source out argument)
  set(source "${argument}")
  if(source STREQUAL "")
    # An empty cache entry (the provider declares one) leaves the environment's say.
    set(source "${TORCHCOMPAT_LIBTORCH_SOURCE}")
  endif()
  if(source STREQUAL "")
    set(source "$ENV{TORCHCOMPAT_LIBTORCH_SOURCE}")
  endif()
  if(source STREQUAL "")
    set(source auto)
  endif()
  if(NOT source MATCHES "^(archive|wheel|auto)$")
    message(FATAL_ERROR "TorchCompat: SOURCE (TORCHCOMPAT_LIBTORCH_SOURCE) is '${source}'; use "
                        "archive (download.pytorch.org), wheel (PyPI's torch wheel) or auto.")
  endif()
  set(${out} "${source}" PARENT_SCOPE)
endfunction()

function(_torchcompat_latest_wheel out platform)
  _torchcompat_wheel_releases(releases "${platform}")
  if(NOT releases)
    message(FATAL_ERROR "TorchCompat: the wheel table (torch-wheels.json) lists no torch wheel "
                        "for ${platform}.")
  endif()
  list(GET releases -1 latest)
  set(${out} "${latest}" PARENT_SCOPE)
endfunction()

function(_torchcompat_platform_has_archives out platform)
  _torchcompat_memo_lookup(memo hit "has-archives|${platform}")
  if(hit)
    set(${out} "${memo}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_torch_versions(versions)
  list(REVERSE versions)
  set(found FALSE)
  foreach(version IN LISTS versions)
    _torchcompat_release_variants(variants "${version}" "${platform}" libtorch)
    if(variants)
      set(found TRUE)
      break()
    endif()
  endforeach()
  _torchcompat_memo_store("has-archives|${platform}" "${found}")
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_wheel_choice
  prefix
  release
  platform
  variant
  policy
  from_auto)
  set(${prefix}_WARNING "" PARENT_SCOPE)
  _torchcompat_wheel_record(record "${release}" "${platform}")
  if(NOT record_FOUND)
    _torchcompat_table(table torch-wheels)
    _torchcompat_json_keys(platforms "${table}" releases "${release}" platforms)
    if(platforms)
      list(JOIN platforms ", " platforms)
      message(
        FATAL_ERROR
          "TorchCompat: PyPI has no torch ${release} wheel for ${platform} (it has "
          "wheels for ${platforms}); take the libtorch archive (SOURCE archive) "
          "where one exists.")
    endif()
    # A release the wheel table does not hold (newer than it, or not read into it): the index
    # says which wheel and which hash, at fetch time.
    _torchcompat_pypi_index(index)
    string(REGEX REPLACE "([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@" "\\1***@" index "${index}")
    set(chosen "${variant}")
    if(chosen STREQUAL "auto")
      set(chosen "")
    endif()
    set(${prefix}_URL "${index}/torch/" PARENT_SCOPE)
    set(${prefix}_VARIANT "${chosen}" PARENT_SCOPE)
    set(${prefix}_REASON
        "the torch wheel for ${platform} on ${index}/torch/, with its hash, read at fetch time "
        "(the wheel table does not know ${release})" PARENT_SCOPE)
    return()
  endif()
  set(wheel_variant "${record_VARIANT}")
  if(variant AND NOT variant STREQUAL "auto" AND NOT variant STREQUAL wheel_variant)
    message(
      FATAL_ERROR
        "TorchCompat: PyPI's torch ${release} wheel for ${platform} "
        "(${record_FILENAME}) is the ${wheel_variant} build; PyPI has no "
        "${variant} wheel of it. Ask for VARIANT ${wheel_variant} (or auto), "
        "or take the ${variant} libtorch archive with SOURCE archive.")
  endif()
  if(from_auto)
    set(reason "no libtorch archive of ${release} for ${platform}, so PyPI's torch wheel "
               "(${record_FILENAME}), the ${wheel_variant} build PyPI publishes")
  else()
    set(reason "PyPI's torch wheel (${record_FILENAME}), the ${wheel_variant} build PyPI "
               "publishes for ${platform}")
  endif()
  string(JOIN "" reason ${reason})
  set(warning "")
  if(wheel_variant MATCHES "^cu")
    _torchcompat_machine(machine)
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${release}"
      VARIANT "${wheel_variant}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE machine)
    if(evaluation_VERDICT STREQUAL "fail")
      list(JOIN evaluation_PROBLEMS ", " problems)
      string(CONCAT warning "TorchCompat: the ${wheel_variant} build in PyPI's torch ${release} "
                    "wheel cannot use the GPU here (${problems}); its CPU parts run. The "
                    "libtorch archives offer other variants (SOURCE archive).")
      string(REPLACE ";" "," warning "${warning}")
    endif()
  endif()
  set(${prefix}_URL "${record_URL}" PARENT_SCOPE)
  set(${prefix}_VARIANT "${wheel_variant}" PARENT_SCOPE)
  set(${prefix}_REASON "${reason}" PARENT_SCOPE)
  set(${prefix}_WARNING "${warning}" PARENT_SCOPE)
endfunction()

function(_torchcompat_libtorch_wheel_here prefix release platform policy)
  set(${prefix}_FOUND FALSE PARENT_SCOPE)
  _torchcompat_libtorch_source(source "")
  if(source STREQUAL "archive")
    return()
  endif()
  set(from_auto FALSE)
  if(source STREQUAL "auto")
    _torchcompat_release_variants(archive_variants "${release}" "${platform}" libtorch)
    if(archive_variants)
      return()
    endif()
    set(from_auto TRUE)
  endif()
  _torchcompat_wheel_record(record "${release}" "${platform}")
  if(NOT record_FOUND)
    return()
  endif()
  _torchcompat_wheel_choice(choice "${release}" "${platform}" "" "${policy}" ${from_auto})
  set(${prefix}_FOUND TRUE PARENT_SCOPE)
  foreach(part IN ITEMS URL VARIANT REASON)
    set(${prefix}_${part} "${choice_${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

cmake_policy(POP)
