#[=======================================================================[.rst:
TorchCompatWheelTable
---------------------

Internal: reads ``data/torch-wheels.json`` (PyPI's torch wheels as a libtorch
source, documented in ``data/torch-wheels.md``).

.. command:: _torchcompat_wheel_record

  ::

    _torchcompat_wheel_record(<prefix> <release> <platform>)

  Sets ``<prefix>_FOUND`` (``TRUE`` when the table names a wheel of
  ``<release>`` for ``<platform>``), ``<prefix>_FILENAME``, ``_URL``,
  ``_SHA256`` (the hash the index publishes), ``_SIZE``, ``_VARIANT``,
  ``_PLATFORM_TAG``, ``_GLIBC`` (Linux only), ``_PYTHON_TAG`` and
  ``_REQUIRES``: the CUDA wheels it pins as JSON text, ``null`` when the table
  did not read them (the fetch reads the wheel's own ``METADATA``).

.. command:: _torchcompat_wheel_releases

  ::

    _torchcompat_wheel_releases(<out-var> <platform>)

  The releases with a wheel for ``<platform>``, oldest first.

.. command:: _torchcompat_pypi_index

  ::

    _torchcompat_pypi_index(<out-var>)

  The index's base URL without a closing slash: ``TORCHCOMPAT_PYPI_INDEX_URL``
  (variable, else environment; like pip's ``--index-url``), else
  ``https://pypi.org/simple``.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")

function(_torchcompat_wheel_record prefix release platform)
  _torchcompat_table(table torch-wheels)
  _torchcompat_json_get(record "${table}" releases "${release}" platforms "${platform}")
  set(found FALSE)
  if(NOT record STREQUAL "")
    set(found TRUE)
  endif()
  set(${prefix}_FOUND ${found} PARENT_SCOPE)
  foreach(
    field IN
    ITEMS filename
          url
          sha256
          size
          variant
          platform_tag
          glibc_floor
          python_tag)
    set(value "")
    if(found)
      _torchcompat_json_get(value "${record}" ${field})
    endif()
    string(TOUPPER "${field}" name)
    string(REPLACE "_FLOOR" "" name "${name}")
    set(${prefix}_${name} "${value}" PARENT_SCOPE)
  endforeach()
  set(requires "null")
  if(found)
    _torchcompat_json_type(type "${record}" requires)
    if(type STREQUAL "ARRAY")
      string(JSON requires GET "${record}" requires)
    endif()
  endif()
  set(${prefix}_REQUIRES "${requires}" PARENT_SCOPE)
endfunction()

function(_torchcompat_wheel_releases out_var platform)
  _torchcompat_memo_lookup(memo hit "wheel-releases|${platform}")
  if(hit)
    set(${out_var} "${memo}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_table(table torch-wheels)
  _torchcompat_json_keys(releases "${table}" releases)
  set(found "")
  foreach(release IN LISTS releases)
    _torchcompat_json_type(type "${table}" releases "${release}" platforms "${platform}")
    if(type STREQUAL "OBJECT")
      list(APPEND found "${release}")
    endif()
  endforeach()
  # string(JSON) lists members alphabetically: 2.10.0 before 2.2.0.
  list(SORT found COMPARE NATURAL)
  _torchcompat_memo_store("wheel-releases|${platform}" "${found}")
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

function(_torchcompat_pypi_index out)
  if(DEFINED TORCHCOMPAT_PYPI_INDEX_URL)
    set(index "${TORCHCOMPAT_PYPI_INDEX_URL}")
  else()
    set(index "$ENV{TORCHCOMPAT_PYPI_INDEX_URL}")
  endif()
  string(STRIP "${index}" index)
  if(index STREQUAL "")
    set(index "https://pypi.org/simple")
  endif()
  string(REGEX REPLACE "/+$" "" index "${index}")
  set(${out} "${index}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
