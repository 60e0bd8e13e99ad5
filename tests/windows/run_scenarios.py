#!/usr/bin/env python3
"""Runs the cross-compiled probe under Wine against the fake NVIDIA DLLs.

Each scenario lays out what a Windows machine would have (a toolkit under
C:\\Program Files\\NVIDIA GPU Computing Toolkit\\CUDA\\v*, one named by
CUDA_PATH, nvcuda.dll / nvml.dll on the DLL search path or none), runs
torchcompat-probe.exe --format json in a clean environment, and checks the
JSON fields. Prints one line per scenario and a summary; exit 1 when any failed.

  run_scenarios.py --build <cross build dir> --wine <wine64> --wineserver <wineserver>
                   --prefix <WINEPREFIX> [--scenario NAME]...
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROGRAM_FILES_CUDA = Path("Program Files") / "NVIDIA GPU Computing Toolkit" / "CUDA"
TWO_GPUS = "NVIDIA RTX A4000,8.6,17179869184;NVIDIA GeForce GTX 1080,6.1,8589934592"


class Failed(Exception):
    pass


class Machine:
    """One scenario's Windows machine: the prefix's drive_c and an environment."""

    def __init__(self, args):
        self.args = args
        self.drive_c = Path(args.prefix) / "drive_c"
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": os.environ.get("HOME", "/tmp"),
            "WINEPREFIX": args.prefix,
            "WINEDEBUG": "-all",
            # Wine would start its debugger on a crashing child (it ignores
            # SEM_NOGPFAULTERRORBOX); the probe must see the crash itself.
            "WINEDLLOVERRIDES": "winedbg.exe=d",
        }
        self.created = []

    def windows_path(self, path):
        """A path under drive_c as Windows names it."""
        return "C:\\" + str(Path(path).relative_to(self.drive_c)).replace("/", "\\")

    def toolkit(self, root, version_file, text):
        root = self.drive_c / root
        (root / version_file).parent.mkdir(parents=True, exist_ok=True)
        (root / version_file).write_text(text)
        self.created.append(root)
        return root

    def fake_dlls(self, *kinds):
        """The fakes' directories on the DLL search path (Wine's PATH)."""
        fakes = Path(self.args.build) / "fakes"
        self.env["WINEPATH"] = ";".join("Z:" + str(fakes / kind).replace("/", "\\") for kind in kinds)

    def run(self, *probe_args, timeout=60):
        probe = Path(self.args.build) / "tool" / "torchcompat-probe.exe"
        started = time.monotonic()
        done = subprocess.run([self.args.wine, str(probe), *probe_args], env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return done, time.monotonic() - started

    def probe_json(self, *extra):
        done, seconds = self.run("--format", "json", "--no-python", "--no-cache", *extra)
        if done.returncode != 0:
            raise Failed(f"probe exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
        try:
            return json.loads(done.stdout), seconds
        except json.JSONDecodeError as error:
            raise Failed(f"stdout is not JSON ({error}): {done.stdout[:300]!r}")

    def clean(self):
        for root in self.created:
            shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(self.drive_c / PROGRAM_FILES_CUDA.parent, ignore_errors=True)


def expect(condition, what, value):
    if not condition:
        raise Failed(f"{what}: got {value!r}")


def equal(actual, wanted, what):
    expect(actual == wanted, f"{what} should be {wanted!r}", actual)


def contains(text, part, what):
    expect(isinstance(text, str) and part in text, f"{what} should contain {part!r}", text)


def selected(report):
    chosen = [t for t in report["toolkits"] if t["selected"]]
    equal(len(chosen), 1, "number of selected toolkits")
    return chosen[0]


# ---- scenarios ---------------------------------------------------------------


def toolkit_program_files(m):
    """The installer's layout: every v* found, the newest selected, versions from their files."""
    m.toolkit(PROGRAM_FILES_CUDA / "v12.4", "version.json", '{"cuda": {"name": "CUDA SDK", "version": "12.4.131"}}')
    m.toolkit(PROGRAM_FILES_CUDA / "v11.8", "version.txt", "CUDA Version 11.8.89\n")
    report, _ = m.probe_json()
    equal(report["toolkits_status"]["status"], "found", "toolkits_status.status")
    equal([t["version"] for t in report["toolkits"]], ["12.4.131", "11.8.89"], "toolkit versions, newest first")
    chosen = selected(report)
    expect(chosen["root"].endswith("NVIDIA GPU Computing Toolkit/CUDA/v12.4"), "selected root", chosen["root"])
    equal(chosen["found_via"], "C:/Program Files/NVIDIA GPU Computing Toolkit/CUDA/v*", "found_via")
    equal(chosen["source"], "version.json", "version source")
    equal(report["toolkits"][1]["source"], "version.txt", "older toolkit's version source")


def toolkit_cuda_path(m):
    """CUDA_PATH wins over the installer's directories (FindCUDAToolkit's order)."""
    m.toolkit(PROGRAM_FILES_CUDA / "v12.4", "version.json", '{"cuda": {"name": "CUDA SDK", "version": "12.4.131"}}')
    own = m.toolkit(Path("tools") / "cuda 12.1", "include/cuda.h", "#define CUDA_VERSION 12010\n")
    m.env["CUDA_PATH"] = m.windows_path(own)
    report, _ = m.probe_json()
    chosen = selected(report)
    equal(chosen["found_via"], "CUDA_PATH", "selected toolkit's found_via")
    equal(chosen["root"], "C:\\tools\\cuda 12.1", "selected root")
    equal(chosen["version"], "12.1", "selected version (from cuda.h)")
    equal(chosen["source"], "include/cuda.h", "version source")
    equal(len(report["toolkits"]), 2, "toolkits listed (CUDA_PATH's and v12.4)")


def toolkit_nvcc_only(m):
    """A tree with nothing but bin/nvcc.exe: its version comes from running it (a real child process)."""
    root = m.toolkit(PROGRAM_FILES_CUDA / "v12.4", "bin/.keep", "")
    shutil.copy(Path(m.args.build) / "fakes" / "nvcc" / "nvcc.exe", root / "bin" / "nvcc.exe")
    m.env["FAKE_NVCC_RELEASE"] = "12.4.131"
    report, _ = m.probe_json()
    chosen = selected(report)
    equal(chosen["version"], "12.4.131", "version from nvcc --version")
    equal(chosen["source"], "nvcc --version", "version source")


def toolkit_nvcc_hangs(m):
    """An nvcc.exe that never exits is killed at the timeout; the reason says so."""
    root = m.toolkit(PROGRAM_FILES_CUDA / "v12.4", "bin/.keep", "")
    shutil.copy(Path(m.args.build) / "fakes" / "nvcc" / "nvcc.exe", root / "bin" / "nvcc.exe")
    m.env["FAKE_NVCC_BEHAVIOUR"] = "hang"
    report, seconds = m.probe_json("--timeout", "2")
    expect(seconds < 15, "the probe returns soon after the 2 s timeout", f"{seconds:.1f} s")
    equal(report["toolkits_status"]["status"], "error", "toolkits_status.status")
    contains(report["toolkits_status"]["reason"], "nvcc --version timed out after 2 s", "toolkits_status.reason")


def cudnn_in_toolkit_bin(m):
    """cudnn64_9.dll in the toolkit's bin (a path with a space, handed to the cuDNN child on its command line)."""
    root = m.toolkit(Path("tools") / "cuda 12.1", "include/cuda.h", "#define CUDA_VERSION 12010\n")
    (root / "bin").mkdir()
    shutil.copy(Path(m.args.build) / "fakes" / "cudnn" / "cudnn64_9.dll", root / "bin" / "cudnn64_9.dll")
    (root / "include" / "cudnn_version.h").write_text(
        "#define CUDNN_MAJOR 9\n#define CUDNN_MINOR 3\n#define CUDNN_PATCHLEVEL 0\n")
    m.env.update(CUDA_PATH=m.windows_path(root), FAKE_CUDNN_VERSION="90300")
    report, _ = m.probe_json()
    cudnn = report["cudnn"]
    equal(cudnn["status"], "found", "cudnn.status")
    equal(cudnn["library"], "C:\\tools\\cuda 12.1\\bin\\cudnn64_9.dll", "cudnn.library")
    equal(cudnn["library_version"], "9.3.0", "cudnn.library_version")
    equal(cudnn["header_version"], "9.3.0", "cudnn.header_version")
    equal(cudnn["mismatch"], False, "cudnn.mismatch")


def cudnn_hangs(m):
    """A cudnnGetVersion that never returns: the cuDNN child is killed at the timeout."""
    root = m.toolkit(Path("tools") / "cuda 12.1", "include/cuda.h", "#define CUDA_VERSION 12010\n")
    (root / "bin").mkdir()
    shutil.copy(Path(m.args.build) / "fakes" / "cudnn" / "cudnn64_9.dll", root / "bin" / "cudnn64_9.dll")
    m.env.update(CUDA_PATH=m.windows_path(root), FAKE_CUDNN_BEHAVIOUR="hang")
    report, seconds = m.probe_json("--timeout", "2")
    expect(seconds < 15, "the probe returns soon after the 2 s timeout", f"{seconds:.1f} s")
    equal(report["cudnn"]["status"], "timed_out", "cudnn.status")
    contains(report["cudnn"]["reason"], "timed out after 2 s", "cudnn.reason")


def toolkit_none(m):
    """No toolkit anywhere: not found, and the reason names the Windows location."""
    report, _ = m.probe_json()
    equal(report["toolkits_status"]["status"], "not_found", "toolkits_status.status")
    contains(report["toolkits_status"]["reason"], "C:/Program Files/NVIDIA GPU Computing Toolkit/CUDA/v*", "reason")


def driver_and_gpus(m):
    """nvml.dll gives the release and the GPUs; nvcuda.dll the CUDA version."""
    m.fake_dlls("cuda", "nvml")
    m.env.update(FAKE_NVML_DRIVER_VERSION="551.86", FAKE_CUDA_DRIVER_VERSION="12040", FAKE_CUDA_GPUS=TWO_GPUS)
    report, _ = m.probe_json()
    driver = report["driver"]
    equal(driver["status"], "found", "driver.status")
    equal(driver["release"], "551.86", "driver.release")
    equal(driver["release_source"], "NVML", "driver.release_source")
    equal(driver["cuda_version"], "12.4", "driver.cuda_version")
    expect(driver["library"].lower().endswith("\\cuda\\nvcuda.dll"), "driver.library is the fake nvcuda.dll",
           driver["library"])
    equal(driver["cu_init_called"], False, "cuInit skipped when NVML lists the GPUs")
    equal(report["gpus_status"]["source"], "NVML", "gpus_status.source")
    equal([(g["name"], g["compute_capability"], g["memory_bytes"]) for g in report["gpus"]],
          [("NVIDIA RTX A4000", "8.6", 17179869184), ("NVIDIA GeForce GTX 1080", "6.1", 8589934592)], "GPUs")


def nvml_beside_nvidia_smi(m):
    """An older driver's layout: nvml.dll only in C:\\Program Files\\NVIDIA Corporation\\NVSMI."""
    m.fake_dlls("cuda")
    nvsmi = m.drive_c / "Program Files" / "NVIDIA Corporation" / "NVSMI"
    nvsmi.mkdir(parents=True, exist_ok=True)
    m.created.append(nvsmi.parent)
    shutil.copy(Path(m.args.build) / "fakes" / "nvml" / "nvml.dll", nvsmi / "nvml.dll")
    m.env.update(FAKE_NVML_DRIVER_VERSION="472.12", FAKE_CUDA_DRIVER_VERSION="11040", FAKE_CUDA_GPUS=TWO_GPUS)
    report, _ = m.probe_json()
    equal(report["driver"]["release"], "472.12", "driver.release")
    equal(report["driver"]["release_source"], "NVML", "driver.release_source")
    equal(report["gpus_status"]["source"], "NVML", "gpus_status.source")


def driver_api_gpus(m):
    """Without nvml.dll the GPUs come from nvcuda.dll's driver API (cuInit in the child)."""
    m.fake_dlls("cuda")
    m.env.update(FAKE_CUDA_DRIVER_VERSION="12020", FAKE_CUDA_GPUS=TWO_GPUS, CUDA_VISIBLE_DEVICES="1")
    report, _ = m.probe_json()
    driver = report["driver"]
    equal(driver["status"], "found", "driver.status")
    equal(driver["cuda_version"], "12.2", "driver.cuda_version")
    equal(driver["release"], None, "driver.release (no NVML)")
    contains(driver["reason"], "nvml.dll not found", "driver.reason")
    equal(driver["cu_init_called"], True, "cuInit called")
    equal(report["gpus_status"]["source"], "driver API", "gpus_status.source")
    equal([g["name"] for g in report["gpus"]], ["NVIDIA GeForce GTX 1080"], "GPUs visible through CUDA_VISIBLE_DEVICES")


def no_driver(m):
    """Neither DLL anywhere: not found, with the Windows file named."""
    report, _ = m.probe_json()
    driver = report["driver"]
    equal(driver["status"], "not_found", "driver.status")
    equal(driver["reason"], "nvcuda.dll not found (no NVIDIA driver installed)", "driver.reason")
    equal(report["gpus"], [], "GPUs")
    expect(report["gpus_status"]["status"] != "found", "gpus_status.status is not found", report["gpus_status"])


def hanging_driver(m):
    """cuInit never returns: the child is killed at the timeout, the rest stands."""
    m.fake_dlls("cuda")
    m.env.update(FAKE_CUDA_GPUS=TWO_GPUS, FAKE_CUDA_BEHAVIOUR="hang")
    report, seconds = m.probe_json("--timeout", "2")
    expect(seconds < 15, "the probe returns soon after the 2 s timeout", f"{seconds:.1f} s")
    equal(report["gpus_status"]["status"], "timed_out", "gpus_status.status")
    contains(report["gpus_status"]["reason"], "timed out after 2 s in cuInit", "gpus_status.reason")
    equal(report["driver"]["cuda_version"], "12.4", "driver.cuda_version (sent before the hang)")


def hanging_nvml(m):
    """nvmlInit_v2 never returns: NVML's child is killed, nvcuda.dll still answers."""
    m.fake_dlls("cuda", "nvml")
    m.env.update(FAKE_CUDA_GPUS=TWO_GPUS, FAKE_NVML_BEHAVIOUR="hang", FAKE_NVML_DRIVER_VERSION="551.86")
    report, seconds = m.probe_json("--timeout", "2")
    expect(seconds < 15, "the probe returns soon after the 2 s timeout", f"{seconds:.1f} s")
    contains(report["driver"]["reason"], "NVML timed out after 2 s in nvmlInit_v2", "driver.reason")
    equal(report["gpus_status"]["source"], "driver API", "gpus_status.source")
    equal(len(report["gpus"]), 2, "GPUs from the driver API")


def crashing_nvml(m):
    """nvmlInit_v2 writes through a null pointer: the child's access violation is reported."""
    m.fake_dlls("cuda", "nvml")
    m.env.update(FAKE_CUDA_GPUS=TWO_GPUS, FAKE_NVML_BEHAVIOUR="crash")
    report, _ = m.probe_json()
    contains(report["driver"]["reason"], "NVML crashed (exception 0xC0000005) in nvmlInit_v2", "driver.reason")
    equal(report["driver"]["status"], "found", "driver.status (nvcuda.dll still answers)")


def chatty_driver(m):
    """A driver that prints to stdout can't break the probe's JSON."""
    m.fake_dlls("cuda")
    m.env.update(FAKE_CUDA_GPUS=TWO_GPUS, FAKE_CUDA_PRINT='{"schema_version": 666}')
    report, _ = m.probe_json()
    equal(report["schema_version"], 1, "schema_version")
    equal(len(report["gpus"]), 2, "GPUs")


def flooding_driver(m):
    """A driver that prints 8 MiB: at most 64 KiB reach the probe's stderr, the drop is said."""
    m.fake_dlls("cuda")
    m.env.update(FAKE_CUDA_GPUS=TWO_GPUS, FAKE_CUDA_PRINT_BYTES=str(8 << 20))
    done, _ = m.run("--format", "json", "--no-python", "--no-cache")
    equal(done.returncode, 0, "exit code")
    equal(len(json.loads(done.stdout)["gpus"]), 2, "GPUs")
    stderr = done.stderr.decode(errors="replace")
    contains(stderr, "NVRM: flood of driver chatter", "the driver's output, on stderr")
    expect(len(done.stderr) < (64 << 10) + 4096, "stderr capped", len(done.stderr))
    contains(stderr, "more bytes of a vendor library's output were dropped", "the drop is said")


def usage(m):
    """Exit codes: 0 for --help and a text report, 2 for a usage error."""
    done, _ = m.run("--help")
    equal(done.returncode, 0, "--help exit code")
    done, _ = m.run("--no-python", "--no-cache")
    equal(done.returncode, 0, "text report exit code")
    contains(done.stdout.decode(errors="replace"), "nvcuda.dll", "text report")
    done, _ = m.run("--format", "yaml")
    equal(done.returncode, 2, "usage error exit code")


SCENARIOS = [toolkit_program_files, toolkit_cuda_path, toolkit_nvcc_only, toolkit_nvcc_hangs, cudnn_in_toolkit_bin, cudnn_hangs,
             toolkit_none, driver_and_gpus, nvml_beside_nvidia_smi, driver_api_gpus,
             no_driver, hanging_driver, hanging_nvml, crashing_nvml, chatty_driver, flooding_driver, usage]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--wine", required=True)
    parser.add_argument("--wineserver", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--scenario", action="append", default=[])
    args = parser.parse_args()
    chosen = [s for s in SCENARIOS if not args.scenario or s.__name__ in args.scenario]
    if not chosen:
        print(f"TorchCompat: no scenario named {args.scenario}", file=sys.stderr)
        return 2
    # One wineserver for every run: without it each run starts Wine's services
    # again (seconds each).
    server_env = dict(Machine(args).env)
    Path(args.prefix).mkdir(parents=True, exist_ok=True)
    subprocess.run([args.wineserver, "-p"], env=server_env, check=True)
    try:
        # Creates the prefix on first use (wineboot --init, ~10 s) and starts
        # Wine's services here, with no pipe of a scenario's run open: they
        # outlive each run and would hold its stdout open.
        started = time.monotonic()
        subprocess.run([args.wine, "wineboot", "--init"], env=server_env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
        print(f"Wine prefix {args.prefix} ready ({time.monotonic() - started:.1f} s)", flush=True)
        failed = run_scenarios(args, chosen)
    finally:
        subprocess.run([args.wineserver, "-k"], env=server_env)
    print(f"{len(chosen) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def run_scenarios(args, chosen):
    failed = []
    for scenario in chosen:
        machine = Machine(args)
        machine.clean()
        started = time.monotonic()
        try:
            scenario(machine)
            print(f"ok    {scenario.__name__} ({time.monotonic() - started:.1f} s)", flush=True)
        except (Failed, subprocess.TimeoutExpired) as failure:
            failed.append(scenario.__name__)
            print(f"FAIL  {scenario.__name__}: {failure}", flush=True)
        finally:
            machine.clean()
    return failed


if __name__ == "__main__":
    sys.exit(main())
