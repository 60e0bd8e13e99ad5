// Reads the kernel's sysfs attribute files (and ROCm's version file) under a
// root that stands in for "/": the real one, or a saved fixture tree named by
// TORCHCOMPAT_SYSFS_ROOT, read through the probe's FileSystem either way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"

namespace torchcompat {

inline constexpr const char* sysfs_root_variable = "TORCHCOMPAT_SYSFS_ROOT";

class SysfsTree {
 public:
  // root "" or "/" is the machine's own.
  SysfsTree(const FileSystem& fs, std::string root);
  // The root TORCHCOMPAT_SYSFS_ROOT names, else "/".
  static SysfsTree from_environment(const FileSystem& fs);

  // Where `absolute` ("/sys/class/kfd") lies under the root.
  std::string under_root(const std::string& absolute) const;
  // Where `absolute` leads once symlinks are followed, when that stays inside
  // the root; nullopt when it does not exist or escapes the root.
  std::optional<std::string> resolve(const std::string& absolute) const;
  // A small text file: nullopt (why says what) when it is missing, lies
  // outside the root, or is longer than max_bytes (sysfs attributes are short;
  // a long one is no attribute).
  std::optional<std::string> read_small(const std::string& absolute, std::size_t max_bytes,
                                        std::string* why = nullptr) const;
  bool is_directory(const std::string& absolute) const;
  std::vector<std::string> list(const std::string& absolute) const;
  const FileSystem& file_system() const { return fs_; }
  // False off Linux with no fixture root: there is no sysfs, so absent files
  // there say nothing about the GPUs (the answer is unknown, not "none").
  bool exists_here() const;
  // Why a fixture root can't stand in for "/" (it is no directory); nullopt when it can
  // or none is set. Read through a missing root, every GPU would look absent.
  std::optional<std::string> root_problem() const;
  // Why <vendor>'s GPUs cannot be read from this tree at all (root_problem(), or
  // no sysfs on this system); nullopt when they can. Either way they are not known.
  std::optional<std::string> unreadable_for(const std::string& vendor) const;

 private:
  const FileSystem& fs_;
  std::string root_;           // "" for the machine's own
  std::string resolved_root_;  // root_ with symlinks resolved, for the inside check
};

// Whether /dev/dxg (under the root) exists: WSL2 reaches the GPUs through it,
// not through the kernel drivers sysfs describes, so a GPU missing from sysfs
// there may still be one that ROCm or Level Zero uses.
bool gpus_behind_dxg(const SysfsTree& tree);

// Text with one trailing newline (and surrounding blanks) removed, as sysfs writes it.
std::string attribute_text(const std::string& raw);

}  // namespace torchcompat
