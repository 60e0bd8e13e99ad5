#include "intel_gpu_ids.hpp"

#include <iterator>

namespace torchcompat {

namespace {

// Device ids and families: the Linux kernel, include/drm/intel/pciids.h
// (github.com/torvalds/linux at c5fb51b71788926feef0d07f30c8af1d5e4af1a6)
// and include/drm/intel/xe_pciids.h (at 6f0f335b73a9264050e031879ad04c551c05959c),
// each family's whole list as the macro named. Generation per family: the
// graphics IP the kernel drivers give it (i915's GEN9/GEN11 platforms;
// xe's Xe_LP, Xe_HPG, Xe_LPG, Xe_HPC, Xe2_LPG, Xe2_HPG descriptors).
// Families left out on purpose (unknown to the probe, reported with a null
// generation): everything before Gen9, Cannon Lake, Arrow Lake, Panther Lake.
// Names: the bracketed product name (else the description) of the entry in the
// PCI ID Repository's pci.ids (github.com/pciutils/pciids at
// c1c12547d626ebf05fd0223144ad87fab5e95d06); nullptr where it has no entry.
constexpr IntelGpuId table[] = {
    // SKL: pciids.h INTEL_SKL_IDS
    {0x1906, "Gen9", "HD Graphics 510"},
    {0x1913, "Gen9", nullptr},
    {0x190e, "Gen9", nullptr},
    {0x1915, "Gen9", nullptr},
    {0x1902, "Gen9", "HD Graphics 510"},
    {0x190a, "Gen9", nullptr},
    {0x190b, "Gen9", "HD Graphics 510"},
    {0x1917, "Gen9", nullptr},
    {0x1916, "Gen9", "HD Graphics 520"},
    {0x1921, "Gen9", "HD Graphics 520"},
    {0x191e, "Gen9", "HD Graphics 515"},
    {0x1912, "Gen9", "HD Graphics 530"},
    {0x191a, "Gen9", nullptr},
    {0x191b, "Gen9", "HD Graphics 530"},
    {0x191d, "Gen9", "HD Graphics P530"},
    {0x1923, "Gen9", "HD Graphics 535"},
    {0x1926, "Gen9", "Iris Graphics 540"},
    {0x1927, "Gen9", "Iris Graphics 550"},
    {0x192a, "Gen9", nullptr},
    {0x192b, "Gen9", "Iris Graphics 555"},
    {0x192d, "Gen9", "Iris Graphics P555"},
    {0x1932, "Gen9", "Iris Pro Graphics 580"},
    {0x193a, "Gen9", "Iris Pro Graphics P580"},
    {0x193b, "Gen9", "Iris Pro Graphics 580"},
    {0x193d, "Gen9", "Iris Pro Graphics P580"},
    // BXT: pciids.h INTEL_BXT_IDS
    {0x0a84, "Gen9", nullptr},
    {0x1a84, "Gen9", nullptr},
    {0x1a85, "Gen9", nullptr},
    {0x5a84, "Gen9", "HD Graphics 505"},
    {0x5a85, "Gen9", "HD Graphics 500"},
    // GLK: pciids.h INTEL_GLK_IDS
    {0x3184, "Gen9", "UHD Graphics 605"},
    {0x3185, "Gen9", "UHD Graphics 600"},
    // KBL: pciids.h INTEL_KBL_IDS
    {0x5906, "Gen9", "HD Graphics 610"},
    {0x5913, "Gen9", nullptr},
    {0x590e, "Gen9", nullptr},
    {0x5915, "Gen9", nullptr},
    {0x5902, "Gen9", "HD Graphics 610"},
    {0x5908, "Gen9", nullptr},
    {0x590a, "Gen9", nullptr},
    {0x590b, "Gen9", "HD Graphics 610"},
    {0x5916, "Gen9", "HD Graphics 620"},
    {0x5921, "Gen9", "HD Graphics 620"},
    {0x591e, "Gen9", "HD Graphics 615"},
    {0x5912, "Gen9", "HD Graphics 630"},
    {0x5917, "Gen9", "UHD Graphics 620"},
    {0x591a, "Gen9", nullptr},
    {0x591b, "Gen9", "HD Graphics 630"},
    {0x591d, "Gen9", "HD Graphics P630"},
    {0x5926, "Gen9", "Iris Plus Graphics 640"},
    {0x5923, "Gen9", "HD Graphics 635"},
    {0x5927, "Gen9", "Iris Plus Graphics 650"},
    {0x593b, "Gen9", nullptr},
    {0x591c, "Gen9", "UHD Graphics 615"},
    {0x87c0, "Gen9", "UHD Graphics 617"},
    // CFL: pciids.h INTEL_CFL_IDS
    {0x3e90, "Gen9", "UHD Graphics 610"},
    {0x3e93, "Gen9", "UHD Graphics 610"},
    {0x3e99, "Gen9", nullptr},
    {0x3e91, "Gen9", "UHD Graphics 630"},
    {0x3e92, "Gen9", "UHD Graphics 630"},
    {0x3e96, "Gen9", "UHD Graphics P630"},
    {0x3e98, "Gen9", "UHD Graphics 630"},
    {0x3e9a, "Gen9", "UHD Graphics P630"},
    {0x3e9c, "Gen9", "UHD Graphics 610"},
    {0x3e94, "Gen9", "UHD Graphics P630"},
    {0x3e9b, "Gen9", "UHD Graphics 630"},
    {0x3ea9, "Gen9", "UHD Graphics 620"},
    {0x3ea5, "Gen9", "Iris Plus Graphics 655"},
    {0x3ea6, "Gen9", "Iris Plus Graphics 645"},
    {0x3ea7, "Gen9", nullptr},
    {0x3ea8, "Gen9", "Iris Plus Graphics 655"},
    {0x87ca, "Gen9", "UHD Graphics 617"},
    // WHL: pciids.h INTEL_WHL_IDS
    {0x3ea1, "Gen9", "UHD Graphics 610"},
    {0x3ea4, "Gen9", nullptr},
    {0x3ea0, "Gen9", "UHD Graphics 620"},
    {0x3ea3, "Gen9", nullptr},
    {0x3ea2, "Gen9", nullptr},
    // CML: pciids.h INTEL_CML_IDS
    {0x9ba2, "Gen9", nullptr},
    {0x9ba4, "Gen9", "UHD Graphics 610"},
    {0x9ba5, "Gen9", nullptr},
    {0x9ba8, "Gen9", "UHD Graphics 610"},
    {0x9bc2, "Gen9", nullptr},
    {0x9bc4, "Gen9", "UHD Graphics"},
    {0x9bc5, "Gen9", "UHD Graphics 630"},
    {0x9bc6, "Gen9", "UHD Graphics P630"},
    {0x9bc8, "Gen9", "UHD Graphics 630"},
    {0x9be6, "Gen9", "UHD Graphics P630"},
    {0x9bf6, "Gen9", "UHD Graphics P630"},
    {0x9b21, "Gen9", "UHD Graphics 620"},
    {0x9baa, "Gen9", "Comet Lake UHD Graphics"},
    {0x9bac, "Gen9", "Comet Lake UHD Graphics"},
    {0x9b41, "Gen9", "UHD Graphics"},
    {0x9bca, "Gen9", "Comet Lake UHD Graphics"},
    {0x9bcc, "Gen9", "Comet Lake UHD Graphics"},
    // ICL: pciids.h INTEL_ICL_IDS
    {0x8a50, "Gen11", nullptr},
    {0x8a52, "Gen11", "Iris Plus Graphics G7"},
    {0x8a53, "Gen11", "Iris Plus Graphics G7"},
    {0x8a54, "Gen11", nullptr},
    {0x8a56, "Gen11", "Iris Plus Graphics G1 (Ice Lake)"},
    {0x8a57, "Gen11", nullptr},
    {0x8a58, "Gen11", "UHD Graphics G1"},
    {0x8a59, "Gen11", nullptr},
    {0x8a5a, "Gen11", "Iris Plus Graphics G4 (Ice Lake)"},
    {0x8a5b, "Gen11", nullptr},
    {0x8a5c, "Gen11", "Iris Plus Graphics G4 (Ice Lake)"},
    {0x8a70, "Gen11", nullptr},
    {0x8a71, "Gen11", nullptr},
    {0x8a51, "Gen11", "Iris Plus Graphics G7 (Ice Lake)"},
    {0x8a5d, "Gen11", nullptr},
    // EHL: pciids.h INTEL_EHL_IDS
    {0x4541, "Gen11", nullptr},
    {0x4551, "Gen11", nullptr},
    {0x4555, "Gen11", "UHD Graphics Gen11 16EU"},
    {0x4557, "Gen11", nullptr},
    {0x4570, "Gen11", nullptr},
    {0x4571, "Gen11", "UHD Graphics Gen11 32EU"},
    // JSL: pciids.h INTEL_JSL_IDS
    {0x4e51, "Gen11", nullptr},
    {0x4e55, "Gen11", "UHD Graphics"},
    {0x4e57, "Gen11", nullptr},
    {0x4e61, "Gen11", "UHD Graphics"},
    {0x4e71, "Gen11", "UHD Graphics"},
    // TGL: xe_pciids.h XE_TGL_IDS
    {0x9a60, "Xe-LP", "UHD Graphics"},
    {0x9a68, "Xe-LP", "UHD Graphics"},
    {0x9a70, "Xe-LP", "UHD Graphics"},
    {0x9a40, "Xe-LP", "Iris Xe Graphics"},
    {0x9a49, "Xe-LP", "Iris Xe Graphics"},
    {0x9a59, "Xe-LP", nullptr},
    {0x9a78, "Xe-LP", "UHD Graphics G4"},
    {0x9ac0, "Xe-LP", nullptr},
    {0x9ac9, "Xe-LP", nullptr},
    {0x9ad9, "Xe-LP", nullptr},
    {0x9af8, "Xe-LP", nullptr},
    // RKL: xe_pciids.h XE_RKL_IDS
    {0x4c80, "Xe-LP", nullptr},
    {0x4c8a, "Xe-LP", "UHD Graphics 750"},
    {0x4c8b, "Xe-LP", "UHD Graphics 730"},
    {0x4c8c, "Xe-LP", nullptr},
    {0x4c90, "Xe-LP", "UHD Graphics P750"},
    {0x4c9a, "Xe-LP", "UHD Graphics"},
    // DG1: xe_pciids.h XE_DG1_IDS
    {0x4905, "Xe-LP", "Iris Xe MAX Graphics"},
    {0x4906, "Xe-LP", "Iris Xe Pod"},
    {0x4907, "Xe-LP", "Server GPU SG-18M"},
    {0x4908, "Xe-LP", "Iris Xe Graphics"},
    {0x4909, "Xe-LP", "Iris Xe MAX 100"},
    // ADL-S: xe_pciids.h XE_ADLS_IDS
    {0x4680, "Xe-LP", "UHD Graphics 770"},
    {0x4682, "Xe-LP", "UHD Graphics 730"},
    {0x4688, "Xe-LP", "UHD Graphics 770"},
    {0x468a, "Xe-LP", "UHD Graphics"},
    {0x468b, "Xe-LP", "UHD Graphics"},
    {0x4690, "Xe-LP", "UHD Graphics 770"},
    {0x4692, "Xe-LP", "UHD Graphics 730"},
    {0x4693, "Xe-LP", "UHD Graphics 710"},
    // ADL-P: xe_pciids.h XE_ADLP_IDS
    {0x46a0, "Xe-LP", "AlderLake-P GT2"},
    {0x46a1, "Xe-LP", "UHD Graphics"},
    {0x46a2, "Xe-LP", nullptr},
    {0x46a3, "Xe-LP", "UHD Graphics"},
    {0x46a6, "Xe-LP", "Iris Xe Graphics"},
    {0x46a8, "Xe-LP", "Iris Xe Graphics"},
    {0x46aa, "Xe-LP", "Iris Xe Graphics"},
    {0x462a, "Xe-LP", "UHD Graphics"},
    {0x4626, "Xe-LP", "Alder Lake-P Integrated Graphics Controller"},
    {0x4628, "Xe-LP", "UHD Graphics"},
    {0x46b0, "Xe-LP", "Iris Xe Graphics"},
    {0x46b1, "Xe-LP", "Iris Xe Graphics"},
    {0x46b2, "Xe-LP", nullptr},
    {0x46b3, "Xe-LP", "UHD Graphics"},
    {0x46c0, "Xe-LP", "AlderLake-M GT1"},
    {0x46c1, "Xe-LP", "Iris Xe Graphics"},
    {0x46c2, "Xe-LP", nullptr},
    {0x46c3, "Xe-LP", "UHD Graphics"},
    // ADL-N: xe_pciids.h XE_ADLN_IDS
    {0x46d0, "Xe-LP", "UHD Graphics"},
    {0x46d1, "Xe-LP", "UHD Graphics"},
    {0x46d2, "Xe-LP", "UHD Graphics"},
    {0x46d3, "Xe-LP", "Intel Graphics"},
    {0x46d4, "Xe-LP", "Intel Graphics"},
    // RPL-S: xe_pciids.h XE_RPLS_IDS
    {0xa780, "Xe-LP", "UHD Graphics 770"},
    {0xa781, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa782, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa783, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa788, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa789, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa78a, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    {0xa78b, "Xe-LP", "Raptor Lake-S UHD Graphics"},
    // RPL-U: xe_pciids.h XE_RPLU_IDS
    {0xa721, "Xe-LP", "UHD Graphics"},
    {0xa7a1, "Xe-LP", "Iris Xe Graphics"},
    {0xa7a9, "Xe-LP", "UHD Graphics"},
    {0xa7ac, "Xe-LP", "Intel Graphics"},
    {0xa7ad, "Xe-LP", "Intel Graphics"},
    // RPL-P: xe_pciids.h XE_RPLP_IDS
    {0xa720, "Xe-LP", "UHD Graphics"},
    {0xa7a0, "Xe-LP", "Iris Xe Graphics"},
    {0xa7a8, "Xe-LP", "UHD Graphics"},
    {0xa7aa, "Xe-LP", "Intel Graphics"},
    {0xa7ab, "Xe-LP", "Intel Graphics"},
    // DG2: xe_pciids.h XE_DG2_IDS
    {0x5690, "Xe-HPG", "Arc A770M"},
    {0x5691, "Xe-HPG", "Arc A730M"},
    {0x5692, "Xe-HPG", "Arc A550M"},
    {0x56a0, "Xe-HPG", "Arc A770"},
    {0x56a1, "Xe-HPG", "Arc A750"},
    {0x56a2, "Xe-HPG", "Arc A580"},
    {0x56be, "Xe-HPG", "Arc A750E"},
    {0x56bf, "Xe-HPG", "Arc A580E"},
    {0x5693, "Xe-HPG", "Arc A370M"},
    {0x5694, "Xe-HPG", "Arc A350M"},
    {0x5695, "Xe-HPG", "Iris Xe MAX A200M"},
    {0x56a5, "Xe-HPG", "Arc A380"},
    {0x56a6, "Xe-HPG", "Arc A310"},
    {0x56b0, "Xe-HPG", "Arc Pro A30M"},
    {0x56b1, "Xe-HPG", "Arc Pro A40/A50"},
    {0x56ba, "Xe-HPG", "Arc A380E"},
    {0x56bb, "Xe-HPG", "Arc A310E"},
    {0x56bc, "Xe-HPG", "Arc A370E"},
    {0x56bd, "Xe-HPG", "Arc A350E"},
    {0x5696, "Xe-HPG", "Arc A570M"},
    {0x5697, "Xe-HPG", "Arc A530M"},
    {0x56a3, "Xe-HPG", "Arc Xe Graphics"},
    {0x56a4, "Xe-HPG", "Arc Xe Graphics"},
    {0x56b2, "Xe-HPG", "Arc Pro A60M"},
    {0x56b3, "Xe-HPG", "Arc Pro A60"},
    // ATS-M: xe_pciids.h XE_ATS_M_IDS
    {0x56c0, "Xe-HPG", "Data Center GPU Flex 170"},
    {0x56c2, "Xe-HPG", "Data Center GPU Flex 170V"},
    {0x56c1, "Xe-HPG", "Data Center GPU Flex 140"},
    // MTL: xe_pciids.h XE_MTL_IDS
    {0x7d40, "Xe-LPG", "Intel Graphics"},
    {0x7d45, "Xe-LPG", "Intel Graphics"},
    {0x7d55, "Xe-LPG", "Intel Arc Graphics"},
    {0x7d60, "Xe-LPG", "Intel Graphics"},
    {0x7dd5, "Xe-LPG", "Intel Graphics"},
    // PVC: xe_pciids.h XE_PVC_IDS
    {0x0b69, "Xe-HPC", "Data Center GPU Max 1450"},
    {0x0b6e, "Xe-HPC", "Data Center GPU Max 1100C"},
    {0x0bd4, "Xe-HPC", "Data Center GPU Max 1550VG"},
    {0x0bd5, "Xe-HPC", "Data Center GPU Max 1550"},
    {0x0bd6, "Xe-HPC", "Data Center GPU Max 1550"},
    {0x0bd7, "Xe-HPC", "Data Center GPU Max 1350"},
    {0x0bd8, "Xe-HPC", "Data Center GPU Max 1350"},
    {0x0bd9, "Xe-HPC", "Data Center GPU Max 1100"},
    {0x0bda, "Xe-HPC", "Data Center GPU Max 1100"},
    {0x0bdb, "Xe-HPC", "Data Center GPU Max 1100"},
    {0x0be0, "Xe-HPC", "Atom Processor D2xxx/N2xxx Integrated Graphics Controller"},
    {0x0be1, "Xe-HPC", "Atom Processor D2xxx/N2xxx Integrated Graphics Controller"},
    {0x0be5, "Xe-HPC", "Atom Processor D2xxx/N2xxx Integrated Graphics Controller"},
    // LNL: xe_pciids.h XE_LNL_IDS
    {0x6420, "Xe2-LPG", "Intel Graphics"},
    {0x64a0, "Xe2-LPG", "Core Ultra 200V Series Processors Arc Graphics 130V/140V GPU"},
    {0x64b0, "Xe2-LPG", "Intel Graphics"},
    // BMG: xe_pciids.h XE_BMG_IDS
    {0xe202, "Xe2-HPG", "Intel Graphics"},
    {0xe20b, "Xe2-HPG", "Arc B580"},
    {0xe20c, "Xe2-HPG", "Arc B570"},
    {0xe20d, "Xe2-HPG", "Intel Graphics"},
    {0xe212, "Xe2-HPG", "Arc Pro B50"},
};

}  // namespace

std::optional<unsigned> parse_pci_id(const std::string& text) {
  if (text.size() != 6 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = 2; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') value = value * 16 + static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') value = value * 16 + static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') value = value * 16 + static_cast<unsigned>(c - 'A' + 10);
    else return std::nullopt;
  }
  return value;
}

void name_intel_gpu(IntelGpu& gpu) {
  const auto id = parse_pci_id(gpu.device_id);
  const auto known = id ? find_intel_gpu(static_cast<std::uint16_t>(*id)) : std::nullopt;
  gpu.generation = known ? known->generation : "";
  gpu.name = known && known->name ? known->name : "";
}

std::optional<IntelGpuId> find_intel_gpu(std::uint16_t device_id) {
  for (const auto& entry : table) {
    if (entry.device_id == device_id) return entry;
  }
  return std::nullopt;
}

}  // namespace torchcompat
