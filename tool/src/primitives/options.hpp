// What the command line asked the probe to do.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace torchcompat {

enum class Format { text, json };

struct Options {
  Format format = Format::text;
  std::optional<std::string> cuda_root;  // --cuda-root: use this toolkit, not the search
  std::optional<std::string> python;     // --python: interpreter to ask about torch
  bool skip_python = false;              // --no-python
  bool use_cache = true;                 // --no-cache turns the per-user cache off
  // A vendor library that hangs must not hang the probe; a few seconds is far
  // beyond any healthy cuInit yet short enough for a configure step.
  std::chrono::milliseconds detector_timeout{5000};
};

}  // namespace torchcompat
