#!/usr/bin/env python3
"""The built probe against sysfs fixture trees on disk, with real symlinks laid
out as the kernel lays them (a DRM card links to its PCI device, which links to
its driver), and ROCm's version file.

Cases:
  root       TORCHCOMPAT_SYSFS_ROOT names the tree; a link leading out of it is not followed
  namespace  the tree is bind-mounted over /sys and /opt in a private mount
             namespace (unshare --mount --map-root-user), without TORCHCOMPAT_SYSFS_ROOT:
             the probe reads the real paths; exit 77 (skipped) where unshare cannot do that
  cache      a GPU that appears in the tree changes the cached answer
  level-zero, level-zero-error, level-zero-crash, level-zero-hang, level-zero-suspended
             the fake Level Zero loader in ZE_DIR (tests/fakes) confirms the GPUs, fails,
             crashes, hangs, or is not asked because a GPU is runtime-suspended

Usage: check_sysfs_probe.py PROBE CASE [ZE_DIR]
Exits 0 when every check holds, 1 with the failed ones listed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_json_schema  # noqa: E402  (beside this file)

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cmake", "probe-schema.json")

SKIPPED = 77


def gpu_properties(gfx_target_version, device_id, simd_count):
    return (f"cpu_cores_count 0\nsimd_count {simd_count}\nmem_banks_count 1\ngfx_target_version "
            f"{gfx_target_version}\nvendor_id 4098\ndevice_id {device_id}\ndrm_render_minor 128\n"
            f"unique_id 11020485891402468862\n")


CPU_PROPERTIES = "cpu_cores_count 16\nsimd_count 0\ngfx_target_version 0\nvendor_id 0\ndevice_id 0\n"


class Tree:
    """A stand-in for "/": sys/class/kfd, sys/class/drm, sys/devices, sys/bus, opt."""

    def __init__(self, root):
        self.root = root

    def write(self, relative, text):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def link(self, relative, target):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.symlink(target, path)

    def kfd_node(self, node, text):
        self.write(f"sys/class/kfd/kfd/topology/nodes/{node}/properties", text)

    def drm_card(self, card, slot, vendor, device, driver):
        pci = f"sys/devices/pci0000:00/{slot}"
        for name, value in (("vendor", vendor), ("device", device), ("class", "0x030000")):
            self.write(f"{pci}/{name}", value + "\n")
        os.makedirs(os.path.join(self.root, pci, "drm", card), exist_ok=True)
        # Relative links, as sysfs has them, so the tree works wherever it is mounted.
        self.link(f"sys/class/drm/{card}", f"../../devices/pci0000:00/{slot}/drm/{card}")
        self.link(f"{pci}/drm/{card}/device", "../../../" + slot)
        if driver:
            os.makedirs(os.path.join(self.root, "sys/bus/pci/drivers", driver), exist_ok=True)
            self.link(f"{pci}/driver", f"../../../bus/pci/drivers/{driver}")


def machine(root):
    tree = Tree(root)
    tree.kfd_node(0, CPU_PROPERTIES)
    tree.kfd_node(1, gpu_properties(110000, 29772, 192))
    tree.kfd_node(2, gpu_properties(110003, 5567, 24))
    tree.drm_card("card0", "0000:00:02.0", "0x8086", "0x3e92", "i915")
    tree.drm_card("card1", "0000:03:00.0", "0x8086", "0x56a0", "i915")
    tree.drm_card("card2", "0000:04:00.0", "0x8086", "0xe20b", "xe")
    tree.write("opt/rocm/.info/version", "6.2.0-66\n")
    return tree


class Check:
    def __init__(self, probe):
        self.probe = probe
        self.scratch = tempfile.mkdtemp(prefix="torchcompat-sysfs-")
        self.failures = []
        self.env = {"PATH": "/usr/bin:/bin", "HOME": self.scratch}

    def run(self, *extra, env=None, wrapper=()):
        command = [*wrapper, self.probe, "--format", "json", "--no-python", *extra]
        result = subprocess.run(command, env={**self.env, **(env or {})}, capture_output=True, text=True,
                                timeout=60)
        if result.returncode != 0:
            raise SystemExit(f"FAIL: {' '.join(command)} exited {result.returncode}: {result.stderr}")
        report = json.loads(result.stdout)
        try:
            with open(SCHEMA) as f:
                check_json_schema.check(json.load(f), report)
        except check_json_schema.Invalid as error:
            self.failures.append(f"schema: {error}")
        return report

    def expect(self, what, got, wanted):
        if got != wanted:
            self.failures.append(f"{what}: got {got!r}, wanted {wanted!r}")

    def expect_machine(self, report, where):
        amd, intel = report["amd"], report["intel"]
        self.expect(f"{where}: amd status", (amd["status"], amd["reason"]), ("found", None))
        self.expect(f"{where}: amd gfx", [g["gfx"] for g in amd["gpus"]], ["gfx1100", "gfx1103"])
        self.expect(f"{where}: amd nodes", [g["node"] for g in amd["gpus"]], [1, 2])
        self.expect(f"{where}: rocm", amd["runtime"], {"version": "6.2.0", "source": "/opt/rocm/.info/version"})
        # No Level Zero loader on the test machine: said so, and nothing else.
        self.expect(f"{where}: intel status", intel["status"], "found")
        if not (intel["reason"] or "").startswith("Level Zero is not installed (libze_loader.so.1"):
            self.failures.append(f"{where}: intel reason {intel['reason']!r}")
        self.expect(f"{where}: intel gpus",
                    [(g["card"], g["device_id"], g["name"], g["generation"], g["driver"]) for g in intel["gpus"]],
                    [("card0", "0x3e92", "UHD Graphics 630", "Gen9", "i915"),
                     ("card1", "0x56a0", "Arc A770", "Xe-HPG", "i915"),
                     ("card2", "0xe20b", "Arc B580", "Xe2-HPG", "xe")])

    def finish(self):
        shutil.rmtree(self.scratch, ignore_errors=True)
        if self.failures:
            print("FAIL:\n  " + "\n  ".join(self.failures))
            return 1
        print("OK")
        return 0


def case_root(check):
    root = os.path.join(check.scratch, "root")
    tree = machine(root)
    report = check.run("--no-cache", env={"TORCHCOMPAT_SYSFS_ROOT": root})
    check.expect_machine(report, "TORCHCOMPAT_SYSFS_ROOT")
    # A driver link that leads out of the tree (to this machine's /sys) is not followed,
    # nor a node whose directory does.
    os.remove(os.path.join(root, "sys/devices/pci0000:00/0000:03:00.0/driver"))
    tree.link("sys/devices/pci0000:00/0000:03:00.0/driver", "/sys/class")
    outside = os.path.join(check.scratch, "outside")
    Tree(outside).write("properties", gpu_properties(90402, 1, 1216))
    tree.link("sys/class/kfd/kfd/topology/nodes/3", outside)
    report = check.run("--no-cache", env={"TORCHCOMPAT_SYSFS_ROOT": root})
    check.expect("outside link: driver", report["intel"]["gpus"][1]["driver"], None)
    check.expect("outside link: amd status", report["amd"]["status"], "error")
    check.expect("outside link: amd gfx", [g["gfx"] for g in report["amd"]["gpus"]], ["gfx1100", "gfx1103"])
    if "nodes/3/properties leads outside" not in (report["amd"]["reason"] or ""):
        check.failures.append(f"outside link: reason {report['amd']['reason']!r}")


def unshare_works():
    unshare = shutil.which("unshare", path="/usr/bin:/bin")
    if not unshare:
        return None
    probe = subprocess.run([unshare, "--mount", "--map-root-user", "true"], capture_output=True)
    return unshare if probe.returncode == 0 else None


def case_namespace(check):
    unshare = unshare_works()
    if not unshare:
        print("SKIPPED: unshare --mount --map-root-user is not permitted here")
        raise SystemExit(SKIPPED)
    root = os.path.join(check.scratch, "root")
    machine(root)
    # The whole of /sys: sysfs's links are relative (../../devices/...), and on this machine
    # /sys/class/kfd and /sys/class/drm may not exist to mount over.
    script = 'mount --bind "$1/sys" /sys && mount --bind "$1/opt" /opt && shift && exec "$@"'
    wrapper = (unshare, "--mount", "--map-root-user", "sh", "-c", script, "sh", root)
    report = check.run("--no-cache", wrapper=wrapper)
    check.expect_machine(report, "mount namespace")
    check.expect("no sysfs root variable", "TORCHCOMPAT_SYSFS_ROOT" in check.env, False)


def case_cache(check):
    root = os.path.join(check.scratch, "root")
    tree = machine(root)
    env = {"TORCHCOMPAT_SYSFS_ROOT": root, "TORCHCOMPAT_PROBE_CACHE_DIR": os.path.join(check.scratch, "cache")}
    first = check.run(env=env)
    second = check.run(env=env)
    check.expect("second run", second["probe"]["cache"]["machine"], "hit")
    check.expect("same answer", second["amd"], first["amd"])
    tree.kfd_node(3, gpu_properties(90402, 29857, 1216))
    third = check.run(env=env)
    check.expect("new AMD GPU: cache", third["probe"]["cache"]["machine"], "miss")
    check.expect("new AMD GPU: gfx", [g["gfx"] for g in third["amd"]["gpus"]], ["gfx1100", "gfx1103", "gfx942"])
    tree.drm_card("card3", "0000:05:00.0", "0x8086", "0x0bd5", "xe")
    fourth = check.run(env=env)
    check.expect("new Intel GPU: cache", fourth["probe"]["cache"]["machine"], "miss")
    check.expect("new Intel GPU: names", [g["name"] for g in fourth["intel"]["gpus"]][-1],
                 "Data Center GPU Max 1550")
    fifth = check.run(env={**env, "HIP_VISIBLE_DEVICES": "2"})
    check.expect("HIP_VISIBLE_DEVICES: cache", fifth["probe"]["cache"]["machine"], "miss")
    check.expect("HIP_VISIBLE_DEVICES: gfx", [g["gfx"] for g in fifth["amd"]["gpus"]], ["gfx942"])


def level_zero_run(check, ze_dir, extra_env, suspended=False):
    root = os.path.join(check.scratch, "root")
    shutil.rmtree(root, ignore_errors=True)
    tree = machine(root)
    if suspended:
        tree.write("sys/devices/pci0000:00/0000:03:00.0/power/runtime_status", "suspended\n")
    env = {"TORCHCOMPAT_SYSFS_ROOT": root, "LD_LIBRARY_PATH": ze_dir, **extra_env}
    report = check.run("--no-cache", "--timeout", "2", env=env)
    return report["intel"]


def case_level_zero(check, ze_dir):
    # Level Zero lists the A770 and the B580 (not the iGPU, whose compute runtime is absent).
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0xe20b,0x56a0"})
    check.expect("confirmed", [g["level_zero"] for g in intel["gpus"]], [False, True, True])
    check.expect("status", (intel["status"], intel["reason"]), ("found", None))
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0x56a0,0x56a0"})
    check.expect("one more than sysfs", [g["level_zero"] for g in intel["gpus"]], [False, True, False])
    check.expect("one more than sysfs: reason", intel["reason"],
                 "Level Zero lists 1 Intel GPU(s) that sysfs does not (or ZE_AFFINITY_MASK hides)")


def case_level_zero_error(check, ze_dir):
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0x56a0", "FAKE_ZE_INIT_RESULT": "2013265921"})
    check.expect("none confirmed", [g["level_zero"] for g in intel["gpus"]], [False, False, False])
    check.expect("status", intel["status"], "found")
    check.expect("reason", intel["reason"], "Level Zero: zeInit returned 2013265921")
    intel = level_zero_run(check, "/nonexistent", {})
    if not (intel["reason"] or "").startswith("Level Zero is not installed (libze_loader.so.1"):
        check.failures.append(f"no loader: reason {intel['reason']!r}")


def case_level_zero_crash(check, ze_dir):
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0x56a0", "FAKE_ZE_PROPERTIES_BEHAVIOUR": "crash"})
    check.expect("status", intel["status"], "found")
    check.expect("gpus kept", [g["name"] for g in intel["gpus"]], ["UHD Graphics 630", "Arc A770", "Arc B580"])
    check.expect("none confirmed", [g["level_zero"] for g in intel["gpus"]], [False, False, False])
    if "Level Zero crashed (signal 11) in zeDeviceGetProperties" not in (intel["reason"] or ""):
        check.failures.append(f"crash: reason {intel['reason']!r}")


def case_level_zero_hang(check, ze_dir):
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0x56a0", "FAKE_ZE_BEHAVIOUR": "hang"})
    check.expect("status", intel["status"], "found")
    check.expect("reason", intel["reason"], "Level Zero timed out after 2 s in zeInit")


def case_level_zero_suspended(check, ze_dir):
    # A hanging loader proves it was never called: the probe would wait for it.
    intel = level_zero_run(check, ze_dir, {"FAKE_ZE_DEVICES": "0x56a0", "FAKE_ZE_BEHAVIOUR": "hang"},
                           suspended=True)
    check.expect("reason", intel["reason"],
                 "Level Zero not asked: card1 is runtime-suspended and asking would wake it")
    check.expect("none confirmed", [g["level_zero"] for g in intel["gpus"]], [False, False, False])


CASES = {"root": case_root, "namespace": case_namespace, "cache": case_cache}
LEVEL_ZERO_CASES = {"level-zero": case_level_zero, "level-zero-error": case_level_zero_error,
                    "level-zero-crash": case_level_zero_crash, "level-zero-hang": case_level_zero_hang,
                    "level-zero-suspended": case_level_zero_suspended}


def main():
    usage = (len(sys.argv) == 3 and sys.argv[2] in CASES) or (len(sys.argv) == 4 and sys.argv[2] in LEVEL_ZERO_CASES)
    if not usage:
        print(__doc__, file=sys.stderr)
        return 2
    check = Check(sys.argv[1])
    try:
        if sys.argv[2] in CASES:
            CASES[sys.argv[2]](check)
        else:
            LEVEL_ZERO_CASES[sys.argv[2]](check, sys.argv[3])
    except SystemExit as stop:
        shutil.rmtree(check.scratch, ignore_errors=True)
        raise stop
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
