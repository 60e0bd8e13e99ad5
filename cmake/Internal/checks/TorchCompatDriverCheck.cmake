# The driver check: does the machine's NVIDIA driver run code of a CUDA minor,
# under the compat or strict policy? Shared by the build checks and the
# project-toolkit check.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")

# The toolkit release a build shipped with: the build's recorded cuda_toolkit
# (12.4.1) when the toolkit table has it; else its cuda_toolkit_candidates
# (12.8.1;12.8.2: the wheel's runtime pin fits several updates) when the table
# has them all; else the GA row of its CUDA minor. Sets <prefix>_TOOLKIT (one
# release, a list of candidates, or "" when the table has no row of that
# minor) and <prefix>_FALLBACK (why a stand-in was used, or "").
function(_torchcompat_build_toolkit prefix version variant platform cuda_minor)
  _torchcompat_variant_build(build "${version}" "${variant}" "${platform}")
  _torchcompat_json_get(shipped "${build}" cuda_toolkit)
  _torchcompat_json_list(candidates "${build}" cuda_toolkit_candidates)
  _torchcompat_toolkits_of_minor(rows "${cuda_minor}")
  set(toolkit "")
  set(fallback "")
  set(all_rows TRUE)
  foreach(candidate IN LISTS candidates)
    if(NOT candidate IN_LIST rows)
      set(all_rows FALSE)
    endif()
  endforeach()
  if(shipped AND shipped IN_LIST rows)
    set(toolkit "${shipped}")
  elseif(NOT shipped AND candidates AND all_rows)
    set(toolkit "${candidates}")
    list(JOIN candidates " or " either)
    string(CONCAT fallback "torch ${version} ${variant} shipped with CUDA ${either} (its runtime "
                  "pin fits each), so the driver must meet each one's minimum")
  elseif(rows)
    list(GET rows 0 toolkit)
    if(shipped)
      set(why
          "torch ${version} ${variant} shipped with CUDA ${shipped}, which the toolkit table lacks")
    else()
      set(why
          "the CUDA ${cuda_minor} update that torch ${version} ${variant} shipped with is not recorded"
      )
    endif()
    string(CONCAT fallback "${why}, so the GA row ${toolkit} was used")
  endif()
  set(${prefix}_TOOLKIT "${toolkit}" PARENT_SCOPE)
  set(${prefix}_FALLBACK "${fallback}" PARENT_SCOPE)
endfunction()

# The driver a CUDA minor needs under a policy, and the rule's name.
#   strict: the minimum driver of the toolkit release the build shipped with
#           (toolkit, from _torchcompat_build_toolkit)
#   compat: NVIDIA's minor-version-compatibility floor of its major
function(
  _torchcompat_needed_driver
  driver_var
  rule_var
  cuda_minor
  policy
  os
  toolkit
  fallback)
  _torchcompat_major("${cuda_minor}" major)
  if(policy STREQUAL "strict")
    set(driver "")
    if(toolkit)
      _torchcompat_toolkit_min_driver(driver "${toolkit}" "${os}")
      set(rule "strict policy: CUDA ${toolkit}'s own minimum ${os} driver")
    else()
      set(rule "strict policy: the toolkit table has no CUDA ${cuda_minor} release")
    endif()
    if(fallback)
      string(APPEND rule " (${fallback})")
    endif()
  else()
    _torchcompat_compat_floor(driver "${major}" "${os}")
    set(rule "compat policy: NVIDIA's minor-version compatibility floor for CUDA ${major}.x")
  endif()
  set(${driver_var} "${driver}" PARENT_SCOPE)
  set(${rule_var} "${rule}" PARENT_SCOPE)
endfunction()

# _torchcompat_driver_check(<prefix> WHAT <text> CUDA <minor> POLICY <p> OS <os>
#                           TOOLKIT <release>... FALLBACK <text> MACHINE <machine-prefix>)
# Does the machine's driver run CUDA <minor> code? Sets <prefix>_VERDICT
# (pass, fail, unknown, or none: no driver at all), <prefix>_TEXT (why, for
# fail and unknown), <prefix>_NATIVE (the driver's CUDA is at least the
# build's, so it can JIT the build's PTX), <prefix>_NEED and <prefix>_RULE.
# Several TOOLKIT candidates (the build shipped with one of them, which is not
# known) pass only when each passes and fail only when each fails; otherwise
# the answer cannot be verified.
function(_torchcompat_driver_check prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WHAT;CUDA;POLICY;OS;FALLBACK;MACHINE" "TOOLKIT")
  set(toolkits ${arg_TOOLKIT})
  if(NOT arg_POLICY STREQUAL "strict" AND toolkits)
    # Only the strict policy reads the toolkit release.
    list(GET toolkits 0 toolkits)
  endif()
  list(LENGTH toolkits count)
  set(last 0)
  if(count GREATER 1)
    math(EXPR last "${count} - 1")
  endif()
  set(verdicts "")
  set(need "")
  set(rule "")
  set(fail_text "")
  set(unknown_text "")
  set(unsure "")
  foreach(index RANGE ${last})
    set(toolkit "")
    if(count)
      list(GET toolkits ${index} toolkit)
    endif()
    _torchcompat_driver_check_one(
      one
      WHAT
      "${arg_WHAT}"
      CUDA
      "${arg_CUDA}"
      POLICY
      "${arg_POLICY}"
      OS
      "${arg_OS}"
      TOOLKIT
      "${toolkit}"
      FALLBACK
      "${arg_FALLBACK}"
      MACHINE
      ${arg_MACHINE})
    if(count LESS 2)
      foreach(name IN ITEMS VERDICT TEXT NATIVE NEED RULE)
        set(${prefix}_${name} "${one_${name}}" PARENT_SCOPE)
      endforeach()
      return()
    endif()
    list(APPEND verdicts ${one_VERDICT})
    if(one_NEED AND (NOT need OR need VERSION_LESS one_NEED))
      set(need "${one_NEED}")
      set(rule "${one_RULE}")
    endif()
    if(one_VERDICT STREQUAL "fail" AND NOT fail_text)
      set(fail_text "${one_TEXT}")
    elseif(one_VERDICT STREQUAL "unknown" AND NOT unknown_text)
      set(unknown_text "${one_TEXT}")
    endif()
    if(NOT one_VERDICT STREQUAL "fail")
      if(one_NEED)
        list(APPEND unsure "CUDA ${toolkit} (minimum ${one_NEED}) would pass")
      else()
        list(APPEND unsure "CUDA ${toolkit}'s minimum ${arg_OS} driver is not recorded")
      endif()
    endif()
  endforeach()
  # Candidates agree: their answer. Otherwise the shipped update decides, and it is not known.
  list(REMOVE_DUPLICATES verdicts)
  set(text "")
  if(verdicts STREQUAL "pass" OR verdicts STREQUAL "none")
    set(verdict ${verdicts})
    set(text "${one_TEXT}")
  elseif(verdicts STREQUAL "fail")
    set(verdict fail)
    set(text "${fail_text}")
  elseif(fail_text)
    set(verdict unknown)
    list(JOIN unsure ", and " unsure_text)
    string(CONCAT text "${fail_text}, but ${unsure_text}, so whether the driver meets the strict "
                  "policy cannot be verified")
  else()
    set(verdict unknown)
    set(text "${unknown_text}")
  endif()
  set(${prefix}_VERDICT ${verdict} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
  set(${prefix}_NATIVE ${one_NATIVE} PARENT_SCOPE)
  set(${prefix}_NEED "${need}" PARENT_SCOPE)
  set(${prefix}_RULE "${rule}" PARENT_SCOPE)
endfunction()

function(_torchcompat_driver_check_one prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WHAT;CUDA;POLICY;OS;TOOLKIT;FALLBACK;MACHINE" "")
  set(m ${arg_MACHINE})
  _torchcompat_needed_driver(
    need
    rule
    "${arg_CUDA}"
    "${arg_POLICY}"
    "${arg_OS}"
    "${arg_TOOLKIT}"
    "${arg_FALLBACK}")
  set(release "${${m}_RELEASE}")
  set(driver_cuda "${${m}_DRIVER_CUDA}")
  set(native FALSE)
  if(driver_cuda AND NOT driver_cuda VERSION_LESS arg_CUDA)
    set(native TRUE)
  endif()
  set(text "")
  if(NOT release AND NOT driver_cuda)
    set(verdict none)
    set(text "${arg_WHAT} needs an NVIDIA driver, and there is none: ${${m}_DRIVER_REASON}")
  elseif(native AND arg_POLICY STREQUAL "compat")
    set(verdict pass)
  elseif(release AND need)
    if(release VERSION_LESS need)
      set(verdict fail)
      set(text "found ${${m}_DESC}, but ${arg_WHAT} needs a driver >= ${need} (${rule})")
    else()
      set(verdict pass)
    endif()
  elseif(native)
    # Without both numbers, a driver whose own CUDA is at least the build's
    # meets the toolkit's minimum too.
    set(verdict pass)
  elseif(NOT need)
    set(verdict unknown)
    string(
      CONCAT text
             "${arg_WHAT} needs a driver that supports CUDA ${arg_CUDA} or meets "
             "the ${arg_POLICY} policy's minimum, but no minimum ${arg_OS} driver is "
             "recorded (${rule}) and the driver found supports CUDA ${driver_cuda} only "
             "(${${m}_DESC})")
  else()
    set(verdict unknown)
    string(CONCAT text "${arg_WHAT} needs a driver >= ${need} (${rule}), but the driver's "
                  "release is not known (${${m}_DESC}) and its CUDA ${driver_cuda} is older "
                  "than ${arg_CUDA}")
  endif()
  set(${prefix}_VERDICT ${verdict} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
  set(${prefix}_NATIVE ${native} PARENT_SCOPE)
  set(${prefix}_NEED "${need}" PARENT_SCOPE)
  set(${prefix}_RULE "${rule}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
