// Runs every detector, or answers from the per-user cache where its answer is
// still true (docs/probe.md, "Cache"), and records where and when.
#pragma once

#include "primitives/file_system.hpp"
#include "primitives/options.hpp"
#include "detectors/overrides.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

Report detect_everything(const Options& options, const FileSystem& fs, const Overrides& overrides);

}  // namespace torchcompat
