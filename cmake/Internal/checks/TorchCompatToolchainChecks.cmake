# The toolchain a release needs (issue 17): the C++ standard its headers and
# CMake files require of a consumer, and the glibc floor of its Linux builds,
# both recorded per release in data/torch-wheels.json, against the consumer's
# compiler and the machine's glibc. Both fail late otherwise: at compile time
# in a header, or at load time with "GLIBC_2.28 not found".

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatGlibc.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")

# C++98 sorts before C++11 although 98 > 11.
function(_torchcompat_cxx_rank out_var standard)
  if(standard STREQUAL "98")
    set(standard 0)
  endif()
  set(${out_var} "${standard}" PARENT_SCOPE)
endfunction()

# What the table says a consumer of <release> must compile with: <prefix>_MIN
# ("" when not recorded), <prefix>_EVIDENCE (the first line that states it)
# and <prefix>_RAISES (TRUE when TorchConfig.cmake asks it as a compile
# feature of the torch target, which CMake then applies to every target that
# links torch; a CXX_STANDARD property on the imported target reaches no one).
function(_torchcompat_cxx_needed prefix release)
  _torchcompat_table(table torch-wheels)
  _torchcompat_json_get(min "${table}" releases "${release}" cxx_standard_min)
  _torchcompat_json_list(evidence "${table}" releases "${release}" cxx_standard_evidence)
  set(raises FALSE)
  set(first "")
  if(min MATCHES "^[0-9]+$")
    foreach(line IN LISTS evidence)
      if(first STREQUAL "")
        set(first "${line}")
      endif()
      if(line MATCHES "target_compile_features\\(torch INTERFACE cxx_std_${min}\\)")
        set(raises TRUE)
        set(first "${line}")
        break()
      endif()
    endforeach()
  else()
    set(min "")
  endif()
  # "Torch/TorchConfig.cmake:158: CXX_STANDARD 20" -> "TorchConfig.cmake: CXX_STANDARD 20".
  string(REGEX REPLACE "^([^:]*/)?([^/:]+):[0-9]+: " "\\2: " first "${first}")
  set(${prefix}_MIN "${min}" PARENT_SCOPE)
  set(${prefix}_EVIDENCE "${first}" PARENT_SCOPE)
  set(${prefix}_RAISES ${raises} PARENT_SCOPE)
endfunction()

# The way out of a C++ standard below what a release needs, for a check of
# status <status> (fails, unverified): appended to the JSON array in <ways-var>.
function(_torchcompat_set_standard_way ways_var need status)
  set(ways "${${ways_var}}")
  _torchcompat_verdict_action(
    ways
    KIND
    toolchain
    TEXT
    "compile as C++${need}: set(CMAKE_CXX_STANDARD ${need}) before the targets that link torch are made, or -DCMAKE_CXX_STANDARD=${need}"
    CMAKE
    "-DCMAKE_CXX_STANDARD=${need}"
    ADDRESSES
    ${status})
  set(${ways_var} "${ways}" PARENT_SCOPE)
endfunction()

# The consumer's C++ standard against the release's. Only where the project
# has enabled CXX: script mode (the torchcompat command) and a project before
# its CXX is enabled have no compiler to check. Sets <prefix>_PROBLEMS,
# _UNKNOWNS, _PASSES, _NOTES and _WAYS (a JSON array of actions).
function(_torchcompat_cxx_standard_check prefix release)
  set(problems "")
  set(unknowns "")
  set(passes "")
  set(notes "")
  set(ways "[]")
  # ENABLED_LANGUAGES is global: a subproject (TorchCompat's own, building its
  # probe) can enable CXX where the calling directory did not, and there the
  # compiler's variables are not visible. Only a compiler this directory sees counts.
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("CXX" IN_LIST languages AND CMAKE_CXX_COMPILER_LOADED)
    _torchcompat_cxx_needed(need "${release}")
    set(compiler "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
    set(standard "${CMAKE_CXX_STANDARD}")
    if(need_MIN STREQUAL "")
      _torchcompat_add_text(
        unknowns "data/torch-wheels.json records no C++ standard for torch ${release}, so whether "
        "the project's C++ meets what its headers need cannot be verified")
    elseif(NOT "cxx_std_${need_MIN}" IN_LIST CMAKE_CXX_COMPILE_FEATURES)
      _torchcompat_add_text(
        problems "torch ${release} needs C++${need_MIN} (${need_EVIDENCE}), and the compiler "
        "(${compiler}) offers no C++${need_MIN} (cxx_std_${need_MIN} is not in "
        "CMAKE_CXX_COMPILE_FEATURES): its headers will not compile")
      _torchcompat_verdict_action(
        ways
        KIND
        toolchain
        TEXT
        "use a compiler that offers C++${need_MIN} (-DCMAKE_CXX_COMPILER=<it> in a new build folder)"
        ADDRESSES
        fails)
    elseif(NOT standard STREQUAL "")
      _torchcompat_cxx_rank(have "${standard}")
      _torchcompat_cxx_rank(needed "${need_MIN}")
      if(NOT have MATCHES "^[0-9]+$")
        _torchcompat_add_text(
          unknowns "CMAKE_CXX_STANDARD is '${standard}', which is no C++ standard, so whether it "
          "meets the C++${need_MIN} torch ${release} needs cannot be verified")
      elseif(have GREATER_EQUAL needed)
        _torchcompat_add_text(passes "the project's C++${standard} (CMAKE_CXX_STANDARD) meets the "
                              "C++${need_MIN} torch ${release} needs")
      elseif(need_RAISES)
        # CMake takes the higher of CXX_STANDARD and the usage requirements'
        # features, CXX_STANDARD_REQUIRED or not: the project's own code in
        # those targets is compiled as C++20, not as it asked.
        _torchcompat_add_text(
          passes "torch ${release} needs C++${need_MIN}, and its TorchConfig.cmake raises every "
          "target that links torch to it (${need_EVIDENCE})")
        _torchcompat_add_text(
          notes
          "CMAKE_CXX_STANDARD is ${standard}, but torch ${release} needs C++${need_MIN}: CMake "
          "compiles every target that links torch as C++${need_MIN} (${need_EVIDENCE}, which "
          "CXX_STANDARD_REQUIRED does not stop). Set CMAKE_CXX_STANDARD ${need_MIN} to "
          "compile the project as it will be compiled")
      else()
        _torchcompat_add_text(
          problems "the project compiles as C++${standard} (CMAKE_CXX_STANDARD), and torch "
          "${release} needs C++${need_MIN} (${need_EVIDENCE}, a property of the imported torch "
          "target that does not reach the targets that link it): its headers will not compile")
        _torchcompat_set_standard_way(ways "${need_MIN}" fails)
      endif()
    elseif(need_RAISES)
      _torchcompat_add_text(
        passes "torch ${release} needs C++${need_MIN}, and its TorchConfig.cmake raises every "
        "target that links torch to it (${need_EVIDENCE}), which the compiler (${compiler}) offers")
    elseif(NOT CMAKE_CXX_STANDARD_DEFAULT MATCHES "^[0-9]+$")
      _torchcompat_add_text(
        unknowns "CMAKE_CXX_STANDARD is not set and CMake knows no default standard for the "
        "compiler (${compiler}), so whether it meets the C++${need_MIN} torch ${release} needs "
        "cannot be verified")
      _torchcompat_set_standard_way(ways "${need_MIN}" unverified)
    else()
      _torchcompat_cxx_rank(have "${CMAKE_CXX_STANDARD_DEFAULT}")
      _torchcompat_cxx_rank(needed "${need_MIN}")
      if(have GREATER_EQUAL needed)
        _torchcompat_add_text(
          passes "the compiler's default C++${CMAKE_CXX_STANDARD_DEFAULT} (${compiler}, "
          "CMAKE_CXX_STANDARD not set) meets the C++${need_MIN} torch ${release} needs")
      else()
        _torchcompat_add_text(
          problems
          "CMAKE_CXX_STANDARD is not set, so the project compiles as the compiler's "
          "default C++${CMAKE_CXX_STANDARD_DEFAULT} (${compiler}), and torch ${release} needs "
          "C++${need_MIN} (${need_EVIDENCE}, a property of the imported torch target that does "
          "not reach the targets that link it): its headers will not compile")
        _torchcompat_set_standard_way(ways "${need_MIN}" fails)
      endif()
    endif()
  endif()
  foreach(name IN ITEMS problems unknowns passes notes ways)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# The machine's glibc against the floor the release's wheel for <platform>
# declares. Linux platforms only. Sets what _torchcompat_cxx_standard_check sets.
function(_torchcompat_glibc_check prefix release platform)
  set(problems "")
  set(unknowns "")
  set(passes "")
  set(ways "[]")
  if(platform MATCHES "^linux-")
    _torchcompat_table(table torch-wheels)
    _torchcompat_json_get(
      floor
      "${table}"
      releases
      "${release}"
      platforms
      "${platform}"
      glibc_floor)
    _torchcompat_json_get(
      tag
      "${table}"
      releases
      "${release}"
      platforms
      "${platform}"
      platform_tag)
    _torchcompat_machine_glibc(glibc)
    set(machine "this machine")
    if(NOT glibc_FROM STREQUAL "getconf GNU_LIBC_VERSION")
      set(machine "the target machine")
    endif()
    if(NOT floor MATCHES "^[0-9]+\\.[0-9]+$")
      _torchcompat_add_text(
        unknowns "data/torch-wheels.json records no glibc floor for torch ${release} on "
        "${platform} (PyPI has no wheel of it for ${platform}), so whether ${machine}'s glibc "
        "loads its libraries cannot be verified")
    elseif(glibc_VERSION STREQUAL "")
      _torchcompat_add_text(
        unknowns "torch ${release}'s builds for ${platform} need glibc ${floor} or newer (its "
        "wheel's tag ${tag}), and ${machine}'s glibc is unknown: ${glibc_REASON}")
      _torchcompat_verdict_action(
        ways
        KIND
        toolchain
        TEXT
        "state the target machine's glibc: -DTORCHCOMPAT_OVERRIDE_GLIBC=<what 'getconf GNU_LIBC_VERSION' prints there>, or a glibc member in the target profile"
        CMAKE
        "-DTORCHCOMPAT_OVERRIDE_GLIBC=<version>"
        ADDRESSES
        unverified)
    elseif(glibc_VERSION VERSION_LESS floor)
      _torchcompat_add_text(
        problems "torch ${release}'s builds for ${platform} need glibc ${floor} or newer (its "
        "wheel's tag ${tag}), and ${machine} has glibc ${glibc_VERSION} (${glibc_FROM}): its "
        "libraries will not load (the loader stops: version 'GLIBC_${floor}' not found)")
      _torchcompat_verdict_action(
        ways
        KIND
        toolchain
        TEXT
        "build and run on a system with glibc ${floor} or newer (for a container: a base image of that glibc or newer)"
        ADDRESSES
        fails)
    else()
      _torchcompat_add_text(passes "glibc ${glibc_VERSION} (${glibc_FROM}) meets the glibc "
                            "${floor} torch ${release}'s builds for ${platform} need (${tag})")
    endif()
  endif()
  foreach(name IN ITEMS problems unknowns passes ways)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
  set(${prefix}_NOTES "" PARENT_SCOPE)
endfunction()

# _torchcompat_toolchain_checks(<prefix> <release> <platform>): both checks.
# Sets <prefix>_PROBLEMS, _UNKNOWNS, _PASSES, _NOTES (texts for the verdict's
# notes) and _WAYS (a JSON array of actions, each with its "addresses").
function(_torchcompat_toolchain_checks prefix release platform)
  _torchcompat_cxx_standard_check(cxx "${release}")
  _torchcompat_glibc_check(glibc "${release}" "${platform}")
  set(ways "${cxx_WAYS}")
  _torchcompat_verdict_indices(index_list "${glibc_WAYS}")
  foreach(index IN LISTS index_list)
    string(JSON way GET "${glibc_WAYS}" ${index})
    _torchcompat_verdict_push(ways "${way}")
  endforeach()
  foreach(name IN ITEMS PROBLEMS UNKNOWNS PASSES NOTES)
    set(${prefix}_${name} ${cxx_${name}} ${glibc_${name}} PARENT_SCOPE)
  endforeach()
  set(${prefix}_WAYS "${ways}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
