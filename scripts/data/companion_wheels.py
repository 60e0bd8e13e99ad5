#!/usr/bin/env python3
"""Generate data/companion-wheels.json: for each torchvision and torchaudio
release that torch-releases.json pairs with a torch release, the Python
versions it has wheels for, per platform, from PyPI's simple index.

Usage: companion_wheels.py [--data-dir data] [--index-dir DIR]

--index-dir reads saved PEP 691 JSON answers (<DIR>/simple-torchvision.json,
<DIR>/simple-torchaudio.json) instead of asking https://pypi.org/simple/.

A cpXY wheel (abi cpXY or abi3 from cpXY on) names its Python; a py3-none
wheel runs on any Python 3 its Requires-Python admits, recorded as
"any_python" with that Requires-Python. A platform without a wheel is absent:
pip would build that release from source there, which a fix never asks for.
Yanked files do not count.
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pypi_index  # noqa: E402

RETRIEVED = "2026-12-07"
OUTPUT = "companion-wheels.json"
PROJECTS = ("torchvision", "torchaudio")


def python_key(minor):
    return tuple(int(part) for part in minor.split("."))


def release_record(files, project):
    by_platform = {}
    any_python = {}
    for entry in files:
        if entry.get("yanked"):
            continue
        wheel = pypi_index.parse_wheel_filename(entry["filename"])
        if not wheel:
            continue
        for platform_tag in wheel["platform"].split("."):
            platform = pypi_index.platform_name(platform_tag)
            if not platform:
                continue
            for python_tag in wheel["python"].split("."):
                minor, free_threaded = pypi_index.cpython_minor(python_tag, wheel["abi"])
                if minor and not free_threaded and wheel["abi"] != "abi3":
                    by_platform.setdefault(platform, set()).add(minor)
                elif python_tag in ("py3", "py2.py3") or wheel["abi"] == "abi3":
                    any_python[platform] = entry.get("requires-python") or None
    record = {"python_by_platform": {p: sorted(v, key=python_key)
                                     for p, v in sorted(by_platform.items())},
              "any_python": dict(sorted(any_python.items())),
              "sources": ["pypi-{}-index".format(project)]}
    return record


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="data")
    parser.add_argument("--index-dir")
    args = parser.parse_args(argv)
    with open(os.path.join(args.data_dir, "torch-releases.json"), encoding="utf-8") as handle:
        releases = json.load(handle)["releases"]
    document = {
        "schema_version": 1,
        "description": ("Per torchvision and torchaudio release that torch-releases.json pairs "
                        "with torch: the Python versions it has wheels for, per platform "
                        "(python_by_platform), and the platforms with a wheel for any Python 3 "
                        "(any_python, with its Requires-Python). See companion-wheels.md."),
        "sources": {},
    }
    for project in PROJECTS:
        document["sources"]["pypi-{}-index".format(project)] = {
            "title": "PyPI simple index for {} (PEP 691 JSON)".format(project),
            "url": "https://pypi.org/simple/{}/".format(project),
            "retrieved": RETRIEVED,
            "notes": "Every file's name (Python, ABI and platform tags), requires-python and "
                     "yank status.",
        }
        if args.index_dir:
            with open(os.path.join(args.index_dir, "simple-{}.json".format(project)),
                      encoding="utf-8") as handle:
                index = json.load(handle)
        else:
            index = pypi_index.fetch_index(project)
        grouped = pypi_index.files_by_version(index)
        paired = sorted({record[project] for record in releases.values() if record.get(project)},
                        key=pypi_index.version_key)
        document[project] = {}
        for version in paired:
            if version not in grouped:
                continue
            document[project][version] = release_record(grouped[version], project)
    with open(os.path.join(args.data_dir, OUTPUT), "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1)
        handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
