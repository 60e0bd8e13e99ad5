#!/usr/bin/env python3
"""scripts/check-pypi against a fake PyPI on 127.0.0.1 (no internet).

The fake index serves real wheel zips (METADATA, torch/version.py) over HTTP with
Range support, so the whole chain runs: index parsing, remote zip reading, the table
builder and the re-check. Cases: a table built from the index re-checks clean and
--record writes the run record; a corrupted pair, a missing release and a torchvision
whose pin changed on "PyPI" are each reported and make the script exit 1.
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

VERSION_PY = "__version__ = '{version}+cu121'\ndebug = False\ncuda = '12.1'\ngit_version = 'abc'\nhip = None\n"


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


def expect(condition, message, output, failures):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        print(output)
        failures.append(message)


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
