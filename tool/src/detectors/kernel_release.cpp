// The kernel module's release from its text files: the cheapest source there
// is (no library loaded, no GPU touched).
#include <sstream>

#include "detectors/detect_driver.hpp"
#include "vendor/driver_values.hpp"

namespace torchcompat {

namespace {

const char* const sys_module_version = "/sys/module/nvidia/version";
const char* const proc_driver_version = "/proc/driver/nvidia/version";

}  // namespace

std::optional<std::string> parse_sys_module_version(const std::string& text) {
  std::istringstream words(text);
  std::string token;
  if (!(words >> token) || !is_release_token(token)) return std::nullopt;
  if (words >> token) return std::nullopt;  // one version, nothing else, or it isn't this file
  return token;
}

std::optional<std::string> parse_proc_driver_version(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("NVRM version:", 0) != 0) continue;
    // "... Kernel Module  550.54.14  ..." or, for the open modules,
    // "... Open Kernel Module for x86_64  550.54.14  Release Build ...".
    const auto module = line.find("Kernel Module");
    if (module == std::string::npos) return std::nullopt;
    std::istringstream words(line.substr(module));
    std::string token;
    while (words >> token) {
      if (is_release_token(token)) return token;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<KernelRelease> read_kernel_module_release(const FileSystem& fs) {
  if (const auto text = fs.read_file(sys_module_version, 4096)) {
    if (const auto release = parse_sys_module_version(*text)) return KernelRelease{*release, sys_module_version};
  }
  if (const auto text = fs.read_file(proc_driver_version, 65536)) {
    if (const auto release = parse_proc_driver_version(*text)) return KernelRelease{*release, proc_driver_version};
  }
  return std::nullopt;
}

}  // namespace torchcompat
