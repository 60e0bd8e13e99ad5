#!/usr/bin/env python3
"""scripts/check-pypi against a fake PyPI on 127.0.0.1 (no internet).

The fake index serves real wheel zips (METADATA, torch/version.py) over HTTP with
Range support, so the whole chain runs: index parsing, remote zip reading, the table
builder and the re-check. Cases: a table built from the index re-checks clean and
--record writes the run record; a corrupted pair, a missing release and a torchvision
whose pin changed on "PyPI" are each reported and make the script exit 1. --changes
against the recorded run: nothing listed (exit 0) while the index is unchanged; once the
loopback index serves a release newer than the table, a new companion, a late file of a
known release and a yank, each is one line (exit 1), and the newer release is not in the
table. --offline holds the real data/ to its own recorded check.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECK_PYPI = os.path.join(ROOT, "scripts", "check-pypi")
BUILDER = os.path.join(ROOT, "scripts", "data", "torch_releases.py")
sys.path.insert(0, HERE)

from fake_pypi import FakePyPI, make_wheel  # noqa: E402
from expectations import expect  # noqa: E402

VERSION_PY = "__version__ = '{version}+cu121'\ndebug = False\ncuda = '12.1'\ngit_version = 'abc'\nhip = None\n"


def add_newer_release(pypi):
    """What a scheduled job must notice: torch 2.6.0 with a torchaudio that names a range,
    a wheel added late to 2.5.0, and torchvision 0.19.0 yanked."""
    pypi.add_wheel("torch", "torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl",
                   make_wheel("torch", "2.6.0", [], VERSION_PY.format(version="2.6.0")),
                   "2025-01-29T10:00:00Z", requires_python=">=3.9.0")
    pypi.add_wheel("torchaudio", "torchaudio-2.6.1-py3-none-manylinux1_x86_64.whl",
                   make_wheel("torchaudio", "2.6.1", ["torch>=2.5"]), "2025-01-29T12:00:00Z")
    pypi.add_wheel("torch", "torch-2.5.0-cp313-cp313-manylinux1_x86_64.whl",
                   make_wheel("torch", "2.5.0", [], VERSION_PY.format(version="2.5.0")),
                   "2025-01-30T10:00:00Z", requires_python=">=3.8.0")
    for entry in pypi.projects["torchvision"]:
        if entry["filename"].startswith("torchvision-0.19.0-"):
            entry["yanked"] = "broken"


def populate(pypi, torchvision_pin_for_020="2.5.0"):
    for version, date in (("2.4.0", "2024-07-24"), ("2.5.0", "2024-10-17")):
        for python in ("cp311", "cp312"):
            pypi.add_wheel("torch", "torch-{}-{}-{}-manylinux1_x86_64.whl".format(version, python, python),
                           make_wheel("torch", version, ["nvidia-cudnn-cu12==9.1.0.70; platform_system == \"Linux\""],
                                      VERSION_PY.format(version=version)),
                           date + "T10:00:00Z", requires_python=">=3.8.0")
        pypi.add_wheel("torch", "torch-{}-cp312-none-macosx_11_0_arm64.whl".format(version),
                       make_wheel("torch", version, [], "__version__ = '{}'\ncuda = None\n".format(version)),
                       date + "T11:00:00Z", requires_python=">=3.8.0")
    for vision, torch, date in (("0.19.0", "2.4.0", "2024-07-24"),
                                ("0.20.0", torchvision_pin_for_020, "2024-10-17")):
        pypi.add_wheel("torchvision", "torchvision-{}-cp312-cp312-manylinux1_x86_64.whl".format(vision),
                       make_wheel("torchvision", vision, ["numpy", "torch==" + torch]), date + "T12:00:00Z")
    for audio, date in (("2.4.0", "2024-07-24"), ("2.5.0", "2024-10-17")):
        pypi.add_wheel("torchaudio", "torchaudio-{}-cp312-cp312-manylinux1_x86_64.whl".format(audio),
                       make_wheel("torchaudio", audio, ["torch==" + audio]), date + "T12:00:00Z")


def run(command):
    env = dict(os.environ, NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
    result = subprocess.run([sys.executable] + command, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True, env=env)
    return result.returncode, result.stdout


def main():
    failures = []
    with tempfile.TemporaryDirectory() as scratch, FakePyPI() as pypi:
        populate(pypi)
        facts = os.path.join(scratch, "facts.json")
        table = os.path.join(scratch, "torch-releases.json")
        record = os.path.join(scratch, "pypi-check.json")
        code, output = run([CHECK_PYPI, "--index-url", pypi.index_url(), "--data", os.path.join(ROOT, "data", "torch-releases.json"),
                            "--save-facts", facts])
        expect(code == 1 and "torch 2.15.0: table says on_pypi but PyPI does not serve it" in output,
               "the real table disagrees with a two-release fake PyPI", output, failures)

        code, output = run([BUILDER, "--facts", facts, "--output", table])
        expect(code == 0, "the table builds from the fake index", output, failures)
        built = json.load(open(table))
        expect(built["releases"]["2.5.0"]["torchvision"] == "0.20.0"
               and built["releases"]["2.5.0"]["pypi_default_cuda"] == "12.1"
               and built["releases"]["2.5.0"]["pypi_cudnn"] == "9.1.0.70"
               and built["releases"]["2.5.0"]["python_by_platform"] == {
                   "linux-x86_64": ["3.11", "3.12"], "macos-arm64": ["3.12"]},
               "facts read through range requests land in the record", json.dumps(built["releases"]["2.5.0"]), failures)

        code, output = run([CHECK_PYPI, "--index-url", pypi.index_url(), "--data", table,
                            "--record", "--record-file", record])
        expect(code == 0 and "0 disagreement(s)" in output and os.path.exists(record),
               "a table built from the index re-checks clean and the run is recorded", output, failures)
        if os.path.exists(record):
            run_record = json.load(open(record))["run"]
            expect(run_record["result"] == "clean" and run_record["torchvision_pins"] == 2
                   and run_record["newest_torch_on_pypi"] == "2.5.0",
                   "the recorded run names its result and counts", json.dumps(run_record), failures)

        code, output = run([CHECK_PYPI, "--index-url", pypi.index_url(), "--changes",
                            "--record-file", record])
        expect(code == 0 and "0 change(s) on PyPI since the recorded check of" in output,
               "--changes lists nothing while PyPI is as recorded", output, failures)
        add_newer_release(pypi)
        code, output = run([CHECK_PYPI, "--index-url", pypi.index_url(), "--changes",
                            "--record-file", record])
        expect(code == 1
               and "NEW RELEASE: torch 2.6.0 (2025-01-29, 1 file(s), platforms: linux-x86_64)" in output
               and "NEW RELEASE: torchaudio 2.6.1 (2025-01-29, 1 file(s), platforms: linux-x86_64; "
                   "its wheels ask for torch>=2.5)" in output
               and "NEW FILES: torch 2.5.0: 1 file(s) uploaded after the recorded check: "
                   "torch-2.5.0-cp313-cp313-manylinux1_x86_64.whl" in output
               and "YANKED: torchvision 0.19.0" in output
               and "4 change(s) on PyPI since the recorded check" in output,
               "--changes lists a newer release, a new companion, a late file and a yank", output, failures)
        code, output = run([CHECK_PYPI, "--index-url", pypi.index_url(), "--data", table])
        expect(code == 1 and "torch 2.6.0: on PyPI but missing from the table" in output,
               "the re-check says the table lacks the newer release", output, failures)
        code, output = run([CHECK_PYPI, "--changes", "--record-file", os.path.join(scratch, "none.json")])
        expect(code == 2 and "holds no index state" in output,
               "--changes without a recorded check exits 2 and says why", output, failures)

        code, output = run([CHECK_PYPI, "--offline"])
        expect(code == 0 and "agrees with its recorded check" in output,
               "--offline: the real data/ agrees with data/pypi-check.json", output, failures)
        stale = json.load(open(os.path.join(ROOT, "data", "pypi-check.json")))
        stale["index_state"]["torchaudio"]["releases"].append("9.9.9")
        stale_path = os.path.join(scratch, "stale-check.json")
        json.dump(stale, open(stale_path, "w"))
        code, output = run([CHECK_PYPI, "--offline", "--record-file", stale_path])
        expect(code == 1 and "torchaudio 9.9.9" in output,
               "--offline: a companion the recorded check saw but the table never names is reported",
               output, failures)

        corrupt = json.load(open(table))
        corrupt["releases"]["2.5.0"]["torchvision"] = "0.19.0"
        del corrupt["releases"]["2.4.0"]
        corrupt_path = os.path.join(scratch, "corrupt.json")
        json.dump(corrupt, open(corrupt_path, "w"))
        os.remove(record)
        code, output = run([CHECK_PYPI, "--facts", facts, "--data", corrupt_path,
                            "--record", "--record-file", record])
        expect(code == 1 and "torch 2.4.0: on PyPI but missing from the table" in output
               and "torch 2.5.0: torchvision: table says '0.19.0', PyPI now says '0.20.0'" in output
               and "pins torch 2.4.0 which the table lacks" in output and not os.path.exists(record),
               "a wrong pair and a missing release are reported, exit 1, nothing recorded", output, failures)

        with FakePyPI() as moved:
            populate(moved, torchvision_pin_for_020="2.4.0")
            code, output = run([CHECK_PYPI, "--index-url", moved.index_url(), "--data", table])
            expect(code == 1 and "torchvision 0.20.0 (linux-x86_64) pins torch 2.4.0 but the table's "
                   "torchvision_pinned_by is ['0.19.0']" in output,
                   "a pin that changed on PyPI is reported", output, failures)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
