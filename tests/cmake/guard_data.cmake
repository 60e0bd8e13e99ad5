# For guard cases: a private copy of data/ whose records the case edits, so a
# case about unknown (null) data stays true while the real tables fill in.
#
#   guard_data_copy(<dir-var>)                    copy the tables, point TORCHCOMPAT_DATA_DIR at it
#   guard_data_set(<dir> <stem> <json> <path>...) set a member (JSON text: null, "\"12.4.1\"", [...])
#   guard_data_remove(<dir> <stem> <path>...)     remove a member
#   guard_build_set(<version> <variant> <field> <json> [PLATFORM <platform>])
#                                                 set builds.<version>.<variant>.<platform>.<field>
#                                                 of variant-builds (platform linux-x86_64), copying
#                                                 the tables first if the case has not
#   guard_variants_set(<version> <kind> <json> [PLATFORM <platform>])
#                                                 the same for torch-variants'
#                                                 releases.<version>.platforms.<platform>.<kind>
#   guard_table_set(<stem> <json> <path>...)      guard_data_set on the private copy, copying first
#   guard_machine([DRIVER d] [CUDA c] [GPUS archs] [CUDNN v] [TOOLKIT v])
#                                                 the TORCHCOMPAT_OVERRIDE_* the case's machine has

function(guard_data_copy dir_var)
  set(dir "${CMAKE_BINARY_DIR}/guard-data")
  file(REMOVE_RECURSE "${dir}")
  file(GLOB tables "${TorchCompat_DATA_DIR}/*.json")
  file(COPY ${tables} DESTINATION "${dir}")
  set(TORCHCOMPAT_DATA_DIR "${dir}" PARENT_SCOPE)
  set(${dir_var} "${dir}" PARENT_SCOPE)
endfunction()

function(guard_data_set dir stem value)
  set(file "${dir}/${stem}.json")
  file(READ "${file}" json)
  string(JSON json SET "${json}" ${ARGN} "${value}")
  file(WRITE "${file}" "${json}")
endfunction()

function(guard_data_remove dir stem)
  set(file "${dir}/${stem}.json")
  file(READ "${file}" json)
  string(JSON json REMOVE "${json}" ${ARGN})
  file(WRITE "${file}" "${json}")
endfunction()

# Sets a member of a table in the private copy, copying the tables first if
# the case has not: the helpers below need no guard_data_copy of their own.
function(guard_table_set stem value)
  set(dir "${CMAKE_BINARY_DIR}/guard-data")
  if(NOT TORCHCOMPAT_DATA_DIR STREQUAL dir)
    guard_data_copy(dir)
  endif()
  guard_data_set("${dir}" ${stem} "${value}" ${ARGN})
  set(TORCHCOMPAT_DATA_DIR "${dir}" PARENT_SCOPE)
endfunction()

# [PLATFORM <platform>], linux-x86_64 when not given.
function(guard_platform out_var caller)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "PLATFORM" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${caller}: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_PLATFORM)
    set(arg_PLATFORM linux-x86_64)
  endif()
  set(${out_var} "${arg_PLATFORM}" PARENT_SCOPE)
endfunction()

# Most guard cases edit one build record; these say only which member, so a
# case's body reads as what is particular to it.
function(guard_build_set version variant field value)
  guard_platform(platform guard_build_set ${ARGN})
  guard_table_set(
    variant-builds
    "${value}"
    builds
    "${version}"
    "${variant}"
    "${platform}"
    "${field}")
  set(TORCHCOMPAT_DATA_DIR "${TORCHCOMPAT_DATA_DIR}" PARENT_SCOPE)
endfunction()

function(guard_variants_set version kind value)
  guard_platform(platform guard_variants_set ${ARGN})
  guard_table_set(
    torch-variants
    "${value}"
    releases
    "${version}"
    platforms
    "${platform}"
    "${kind}")
  set(TORCHCOMPAT_DATA_DIR "${TORCHCOMPAT_DATA_DIR}" PARENT_SCOPE)
endfunction()

# The faked machine of a case: each keyword given sets its override.
function(guard_machine)
  set(keywords DRIVER CUDA GPUS CUDNN TOOLKIT)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${keywords}" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "guard_machine: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(DRIVER_name DRIVER)
  set(CUDA_name CUDA)
  set(GPUS_name GPU_ARCHS)
  set(CUDNN_name CUDNN)
  set(TOOLKIT_name TOOLKIT)
  foreach(keyword IN LISTS keywords)
    if(DEFINED arg_${keyword})
      set(TORCHCOMPAT_OVERRIDE_${${keyword}_name} "${arg_${keyword}}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()
