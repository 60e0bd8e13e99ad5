#[=======================================================================[.rst:
TorchCompatTable
----------------

Reads the compatibility tables in ``data/`` (documented in ``data/README.md``).
The other modules ask their questions through this one, so the tables' layout
is known in one place. A version that is not in a table is unknown: nothing
here matches it to a neighbouring row.

Cache variables
^^^^^^^^^^^^^^^

``TORCHCOMPAT_DATA_DIR``
  Read the tables from this folder instead of the package's own (for a newer
  table than the installed package ships).

A table that is missing or not valid JSON stops the configure with an error
naming the file.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")

function(_torchcompat_data_dir out_var)
  if(TORCHCOMPAT_DATA_DIR)
    set(dir "${TORCHCOMPAT_DATA_DIR}")
  else()
    get_property(dir GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR)
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

# _torchcompat_table(<out-var> <stem>): the text of data/<stem>.json, read and
# checked once per configure.
function(_torchcompat_table out_var stem)
  _torchcompat_data_dir(dir)
  set(file "${dir}/${stem}.json")
  get_property(text GLOBAL PROPERTY "TORCHCOMPAT_TABLE_${file}")
  if(NOT text)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "TorchCompat: the table '${file}' is missing. Reinstall TorchCompat "
                          "or point TORCHCOMPAT_DATA_DIR at a complete data folder.")
    endif()
    file(READ "${file}" text)
    string(
      JSON
      schema
      ERROR_VARIABLE
      error
      GET
      "${text}"
      schema_version)
    if(error OR NOT schema EQUAL 1)
      if(NOT error)
        set(error "schema_version is '${schema}', this TorchCompat reads 1")
      endif()
      message(FATAL_ERROR "TorchCompat: the table '${file}' is corrupt (${error}). Restore it "
                          "from the TorchCompat release, or fix TORCHCOMPAT_DATA_DIR.")
    endif()
    set_property(GLOBAL PROPERTY "TORCHCOMPAT_TABLE_${file}" "${text}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Answers of pure table lookups, kept for the rest of the configure (the way
# out searches ask the same questions of many releases). Keyed by the data
# folder, so a case or project that points TORCHCOMPAT_DATA_DIR elsewhere gets
# its own. Sets hit_var to TRUE and out_var to the answer when it is known.
function(_torchcompat_memo_lookup out_var hit_var name)
  _torchcompat_data_dir(dir)
  get_property(hit GLOBAL PROPERTY "TORCHCOMPAT_MEMO|${dir}|${name}" SET)
  set(value "")
  if(hit)
    get_property(value GLOBAL PROPERTY "TORCHCOMPAT_MEMO|${dir}|${name}")
  endif()
  set(${hit_var} ${hit} PARENT_SCOPE)
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

function(_torchcompat_memo_store name value)
  _torchcompat_data_dir(dir)
  set_property(GLOBAL PROPERTY "TORCHCOMPAT_MEMO|${dir}|${name}" "${value}")
endfunction()

# The record of one torch release as JSON text, or "" when the release is unknown.
function(_torchcompat_torch_record out_var version)
  _torchcompat_table(table torch-releases)
  _torchcompat_json_get(record "${table}" releases "${version}")
  set(${out_var} "${record}" PARENT_SCOPE)
endfunction()

# _torchcompat_release_pythons(<out-var> <record> <platform>): the Python
# minors a release (its record) has wheels for on a platform: the platform's
# own list where the table has one (wheels differ by platform), else the
# release's. Sets <out-var>_ON_PLATFORM to TRUE when the list is the
# platform's own.
function(_torchcompat_release_pythons out_var record platform)
  _torchcompat_json_list(pythons "${record}" python_by_platform "${platform}")
  set(on_platform TRUE)
  if(NOT pythons)
    set(on_platform FALSE)
    _torchcompat_json_list(pythons "${record}" python)
  endif()
  set(${out_var} "${pythons}" PARENT_SCOPE)
  set(${out_var}_ON_PLATFORM ${on_platform} PARENT_SCOPE)
endfunction()

# Every torch release in the table, oldest first.
function(_torchcompat_torch_versions out_var)
  _torchcompat_table(table torch-releases)
  _torchcompat_json_keys(versions "${table}" releases)
  # string(JSON) lists members alphabetically (2.10.0 before 2.9.1).
  list(SORT versions COMPARE NATURAL)
  set(${out_var} "${versions}" PARENT_SCOPE)
endfunction()

# Build facts of one variant of one release on one platform: JSON with cuda,
# cudnn, sass, ptx; "" when not recorded.
function(_torchcompat_variant_build out_var version variant platform)
  _torchcompat_release_member(
    build
    variant-builds
    builds
    "${version}"
    get
    "${variant}"
    "${platform}")
  set(${out_var} "${build}" PARENT_SCOPE)
endfunction()

# The variants published for a release on a platform. kind is "wheel" or "libtorch".
function(_torchcompat_release_variants out_var version platform kind)
  _torchcompat_release_member(
    variants
    torch-variants
    releases
    "${version}"
    list
    platforms
    "${platform}"
    "${kind}")
  set(${out_var} "${variants}" PARENT_SCOPE)
endfunction()

# A member of one release's record in a table, <top>.<version>.<path>..., read
# with _torchcompat_json_<reader> (get or list); "" when not recorded.
# Memoized: the guard and the selector ask for the same records many times.
function(_torchcompat_release_member out_var stem top version reader)
  string(JOIN "|" key "${stem}" "${version}" ${ARGN})
  _torchcompat_memo_lookup(value hit "${key}")
  if(hit)
    set(${out_var} "${value}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_table(table ${stem})
  _torchcompat_json_get(release "${table}" ${top} "${version}")
  set(value "")
  if(release)
    cmake_language(CALL _torchcompat_json_${reader} value "${release}" ${ARGN})
  endif()
  _torchcompat_memo_store("${key}" "${value}")
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# The toolkit records of one CUDA minor (12.4 -> 12.4.0, 12.4.1), in table order.
function(_torchcompat_toolkits_of_minor out_var cuda_minor)
  _torchcompat_memo_lookup(matches hit "toolkits|${cuda_minor}")
  if(hit)
    set(${out_var} "${matches}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_memo_lookup(versions hit "toolkit_versions")
  if(NOT hit)
    _torchcompat_table(table cuda-toolkits)
    _torchcompat_json_keys(versions "${table}" toolkits)
    list(SORT versions COMPARE NATURAL)
    _torchcompat_memo_store("toolkit_versions" "${versions}")
  endif()
  set(matches "")
  foreach(version IN LISTS versions)
    _torchcompat_major_minor("${version}" minor)
    if(minor STREQUAL cuda_minor)
      list(APPEND matches "${version}")
    endif()
  endforeach()
  _torchcompat_memo_store("toolkits|${cuda_minor}" "${matches}")
  set(${out_var} "${matches}" PARENT_SCOPE)
endfunction()

# _torchcompat_toolkit_min_driver(<out-var> <toolkit> <linux|windows>)
function(_torchcompat_toolkit_min_driver out_var toolkit os)
  _torchcompat_table(table cuda-toolkits)
  _torchcompat_json_get(driver "${table}" toolkits "${toolkit}" "${os}_min_driver")
  set(${out_var} "${driver}" PARENT_SCOPE)
endfunction()

# The pip index of a variant's wheels (https://download.pytorch.org/whl/cu121):
# the base is the table's (torch-variants.json wheel_index_base), the one place
# that spells it.
function(_torchcompat_wheel_index_url out_var variant)
  _torchcompat_table(table torch-variants)
  _torchcompat_json_get(base "${table}" wheel_index_base)
  if(NOT base)
    message(FATAL_ERROR "TorchCompat: torch-variants.json in ${TorchCompat_DATA_DIR} has no "
                        "wheel_index_base: use the tables that came with this TorchCompat")
  endif()
  set(${out_var} "${base}${variant}" PARENT_SCOPE)
endfunction()

# The pip command that installs a torch release with its companions, from the
# variant's wheel index when a variant is given:
# "pip install torch==2.4.0 torchvision==0.19.0 torchaudio==2.4.0 --index-url .../cu121".
function(_torchcompat_pip_install_command out_var release variant)
  _torchcompat_torch_record(record "${release}")
  set(packages "torch==${release}")
  foreach(package IN ITEMS torchvision torchaudio)
    _torchcompat_json_get(companion "${record}" "${package}")
    if(companion)
      list(APPEND packages "${package}==${companion}")
    endif()
  endforeach()
  list(JOIN packages " " packages)
  set(command "pip install ${packages}")
  if(variant)
    _torchcompat_wheel_index_url(index "${variant}")
    string(APPEND command " --index-url ${index}")
  endif()
  set(${out_var} "${command}" PARENT_SCOPE)
endfunction()

# How old the tables are: <prefix>_DATE, the day of their last clean check
# against PyPI (data/pypi-check.json), and <prefix>_NEWEST, the newest torch PyPI
# served then; both "" when the record is absent (a data folder without one).
# A release newer than that is unknown because the table predates it, which
# callers say in those words.
function(_torchcompat_table_age prefix)
  _torchcompat_data_dir(dir)
  set(date "")
  set(newest "")
  if(EXISTS "${dir}/pypi-check.json")
    _torchcompat_table(table pypi-check)
    _torchcompat_json_get(date "${table}" run date)
    _torchcompat_json_get(newest "${table}" run newest_torch_on_pypi)
  endif()
  set(${prefix}_DATE "${date}" PARENT_SCOPE)
  set(${prefix}_NEWEST "${newest}" PARENT_SCOPE)
endfunction()

# The minor-version-compatibility floor for a CUDA major ("" when none is recorded).
function(_torchcompat_compat_floor out_var cuda_major os)
  _torchcompat_table(table cuda-toolkits)
  _torchcompat_json_get(driver "${table}" minor_version_compatibility "${cuda_major}"
                        "${os}_min_driver")
  set(${out_var} "${driver}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
