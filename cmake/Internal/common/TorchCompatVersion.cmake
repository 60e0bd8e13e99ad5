# The package's own version, and versions as people have them (PEP 440).
#
# No include_guard: the project() call, the probe's build and the package each
# include this file in their own scope and need _TORCHCOMPAT_VERSION there;
# defining the functions again is harmless.

# The package's own version: one place, read by the project() call, the
# package version file and the probe's build.
set(_TORCHCOMPAT_VERSION 0.1.0)

# _torchcompat_parse_version(<prefix> <version>)
#
# Parses a PEP 440 version as pip and distributions write it (case-insensitive,
# with PEP 440's alternative spellings): 2.4.0, 2.4.0+cu121, 1.13.0a0+gitunknown,
# 2.5.0.dev20240901+cu121, 2.4.0.post1, 0.14.1a0. Sets in the caller:
#
#   <prefix>_VALID       TRUE or FALSE
#   <prefix>_EPOCH       "" or the epoch's number
#   <prefix>_RELEASE     the release segment (2.5.0)
#   <prefix>_PRE         "" or a0, b1, rc2 (normalized)
#   <prefix>_POST        "" or the post-release number
#   <prefix>_DEV         "" or the development release number
#   <prefix>_LOCAL       "" or the local part (cu121, gitunknown), '-' and '_' as '.'
#   <prefix>_NORMALIZED  the normalized spelling (1.13.0a0+gitunknown)
#
# Written as a sequence of small matches because a CMake regex keeps only nine
# groups, fewer than one pattern for the whole grammar needs.
function(_torchcompat_parse_version prefix version)
  set(parts
      EPOCH
      RELEASE
      PRE
      POST
      DEV
      LOCAL
      NORMALIZED)
  foreach(part IN LISTS parts)
    set(${part} "")
  endforeach()
  set(valid FALSE)
  string(STRIP "${version}" rest)
  string(TOLOWER "${rest}" rest)
  if(rest MATCHES "^v(.*)$")
    set(rest "${CMAKE_MATCH_1}")
  endif()
  set(ok TRUE)
  if(rest MATCHES "^([^+]*)\\+(.*)$")
    set(rest "${CMAKE_MATCH_1}")
    set(LOCAL "${CMAKE_MATCH_2}")
    if(NOT LOCAL MATCHES "^[a-z0-9]+([-_.][a-z0-9]+)*$")
      set(ok FALSE)
    endif()
    string(REGEX REPLACE "[-_]" "." LOCAL "${LOCAL}")
  endif()
  if(rest MATCHES "^([0-9]+)!(.*)$")
    set(EPOCH "${CMAKE_MATCH_1}")
    set(rest "${CMAKE_MATCH_2}")
  endif()
  if(ok AND rest MATCHES "^([0-9]+(\\.[0-9]+)*)(.*)$")
    set(RELEASE "${CMAKE_MATCH_1}")
    set(rest "${CMAKE_MATCH_3}")
    # Alternatives in this order: the regex takes the first that matches.
    if(rest MATCHES "^[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]*)(.*)$")
      set(letter "${CMAKE_MATCH_1}")
      set(number "${CMAKE_MATCH_2}")
      set(rest "${CMAKE_MATCH_3}")
      if(letter STREQUAL "alpha")
        set(letter a)
      elseif(letter STREQUAL "beta")
        set(letter b)
      elseif(letter MATCHES "^(c|pre|preview)$")
        set(letter rc)
      endif()
      if(number STREQUAL "")
        set(number 0)
      endif()
      string(REGEX REPLACE "^0+([0-9])" "\\1" number "${number}")
      set(PRE "${letter}${number}")
    endif()
    if(rest MATCHES "^-([0-9]+)(.*)$")
      set(POST "${CMAKE_MATCH_1}")
      set(rest "${CMAKE_MATCH_2}")
    elseif(rest MATCHES "^[-_.]?(post|rev|r)[-_.]?([0-9]*)(.*)$")
      set(POST "${CMAKE_MATCH_2}")
      set(rest "${CMAKE_MATCH_3}")
      if(POST STREQUAL "")
        set(POST 0)
      endif()
    endif()
    if(rest MATCHES "^[-_.]?dev[-_.]?([0-9]*)(.*)$")
      set(DEV "${CMAKE_MATCH_1}")
      set(rest "${CMAKE_MATCH_2}")
      if(DEV STREQUAL "")
        set(DEV 0)
      endif()
    endif()
    if(rest STREQUAL "")
      set(valid TRUE)
    endif()
  endif()
  if(valid)
    set(NORMALIZED "${RELEASE}${PRE}")
    if(EPOCH)
      set(NORMALIZED "${EPOCH}!${NORMALIZED}")
    endif()
    if(NOT POST STREQUAL "")
      string(APPEND NORMALIZED ".post${POST}")
    endif()
    if(NOT DEV STREQUAL "")
      string(APPEND NORMALIZED ".dev${DEV}")
    endif()
    if(LOCAL)
      string(APPEND NORMALIZED "+${LOCAL}")
    endif()
  else()
    foreach(part IN ITEMS EPOCH RELEASE PRE POST DEV LOCAL)
      set(${part} "")
    endforeach()
  endif()
  set(${prefix}_VALID "${valid}" PARENT_SCOPE)
  foreach(part IN LISTS parts)
    set(${prefix}_${part} "${${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_version_release(<prefix> <package> <version>)
#
# The release a version stands for, for looking it up in the tables. Besides
# what _torchcompat_parse_version() sets, sets in the caller:
#
#   <prefix>_VARIANT  the build variant its local part names (cu121, cpu,
#                     rocm6.1, xpu), "" when it names none
#   <prefix>_NOTE     "" for a plain release (or a release plus a variant);
#                     otherwise one sentence saying that it is taken as its
#                     release and why, for the caller to show
#
# A distribution's pre-release or rebuild of a release (Debian's torch
# 1.13.0a0+gitunknown, a nightly 2.5.0.dev20240901, a 2.4.0.post1) is its
# release: the caller looks the release up, and a release that is not in the
# table stays unknown, never a neighbour. An epoch is kept in the release,
# which then matches nothing: PyTorch never used one.
function(_torchcompat_version_release prefix package version)
  _torchcompat_parse_version(parsed "${version}")
  set(release "${parsed_RELEASE}")
  if(parsed_EPOCH)
    set(release "${parsed_EPOCH}!${release}")
  endif()
  set(variant "")
  set(kinds "")
  if(parsed_PRE)
    list(APPEND kinds "a pre-release (${parsed_PRE})")
  endif()
  if(NOT parsed_DEV STREQUAL "")
    list(APPEND kinds "a development build (dev${parsed_DEV})")
  endif()
  if(NOT parsed_POST STREQUAL "")
    list(APPEND kinds "a rebuild (post${parsed_POST})")
  endif()
  if(parsed_LOCAL MATCHES "^(cpu|xpu|cu[0-9]+|rocm[0-9]+(\\.[0-9]+)+)$")
    set(variant "${parsed_LOCAL}")
  elseif(parsed_LOCAL)
    list(APPEND kinds "a local build (+${parsed_LOCAL})")
  endif()
  set(note "")
  if(parsed_VALID AND kinds)
    list(JOIN kinds " and " kinds)
    string(CONCAT note "${package} ${version} is taken as ${package} ${release}: it is ${kinds} "
                  "of that release, as distributions and nightly builds number them")
  endif()
  set(${prefix}_VARIANT "${variant}" PARENT_SCOPE)
  set(${prefix}_NOTE "${note}" PARENT_SCOPE)
  set(${prefix}_RELEASE "${release}" PARENT_SCOPE)
  foreach(
    part IN
    ITEMS VALID
          EPOCH
          PRE
          POST
          DEV
          LOCAL
          NORMALIZED)
    set(${prefix}_${part} "${parsed_${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_require_release(<prefix> <keyword> <package> <version>)
#
# _torchcompat_version_release() for an argument a user gave: stops with one
# clear line when it is not a PEP 440 version.
function(_torchcompat_require_release prefix keyword package version)
  _torchcompat_version_release(parsed "${package}" "${version}")
  if(NOT parsed_VALID)
    message(FATAL_ERROR "TorchCompat: ${keyword} '${version}' is not a version; write it like "
                        "2.4.0 (PEP 440 forms such as 2.4.0+cu121 and 1.13.0a0 work too).")
  endif()
  foreach(
    part IN
    ITEMS VALID
          EPOCH
          RELEASE
          PRE
          POST
          DEV
          LOCAL
          NORMALIZED
          VARIANT
          NOTE)
    set(${prefix}_${part} "${parsed_${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_source_build_series(<out-var> <version>)
#
# PyTorch's source tree numbers every build of an X.Y branch X.Y.0a0 (its
# version.txt), so torch 1.13.0a0+gitunknown, as Debian ships it, may be any
# 1.13.z. Sets <out-var> to that series (1.13), or "" for any other version.
function(_torchcompat_source_build_series out_var version)
  _torchcompat_parse_version(parsed "${version}")
  set(series "")
  if(parsed_VALID AND parsed_PRE STREQUAL "a0" AND parsed_RELEASE MATCHES "^([0-9]+\\.[0-9]+)\\.0$")
    set(series "${CMAKE_MATCH_1}")
  endif()
  set(${out_var} "${series}" PARENT_SCOPE)
endfunction()
