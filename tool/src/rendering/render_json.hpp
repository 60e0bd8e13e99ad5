// The report as one JSON object; the schema is documented in docs/probe.md.
#pragma once

#include <string>

#include "primitives/report.hpp"

namespace torchcompat {

std::string render_json(const Report& report, const std::string& probe_version);

}  // namespace torchcompat
