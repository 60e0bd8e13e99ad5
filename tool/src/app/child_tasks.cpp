#include "child_tasks.hpp"

#include "detectors/detect_cudnn.hpp"
#include "vendor/driver_child.hpp"
#include "vendor/level_zero_child.hpp"

namespace torchcompat {

ChildWork find_child_work(const std::string& name) {
  for (const ChildTask& task : {nvml_task(), cuda_driver_task(false), cudnn_task({}), level_zero_task()}) {
    if (name == task.name) return task.work;
  }
  return nullptr;
}

}  // namespace torchcompat
