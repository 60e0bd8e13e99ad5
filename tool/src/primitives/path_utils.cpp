#include "path_utils.hpp"

namespace torchcompat {

std::string join_path(const std::string& directory, const std::string& name) {
  if (directory.empty()) return name;
  if (directory.back() == '/' || directory.back() == '\\') return directory + name;
  return directory + "/" + name;
}

std::string parent_directory(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && (trimmed.back() == '/' || trimmed.back() == '\\')) trimmed.pop_back();
  std::size_t slash = trimmed.find_last_of("/\\");
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return trimmed.substr(0, slash);
}

std::optional<std::string> find_on_path(const FileSystem& fs, const std::string& name) {
  std::optional<std::string> path = fs.getenv("PATH");
  if (!path) return std::nullopt;
#ifdef _WIN32
  const std::string candidates[] = {name + ".exe", name};
#else
  const std::string candidates[] = {name};
#endif
  std::size_t start = 0;
  while (start <= path->size()) {
    std::size_t end = path->find(path_list_separator, start);
    if (end == std::string::npos) end = path->size();
    // An empty entry means the current directory, as for a shell.
    std::string directory = end == start ? "." : path->substr(start, end - start);
    for (const auto& candidate : candidates) {
      std::string full = join_path(directory, candidate);
      if (fs.is_executable(full)) return full;
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace torchcompat
