#!/usr/bin/env python3
"""scripts/check-pypi's coverage list (scripts/data/table_coverage.py), offline.

Runs on the real data/ files and on a copy with facts removed: a release the
table has no record of is LACKS, a record with unknown facts is PARTLY and
names them, a fully known release is not listed; check-pypi --coverage with
saved facts exits 1 exactly when something is lacking.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "data")
sys.path.insert(0, os.path.join(ROOT, "scripts", "data"))

import table_coverage  # noqa: E402
from expectations import expect  # noqa: E402


def run_check_pypi(data_dir, versions, scratch):
    facts = os.path.join(scratch, "facts.json")
    with open(facts, "w") as handle:
        json.dump({"torch_versions": versions}, handle)
    result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check-pypi"), "--coverage",
                             "--facts", facts, "--data", os.path.join(data_dir, "torch-releases.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    return result.returncode, result.stdout


def main():
    failures = []
    documents = table_coverage.load(DATA)
    lines, counts = table_coverage.report(["2.1.0", "9.9.9", "0.4.1"], documents)
    text = "\n".join(lines)
    expect("LACKS: torch 9.9.9: torch-releases.json: no record" in text and counts["lacks"] == 1,
           "a release the table has never heard of is lacking", text, failures)
    expect("2.1.0" not in text and counts["complete"] == 1 and "0.4.1" not in text,
           "a fully known release is not listed; releases before 1.0.0 are out of scope", text, failures)

    with tempfile.TemporaryDirectory() as scratch:
        data = os.path.join(scratch, "data")
        shutil.copytree(DATA, data)
        builds_path = os.path.join(data, "variant-builds.json")
        builds = json.load(open(builds_path))
        record = builds["builds"]["2.1.0"]["cu118"]["linux-x86_64"]
        record["sass"], record["ptx"], record["cudnn"] = None, None, None
        json.dump(builds, open(builds_path, "w"))
        archives_path = os.path.join(data, "libtorch-archives.json")
        archives = json.load(open(archives_path))
        del archives["releases"]["2.1.0"]
        json.dump(archives, open(archives_path, "w"))

        lines, counts = table_coverage.report(["2.1.0"], table_coverage.load(data))
        text = "\n".join(lines)
        expect(text.startswith("LACKS: torch 2.1.0: libtorch-archives.json: no record")
               and "variant-builds.json cu118: unknown GPU architectures, cuDNN" in text,
               "a removed archive record is lacking and nulled build facts are named", text, failures)

        code, output = run_check_pypi(data, ["2.1.0", "2.0.1"], scratch)
        expect(code == 1 and "LACKS: torch 2.1.0" in output and "1 lacking" in output,
               "check-pypi --coverage exits 1 when a release is lacking", output, failures)
        code, output = run_check_pypi(DATA, ["2.1.0", "1.13.1"], scratch)
        expect(code == 0 and "2 release(s) complete, 0 known partly, 0 lacking" in output,
               "check-pypi --coverage exits 0 when every listed release is known", output, failures)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
