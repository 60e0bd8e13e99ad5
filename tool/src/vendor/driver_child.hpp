// The isolated children's half of driver detection: the only code that calls
// into NVML and libcuda. Each announces a vendor call before making it and
// sends every answer at once, so a crash or a hang loses only what came after.
#pragma once

#include "isolation/isolate.hpp"

namespace torchcompat {

// At most this many GPUs are asked about; more is no real machine.
constexpr unsigned int max_gpus = 4096;

// NVML: release, the driver's CUDA version and every GPU (no CUDA context).
void probe_nvml_here(const Emit& emit);

// libcuda: its path and cuDriverGetVersion (which needs no cuInit); with
// `initialize`, also cuInit and the GPUs through the driver API.
void probe_cuda_here(const Emit& emit, bool initialize);

// The same two as tasks for an isolated child.
ChildTask nvml_task();                        // NVML: release, CUDA version, GPUs
ChildTask cuda_driver_task(bool initialize);  // libcuda; cuInit only with `initialize`

}  // namespace torchcompat
