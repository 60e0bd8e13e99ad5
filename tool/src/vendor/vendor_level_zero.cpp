#include "vendor_level_zero.hpp"

namespace torchcompat {

const char* level_zero_library_name() {
#if defined(_WIN32)
  return "ze_loader.dll";
#else
  return "libze_loader.so.1";
#endif
}

LoadedLevelZero load_level_zero(std::string& error) {
  LoadedLevelZero loaded;
  auto library = std::make_unique<VendorLibrary>(level_zero_library_name());
  if (!library->is_open()) {
    error = library->error();
    return loaded;
  }
  const std::pair<bool, const char*> bound[] = {
      {library->bind(loaded.api.zeInit, "zeInit"), "zeInit"},
      {library->bind(loaded.api.zeDriverGet, "zeDriverGet"), "zeDriverGet"},
      {library->bind(loaded.api.zeDeviceGet, "zeDeviceGet"), "zeDeviceGet"},
      {library->bind(loaded.api.zeDeviceGetProperties, "zeDeviceGetProperties"), "zeDeviceGetProperties"}};
  for (const auto& [ok, name] : bound) {
    if (!ok) {
      error = std::string(level_zero_library_name()) + " has no " + name;
      return loaded;
    }
  }
  loaded.path = library->loaded_path("zeInit");
  if (loaded.path.empty()) loaded.path = level_zero_library_name();
  loaded.library = std::move(library);
  return loaded;
}

}  // namespace torchcompat
