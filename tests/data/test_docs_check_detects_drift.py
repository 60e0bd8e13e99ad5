#!/usr/bin/env python3
"""gen-compat-docs --check must fail, telling what to run, once the data and docs drift apart.

Works on a copy of scripts/gen-compat-docs, data/ and docs/ in a temporary tree (the
generator finds data/ and docs/ relative to itself), changes one torchvision pairing
and expects --check to exit 1 with 'run scripts/gen-compat-docs'; regenerating must
make --check pass again and put the new value in the table.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_generator(tree, *args):
    result = subprocess.run([sys.executable, os.path.join(tree, "scripts", "gen-compat-docs")] + list(args),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    return result.returncode, result.stdout


def main():
    with tempfile.TemporaryDirectory() as tree:
        os.makedirs(os.path.join(tree, "scripts"))
        shutil.copy(os.path.join(ROOT, "scripts", "gen-compat-docs"), os.path.join(tree, "scripts"))
        shutil.copytree(os.path.join(ROOT, "data"), os.path.join(tree, "data"))
        shutil.copytree(os.path.join(ROOT, "docs"), os.path.join(tree, "docs"))
        run_generator(tree)  # start from docs that match the copied data
        path = os.path.join(tree, "data", "torch-releases.json")
        document = json.load(open(path, encoding="utf-8"))
        document["releases"]["2.4.0"]["torchvision"] = "9.9.9"
        json.dump(document, open(path, "w", encoding="utf-8"), indent=2)

        code, output = run_generator(tree, "--check")
        if code != 1 or "run scripts/gen-compat-docs" not in output or "9.9.9" not in output:
            print("FAIL: --check did not report the drift (exit {}):\n{}".format(code, output))
            return 1
        print("ok: drift reported:\n" + output.strip().splitlines()[-1])
        run_generator(tree)
        code, output = run_generator(tree, "--check")
        docs = open(os.path.join(tree, "docs", "compatibility.md"), encoding="utf-8").read()
        if code != 0 or "| 2.4.0 | 2024-07-24 | 9.9.9 |" not in docs:
            print("FAIL: regenerating did not bring the docs up to date (exit {}):\n{}".format(code, output))
            return 1
        print("ok: regenerated docs pass --check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
