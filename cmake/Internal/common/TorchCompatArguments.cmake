# Argument checks shared by the public commands, so every command rejects
# misuse with the same kind of message.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatVersionRules.cmake")

# _torchcompat_check_arguments(<command> <prefix> <keywords> <required>)
# After cmake_parse_arguments(PARSE_ARGV 0 <prefix> ...): stops on unknown
# arguments, keywords given without a value, and missing required keywords.
function(_torchcompat_check_arguments command prefix keywords required)
  if(${prefix}_UNPARSED_ARGUMENTS)
    list(JOIN keywords ", " keyword_text)
    message(FATAL_ERROR "TorchCompat: ${command}() does not take "
                        "'${${prefix}_UNPARSED_ARGUMENTS}'. Its keywords are ${keyword_text}.")
  endif()
  if(${prefix}_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "TorchCompat: ${command}() was given "
                        "${${prefix}_KEYWORDS_MISSING_VALUES} without a value.")
  endif()
  foreach(keyword IN LISTS required)
    if(NOT DEFINED ${prefix}_${keyword})
      message(FATAL_ERROR "TorchCompat: ${command}() needs ${keyword} <value>.")
    endif()
  endforeach()
endfunction()

# DRIVER_POLICY and MODE with their defaults (see torchcompat_require's doc).
function(_torchcompat_policy_and_mode policy_var mode_var prefix)
  set(policy "${${prefix}_DRIVER_POLICY}")
  if(NOT policy)
    set(policy "${TORCHCOMPAT_DRIVER_POLICY}")
  endif()
  if(NOT policy)
    set(policy compat)
  endif()
  if(NOT policy MATCHES "^(compat|strict)$")
    message(
      FATAL_ERROR
        "TorchCompat: DRIVER_POLICY '${policy}' is not a policy; use compat "
        "(NVIDIA minor-version compatibility) or strict (the toolkit's own " "minimum driver).")
  endif()
  set(mode "${${prefix}_MODE}")
  if(NOT mode)
    if(${prefix}_RESULT_VARIABLE)
      set(mode WARNING)
    else()
      set(mode FATAL_ERROR)
    endif()
  endif()
  if(NOT mode MATCHES "^(FATAL_ERROR|WARNING)$")
    message(FATAL_ERROR "TorchCompat: MODE '${mode}' is not a mode; use FATAL_ERROR or WARNING.")
  endif()
  set(${policy_var} "${policy}" PARENT_SCOPE)
  set(${mode_var} "${mode}" PARENT_SCOPE)
endfunction()

function(_torchcompat_check_variant_name variant)
  _torchcompat_parse_variant("${variant}" kind version)
  if(NOT kind)
    message(FATAL_ERROR "TorchCompat: VARIANT '${variant}' is not a variant name; write cpu, xpu, "
                        "cu<major><minor> (cu121 for CUDA 12.1) or rocm<version> (rocm6.1).")
  endif()
endfunction()

cmake_policy(POP)
