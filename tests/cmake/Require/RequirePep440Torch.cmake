# Debian's torch 1.13.0a0+gitunknown is checked as release 1.13.0, and the
# answer says so.
torchcompat_require(TORCH 1.13.0a0+gitunknown VARIANT cpu RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT ok
   OR NOT
      text
      MATCHES
      "torch 1\\.13\\.0a0\\+gitunknown is taken as torch 1\\.13\\.0.*torch 1\\.13\\.0 \\(cpu\\): every check passed"
)
  message(FATAL_ERROR "unexpected (${ok}):\n${text}")
endif()
