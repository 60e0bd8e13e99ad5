// libFuzzer target: the kernel module's version files.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "detectors/detect_driver.hpp"

namespace {

void require_release_shape(const std::optional<std::string>& release) {
  if (!release) return;
  if (release->empty()) std::abort();
  for (char c : *release) {
    if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  require_release_shape(torchcompat::parse_proc_driver_version(text));
  require_release_shape(torchcompat::parse_sys_module_version(text));
  return 0;
}
