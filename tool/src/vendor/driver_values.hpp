// Checks on the values a vendor library hands back: a driver can be broken
// or hostile, and an out-of-range number must read as "unknown", never as a
// wrong answer (2^64-1 bytes printed as -1, compute capability -1.-1). Also
// the small text helpers the driver's decoders share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"

namespace torchcompat {

// "550.54.14": digits and dots, starting with a digit, at least one dot.
bool is_release_token(const std::string& token);

// Compute capabilities CUDA has used or may use: major 1 to 99, minor 0 to 9.
bool is_valid_compute_capability(int major, int minor);

// Total memory a GPU can plausibly have: more than nothing, less than 2^56 bytes (64 PiB).
bool is_valid_memory(std::uint64_t bytes);

// A GPU name as text: control characters dropped, at most 255 bytes.
std::string safe_gpu_name(const std::string& name);

std::optional<int> to_int(const std::string& text);
std::optional<std::uint64_t> to_uint64(const std::string& text);

// Reasons are joined with "; ".
void append_reason(std::string& reason, const std::string& part);
// Whether a loader's messages (";"-separated) all say a file is missing: an
// absence, not a broken library.
bool only_missing_files(const std::string& load_error);
// ` with CUDA_VISIBLE_DEVICES="..."` when it is set, else "".
std::string visible_devices_suffix(const FileSystem& fs);

// `text` split at `separator` into at most `max_parts` parts (the last keeps the rest).
std::vector<std::string> split(const std::string& text, char separator, std::size_t max_parts);

}  // namespace torchcompat
