#!/usr/bin/env python3
"""scripts/data/cuda_check_data.py fails, naming the problem, on corrupted build records.

Each case corrupts one field of a copy of data/variant-builds.json: PTX known while
SASS is not, toolkit candidates beside a known toolkit, a candidate or runtime of
another CUDA line. The unmodified copy must pass, so each failure is the case's own.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECK = os.path.join(ROOT, "scripts", "data", "cuda_check_data.py")


def run(data_dir):
    result = subprocess.run([sys.executable, CHECK, data_dir], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    return result.returncode, result.stdout


def corrupt(path, version, variant, change):
    document = json.load(open(path))
    change(document["builds"][version][variant]["linux-x86_64"])
    json.dump(document, open(path, "w"), indent=1)


CASES = [
    ("2.4.0", "cu118", lambda r: r.update(sass=None), "ptx is known but sass is not"),
    ("2.7.0", "cu126", lambda r: r.update(cuda_toolkit="12.6.3"), "cuda_toolkit_candidates needs cuda_toolkit null"),
    ("2.7.0", "cu126", lambda r: r.update(cuda_toolkit_candidates=["12.6.3", "12.8.1"]),
     "cuda_toolkit_candidates names 12.8.1, not a CUDA 12.6 toolkit"),
    ("2.5.1", "cu124", lambda r: r.update(cuda_runtime="12.6.77"), "cuda_runtime 12.6.77 is not a CUDA 12.4 runtime"),
]


def main():
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        clean = os.path.join(scratch, "clean")
        shutil.copytree(os.path.join(ROOT, "data"), clean)
        code, output = run(clean)
        if code != 0:
            print("FAIL: the unmodified copy does not pass\n" + output)
            return 1
        for index, (version, variant, change, expected) in enumerate(CASES):
            data = os.path.join(scratch, str(index))
            shutil.copytree(clean, data)
            corrupt(os.path.join(data, "variant-builds.json"), version, variant, change)
            code, output = run(data)
            ok = code == 1 and expected in output
            print(("ok: " if ok else "FAIL: ") + expected)
            if not ok:
                print(output)
                failures.append(expected)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
