#!/usr/bin/env python3
"""The probe's per-user cache: a repeated run answers from it, and a change to
anything in its key or to a file an answer was read from is never served stale.

Runs the built probe with TORCHCOMPAT_PROBE_CACHE_DIR in a scratch directory,
a saved toolkit tree and a stand-in interpreter (a script that prints what a
real Python prints to the probe's inline script). Exits 0 when every check
holds, 1 with the failed ones listed.

Usage: check_probe_cache.py PROBE CASE
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

PYTHON = """#!/bin/sh
echo torchcompat-python-answer-v1
echo 3.11.2
echo "$0"
echo "{site}"
"""


class Case:
    def __init__(self, probe):
        self.probe = probe
        self.scratch = tempfile.mkdtemp(prefix="torchcompat-cache-")
        self.cache = os.path.join(self.scratch, "cache")
        self.failures = []
        self.toolkit = self.write("toolkit/version.json", '{"cuda": {"version": "12.4.131"}}')
        self.toolkit = os.path.dirname(self.toolkit)
        self.site = os.path.join(self.scratch, "site")
        os.makedirs(self.site)
        self.python = self.write("bin/python3", PYTHON.format(site=self.site), executable=True)
        self.env = {"PATH": "/usr/bin:/bin", "HOME": self.scratch, "TORCHCOMPAT_PROBE_CACHE_DIR": self.cache}

    def write(self, relative, text, executable=False):
        path = os.path.join(self.scratch, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        if executable:
            os.chmod(path, 0o755)
        return path

    def run(self, *extra, env=None):
        command = [self.probe, "--format", "json", "--cuda-root", self.toolkit, "--python", self.python, *extra]
        result = subprocess.run(command, env={**self.env, **(env or {})}, capture_output=True, text=True,
                                timeout=60)
        if result.returncode != 0:
            raise SystemExit(f"FAIL: probe exited {result.returncode}: {result.stderr}")
        return json.loads(result.stdout)

    def expect(self, report, machine, python, what):
        got = report["probe"]["cache"]
        self.check(got == {"machine": machine, "python": python},
                   f"{what}: cache {got}, expected machine {machine}, python {python}")

    def check(self, condition, what):
        if not condition:
            self.failures.append(what)


def without_cache_state(report):
    report = json.loads(json.dumps(report))
    report["probe"]["cache"] = None
    return report


def case_warm(c):
    cold = c.run()
    c.expect(cold, "miss", "miss", "first run")
    warm = c.run()
    c.expect(warm, "hit", "hit", "second run")
    c.check(without_cache_state(cold) == without_cache_state(warm), "the warm answer is the cold one")
    c.check(warm["probe"]["time"] == cold["probe"]["time"], "the time is when the machine was probed")
    mode = stat.S_IMODE(os.stat(c.cache).st_mode)
    c.check(mode == 0o700, f"the cache directory is private (mode {oct(mode)})")


def case_no_cache(c):
    report = c.run("--no-cache")
    c.expect(report, "off", "off", "--no-cache")
    c.check(not os.path.exists(c.cache) or not os.listdir(c.cache), "--no-cache wrote nothing")
    c.run()
    c.expect(c.run("--no-cache"), "off", "off", "--no-cache with a warm cache")


def case_key_changes(c):
    c.run()
    c.expect(c.run(env={"CUDA_VISIBLE_DEVICES": "1"}), "miss", "hit", "CUDA_VISIBLE_DEVICES set")
    c.expect(c.run(env={"LD_LIBRARY_PATH": c.scratch}), "miss", "hit", "library search path changed")
    c.expect(c.run(env={"PYTHONPATH": c.scratch}), "hit", "miss", "PYTHONPATH set")
    c.expect(c.run(env={"TORCHCOMPAT_OVERRIDE_DRIVER": "550.54.14"}), "miss", "hit", "an override set")
    c.expect(c.run(), "hit", "hit", "back to the first environment")


def case_file_changes(c):
    c.run()
    # A toolkit upgraded in place: same root, new version file.
    time.sleep(0.01)
    c.write("toolkit/version.json", '{"cuda": {"version": "12.8.93"}}')
    report = c.run()
    c.expect(report, "miss", "hit", "version.json rewritten")
    c.check(report["toolkits"][0]["version"] == "12.8.93", f"new version read: {report['toolkits'][0]['version']}")
    # torch installed into the interpreter's site-packages.
    c.write("site/torch-2.4.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.0\n")
    report = c.run()
    c.expect(report, "hit", "miss", "a package installed")
    c.check(report["python"]["torch"] == "2.4.0", f"torch now found: {report['python']['torch']}")
    # The interpreter replaced.
    time.sleep(0.01)
    c.write("bin/python3", PYTHON.format(site=c.site).replace("3.11.2", "3.12.1"), executable=True)
    report = c.run()
    c.expect(report, "hit", "miss", "the interpreter replaced")
    c.check(report["python"]["version"] == "3.12.1", f"new interpreter asked: {report['python']['version']}")


def case_python_in_place(c):
    # Changes that alter what Python finds without a sys.path directory
    # changing (issue 15): each must be seen by the next run.
    c.write("site/torch-2.4.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.0\n")
    c.write("site/extra.pth", "# nothing yet\n")
    c.run()
    c.expect(c.run(), "hit", "hit", "nothing changed")
    time.sleep(0.01)
    c.write("site/torch-2.4.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.1\n")
    report = c.run()
    c.expect(report, "hit", "miss", "METADATA rewritten in place")
    c.check(report["python"]["torch"] == "2.4.1", f"rewritten version read: {report['python']['torch']}")
    time.sleep(0.01)
    c.write("site/extra.pth", "/somewhere/else\n")
    c.expect(c.run(), "hit", "miss", ".pth file rewritten in place")
    c.write("pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\n")
    c.expect(c.run(), "hit", "miss", "pyvenv.cfg appeared")
    time.sleep(0.01)
    c.write("pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = true\n")
    c.expect(c.run(), "hit", "miss", "include-system-site-packages flipped")
    os.makedirs(os.path.join(c.scratch, ".local/lib/python3.11/site-packages"))
    c.expect(c.run(), "hit", "miss", "the user site created (pip install --user)")
    shutil.rmtree(os.path.join(c.scratch, ".local"))
    c.expect(c.run(), "hit", "miss", "the user site removed")
    c.expect(c.run(), "hit", "hit", "nothing changed since")


def case_untrusted_directory(c):
    os.makedirs(c.cache, mode=0o700)
    os.chmod(c.cache, 0o777)
    c.expect(c.run(), "unavailable", "unavailable", "a directory others may write to")
    c.check(not os.listdir(c.cache), "nothing written to it")


def case_corrupt_entry(c):
    c.run()
    for name in os.listdir(c.cache):
        with open(os.path.join(c.cache, name), "w") as f:
            f.write("format=torchcompat-probe-cache-1\nkey=garbage\n")
    report = c.run()
    c.expect(report, "miss", "miss", "entries that don't match")
    c.check(report["toolkits"][0]["version"] == "12.4.131", "the answer is asked afresh")


def case_prune_own_files(c):
    # A folder of the user's own, named by TORCHCOMPAT_PROBE_CACHE_DIR: the prune (beyond 64
    # entries, oldest first) removes only the probe's own entries, never the user's files, even
    # older ones with similar names.
    os.makedirs(c.cache, mode=0o700)
    own = ["notes.txt", "machine.txt", "machine-0123.txt", "Machine-0123456789abcdef.txt",
           "machine-0123456789ABCDEF.txt", "machine-0123456789abcdef.txt.bak"]
    for index, name in enumerate(own):
        path = c.write(os.path.join("cache", name), "the user's own\n")
        os.utime(path, (1000 + index, 1000 + index))
    stale = []
    for index in range(70):
        name = f"machine-{index:016x}.txt"
        path = c.write(os.path.join("cache", name), "format=torchcompat-probe-cache-1\nkey=old\n")
        os.utime(path, (2000 + index, 2000 + index))
        stale.append(name)
    c.run()
    left = set(os.listdir(c.cache))
    c.check(all(name in left for name in own), f"the user's files kept: {sorted(set(own) - left)} gone")
    entries = [name for name in left if name not in own]
    c.check(len(entries) == 64, f"pruned to 64 entries, {len(entries)} left")
    c.check(stale[0] not in left, "the oldest entry was pruned")


def case_interrupted_not_kept(c):
    # An nvcc that hangs: the toolkit's answer says "timed out", which may not happen again.
    root = os.path.dirname(c.write("slow/bin/nvcc", "#!/bin/sh\nexec sleep 30\n", executable=True))
    c.toolkit = os.path.dirname(root)
    c.expect(c.run("--timeout", "0.3"), "miss", "miss", "first run")
    c.expect(c.run("--timeout", "0.3"), "miss", "hit", "a timed-out answer is not kept")


CASES = {name[5:].replace("_", "-"): f for name, f in globals().items() if name.startswith("case_")}


def main():
    probe, name = sys.argv[1], sys.argv[2]
    case = Case(probe)
    try:
        CASES[name](case)
    finally:
        shutil.rmtree(case.scratch, ignore_errors=True)
    if case.failures:
        print(f"FAIL {name}:")
        for failure in case.failures:
            print(f"  - {failure}")
        return 1
    print(f"ok {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
