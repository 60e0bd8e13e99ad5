#!/usr/bin/env python3
"""Write data/gpu-code-rules.json: which GPU runs which compiled CUDA code.

The facts are transcribed from the sources in SOURCES. The decision procedure
(data/gpu-code-rules.md) has one implementation, the CMake package's
cmake/Internal/tables/TorchCompatGpuCode.cmake, which reads the rule tables written
here; sass_runs(), ptx_runs() and gpu_code_runs() ask it through
cmake/Internal/scripts/gpu-code-query.cmake (cmake -P), so the guard, this generator's
sass_runs_on_known and the data checks cannot disagree.

Usage: python3 scripts/data/cuda_gpu_code_rules.py [output-path]
The cmake used is $CMAKE, else the one on PATH.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERY_SCRIPT = ROOT / "cmake" / "Internal" / "scripts" / "gpu-code-query.cmake"

RETRIEVED = "2026-11-25"
GUIDE = "nvidia-cuda-programming-guide"
GUIDE_FAMILY = "nvidia-cuda-programming-guide-family-table"
TORCH = "pytorch-torch-cuda-init"
CMAKE_ALL = "cmake-cuda-architectures-all"
NVCC_13 = "nvcc-13.0-list-gpu-code"
MVC = "nvidia-cuda-compat-mvc"
BLOG_129 = "nvidia-blog-cuda-12.9-family"

SOURCES = {
    GUIDE: {
        "title": "CUDA C++ Programming Guide: 6.1.2 Binary Compatibility, 6.1.3 PTX "
                 "Compatibility, 6.1.4 Application Compatibility; Compute Capability",
        "url": "https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#binary-compatibility",
        "retrieved": RETRIEVED,
        "notes": "'a cubin object generated for compute capability X.y will only execute on "
                 "devices of compute capability X.z where z>=y'; 'Binary compatibility is "
                 "supported only for the desktop. It is not supported for Tegra. Also, the "
                 "binary compatibility between desktop and Tegra is not supported.'; 'PTX code "
                 "produced for some specific compute capability can always be compiled to "
                 "binary code of greater or equal compute capability'; sm_90a/compute_90a "
                 "'only runs on devices with compute capability 9.0'; sm_100f/compute_100f "
                 "'only runs on devices with compute capability 10.0 and 10.3'. Major numbers: "
                 "9 Hopper, 8 Ampere, 7 Volta, 6 Pascal, 5 Maxwell, 3 Kepler; 7.5 is Turing. "
                 "Read from stored copies of the guide (CUDA 12.9+ edition).",
    },
    GUIDE_FAMILY: {
        "title": "CUDA Programming Guide, 5.1 Compute Capabilities: family-specific "
                 "compilation targets and compatible compute capabilities",
        "url": "https://docs.nvidia.com/cuda/cuda-programming-guide/05-appendices/compute-capabilities.html",
        "retrieved": RETRIEVED,
        "notes": "Table: compute_100f -> 10.0, 10.3; compute_103f -> 10.3; compute_110f -> "
                 "11.0; compute_120f -> 12.0, 12.1; compute_121f -> 12.1. Read from a stored "
                 "translated copy of this page.",
    },
    TORCH: {
        "title": "pytorch/pytorch torch/cuda/__init__.py: DEVICE_REQUIREMENT, "
                 "_code_compatible_with_device, _check_capability, _check_cubins",
        "url": "https://github.com/pytorch/pytorch/blob/main/torch/cuda/__init__.py",
        "retrieved": RETRIEVED,
        "notes": "DEVICE_REQUIREMENT (code SM -> device SMs that run it): 50/52 exclude 53; "
                 "53 only 53; 60/61 exclude 62; 62 only 62; 70 excludes 72; 72 only 72; 80/86 "
                 "exclude 87; 87 only 87; 100 excludes 101; 101 runs on {101, 110} ('101 was "
                 "renamed to 110'); others forward within the major. Comment: 'rules based on "
                 "sm compatibility guarantees for NVIDIA devices while accounting for "
                 "incompatibility of iGPU and dGPU'.",
    },
    CMAKE_ALL: {
        "title": "CMake Modules/Internal/CMakeCUDAArchitecturesAll.cmake (CMake 4.4.5) and "
                 "Modules/CUDA/architectures.cmake (CMake 3.25.1)",
        "url": "https://gitlab.kitware.com/cmake/cmake/-/blob/master/Modules/Internal/CMakeCUDAArchitecturesAll.cmake",
        "retrieved": RETRIEVED,
        "notes": "Architectures nvcc accepts per toolkit: initial set (CUDA 7.0) 20 21 30 35 37 "
                 "50 52 53; +60 61 62 at 8.0; +70 72 and -20 21 at 9.0; +75 at 10.0; +80 and "
                 "-30 at 11.0; +86 at 11.1; +87 at 11.4; +89 90 at 11.8; -35 37 at 12.0; +100 "
                 "101 120 at 12.8; +103 121 at 12.9; from 13.0 exactly 75 80 86 87 88 89 90 100 "
                 "103 110 120 121. Read from the cmake 4.4.5 wheel on PyPI and /usr/share/"
                 "cmake-3.25 on this machine.",
    },
    NVCC_13: {
        "title": "nvcc 13.0 (V13.0.88) --list-gpu-code / --list-gpu-arch",
        "url": "https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html",
        "retrieved": RETRIEVED,
        "notes": "Run on the real CUDA 13.0 toolkit at /usr/local/cuda: sm_75 sm_80 sm_86 "
                 "sm_87 sm_88 sm_89 sm_90 sm_100 sm_110 sm_103 sm_120 sm_121 (and the "
                 "matching compute_XY).",
    },
    MVC: {
        "title": "CUDA Compatibility - Minor Version Compatibility",
        "url": "https://docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html",
        "retrieved": RETRIEVED,
        "notes": "Application considerations under minor version compatibility: applications "
                 "that rely on PTX JIT need a driver at least as new as the toolkit that "
                 "produced the PTX.",
    },
    BLOG_129: {
        "title": "NVIDIA Blackwell and NVIDIA CUDA 12.9 Introduce Family-Specific "
                 "Architecture Features (NVIDIA Technical Blog)",
        "url": "https://developer.nvidia.com/blog/nvidia-blackwell-and-nvidia-cuda-12-9-introduce-family-specific-architecture-features",
        "retrieved": RETRIEVED,
        "notes": "Shows an 'NVIDIA RTX 4000 Ada Generation' reporting compute capability 8.9; "
                 "introduces the 'f' family targets with CUDA 12.9.",
    },
}

# Archs whose SASS runs only on themselves and which no other SASS reaches
# (NVIDIA: no binary compatibility with or between Tegra parts).
NO_FORWARD = ["5.3", "6.2", "7.2", "8.7", "10.1"]

# SASS of these archs also runs on the listed devices (CUDA 13 renamed 10.1 to 11.0).
EXTRA_DEVICES = {"10.1": ["11.0"]}

FAMILIES = {
    "10.0f": ["10.0", "10.3"],
    "10.3f": ["10.3"],
    "11.0f": ["11.0"],
    "12.0f": ["12.0", "12.1"],
    "12.1f": ["12.1"],
}

# cc: (generation, integrated, first_cuda, last_cuda, sources, notes)
ARCHITECTURES = {
    "3.0": ("Kepler", False, None, "10.2", [GUIDE, CMAKE_ALL],
            "Supported before CUDA 9.0 (in CMake's initial CUDA 7.0 set); removed in CUDA 11.0."),
    "3.5": ("Kepler", False, None, "11.8", [GUIDE, CMAKE_ALL],
            "Supported before CUDA 9.0; removed in CUDA 12.0."),
    "3.7": ("Kepler", False, None, "11.8", [GUIDE, CMAKE_ALL],
            "Supported before CUDA 9.0; removed in CUDA 12.0."),
    "5.0": ("Maxwell", False, None, "12.9", [GUIDE, CMAKE_ALL, NVCC_13],
            "Supported before CUDA 9.0; absent from CUDA 13.0."),
    "5.2": ("Maxwell", False, None, "12.9", [GUIDE, CMAKE_ALL, NVCC_13],
            "Supported before CUDA 9.0; absent from CUDA 13.0."),
    "5.3": ("Maxwell", True, None, "12.9", [GUIDE, CMAKE_ALL, TORCH, NVCC_13],
            "Tegra/Jetson (integrated). Supported before CUDA 9.0; absent from CUDA 13.0."),
    "6.0": ("Pascal", False, "8.0", "12.9", [GUIDE, CMAKE_ALL, NVCC_13], None),
    "6.1": ("Pascal", False, "8.0", "12.9", [GUIDE, CMAKE_ALL, NVCC_13], None),
    "6.2": ("Pascal", True, "8.0", "12.9", [GUIDE, CMAKE_ALL, TORCH, NVCC_13],
            "Tegra/Jetson (integrated)."),
    "7.0": ("Volta", False, "9.0", "12.9", [GUIDE, CMAKE_ALL, NVCC_13], None),
    "7.2": ("Volta", True, "9.0", "12.9", [GUIDE, CMAKE_ALL, TORCH, NVCC_13],
            "Tegra/Jetson (integrated)."),
    "7.5": ("Turing", False, "10.0", None, [GUIDE, CMAKE_ALL, NVCC_13], None),
    "8.0": ("Ampere", False, "11.0", None, [GUIDE, CMAKE_ALL, NVCC_13], None),
    "8.6": ("Ampere", False, "11.1", None, [GUIDE, CMAKE_ALL, NVCC_13], None),
    "8.7": ("Ampere", True, "11.4", None, [GUIDE, CMAKE_ALL, TORCH, NVCC_13],
            "Tegra/Jetson (integrated)."),
    "8.8": (None, None, "13.0", None, [CMAKE_ALL, NVCC_13],
            "Accepted by nvcc 13.0; the device it belongs to and whether it is integrated "
            "were not found in the sources. Treated by the rules like any other arch."),
    "8.9": ("Ada", False, "11.8", None, [BLOG_129, CMAKE_ALL, NVCC_13], None),
    "9.0": ("Hopper", False, "11.8", None, [GUIDE, CMAKE_ALL, NVCC_13], None),
    "10.0": (None, False, "12.8", None, [GUIDE, CMAKE_ALL, TORCH, NVCC_13], None),
    "10.1": (None, True, "12.8", "12.9", [CMAKE_ALL, TORCH],
             "Integrated part (PyTorch excludes it from 10.0's forward compatibility); "
             "renamed 11.0 in CUDA 13.0."),
    "10.3": (None, False, "12.9", None, [CMAKE_ALL, TORCH, NVCC_13], None),
    "11.0": (None, None, "13.0", None, [CMAKE_ALL, TORCH, NVCC_13],
             "The CUDA 13 name of 10.1. SASS for 10.1 also runs here (PyTorch)."),
    "12.0": (None, False, "12.8", None, [CMAKE_ALL, TORCH, NVCC_13], None),
    "12.1": (None, False, "12.9", None, [CMAKE_ALL, TORCH, NVCC_13], None),
}


def parse_target(target):
    """Split '9.0a' into ((9, 0), 'a'); bad input raises ValueError."""
    suffix = target[-1] if target and target[-1] in "af" else ""
    base = target[:-1] if suffix else target
    major, minor = base.split(".")
    return (int(major), int(minor)), suffix


def cc_string(cc):
    return f"{cc[0]}.{cc[1]}"


def _cmake():
    cmake = os.environ.get("CMAKE") or shutil.which("cmake")
    if not cmake:
        raise RuntimeError("TorchCompat: cmake is needed to apply the GPU code rules "
                           "(set CMAKE or put cmake on PATH)")
    return cmake


def ask_cmake(queries, data_dir=None):
    """Answers tab-separated queries (see gpu-code-query.cmake) with the CMake rules."""
    data_dir = Path(data_dir) if data_dir else ROOT / "data"
    with tempfile.TemporaryDirectory() as work:
        query_file = Path(work) / "queries.txt"
        output_file = Path(work) / "answers.txt"
        query_file.write_text("".join("\t".join(q) + "\n" for q in queries), encoding="utf-8")
        result = subprocess.run(
            [_cmake(), f"-DDATA_DIR={data_dir}", f"-DQUERY_FILE={query_file}",
             f"-DOUTPUT_FILE={output_file}", "-P", str(QUERY_SCRIPT)],
            capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"TorchCompat: gpu-code-query.cmake failed: {result.stderr.strip()}")
        answers = output_file.read_text(encoding="utf-8").splitlines()
    if len(answers) != len(queries):
        raise RuntimeError("TorchCompat: gpu-code-query.cmake answered "
                           f"{len(answers)} of {len(queries)} queries")
    return answers


def sass_runs(target, device, data_dir=None):
    return ask_cmake([("sass", target, device)], data_dir)[0] == "TRUE"


def ptx_runs(target, device, data_dir=None):
    return ask_cmake([("ptx", target, device)], data_dir)[0] == "TRUE"


def gpu_code_runs(sass, ptx, device, driver_supports_build_cuda=True, data_dir=None):
    """How a build with SASS list `sass` and PTX list `ptx` reaches `device`.

    Returns 'sass', 'ptx', or None. PTX only counts when the driver is at least
    as new as the CUDA the build was compiled with.
    """
    answer = ask_cmake([("runs", ",".join(sass), ",".join(ptx), device,
                         "1" if driver_supports_build_cuda else "0")], data_dir)[0]
    return None if answer == "none" else answer


def build_architectures(rules):
    """The architectures table; sass_runs_on_known comes from the CMake rules
    applied to `rules` (the rules section about to be written)."""
    with tempfile.TemporaryDirectory() as data_dir:
        (Path(data_dir) / "gpu-code-rules.json").write_text(
            json.dumps({"schema_version": 1, "rules": rules, "architectures": {}}),
            encoding="utf-8")
        pairs = [(cc, device) for cc in ARCHITECTURES for device in ARCHITECTURES]
        answers = ask_cmake([("sass", cc, device) for cc, device in pairs], data_dir)
    runs = {pair for pair, answer in zip(pairs, answers) if answer == "TRUE"}
    result = {}
    for cc, (gen, integrated, first, last, sources, notes) in ARCHITECTURES.items():
        record = {"generation": gen, "integrated": integrated,
                  "first_cuda": first, "last_cuda": last,
                  "sass_runs_on_known": [d for d in ARCHITECTURES if (cc, d) in runs],
                  "sources": sources}
        if notes:
            record["notes"] = notes
        result[cc] = record
    return result


def build_rules():
    return {
        "sass_same_major_forward": True,
        "ptx_forward": True,
        "ptx_requires_driver_for_build_cuda": True,
        "no_forward_archs": NO_FORWARD,
        "extra_sass_devices": EXTRA_DEVICES,
        "arch_specific_suffix": "a",
        "family_specific_suffix": "f",
        "families": FAMILIES,
        "sources": [GUIDE, GUIDE_FAMILY, TORCH, MVC],
        "notes": "Decision procedure: see data/gpu-code-rules.md. SASS X.y runs on X.z with "
                 "z>=y unless either side is in no_forward_archs (then exact match only), "
                 "plus extra_sass_devices. PTX X.y JIT-compiles on every device >= X.y when "
                 "the driver is at least as new as the build's CUDA. 'a' targets run only on "
                 "their own arch; 'f' targets only on the listed family members.",
    }


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[2] / "data" / "gpu-code-rules.json"
    document = {
        "schema_version": 1,
        "description": "Rules for which GPU (compute capability) runs which compiled CUDA "
                       "code (SASS or PTX), and the known compute capabilities with the "
                       "CUDA toolkits that support them.",
        "sources": SOURCES,
        "rules": build_rules(),
        "architectures": build_architectures(build_rules()),
    }
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
