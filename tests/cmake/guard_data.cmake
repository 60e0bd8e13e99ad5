# For guard cases: a private copy of data/ whose records the case edits, so a
# case about unknown (null) data stays true while the real tables fill in.
#
#   guard_data_copy(<dir-var>)                    copy the tables, point TORCHCOMPAT_DATA_DIR at it
#   guard_data_set(<dir> <stem> <json> <path>...) set a member (JSON text: null, "\"12.4.1\"", [...])
#   guard_data_remove(<dir> <stem> <path>...)     remove a member

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
