# What a libtorch tree says about itself where its CMake files are silent: a
# tree taken from a torch wheel (site-packages/torch) has no build-version, but
# its version.py names the release and the CUDA or ROCm it was built with; and
# recent TorchConfig.cmake files no longer state the C++ ABI, which the mangled
# names of libc10's dynamic symbols still show (issue 17).

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")

# One assignment of torch/version.py: `name = 'v'` or `name: Optional[str] = 'v'`
# (both spellings are in PyTorch's history); "" for None or absent.
function(_torchcompat_version_py_value out_var lines name)
  set(value "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^${name}[ \t]*(:[^=]*)?=[ \t]*['\"]([^'\"]*)['\"]")
      set(value "${CMAKE_MATCH_2}")
      break()
    endif()
  endforeach()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# _torchcompat_version_py(<prefix> <file>): <prefix>_VERSION, the release with
# the variant as its local part (2.15.0+cu132), or "" when the file names no
# plain release. The variant is __version__'s local part where that names a
# variant, else cuXY from `cuda`, rocmX.Y from `hip`, else cpu. Read bounded:
# the file is a few hundred bytes, and a tree may be hostile.
function(_torchcompat_version_py prefix file)
  file(STRINGS "${file}" lines LIMIT_INPUT 65536 REGEX "^(__version__|cuda|hip)[ \t:=]")
  _torchcompat_version_py_value(full "${lines}" __version__)
  _torchcompat_version_py_value(cuda "${lines}" cuda)
  _torchcompat_version_py_value(hip "${lines}" hip)
  set(version "")
  if(full MATCHES "^([0-9]+\\.[0-9]+(\\.[0-9]+)?)(\\+([0-9A-Za-z.]+))?$")
    set(release "${CMAKE_MATCH_1}")
    set(local "${CMAKE_MATCH_4}")
    _torchcompat_parse_variant("${local}" kind ignored)
    if(local STREQUAL "" OR kind STREQUAL "")
      if(cuda MATCHES "^([0-9]+)\\.([0-9]+)")
        set(local "cu${CMAKE_MATCH_1}${CMAKE_MATCH_2}")
      elseif(hip MATCHES "^([0-9]+)\\.([0-9]+)")
        set(local "rocm${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
      else()
        set(local cpu)
      endif()
    endif()
    set(version "${release}+${local}")
  endif()
  set(${prefix}_VERSION "${version}" PARENT_SCOPE)
endfunction()

# libc10's shared library in a tree: archives and wheels keep it in lib/, a
# distribution beside the cmake folder's parent (Debian: <libdir>/libc10.so).
function(_torchcompat_c10_library out_var root)
  set(found "")
  foreach(candidate IN ITEMS "${root}/lib/libc10.so" "${root}/libc10.so")
    if(EXISTS "${candidate}" AND NOT IS_DIRECTORY "${candidate}")
      set(found "${candidate}")
      break()
    endif()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# The ABI a list of mangled names shows: a std::string of the cxx11 ABI is
# std::__cxx11::basic_string (St7__cxx11) or carries the [abi:cxx11] tag
# (B5cxx11); the old one is Ss, as in c10's `const std::string&` (RKSs).
function(_torchcompat_abi_of_names out_var names)
  set(abi "")
  if(names MATCHES "St7__cxx11|B5cxx11")
    set(abi cxx11)
  elseif(names MATCHES "RKSs")
    set(abi pre-cxx11)
  endif()
  set(${out_var} "${abi}" PARENT_SCOPE)
endfunction()

# _torchcompat_abi_from_symbols(<abi-var> <source-var> <root>): the C++ ABI
# from libc10's dynamic symbols, read with nm -D (CMAKE_NM, else nm on the
# PATH); where nm is missing or fails, from the library's bytes (its dynamic
# string table holds the same names), read bounded. Both "" when unknown.
function(_torchcompat_abi_from_symbols abi_var source_var root)
  set(abi "")
  set(source "")
  _torchcompat_c10_library(library "${root}")
  if(library)
    set(nm "${CMAKE_NM}")
    if(NOT nm)
      find_program(_TORCHCOMPAT_NM nm)
      mark_as_advanced(_TORCHCOMPAT_NM)
      set(nm "${_TORCHCOMPAT_NM}")
    endif()
    if(nm)
      execute_process(
        COMMAND "${nm}" -D --defined-only "${library}"
        RESULT_VARIABLE code
        OUTPUT_VARIABLE names
        ERROR_QUIET
        TIMEOUT 60)
      if(code EQUAL 0)
        _torchcompat_abi_of_names(abi "${names}")
        if(abi)
          set(source "the dynamic symbols of ${library} (nm -D)")
        endif()
      endif()
    endif()
    if(NOT abi)
      # 256 MiB bounds a hostile file; a real libc10 is a few MiB.
      file(
        STRINGS "${library}" names
        LIMIT_INPUT 268435456
        LIMIT_COUNT 1
        REGEX "St7__cxx11|B5cxx11")
      if(NOT names)
        file(
          STRINGS "${library}" names
          LIMIT_INPUT 268435456
          LIMIT_COUNT 1
          REGEX "RKSs")
      endif()
      _torchcompat_abi_of_names(abi "${names}")
      if(abi)
        set(source "the symbol names in ${library}'s bytes (no working nm)")
      endif()
    endif()
  endif()
  set(${abi_var} "${abi}" PARENT_SCOPE)
  set(${source_var} "${source}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
