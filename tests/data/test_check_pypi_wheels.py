#!/usr/bin/env python3
"""scripts/check-pypi --wheels against a fake PyPI on 127.0.0.1 (no internet).

The index lists every file a trimmed copy of data/torch-wheels.json records
(torch 2.15.0 on each platform with its CUDA wheels pinned through
cuda-toolkit's extras, and the oldest release): the check is clean. Then the
index differs in one way at a time, and each is reported and makes the script
exit 1: a SHA-256 that is not the recorded one, a file that is gone, a file
moved to another URL, a yanked file. An index that cannot be read exits 2.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECK_PYPI = os.path.join(ROOT, "scripts", "check-pypi")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts", "data"))

from fake_pypi import FakePyPI  # noqa: E402
from expectations import expect  # noqa: E402
import wheels_recheck  # noqa: E402


def trimmed_table(path):
    with open(os.path.join(ROOT, "data", "torch-wheels.json"), encoding="utf-8") as handle:
        document = json.load(handle)
    releases = document["releases"]
    keep = (list(releases)[0], "2.15.0")
    document["releases"] = {version: releases[version] for version in keep}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle)
    return document


def serve(document, change=None):
    """A fake index listing the table's files; change(project, file record) may return None
    (leave the file out) or a replacement record."""
    fake = FakePyPI()
    listed = set()
    for project, record, _ in wheels_recheck.recorded_files(document):
        if (project, record["filename"]) in listed:
            continue
        listed.add((project, record["filename"]))
        record = dict(record)
        if change:
            record = change(project, record)
            if record is None:
                continue
        fake.add_listing(project, record["filename"], record["url"], record["sha256"],
                         record.get("size"), yanked=record.get("yanked", False))
    return fake


def run(table, index_url):
    result = subprocess.run([sys.executable, CHECK_PYPI, "--wheels", "--wheels-data", table,
                             "--index-url", index_url], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout + result.stderr


def main():
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        table = os.path.join(scratch, "torch-wheels.json")
        document = trimmed_table(table)
        files = list(wheels_recheck.recorded_files(document))
        cuda = [f for f in files if f[0].startswith("nvidia-")]
        expect(len(cuda) > 5, "the trimmed table records 2.15.0's nvidia-* wheels", files, failures)
        target = cuda[0][1]["filename"]

        with serve(document) as fake:
            code, output = run(table, fake.index_url())
        expect(code == 0 and "0 disagreement(s)" in output,
               "a table that matches the index is clean", "exit {}: {}".format(code, output), failures)

        cases = (
            ("another SHA-256", lambda p, r: dict(r, sha256="0" * 64) if r["filename"] == target else r,
             "{} has SHA-256 {} on the index".format(target, "0" * 64)),
            ("a file gone", lambda p, r: None if r["filename"] == target else r,
             "{} is not on the index".format(target)),
            ("another URL", lambda p, r: dict(r, url=r["url"] + ".moved") if r["filename"] == target else r,
             "{} is at {}.moved on the index".format(target, cuda[0][1]["url"])),
            ("a yanked file", lambda p, r: dict(r, yanked=True) if r["filename"] == target else r,
             "{} is yanked on the index".format(target)),
        )
        for label, change, message in cases:
            with serve(document, change) as fake:
                code, output = run(table, fake.index_url())
            expect(code == 1 and "DISAGREES: " in output and message in output,
                   "{}: exit 1 naming it".format(label),
                   "expected '{}', exit {}: {}".format(message, code, output), failures)

        code, output = run(table, "http://127.0.0.1:1/simple")
        expect(code == 2 and "cannot read PyPI" in output, "an index that cannot be read: exit 2",
               "exit {}: {}".format(code, output), failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
