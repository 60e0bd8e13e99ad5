# A table that knows its age (issue 19): every verdict carries the day of the
# tables' last PyPI check, and a release newer than the table is named so, with
# that day, rather than matched or called unknown without a reason.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_table_set(pypi-check "\"2031-01-02\"" run date)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text
                                                                 VERDICT_VARIABLE verdict)
string(JSON checked GET "${verdict}" tables_checked)
if(NOT checked STREQUAL "2031-01-02")
  message(FATAL_ERROR "the verdict does not say how old the table is:\n${verdict}")
endif()
torchcompat_require(TORCH 2.99.0 VARIANT cpu)
