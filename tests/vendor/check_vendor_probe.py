#!/usr/bin/env python3
"""End-to-end cases for the driver, GPU and cuDNN detectors.

Runs the real torchcompat-probe with the fake vendor libraries from tests/fakes
on LD_LIBRARY_PATH, the FAKE_* variables set as the case needs (see
tests/fakes/README.md), and checks the JSON report. Exits 0 when every check of
the case holds, 1 with the failed checks listed otherwise.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# Variables from the caller's environment that would steer the detectors away
# from what the case sets up.
STEERING = re.compile(r"^(FAKE_.*|CUDA_VISIBLE_DEVICES|CUDNN_ROOT|CUDNN_HOME|TORCHCOMPAT_OVERRIDE_.*|LD_LIBRARY_PATH)$")

A100 = "NVIDIA A100-SXM4-80GB,8.0,85899345920"
GTX1080 = "NVIDIA GeForce GTX 1080,6.1,8589934592"
H100 = "NVIDIA H100 80GB HBM3,9.0,85520809984"

REAL_CUDNN_HEADER = "/usr/local/cuda/include/cudnn_version.h"
REAL_CUDNN_LIBRARY = "/usr/local/cuda/lib64/libcudnn.so.9"


class Case:
    def __init__(self, args):
        self.args = args
        self.failures = []
        self.scratch = tempfile.mkdtemp(prefix="torchcompat-vendor-")

    def check(self, condition, what):
        if not condition:
            self.failures.append(what)

    def equal(self, actual, expected, what):
        self.check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")

    def contains(self, text, part, what):
        self.check(isinstance(text, str) and part in text, f"{what}: expected {part!r} in {text!r}")

    def run(self, library_dirs, env=None, extra_args=(), python=False):
        environment = {k: v for k, v in os.environ.items() if not STEERING.match(k)}
        environment["LD_LIBRARY_PATH"] = os.pathsep.join(library_dirs)
        environment.update(env or {})
        # The fakes answer from FAKE_* variables, which no real machine has and the
        # cache's key rightly ignores: each case asks afresh.
        asked = ["--python", "/usr/bin/python3"] if python else ["--no-python"]
        command = [self.args.probe, "--format", "json", *asked, "--no-cache", *extra_args]
        started = time.monotonic()
        result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=50)
        self.elapsed = time.monotonic() - started
        self.equal(result.returncode, 0, "exit code")
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise SystemExit(f"FAIL: stdout is not JSON ({error}):\n{result.stdout}\nstderr:\n{result.stderr}")
        self.report = report
        self.stderr = result.stderr
        return report

    def fake_driver(self, env, with_nvml=True, extra_args=()):
        dirs = [self.args.cuda_dir] + ([self.args.nvml_dir] if with_nvml else [])
        return self.run(dirs, env, extra_args)

    def cudnn_tree(self, header_version, library_dir):
        """A CUDNN_ROOT with a header that states header_version and the fake library."""
        root = os.path.join(self.scratch, "cudnn")
        os.makedirs(os.path.join(root, "include"))
        major, minor, patch = header_version.split(".")
        with open(os.path.join(root, "include", "cudnn_version.h"), "w") as header:
            header.write(f"#define CUDNN_MAJOR {major}\n#define CUDNN_MINOR {minor}\n"
                         f"#define CUDNN_PATCHLEVEL {patch}\n")
        os.makedirs(os.path.join(root, "lib64"))
        for name in os.listdir(library_dir):
            os.symlink(os.path.join(library_dir, name), os.path.join(root, "lib64", name))
        return root


def read_header_version(path):
    values = {}
    with open(path) as header:
        for line in header:
            match = re.match(r"\s*#\s*define\s+CUDNN_(MAJOR|MINOR|PATCHLEVEL)\s+(\d+)\s*$", line)
            if match:
                values[match.group(1)] = match.group(2)
    return f"{values['MAJOR']}.{values['MINOR']}.{values['PATCHLEVEL']}"


def driver_of(report):
    return report["driver"]


def gpus_status(report):
    return report["gpus_status"]


# ---- cases ------------------------------------------------------------------

def system_has_library(soname):
    """Whether the loader's cache holds soname, which LD_LIBRARY_PATH can't hide."""
    try:
        listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return f"{soname} " in listing


def kernel_module_files():
    return [p for p in ("/sys/module/nvidia/version", "/proc/driver/nvidia/version") if os.path.isfile(p)]


def case_no_driver(c):
    report = c.run([])
    driver = driver_of(report)
    if system_has_library("libcuda.so.1"):
        # A real driver can't be hidden from the loader; it must then be the one found.
        c.equal(driver["status"], "found", "driver status (this machine has a real libcuda.so.1)")
        return
    c.equal(driver["status"], "not_found", "driver status")
    if kernel_module_files():
        c.contains(driver["reason"], "kernel module", "driver reason")
    else:
        c.equal(driver["reason"], "libcuda.so.1 not found (no NVIDIA driver installed)", "driver reason")
    c.equal(driver["library"], None, "driver library")
    c.equal(report["gpus"], [], "gpus")
    c.equal(gpus_status(report)["status"], "not_found", "gpus status")
    c.check(gpus_status(report)["reason"], "gpus status has a reason")


def case_no_device(c):
    # Without NVML cuInit is the only way to ask, and its error code is kept.
    report = c.fake_driver({"FAKE_CUDA_INIT_RESULT": "100", "FAKE_CUDA_DRIVER_VERSION": "12040",
                            "FAKE_NVML_DRIVER_VERSION": "550.54.14"}, with_nvml=False)
    driver = driver_of(report)
    c.equal(driver["status"], "found", "driver status")
    c.equal(driver["cu_init_error"], 100, "cu_init_error")
    c.equal(driver["cuda_version"], "12.4", "cuda_version")
    c.equal(driver["library"], os.path.join(c.args.cuda_dir, "libcuda.so.1"), "library actually loaded")
    c.contains(driver["reason"], "CUDA_ERROR_NO_DEVICE (100)", "driver reason")
    c.equal(report["gpus"], [], "gpus")
    c.equal(gpus_status(report)["status"], "not_found", "gpus status")
    c.contains(gpus_status(report)["reason"], "CUDA_ERROR_NO_DEVICE", "gpus reason")


def case_init_error(c):
    report = c.fake_driver({"FAKE_CUDA_INIT_RESULT": "999", "FAKE_CUDA_GPUS": A100,
                            "FAKE_NVML_DRIVER_VERSION": "550.54.14"}, with_nvml=False)
    c.equal(driver_of(report)["cu_init_error"], 999, "cu_init_error")
    c.equal(gpus_status(report)["status"], "error", "gpus status")
    c.contains(gpus_status(report)["reason"], "CUDA_ERROR_UNKNOWN (999)", "gpus reason")


def expect_gpus(c, report, expected, source="NVML"):
    c.equal(gpus_status(report)["status"], "found", "gpus status")
    c.equal(gpus_status(report)["source"], source, "gpus source")
    c.equal(driver_of(report)["cu_init_called"], source != "NVML", "cu_init_called")
    got = [(g["index"], g["name"], g["compute_capability"], g["memory_bytes"]) for g in report["gpus"]]
    c.equal(got, expected, "gpus")


def case_one_gpu(c):
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "FAKE_NVML_DRIVER_VERSION": "550.54.14"})
    c.equal(driver_of(report)["cu_init_error"], None, "cu_init_error")
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)])


def case_several_gpus(c):
    report = c.fake_driver({"FAKE_CUDA_GPUS": ";".join([A100, GTX1080, H100]),
                            "FAKE_NVML_DRIVER_VERSION": "550.54.14"})
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920),
                            (1, "NVIDIA GeForce GTX 1080", "6.1", 8589934592),
                            (2, "NVIDIA H100 80GB HBM3", "9.0", 85520809984)])


def case_visible_devices(c):
    three = {"FAKE_CUDA_GPUS": ";".join([A100, GTX1080, H100]), "FAKE_NVML_DRIVER_VERSION": "550.54.14",
             "CUDA_VISIBLE_DEVICES": "2,0"}
    expected = [(0, "NVIDIA H100 80GB HBM3", "9.0", 85520809984), (1, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)]
    # Different GPUs by index: CUDA's FASTEST_FIRST order is the driver's secret, so it is asked.
    expect_gpus(c, c.fake_driver(three), expected, source="driver API")
    # In PCI bus order NVML's indices are CUDA's.
    expect_gpus(c, c.fake_driver({**three, "CUDA_DEVICE_ORDER": "PCI_BUS_ID"}), expected)


def case_visible_by_index(c):
    # Alike GPUs are in PCI bus order either way; an invalid entry hides the rest, as in CUDA.
    gpus = {"FAKE_CUDA_GPUS": ";".join([H100, H100, H100]), "CUDA_VISIBLE_DEVICES": "2,1,7,0"}
    nvml = c.fake_driver(gpus)
    expect_gpus(c, nvml, [(0, "NVIDIA H100 80GB HBM3", "9.0", 85520809984),
                          (1, "NVIDIA H100 80GB HBM3", "9.0", 85520809984)])
    c.equal([g["uuid"] for g in nvml["gpus"]], ["GPU-fa4e0002-0000-4000-8000-000000000000",
                                                "GPU-fa4e0001-0000-4000-8000-000000000000"], "uuids in CUDA's order")
    c.contains(gpus_status(nvml)["reason"], 'entry "7"', "the entry that ended the list is named")
    driver_api = c.fake_driver(gpus, with_nvml=False)
    c.equal(len(driver_api["gpus"]), 2, "the driver agrees")


def case_visible_by_uuid(c):
    gpus = {"FAKE_CUDA_GPUS": ";".join([A100, GTX1080, H100]), "CUDA_VISIBLE_DEVICES": "GPU-fa4e0002,GPU-fa4e0000-0000"}
    expected = [(0, "NVIDIA H100 80GB HBM3", "9.0", 85520809984), (1, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)]
    expect_gpus(c, c.fake_driver(gpus), expected)
    expect_gpus(c, c.fake_driver(gpus, with_nvml=False), expected, source="driver API")
    # A prefix that fits several GPUs is invalid: nothing before it, so nothing visible.
    ambiguous = c.fake_driver({**gpus, "CUDA_VISIBLE_DEVICES": "GPU-fa4e000"})
    c.equal(ambiguous["gpus"], [], "an ambiguous UUID prefix hides everything from it on")
    c.contains(gpus_status(ambiguous)["reason"], "more than one", "gpus reason")


def case_mig(c):
    # CUDA lists a MIG GPU's instances, which only the driver can say.
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "FAKE_NVML_MIG": "0"})
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)], source="driver API")
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "CUDA_VISIBLE_DEVICES": "MIG-GPU-fa4e0000/1/0"})
    c.equal(driver_of(report)["cu_init_called"], True, "a MIG entry sends the question to the driver")


def case_slow_init(c):
    # cuInit takes seconds on an idle GPU; with NVML present the probe must not pay it.
    marker = os.path.join(c.scratch, "cuInit-called")
    report = c.fake_driver({"FAKE_CUDA_GPUS": H100, "FAKE_CUDA_INIT_SLEEP_MS": "4000",
                            "FAKE_CUDA_INIT_MARKER": marker, "FAKE_NVML_DRIVER_VERSION": "550.54.14",
                            "FAKE_CUDA_DRIVER_VERSION": "12080"}, extra_args=("--timeout", "10"))
    c.check(c.elapsed < 2.0, f"the probe finished well under cuInit's 4 s (took {c.elapsed:.2f} s)")
    c.check(not os.path.exists(marker), "cuInit was never called")
    expect_gpus(c, report, [(0, "NVIDIA H100 80GB HBM3", "9.0", 85520809984)])
    driver = driver_of(report)
    c.equal(driver["cuda_version"], "12.8", "cuda_version")
    c.equal(driver["cuda_version_source"], "cuDriverGetVersion", "cuda_version_source")


def case_libcuda_only(c):
    if system_has_library("libnvidia-ml.so.1"):
        return  # a real NVML can't be hidden from the loader
    marker = os.path.join(c.scratch, "cuInit-called")
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "FAKE_CUDA_INIT_MARKER": marker}, with_nvml=False)
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)], source="driver API")
    c.check(os.path.exists(marker), "without NVML, cuInit lists the GPUs")
    c.equal(driver_of(report)["cuda_version_source"], "cuDriverGetVersion", "cuda_version_source")


def case_nvml_only(c):
    if system_has_library("libcuda.so.1"):
        return  # a real libcuda can't be hidden from the loader
    report = c.run([c.args.nvml_dir], {"FAKE_CUDA_GPUS": A100, "FAKE_NVML_DRIVER_VERSION": "550.54.14",
                                       "FAKE_NVML_CUDA_VERSION": "12040"})
    driver = driver_of(report)
    c.equal(driver["status"], "found", "driver status (NVML answers for it)")
    c.equal(driver["library"], None, "no libcuda")
    c.equal(driver["cuda_version"], "12.4", "cuda_version")
    c.equal(driver["cuda_version_source"], "NVML", "cuda_version_source")
    c.contains(driver["reason"], "libcuda.so.1 not found", "driver reason says CUDA programs can't run here")
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)])


def case_nvml_disagrees(c):
    # A device NVML can't fully answer for: the driver API is asked instead.
    marker = os.path.join(c.scratch, "cuInit-called")
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "FAKE_NVML_CC_RESULT": "3", "FAKE_CUDA_INIT_MARKER": marker})
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)], source="driver API")
    c.check(os.path.exists(marker), "cuInit was called")
    # NVML stating nonsense is no answer either.
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "FAKE_NVML_GPUS": "NVIDIA A100-SXM4-80GB,-1.-1,85899345920"})
    expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)], source="driver API")


def case_hostile_values(c):
    # A broken driver's numbers read as unknown, and a name keeps its text intact in JSON.
    report = c.fake_driver({"FAKE_CUDA_GPUS": "x,-1.-1,18446744073709551615;y,8.6,0",
                            "FAKE_GPU0_NAME": "Evil [GPU; \"quoted\" ]] name",
                            "FAKE_GPU1_NAME": "Tab\there"}, with_nvml=False)
    gpus = report["gpus"]
    c.equal(len(gpus), 2, "both GPUs are listed")
    if len(gpus) == 2:
        c.equal(gpus[0]["compute_capability"], None, "compute capability -1.-1 is unknown")
        c.equal(gpus[0]["memory_bytes"], None, "memory 2^64-1 is unknown, not -1")
        c.equal(gpus[0]["name"], 'Evil [GPU; "quoted" ]] name', "name")
        c.equal(gpus[1]["compute_capability"], "8.6", "the other GPU is intact")
        c.equal(gpus[1]["name"], "Tabhere", "control characters dropped")
    c.contains(gpus_status(report)["reason"], "out of range", "gpus reason")


def case_hidden_devices(c):
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "CUDA_VISIBLE_DEVICES": ""})
    c.equal(driver_of(report)["cu_init_error"], None, "cu_init_error (NVML answered, no cuInit)")
    c.equal(report["gpus"], [], "gpus")
    c.equal(gpus_status(report)["status"], "not_found", "gpus status")
    c.contains(gpus_status(report)["reason"], 'CUDA_VISIBLE_DEVICES=""', "gpus reason")
    # Without NVML the driver's own answer says the same.
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100, "CUDA_VISIBLE_DEVICES": ""}, with_nvml=False)
    c.equal(driver_of(report)["cu_init_error"], 100, "cu_init_error (libcuda only)")
    c.contains(gpus_status(report)["reason"], 'CUDA_VISIBLE_DEVICES=""', "gpus reason (libcuda only)")


def driver_case(release, encoded, cuda):
    def case(c):
        report = c.fake_driver({"FAKE_CUDA_DRIVER_VERSION": str(encoded), "FAKE_NVML_DRIVER_VERSION": release,
                                "FAKE_CUDA_GPUS": GTX1080})
        driver = driver_of(report)
        c.equal(driver["status"], "found", "driver status")
        c.equal(driver["release"], release, "release")
        c.equal(driver["cuda_version"], cuda, "cuda_version")
        c.equal(driver["forward_compat"], False, "forward_compat")
        c.equal(driver["reason"], None, "driver reason")
    return case


def case_forward_compat(c):
    # Laid out like the cuda-compat package: libcuda.so.1 links to the file named for its release.
    compat = os.path.join(c.scratch, "compat")
    os.makedirs(compat)
    shutil.copy(os.path.join(c.args.cuda_dir, "libcuda.so.1"), os.path.join(compat, "libcuda.so.555.42.02"))
    os.symlink("libcuda.so.555.42.02", os.path.join(compat, "libcuda.so.1"))
    report = c.run([compat, c.args.nvml_dir], {"FAKE_CUDA_DRIVER_VERSION": "12050",
                                               "FAKE_NVML_DRIVER_VERSION": "470.82.01",
                                               "FAKE_CUDA_GPUS": A100})
    driver = driver_of(report)
    c.equal(driver["forward_compat"], True, "forward_compat")
    c.equal(driver["release"], "470.82.01", "release (the kernel driver's)")
    c.equal(driver["cuda_version"], "12.5", "cuda_version (the compat libcuda's)")
    c.equal(driver["library"], os.path.join(compat, "libcuda.so.1"), "library")
    c.contains(driver["reason"], "555.42.02", "driver reason")


def case_no_nvml(c):
    report = c.fake_driver({"FAKE_CUDA_GPUS": A100}, with_nvml=False)
    driver = driver_of(report)
    c.equal(driver["cuda_version"], "12.4", "cuda_version (fake's default)")
    kernel_files = kernel_module_files()
    if system_has_library("libnvidia-ml.so.1"):
        c.equal(driver["release_source"], "NVML", "release_source (this machine has a real NVML)")
    elif kernel_files:
        c.equal(driver["release_source"], kernel_files[0], "release_source")
    else:
        c.equal(driver["release"], None, "release")
        c.contains(driver["reason"], "libnvidia-ml.so.1", "driver reason names NVML")


def case_chatty_driver(c):
    # run() fails the case unless stdout is one JSON object. cuInit chatters, so no NVML.
    report = c.fake_driver({"FAKE_CUDA_PRINT": "NVRM: chatter from the driver", "FAKE_CUDA_GPUS": A100},
                           with_nvml=False)
    c.equal(len(report["gpus"]), 1, "gpus")
    c.contains(c.stderr, "NVRM: chatter from the driver", "the driver's output, on stderr")


def case_flooding_driver(c):
    # 64 MiB of chatter: at most 64 KiB reaches the probe's stderr, the rest is counted, and the
    # report is whole (torchcompat_detect() keeps the probe's stderr in memory).
    report = c.fake_driver({"FAKE_CUDA_PRINT_BYTES": str(64 << 20), "FAKE_CUDA_GPUS": A100},
                           with_nvml=False)
    c.equal(len(report["gpus"]), 1, "gpus")
    c.contains(c.stderr, "NVRM: flood of driver chatter", "the driver's output, on stderr")
    c.check(len(c.stderr) < (64 << 10) + 4096, f"stderr capped ({len(c.stderr)} bytes)")
    c.contains(c.stderr, "more bytes of a vendor library's output were dropped", "the drop is said")


def expect_rest_of_report(c, report):
    """A failed driver detector must cost only its own result."""
    selected = [t for t in report["toolkits"] if t["selected"]]
    if os.path.isdir("/usr/local/cuda"):
        c.check(selected, "a toolkit is still reported")
    if os.path.isfile(REAL_CUDNN_HEADER):
        c.equal(report["cudnn"]["header_version"], read_header_version(REAL_CUDNN_HEADER), "cudnn still reported")


def case_crash(c):
    # cuInit crashes; it is called only where NVML can't list the GPUs.
    report = c.fake_driver({"FAKE_CUDA_BEHAVIOUR": "crash", "FAKE_CUDA_GPUS": A100,
                            "FAKE_NVML_DRIVER_VERSION": "550.54.14"}, with_nvml=False)
    driver = driver_of(report)
    c.equal(driver["status"], "crashed", "driver status")
    c.contains(driver["reason"], "crashed (signal 11) in cuInit", "driver reason")
    c.equal(driver["library"], os.path.join(c.args.cuda_dir, "libcuda.so.1"), "library, sent before the crash")
    c.equal(gpus_status(report)["status"], "crashed", "gpus status")
    expect_rest_of_report(c, report)


def case_hang(c):
    report = c.fake_driver({"FAKE_CUDA_BEHAVIOUR": "hang", "FAKE_CUDA_GPUS": A100}, with_nvml=False,
                           extra_args=("--timeout", "1"))
    driver = driver_of(report)
    c.equal(driver["status"], "timed_out", "driver status")
    c.contains(driver["reason"], "timed out after 1 s in cuInit", "driver reason")
    c.check(c.elapsed < 10, f"the probe returned soon after the timeout (took {c.elapsed:.1f} s)")
    expect_rest_of_report(c, report)


def case_hang_beside_python(c):
    # The driver hangs for its whole budget; Python, started first, had answered
    # long before its own deadline, which has passed by the time it is read.
    report = c.run([c.args.cuda_dir], {"FAKE_CUDA_BEHAVIOUR": "hang", "FAKE_CUDA_GPUS": A100},
                   extra_args=("--timeout", "1"), python=True)
    c.equal(driver_of(report)["status"], "timed_out", "driver status")
    c.equal(report["python"]["status"], "found", f"python status ({report['python']['reason']})")


def nvml_failure_case(behaviour, expected, extra_args=()):
    """NVML runs after libcuda in the same child: its failure must cost only the release."""
    def case(c):
        report = c.fake_driver({"FAKE_NVML_BEHAVIOUR": behaviour, "FAKE_NVML_DRIVER_VERSION": "550.54.14",
                                "FAKE_CUDA_GPUS": A100, "FAKE_CUDA_DRIVER_VERSION": "12020"}, extra_args=extra_args)
        driver = driver_of(report)
        c.equal(driver["status"], "found", "driver status")
        c.equal(driver["cuda_version"], "12.2", "cuda_version")
        c.check(driver["release_source"] != "NVML", "the release did not come from NVML")
        c.contains(driver["reason"], expected, "driver reason")
        expect_gpus(c, report, [(0, "NVIDIA A100-SXM4-80GB", "8.0", 85899345920)], source="driver API")
    return case


def case_real_cudnn(c):
    if not os.path.isfile(REAL_CUDNN_HEADER):
        raise SystemExit(f"FAIL: {REAL_CUDNN_HEADER} is missing; this case needs the real cuDNN")
    expected = read_header_version(REAL_CUDNN_HEADER)
    cudnn = c.run([])["cudnn"]
    c.equal(cudnn["status"], "found", "cudnn status")
    c.equal(os.path.realpath(cudnn["header"]), os.path.realpath(REAL_CUDNN_HEADER), "header")
    c.equal(cudnn["header_version"], expected, "header_version")
    c.equal(os.path.realpath(cudnn["library"] or ""), os.path.realpath(REAL_CUDNN_LIBRARY), "library")
    c.equal(cudnn["library_version"], expected, "library_version (cudnnGetVersion)")
    c.equal(cudnn["version"], expected, "version")
    c.equal(cudnn["mismatch"], False, "mismatch")


def case_cudnn_mismatch(c):
    root = c.cudnn_tree("9.1.0", c.args.cudnn8_dir)
    cudnn = c.run([], {"CUDNN_ROOT": root, "FAKE_CUDNN_VERSION": "8906"})["cudnn"]
    c.equal(cudnn["header"], os.path.join(root, "include", "cudnn_version.h"), "header")
    c.equal(cudnn["header_version"], "9.1.0", "header_version")
    c.equal(cudnn["library"], os.path.join(root, "lib64", "libcudnn.so.8"), "library")
    c.equal(cudnn["library_version"], "8.9.6", "library_version")
    c.equal(cudnn["version"], "8.9.6", "version (the library's)")
    c.equal(cudnn["mismatch"], True, "mismatch")
    c.contains(cudnn["reason"], "9.1.0", "reason names the header's version")
    c.contains(cudnn["reason"], "8.9.6", "reason names the library's version")


def case_cudnn_fake9(c):
    root = c.cudnn_tree("9.3.0", c.args.cudnn9_dir)
    cudnn = c.run([], {"CUDNN_ROOT": root, "FAKE_CUDNN_VERSION": "90300"})["cudnn"]
    c.equal(cudnn["status"], "found", "cudnn status")
    c.equal(cudnn["library"], os.path.join(root, "lib64", "libcudnn.so.9"), "library")
    c.equal(cudnn["library_version"], "9.3.0", "library_version (9.x encoding)")
    c.equal(cudnn["header_version"], "9.3.0", "header_version")
    c.equal(cudnn["mismatch"], False, "mismatch")
    c.equal(cudnn["reason"], None, "reason")


def case_cudnn_crash(c):
    root = c.cudnn_tree("8.9.6", c.args.cudnn8_dir)
    report = c.fake_driver({"CUDNN_ROOT": root, "FAKE_CUDNN_BEHAVIOUR": "crash", "FAKE_CUDA_GPUS": A100,
                            "FAKE_NVML_DRIVER_VERSION": "550.54.14"})
    cudnn = report["cudnn"]
    c.equal(cudnn["status"], "crashed", "cudnn status")
    c.contains(cudnn["reason"], "crashed (signal 11) in cudnnGetVersion", "cudnn reason")
    c.equal(cudnn["library"], os.path.join(root, "lib64", "libcudnn.so.8"), "library, sent before the crash")
    c.equal(cudnn["header_version"], "8.9.6", "header_version kept")
    c.equal(driver_of(report)["status"], "found", "driver unaffected")
    c.equal(len(report["gpus"]), 1, "gpus unaffected")


CASES = {
    "no-driver": case_no_driver,
    "no-device": case_no_device,
    "init-error": case_init_error,
    "one-gpu": case_one_gpu,
    "several-gpus": case_several_gpus,
    "visible-devices": case_visible_devices,
    "visible-by-index": case_visible_by_index,
    "visible-by-uuid": case_visible_by_uuid,
    "mig": case_mig,
    "slow-init": case_slow_init,
    "libcuda-only": case_libcuda_only,
    "nvml-only": case_nvml_only,
    "nvml-disagrees": case_nvml_disagrees,
    "hostile-values": case_hostile_values,
    "hidden-devices": case_hidden_devices,
    "driver-470": driver_case("470.82.01", 11040, "11.4"),
    "driver-535": driver_case("535.104.05", 12020, "12.2"),
    "driver-550": driver_case("550.54.14", 12040, "12.4"),
    "driver-580": driver_case("580.65.06", 13000, "13.0"),
    "forward-compat": case_forward_compat,
    "no-nvml": case_no_nvml,
    "chatty-driver": case_chatty_driver,
    "flooding-driver": case_flooding_driver,
    "crash": case_crash,
    "nvml-crash": nvml_failure_case("crash", "crashed (signal 11) in nvmlInit_v2"),
    "nvml-hang": nvml_failure_case("hang", "timed out after 1 s in nvmlInit_v2", ("--timeout", "1")),
    "hang": case_hang,
    "hang-beside-python": case_hang_beside_python,
    "real-cudnn": case_real_cudnn,
    "cudnn-mismatch": case_cudnn_mismatch,
    "cudnn-fake9": case_cudnn_fake9,
    "cudnn-crash": case_cudnn_crash,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", required=True)
    parser.add_argument("--cuda-dir", required=True)
    parser.add_argument("--nvml-dir", required=True)
    parser.add_argument("--cudnn8-dir", required=True)
    parser.add_argument("--cudnn9-dir", required=True)
    parser.add_argument("--case", required=True, choices=sorted(CASES))
    args = parser.parse_args()
    case = Case(args)
    try:
        CASES[args.case](case)
    finally:
        shutil.rmtree(case.scratch, ignore_errors=True)
    if case.failures:
        print(f"FAIL {args.case}:")
        for failure in case.failures:
            print(f"  - {failure}")
        print(json.dumps(getattr(case, "report", None), indent=2))
        return 1
    print(f"ok {args.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
