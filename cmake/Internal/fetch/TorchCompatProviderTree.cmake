# Keeps find_package(Torch) on one libtorch tree. libtorch's own config finds its pieces with
# find_package(Caffe2 ... PATHS <tree>) and find_library(<VAR> <name> PATHS <tree>/lib), which
# search CMAKE_PREFIX_PATH, <Pkg>_ROOT and the system prefixes before the tree and keep what they
# found in the cache: with a system libtorch installed, the headers would come from one release
# and the libraries from another. Before the search, every such entry is pointed into the tree;
# after it, every piece that was resolved is checked to lie inside the tree.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# <cache variable>=<library name>: the libraries libtorch's TorchConfig.cmake looks up by name
# (TorchConfig.cmake.in: TORCH_LIBRARY, C10_CUDA_LIBRARY, CAFFE2_NVRTC_LIBRARY, and
# append_torchlib_if_found's <name>_LIBRARY).
set(_TORCHCOMPAT_LIBTORCH_LIBRARY_VARIABLES
    TORCH_LIBRARY=torch
    C10_CUDA_LIBRARY=c10_cuda
    C10_HIP_LIBRARY=c10_hip
    CAFFE2_NVRTC_LIBRARY=caffe2_nvrtc
    c10_LIBRARY=c10
    c10_cuda_LIBRARY=c10_cuda
    torch_cpu_LIBRARY=torch_cpu
    torch_cuda_LIBRARY=torch_cuda
    kineto_LIBRARY=kineto)
# The package folders libtorch's config loads, relative to the tree.
set(_TORCHCOMPAT_LIBTORCH_PACKAGE_DIRS Caffe2_DIR=share/cmake/Caffe2)
# Imported targets libtorch's configs create.
set(_TORCHCOMPAT_LIBTORCH_TARGETS
    torch
    torch_cpu
    torch_cuda
    torch_hip
    c10
    c10_cuda
    c10_hip
    torch_library
    torch_cpu_library
    torch_cuda_library)

# Points every cache entry libtorch's config would search for into <tree>, or removes it where
# the tree has no such piece (an entry left from another tree is never reused).
function(_torchcompat_pin_torch_search tree)
  foreach(pair IN LISTS _TORCHCOMPAT_LIBTORCH_PACKAGE_DIRS)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 variable)
    list(GET pair 1 relative)
    if(EXISTS "${tree}/${relative}")
      if(NOT "${${variable}}" STREQUAL "${tree}/${relative}")
        set(${variable} "${tree}/${relative}" CACHE PATH "The libtorch the provider fetched" FORCE)
      endif()
    else()
      unset(${variable} CACHE)
    endif()
  endforeach()
  foreach(pair IN LISTS _TORCHCOMPAT_LIBTORCH_LIBRARY_VARIABLES)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 variable)
    list(GET pair 1 name)
    # find_library() does not search again while its result variable holds a path.
    unset(found)
    find_library(
      found
      NAMES ${name}
      PATHS "${tree}/lib"
      NO_DEFAULT_PATH NO_CACHE)
    if(found)
      if(NOT "${${variable}}" STREQUAL found)
        set(${variable} "${found}" CACHE FILEPATH "The libtorch the provider fetched" FORCE)
      endif()
    else()
      unset(${variable} CACHE)
    endif()
  endforeach()
endfunction()

# Removes the entries _torchcompat_pin_torch_search pointed into the fetched tree (the one whose
# share/cmake/Torch the fetch last set as Torch_DIR), before a libtorch the user chose is loaded:
# its config must find its own pieces, not the fetched tree's.
function(_torchcompat_unpin_torch_search)
  if(NOT _TORCHCOMPAT_FETCHED_TORCH_DIR MATCHES "^(.+)/share/cmake/Torch$")
    return()
  endif()
  set(tree "${CMAKE_MATCH_1}")
  foreach(pair IN LISTS _TORCHCOMPAT_LIBTORCH_PACKAGE_DIRS _TORCHCOMPAT_LIBTORCH_LIBRARY_VARIABLES)
    string(REGEX REPLACE "=.*$" "" variable "${pair}")
    string(FIND "${${variable}}" "${tree}/" at)
    if(at EQUAL 0)
      unset(${variable} CACHE)
    endif()
  endforeach()
endfunction()

# After find_package(Torch): fails, naming the piece and where it came from, when anything
# libtorch's config resolved lies outside <tree>. Reads the variables and targets the config left
# in the caller's scope.
function(_torchcompat_check_torch_pieces tree)
  set(pieces "")
  foreach(variable IN ITEMS Torch_DIR Caffe2_DIR)
    if(DEFINED ${variable})
      list(APPEND pieces "${variable}=${${variable}}")
    endif()
  endforeach()
  foreach(pair IN LISTS _TORCHCOMPAT_LIBTORCH_LIBRARY_VARIABLES)
    string(REGEX REPLACE "=.*$" "" variable "${pair}")
    if(${variable})
      list(APPEND pieces "${variable}=${${variable}}")
    endif()
  endforeach()
  foreach(directory IN LISTS TORCH_INCLUDE_DIRS)
    # Only libtorch's own headers count: a CUDA build on Windows adds NvToolsExt's folder.
    if(EXISTS "${directory}/torch" OR EXISTS "${directory}/ATen" OR EXISTS "${directory}/c10")
      list(APPEND pieces "TORCH_INCLUDE_DIRS=${directory}")
    endif()
  endforeach()
  foreach(library IN LISTS TORCH_LIBRARIES)
    get_filename_component(name "${library}" NAME)
    if(IS_ABSOLUTE "${library}" AND name MATCHES "^(lib)?(torch|c10|caffe2|kineto)")
      list(APPEND pieces "TORCH_LIBRARIES=${library}")
    endif()
  endforeach()
  foreach(target IN LISTS _TORCHCOMPAT_LIBTORCH_TARGETS)
    _torchcompat_target_pieces(target_pieces ${target})
    list(APPEND pieces ${target_pieces})
  endforeach()

  file(REAL_PATH "${tree}" real_tree)
  foreach(piece IN LISTS pieces)
    string(REGEX MATCH "^[^=]+" what "${piece}")
    string(REGEX REPLACE "^[^=]+=" "" path "${piece}")
    file(REAL_PATH "${path}" real_path)
    string(FIND "${real_path}/" "${real_tree}/" at)
    if(NOT at EQUAL 0)
      _torchcompat_stray_piece_advice(advice "${what}")
      message(
        FATAL_ERROR
          "TorchCompat: find_package(Torch) took ${what} from ${path}, which is not part of the "
          "libtorch fetched for this machine (${tree}); a build would mix two libtorch installs. "
          "${advice}")
    endif()
  endforeach()
endfunction()

# "<what>=<path>" for each file and folder an imported target of libtorch points to.
function(_torchcompat_target_pieces out_var target)
  set(pieces "")
  if(TARGET ${target})
    get_target_property(imported ${target} IMPORTED)
    if(imported)
      get_target_property(configurations ${target} IMPORTED_CONFIGURATIONS)
      set(properties IMPORTED_LOCATION IMPORTED_IMPLIB INTERFACE_INCLUDE_DIRECTORIES)
      foreach(configuration IN LISTS configurations)
        if(configuration)
          list(APPEND properties IMPORTED_LOCATION_${configuration}
               IMPORTED_IMPLIB_${configuration})
        endif()
      endforeach()
      foreach(property IN LISTS properties)
        get_target_property(values ${target} ${property})
        foreach(value IN LISTS values)
          # Generator expressions name other targets, which are checked themselves.
          if(value AND IS_ABSOLUTE "${value}" AND NOT value MATCHES "\\$<")
            list(APPEND pieces "target ${target}'s ${property}=${value}")
          endif()
        endforeach()
      endforeach()
    endif()
  endif()
  set(${out_var} "${pieces}" PARENT_SCOPE)
endfunction()

function(_torchcompat_stray_piece_advice out_var what)
  if(DEFINED ENV{TORCH_INSTALL_PREFIX})
    set(advice "TORCH_INSTALL_PREFIX is set in the environment, and libtorch's config takes its "
               "paths from it: unset it.")
  elseif(what MATCHES "^[A-Za-z0-9_]+$")
    set(advice "Remove the other libtorch from CMAKE_PREFIX_PATH and <Pkg>_ROOT, or configure a "
               "fresh build folder (or -U${what}).")
  else()
    set(advice "A target of that name was defined before find_package(Torch) (another libtorch "
               "loaded earlier in this project?).")
  endif()
  string(JOIN "" advice ${advice})
  set(${out_var} "${advice}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
