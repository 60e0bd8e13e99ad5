#include "child_tasks.hpp"

#include "detect_cudnn.hpp"
#include "driver_child.hpp"

namespace torchcompat {

namespace {

const char* const initialize_argument = "initialize";

void nvml_work(const Emit& emit, const std::vector<std::string>&) { probe_nvml_here(emit); }

void cuda_driver_work(const Emit& emit, const std::vector<std::string>& arguments) {
  probe_cuda_here(emit, arguments.size() == 1 && arguments.front() == initialize_argument);
}

void cudnn_work(const Emit& emit, const std::vector<std::string>& arguments) {
  load_cudnn_library_here(arguments, emit);
}

struct NamedWork {
  const char* name;
  ChildWork work;
};

constexpr NamedWork tasks[] = {
    {"nvml", nvml_work},
    {"cuda", cuda_driver_work},
    {"cudnn", cudnn_work},
};

}  // namespace

ChildWork find_child_work(const std::string& name) {
  for (const auto& task : tasks) {
    if (name == task.name) return task.work;
  }
  return nullptr;
}

ChildTask nvml_task() { return {"nvml", {}}; }

ChildTask cuda_driver_task(bool initialize) {
  return {"cuda", initialize ? std::vector<std::string>{initialize_argument} : std::vector<std::string>{}};
}

ChildTask cudnn_task(const std::vector<std::string>& candidates) { return {"cudnn", candidates}; }

}  // namespace torchcompat
