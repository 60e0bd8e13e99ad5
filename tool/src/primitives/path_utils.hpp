// Small path helpers shared by the detectors, all through the FileSystem layer.
#pragma once

#include <optional>
#include <string>

#include "primitives/file_system.hpp"

namespace torchcompat {

#ifdef _WIN32
inline constexpr char path_list_separator = ';';
#else
inline constexpr char path_list_separator = ':';
#endif

std::string join_path(const std::string& directory, const std::string& name);
// "/a/b/c" -> "/a/b"; "/a" -> "/"; "c" -> "".
std::string parent_directory(const std::string& path);
// First executable called name in the directories of PATH, like a shell would find it.
std::optional<std::string> find_on_path(const FileSystem& fs, const std::string& name);

}  // namespace torchcompat
