# Where the package's parts are, whichever way it was reached: an install tree
# (a generated TorchCompatInstallLayout.cmake sits beside the config), or a
# source tree (the probe's sources sit beside the modules). The answers are kept
# in global properties because the commands are global and may be called from a
# scope that never saw the variables set here (add_subdirectory, FetchContent).

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# Kept in a global property: this file is included once per configure, and
# every directory that finds the package needs the version.
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatVersion.cmake")
set_property(GLOBAL PROPERTY TORCHCOMPAT_VERSION "${_TORCHCOMPAT_VERSION}")

function(_torchcompat_locate_layout module_dir)
  if(EXISTS "${module_dir}/TorchCompatInstallLayout.cmake")
    # Defines _torchcompat_data_rel and _torchcompat_probe_rel, relative to
    # module_dir, so the install tree can be moved.
    include("${module_dir}/TorchCompatInstallLayout.cmake")
    get_filename_component(data_dir "${module_dir}/${_torchcompat_data_rel}" ABSOLUTE)
    get_filename_component(probe "${module_dir}/${_torchcompat_probe_rel}" ABSOLUTE)
    set(probe_source_dir "")
  else()
    get_filename_component(root "${module_dir}/.." ABSOLUTE)
    set(data_dir "${root}/data")
    set(probe "")
    set(probe_source_dir "${root}/tool")
    # The build tree's generated config names the probe it builds; until that
    # is built, the probe is compiled at configure time like from a source tree.
    if(_TORCHCOMPAT_BUILD_TREE_PROBE AND EXISTS "${_TORCHCOMPAT_BUILD_TREE_PROBE}")
      set(probe "${_TORCHCOMPAT_BUILD_TREE_PROBE}")
    endif()
  endif()
  if(NOT IS_DIRECTORY "${data_dir}")
    message(FATAL_ERROR "TorchCompat: the compatibility tables are missing from "
                        "'${data_dir}'. Reinstall TorchCompat or check out its data/ folder.")
  endif()
  set_property(GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR "${module_dir}")
  set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${data_dir}")
  set_property(GLOBAL PROPERTY TORCHCOMPAT_INSTALLED_PROBE "${probe}")
  set_property(GLOBAL PROPERTY TORCHCOMPAT_PROBE_SOURCE_DIR "${probe_source_dir}")
  set(TorchCompat_DATA_DIR "${data_dir}" PARENT_SCOPE)
  get_property(version GLOBAL PROPERTY TORCHCOMPAT_VERSION)
  set(TorchCompat_VERSION "${version}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
