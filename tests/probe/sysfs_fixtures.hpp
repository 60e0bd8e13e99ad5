// Saved sysfs trees for the AMD and Intel detectors: KFD topology nodes as the
// amdgpu driver writes them, and DRM cards with their PCI attributes.
#pragma once

#include <cstdint>
#include <string>

#include "fake_file_system.hpp"

namespace torchcompat::testing {

// A GPU node's properties file (the members amdgpu-arch reads, among others).
inline std::string kfd_gpu_properties(std::int64_t gfx_target_version, int device_id, int simd_count,
                                      std::uint64_t unique_id = 11020485891402468862ull) {
  return "cpu_cores_count 0\nsimd_count " + std::to_string(simd_count) +
         "\nmem_banks_count 1\ncaches_count 206\nio_links_count 1\ncpu_core_id_base 0\n"
         "simd_id_base 2147487744\nmax_waves_per_simd 16\nlds_size_in_kb 64\ngds_size_in_kb 0\n"
         "num_gws 64\nwave_front_size 32\narray_count 12\nsimd_arrays_per_engine 2\ncu_per_simd_array 8\n"
         "simd_per_cu 2\nmax_slots_scratch_cu 32\ngfx_target_version " +
         std::to_string(gfx_target_version) + "\nvendor_id 4098\ndevice_id " + std::to_string(device_id) +
         "\nlocation_id 768\ndomain 0\ndrm_render_minor 128\nhive_id 0\nnum_sdma_engines 2\n"
         "unique_id " + std::to_string(unique_id) + "\nmax_engine_clk_fcompute 2526\nlocal_mem_size 0\n";
}

inline std::string kfd_cpu_properties() {
  return "cpu_cores_count 16\nsimd_count 0\nmem_banks_count 1\ncaches_count 0\nio_links_count 1\n"
         "cpu_core_id_base 0\nsimd_id_base 0\nmax_waves_per_simd 0\ngfx_target_version 0\nvendor_id 0\n"
         "device_id 0\nlocation_id 0\ndomain 0\ndrm_render_minor 0\nhive_id 0\n";
}

inline std::string kfd_node(const std::string& root, int node) {
  return root + "/sys/class/kfd/kfd/topology/nodes/" + std::to_string(node) + "/properties";
}

// One DRM card backed by a PCI device: the card's `device` link leads to the
// PCI device directory, whose `driver` link leads to the bound driver.
inline void drm_card(FakeFileSystem& fs, const std::string& root, const std::string& card, const std::string& slot,
                     const std::string& vendor, const std::string& device, const std::string& pci_class,
                     const std::string& driver) {
  const std::string pci = root + "/sys/devices/pci0000:00/" + slot;
  fs.directory(root + "/sys/class/drm");
  fs.file(pci + "/vendor", vendor + "\n").file(pci + "/device", device + "\n");
  fs.file(pci + "/class", pci_class + "\n");
  fs.directory(root + "/sys/devices/pci0000:00/" + slot + "/drm/" + card);
  fs.link(root + "/sys/class/drm/" + card, pci + "/drm/" + card);
  fs.link(pci + "/drm/" + card + "/device", pci);
  if (!driver.empty()) {
    fs.directory(root + "/sys/bus/pci/drivers/" + driver);
    fs.link(pci + "/driver", root + "/sys/bus/pci/drivers/" + driver);
  }
}

}  // namespace torchcompat::testing
