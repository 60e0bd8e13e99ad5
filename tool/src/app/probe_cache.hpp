// The per-user cache of the probe's answers. An entry is found by its key (the
// text of everything the answer depends on that can be read before asking)
// and holds the signatures of the files the answer was read from; it is used
// only when the key is the same text and every file is as it was. Anything
// else - a missing, foreign, unreadable or corrupt entry - is a miss.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace torchcompat {

class ProbeCache {
 public:
  // The user's cache directory: TORCHCOMPAT_PROBE_CACHE_DIR, else
  // $TORCHCOMPAT_CACHE_DIR/probe-answers, $XDG_CACHE_HOME/torchcompat/probe-answers,
  // ~/.cache/torchcompat/probe-answers (absolute paths only), created 0700. Nullopt (with why_not) when there is none this user alone owns.
  static std::optional<ProbeCache> open(std::string& why_not);

  // The body stored under `key`, when it is still true.
  std::optional<std::string> load(const std::string& kind, const std::string& key) const;
  // Stores `body` with the current signatures of `dependencies`; failures are silent (a cache is optional).
  void store(const std::string& kind, const std::string& key, const std::vector<std::string>& dependencies,
             const std::string& body) const;

  const std::string& directory() const { return directory_; }

 private:
  explicit ProbeCache(std::string directory) : directory_(std::move(directory)) {}
  std::string entry_path(const std::string& kind, const std::string& key) const;
  std::string directory_;
};

// What identifies a file's content without reading it: device, inode, size,
// modification and change times; "absent" when there is none.
std::string file_signature(const std::string& path);
// The same without following a final symbolic link (a link retargeted is a change).
std::string link_signature(const std::string& path);

}  // namespace torchcompat
