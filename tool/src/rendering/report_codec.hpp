// The findings as text and back, for the probe's cache: the machine's part
// (toolkits, driver, GPUs, cuDNN) and Python's part, each on its own, in the
// children's line protocol (child_payload.hpp), records nested as escaped values.
#pragma once

#include <string>

#include "primitives/report.hpp"

namespace torchcompat {

std::string encode_machine(const Report& report);
// False when the text is not a whole machine answer; `report` is then unchanged.
bool decode_machine(const std::string& text, Report& report);

std::string encode_python(const Python& python);
bool decode_python(const std::string& text, Python& python);

}  // namespace torchcompat
