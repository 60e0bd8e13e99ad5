#include "level_zero_child.hpp"

#include <cstdio>
#include <vector>

#include "isolation/child_payload.hpp"
#include "vendor/driver_values.hpp"
#include "vendor/vendor_level_zero.hpp"

namespace torchcompat {

namespace {

// The child's line protocol.
const char* const key_calling = "calling";  // announced before each vendor call
const char* const key_load_error = "load_error";
const char* const key_library = "library";
const char* const key_failed = "failed";  // "zeInit returned 2013265921"
const char* const key_gpu = "gpu";        // "vendor device" of a whole GPU, decimal

// A loader that reports more than this is not believed.
constexpr std::uint32_t handle_limit = 64;

bool call_ok(PayloadWriter& out, const char* call, ZeResult result) {
  if (result == 0) return true;
  out.add(key_failed, std::string(call) + " returned " + std::to_string(result));
  return false;
}

void list_devices(const LevelZeroApi& api, ZeHandle driver, PayloadWriter& out) {
  std::uint32_t count = 0;
  out.add(key_calling, "zeDeviceGet");
  if (!call_ok(out, "zeDeviceGet", api.zeDeviceGet(driver, &count, nullptr))) return;
  if (count > handle_limit) count = handle_limit;
  std::vector<ZeHandle> devices(count, nullptr);
  if (count == 0 || !call_ok(out, "zeDeviceGet", api.zeDeviceGet(driver, &count, devices.data()))) return;
  for (std::uint32_t i = 0; i < count && i < devices.size(); ++i) {
    ZeDeviceProperties properties;
    out.add(key_calling, "zeDeviceGetProperties");
    if (!call_ok(out, "zeDeviceGetProperties", api.zeDeviceGetProperties(devices[i], &properties))) continue;
    if (properties.type != ze_device_type_gpu || (properties.flags & ze_device_property_flag_subdevice) != 0)
      continue;
    out.add(key_gpu, std::to_string(properties.vendorId) + " " + std::to_string(properties.deviceId));
  }
}

void level_zero_work(const Emit& emit, const std::vector<std::string>&) {
  PayloadWriter out(emit);
  std::string error;
  out.add(key_calling, std::string("loading ") + level_zero_library_name());
  const LoadedLevelZero loaded = load_level_zero(error);
  if (!loaded.library) {
    out.add(key_load_error, error);
    return;
  }
  out.add(key_library, loaded.path);
  const LevelZeroApi& api = loaded.api;
  out.add(key_calling, "zeInit");
  if (!call_ok(out, "zeInit", api.zeInit(ze_init_flag_gpu_only))) return;
  std::uint32_t count = 0;
  out.add(key_calling, "zeDriverGet");
  if (!call_ok(out, "zeDriverGet", api.zeDriverGet(&count, nullptr))) return;
  if (count > handle_limit) count = handle_limit;
  std::vector<ZeHandle> drivers(count, nullptr);
  if (count == 0 || !call_ok(out, "zeDriverGet", api.zeDriverGet(&count, drivers.data()))) return;
  for (std::uint32_t i = 0; i < count && i < drivers.size(); ++i) list_devices(api, drivers[i], out);
}

}  // namespace

ChildTask level_zero_task() { return {"level_zero", {}, level_zero_work}; }

LevelZeroAnswer read_level_zero_outcome(const IsolatedOutcome& outcome) {
  LevelZeroAnswer answer;
  const PayloadEntries entries = parse_payload(outcome.payload);
  if (const std::string* library = find_entry(entries, key_library)) answer.library = *library;
  if (outcome.status != Status::found) {
    const std::string* call = last_entry(entries, key_calling);
    answer.status = outcome.status;
    answer.reason = "Level Zero " + outcome.reason + (call != nullptr ? " in " + *call : std::string());
    return answer;
  }
  if (const std::string* load_error = find_entry(entries, key_load_error)) {
    answer.status = Status::not_found;
    answer.reason = "Level Zero is not installed (" + *load_error + ")";
    return answer;
  }
  if (const std::string* failed = find_entry(entries, key_failed)) {
    answer.status = Status::error;
    answer.reason = "Level Zero: " + *failed;
  } else {
    answer.status = Status::found;
  }
  for (const auto& [key, value] : entries) {
    if (key != key_gpu) continue;
    const auto space = value.find(' ');
    const auto vendor = to_uint64(value.substr(0, space));
    const auto device = space == std::string::npos ? std::nullopt : to_uint64(value.substr(space + 1));
    if (!vendor || !device || *vendor > 0xffff || *device > 0xffff) continue;  // not a PCI id: not believed
    answer.gpus.push_back({static_cast<unsigned>(*vendor), static_cast<unsigned>(*device)});
  }
  return answer;
}

LevelZeroAnswer ask_level_zero(std::chrono::milliseconds timeout) {
  return read_level_zero_outcome(run_isolated_task(level_zero_task(), timeout));
}

}  // namespace torchcompat
