// The human report: one section per detector, each line saying what a value
// is and where it came from, and, when something is missing, why.
#pragma once

#include <string>

#include "primitives/report.hpp"

namespace torchcompat {

std::string render_text(const Report& report, const std::string& probe_version);

// "not found: no libcuda.so.1", "timed out after 5 s", "overridden": a status with its reason.
std::string describe_status(Status status, const std::string& reason);

}  // namespace torchcompat
