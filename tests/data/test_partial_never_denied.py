#!/usr/bin/env python3
"""A partial list is never rendered as "not published" (issue 19).

For every libtorch list of data/libtorch-archives.json that the table marks partial
(complete: false), asks the package's own renderers, through cmake -P
(partial_lists.cmake), about a variant the list lacks, a platform the release lacks
and an archive kind the platform lacks: the URL renderer must say "not known to
TorchCompat" and "cannot be verified", naming the sources, and the guard's check
must answer "unknown". The same questions about complete lists must still deny
("not published", "no"), so the test can fail both ways. docs/compatibility.md
(scripts/gen-compat-docs) must mark each partial list.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from expectations import expect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "data")
PLATFORMS = ("linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-x86_64", "macos-arm64")
DENIALS = ("not published", "has no ", "no libtorch archive is recorded")
# Valid variant names no release before 2.0 had, so a partial list of those releases lacks them.
ABSENT_VARIANTS = ("cu126", "cu92", "cpu")


def cases(archives):
    """(case line, list complete?) for a lacking variant, platform and kind of every release."""
    found = []
    for version, release in archives["releases"].items():
        for platform, record in release["platforms"].items():
            for kind, variants in record["archives"].items():
                abi, config = kind.split("/")
                variant = next(v for v in ABSENT_VARIANTS if v not in variants)
                found.append(("{} {} {} {} {}".format(version, variant, platform, abi, config),
                              record["complete"]))
            if platform != "linux-x86_64" and "none/Debug" not in record["archives"]:
                found.append(("{} cpu {} none Debug".format(version, platform), record["complete"]))
        for platform in PLATFORMS:
            if platform not in release["platforms"]:
                abi = "cxx11" if platform.startswith("linux") else "none"
                found.append(("{} cpu {} {} Release".format(version, platform, abi), release["complete"]))
    return found


def render(case_lines, scratch):
    cmake = os.environ.get("CMAKE") or shutil.which("cmake")
    cases_file, output = os.path.join(scratch, "cases.txt"), os.path.join(scratch, "out.txt")
    with open(cases_file, "w") as handle:
        handle.write("\n".join(case_lines) + "\n")
    result = subprocess.run([cmake, "-DDATA_DIR=" + DATA, "-DCASES_FILE=" + cases_file,
                             "-DOUTPUT_FILE=" + output, "-P", os.path.join(HERE, "partial_lists.cmake")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if result.returncode != 0:
        raise SystemExit("partial_lists.cmake failed:\n" + result.stdout)
    answers = {}
    for line in open(output).read().splitlines():
        case, what, rest = line.split("|", 2)
        answers[(case, what)] = rest
    return answers


def main():
    failures = []
    with open(os.path.join(DATA, "libtorch-archives.json")) as handle:
        archives = json.load(handle)
    found = cases(archives)
    partial = [case for case, complete in found if not complete]
    complete = [case for case, complete in found if complete]
    expect(partial and complete, "the table has partial and complete lists to test",
           "{} partial, {} complete".format(len(partial), len(complete)), failures)
    example = "1.13.0 cu92 linux-x86_64 cxx11 Release"
    with tempfile.TemporaryDirectory() as scratch:
        answers = render([case for case, _ in found] + [example], scratch)
    for case in partial:
        text = answers[(case, "url")]
        expect("not known to TorchCompat" in text and "cannot be verified" in text and "from the sources" in text
               and not any(denial in text for denial in DENIALS),
               "partial list, URL renderer: {} is not known, not denied".format(case), text, failures)
        variant_status = answers[(case, "published")].split("|", 1)[0]
        expect(variant_status in ("unknown", "yes"),
               "partial list, guard: {} is unknown".format(case), answers[(case, "published")], failures)
    denied = [case for case in complete if any(d in answers[(case, "url")] for d in DENIALS)]
    expect(len(denied) == len(complete),
           "complete lists still deny a missing archive ({} of {})".format(len(denied), len(complete)),
           "\n".join(answers[(c, "url")] for c in complete if c not in denied)[:2000], failures)
    expect(answers.get((example, "published"), "").startswith("no|"),
           "a complete list lets the guard say no ({})".format(example), answers.get((example, "published")),
           failures)

    docs = open(os.path.join(ROOT, "docs", "compatibility.md"), encoding="utf-8").read()
    row = next((line for line in docs.splitlines() if line.startswith("| 1.6.0 |") and " / " in line), "")
    expect("cu102" in row and "+?" in row and "not published" not in docs,
           "docs/compatibility.md marks 1.6.0's partial libtorch list", row, failures)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
