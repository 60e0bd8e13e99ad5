#include "sysfs_tree.hpp"

namespace torchcompat {

namespace {

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path == "/" ? std::string() : path;
}

bool inside(const std::string& path, const std::string& root) {
  if (root.empty()) return !path.empty() && path.front() == '/';
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

}  // namespace

SysfsTree::SysfsTree(const FileSystem& fs, std::string root) : fs_(fs), root_(without_trailing_slash(root)) {
  if (!root_.empty()) resolved_root_ = without_trailing_slash(fs_.canonical_path(root_).value_or(root_));
}

SysfsTree SysfsTree::from_environment(const FileSystem& fs) {
  return SysfsTree(fs, fs.getenv(sysfs_root_variable).value_or(""));
}

std::string SysfsTree::under_root(const std::string& absolute) const { return root_ + absolute; }

std::optional<std::string> SysfsTree::resolve(const std::string& absolute) const {
  // ".." could climb out of the root before the inside check sees the resolved path.
  if (absolute.empty() || absolute.front() != '/' || absolute.find("/..") != std::string::npos) {
    return std::nullopt;
  }
  auto resolved = fs_.canonical_path(under_root(absolute));
  if (!resolved || !inside(*resolved, resolved_root_)) return std::nullopt;
  return resolved;
}

std::optional<std::string> SysfsTree::read_small(const std::string& absolute, std::size_t max_bytes,
                                                 std::string* why) const {
  const auto resolved = resolve(absolute);
  if (!resolved) {
    if (why) {
      const bool exists = fs_.canonical_path(under_root(absolute)).has_value();
      *why = exists ? absolute + " leads outside " + (root_.empty() ? "/" : root_) : absolute + " is missing";
    }
    return std::nullopt;
  }
  // One byte more than allowed tells a file at the limit from a longer one.
  auto text = fs_.read_file(*resolved, max_bytes + 1);
  if (!text) {
    if (why) *why = absolute + " could not be read";
    return std::nullopt;
  }
  if (text->size() > max_bytes) {
    if (why) *why = absolute + " is longer than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  return text;
}

bool SysfsTree::is_directory(const std::string& absolute) const {
  const auto resolved = resolve(absolute);
  return resolved && fs_.is_directory(*resolved);
}

std::vector<std::string> SysfsTree::list(const std::string& absolute) const {
  const auto resolved = resolve(absolute);
  if (!resolved) return {};
  return fs_.list_directory(*resolved);
}

bool SysfsTree::exists_here() const {
#if defined(__linux__)
  return true;
#else
  return !root_.empty();
#endif
}

std::optional<std::string> SysfsTree::root_problem() const {
  if (root_.empty() || fs_.is_directory(root_)) return std::nullopt;
  return std::string(sysfs_root_variable) + "=" + root_ + " is no directory, so the GPUs are not known; " +
         "name a saved tree's root, or unset it";
}

std::optional<std::string> SysfsTree::unreadable_for(const std::string& vendor) const {
  if (auto problem = root_problem()) return problem;
  if (!exists_here()) {
    return vendor + " GPUs are detected from Linux sysfs only; on this system they are not known";
  }
  return std::nullopt;
}

bool gpus_behind_dxg(const SysfsTree& tree) { return tree.resolve("/dev/dxg").has_value(); }

std::string attribute_text(const std::string& raw) {
  const auto first = raw.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = raw.find_last_not_of(" \t\r\n");
  return raw.substr(first, last - first + 1);
}

}  // namespace torchcompat
