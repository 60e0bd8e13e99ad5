#!/usr/bin/env python3
"""The probe's sources are in folders by job, in layers: a file includes only
headers of its own folder or of a folder below it, and every project header is
named by its folder ("vendor/vendor_nvml.hpp"), except a file's own header.

  check_source_layers.py <tool/src>              checks the tree
  check_source_layers.py --self-test <tool/src>  checks that a copy with an
      upward include and an unfoldered include is refused
"""
import os
import re
import shutil
import sys
import tempfile

LAYERS = ["primitives", "isolation", "vendor", "detectors", "rendering", "app"]
INCLUDE = re.compile(r'^#include "([^"]+)"', re.MULTILINE)


def problems_in(src):
    problems = []
    for entry in sorted(os.listdir(src)):
        path = os.path.join(src, entry)
        if not os.path.isdir(path):
            problems.append(f"{entry}: not in one of the folders {', '.join(LAYERS)}")
            continue
        if entry not in LAYERS:
            problems.append(f"{entry}/: not one of the folders {', '.join(LAYERS)}")
            continue
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), encoding="utf-8") as source:
                text = source.read()
            own = os.path.splitext(name)[0] + ".hpp"
            for header in INCLUDE.findall(text):
                if header == own:
                    continue
                folder = header.split("/")[0] if "/" in header else None
                if folder not in LAYERS:
                    problems.append(f"{entry}/{name}: includes \"{header}\" without its folder")
                elif LAYERS.index(folder) > LAYERS.index(entry):
                    problems.append(f"{entry}/{name} ({entry}) includes {header}, a layer above it")
    return problems


def self_test(src):
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "src")
        shutil.copytree(src, copy)
        with open(os.path.join(copy, "isolation", "isolate.cpp"), "a", encoding="utf-8") as f:
            f.write('#include "app/child_tasks.hpp"\n#include "report.hpp"\n')
        found = problems_in(copy)
    wanted = ["isolation/isolate.cpp (isolation) includes app/child_tasks.hpp, a layer above it",
              'isolation/isolate.cpp: includes "report.hpp" without its folder']
    missing = [w for w in wanted if w not in found]
    if missing:
        print("the layer check missed:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    print("layer check refuses an upward and an unfoldered include")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = problems_in(argv[1])
    if problems:
        print("probe source layers:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"probe source layers: {' < '.join(LAYERS)}, every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
