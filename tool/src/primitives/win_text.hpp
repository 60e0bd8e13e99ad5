// Windows command lines and paths: what CreateProcessW needs from the probe's
// narrow (ANSI code page) strings. Windows only.
#pragma once

#if defined(_WIN32)

#include <string>
#include <vector>

namespace torchcompat {

// The ANSI code page's text as UTF-16 (the narrow strings are what the C
// runtime's argv and getenv give the probe).
std::wstring widen(const std::string& text);

// One argument quoted so that the C runtime's argv parsing (and
// CommandLineToArgvW) reads it back unchanged, spaces, quotes and trailing
// backslashes included.
std::wstring quote_argument(const std::wstring& argument);

// `program` followed by each argument, quoted.
std::wstring windows_command_line(const std::wstring& program, const std::vector<std::string>& arguments);

// This program's own file (GetModuleFileNameW), or empty.
std::wstring own_executable_path();

}  // namespace torchcompat

#endif
