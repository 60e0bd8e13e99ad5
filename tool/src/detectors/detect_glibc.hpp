// The C library's version, for the glibc floor of Linux builds of torch (their
// wheels are tagged manylinux_2_28 and the like). Asked of the running glibc
// on every run, never cached: it is one call, and an upgrade in place must show.
#pragma once

#include <string>

namespace torchcompat {

// "2.36"; empty where the C library is not glibc (musl, macOS, Windows).
std::string detect_glibc();

// Exposed for unit tests: "2.36" from gnu_get_libc_version's "2.36" (or
// "2.36.9000"); empty for anything that is not digits.digits[.digits...].
std::string glibc_major_minor(const std::string& reported);

}  // namespace torchcompat
