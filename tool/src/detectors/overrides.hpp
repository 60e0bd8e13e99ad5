// TORCHCOMPAT_OVERRIDE_* environment variables: describe the target machine
// (for GPU-less builders, and for tests) instead of the one the probe runs on.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

// A malformed override: a usage error (exit 2), its message names the variable and the expected form.
class OverrideError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GpuArch {
  int major = 0;
  int minor = 0;
};

struct Overrides {
  std::optional<std::string> driver;              // "470.82.01"
  std::optional<std::string> cuda;                // "11.4"
  std::optional<std::vector<GpuArch>> gpu_archs;  // empty vector: "no GPU"
  std::optional<std::string> cudnn;               // "9.1.0"
  std::optional<std::string> toolkit;             // "12.4"
  std::optional<std::vector<std::string>> amd_gfx;     // "gfx1100"...; empty vector: "no AMD GPU"
  std::optional<std::vector<std::string>> intel_gpus;  // PCI device ids "0x56a0"...; empty: "no Intel GPU"
  std::vector<Override> listed;                   // every one that was set, in a fixed order

  // The vendor child would only produce values that get replaced anyway.
  bool replaces_driver_and_gpus() const { return driver && cuda && gpu_archs; }
};

// Reads and validates every override; throws OverrideError on a malformed one.
Overrides read_overrides(const FileSystem& fs);

// "8.6;9.0" -> {8.6, 9.0}; "" -> {}; commas and spaces tolerated. nullopt when malformed.
std::optional<std::vector<GpuArch>> parse_gpu_archs(const std::string& text);

// "gfx1100;gfx942" -> {"gfx1100", "gfx942"}; "" -> {}. nullopt when an entry is no gfx name.
std::optional<std::vector<std::string>> parse_amd_gfx(const std::string& text);
// "0x56a0;0xE20B" -> {"0x56a0", "0xe20b"}; "" -> {}. nullopt when an entry is no PCI device id.
std::optional<std::vector<std::string>> parse_intel_gpus(const std::string& text);

// Replaces detected values with the overridden ones and lists the overrides in the report.
void apply_overrides(const Overrides& overrides, Report& report);

}  // namespace torchcompat
