#!/usr/bin/env python3
"""Consistency check of data/cuda-toolkits.json, data/gpu-code-rules.json and
data/variant-builds.json (stdlib only, no network).

Checks what a reader of those files relies on: versions parse and are in
ascending order, every record names sources that exist, driver strings look
like drivers, every architecture a build names is a known compute capability,
every build's CUDA has a toolkit record, and the documented worked examples of
the GPU code rules still hold. Prints one line per problem; exit status 1 if
there is any.

Usage: cuda_check_data.py [data-dir]
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cuda_gpu_code_rules as rules  # noqa: E402

VERSION = re.compile(r"^\d+(\.\d+)*$")
DRIVER = re.compile(r"^\d+(\.\d+){0,2}$")
CC = re.compile(r"^\d+\.\d[af]?$")
PLATFORMS = {"linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-x86_64", "macos-arm64"}


def key(version):
    return tuple(int(p) for p in version.split("."))


def cc_key(cc):
    return rules.parse_target(cc)


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def top_level(self, name, doc, records_key):
        for field in ("schema_version", "description", "sources", records_key):
            if field not in doc:
                self.fail(name, f"missing top-level '{field}'")
        for source_id, source in doc.get("sources", {}).items():
            for field in ("title", "url", "retrieved", "notes"):
                if not source.get(field):
                    self.fail(f"{name} sources.{source_id}", f"missing '{field}'")

    def record_sources(self, where, record, sources):
        named = record.get("sources")
        if not named:
            self.fail(where, "record without sources")
            return
        for source_id in named:
            if source_id not in sources:
                self.fail(where, f"unknown source id '{source_id}'")

    def ascending(self, where, keys, sort_key):
        if list(keys) != sorted(keys, key=sort_key):
            self.fail(where, "keys are not in ascending version order")


def check_toolkits(checker, doc):
    name = "cuda-toolkits.json"
    checker.top_level(name, doc, "toolkits")
    toolkits = doc.get("toolkits", {})
    for version, record in toolkits.items():
        where = f"{name} toolkits.{version}"
        if not VERSION.match(version) or len(version.split(".")) != 3:
            checker.fail(where, "key is not an X.Y.Z toolkit version")
        for field in ("linux_min_driver", "windows_min_driver"):
            value = record.get(field, "absent")
            if value == "absent":
                checker.fail(where, f"missing '{field}'")
            elif value is not None and not DRIVER.match(value):
                checker.fail(where, f"'{field}' {value!r} is not a driver version")
        checker.record_sources(where, record, doc.get("sources", {}))
    checker.ascending(f"{name} toolkits", toolkits, key)
    for major, record in doc.get("minor_version_compatibility", {}).items():
        where = f"{name} minor_version_compatibility.{major}"
        if not any(v.split(".")[0] == major for v in toolkits):
            checker.fail(where, "no toolkit of this major")
        if not DRIVER.match(record.get("linux_min_driver") or ""):
            checker.fail(where, "linux_min_driver is not a driver version")
        checker.record_sources(where, record, doc.get("sources", {}))
    return toolkits


def check_rules(checker, doc):
    name = "gpu-code-rules.json"
    checker.top_level(name, doc, "architectures")
    architectures = doc.get("architectures", {})
    for cc, record in architectures.items():
        where = f"{name} architectures.{cc}"
        if not CC.match(cc):
            checker.fail(where, "key is not a compute capability")
        for field in ("first_cuda", "last_cuda"):
            value = record.get(field)
            if value is not None and not VERSION.match(value):
                checker.fail(where, f"'{field}' {value!r} is not a version")
        checker.record_sources(where, record, doc.get("sources", {}))
    checker.ascending(f"{name} architectures", architectures, cc_key)
    rule_data = doc.get("rules", {})
    checker.record_sources(f"{name} rules", rule_data, doc.get("sources", {}))
    for arch in rule_data.get("no_forward_archs", []):
        if architectures.get(arch, {}).get("integrated") is not True:
            checker.fail(f"{name} rules", f"no_forward arch {arch} is not marked integrated")
    check_worked_examples(checker)
    return architectures


# The worked examples of data/gpu-code-rules.md: (S, P, C, driver ok, expected).
CU121 = ["5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0"]
WORKED_EXAMPLES = [
    (CU121, [], "8.9", True, "sass"), (CU121, [], "6.1", True, "sass"),
    (CU121, [], "8.7", True, None), (CU121, [], "12.0", True, None),
    (CU121, [], "10.0", True, None), (CU121, [], "3.7", True, None),
    (CU121, ["9.0"], "12.0", True, "ptx"), (CU121, ["9.0"], "12.0", False, None),
    (CU121, ["9.0"], "8.7", True, None),
    (["9.0a"], [], "9.0", True, "sass"), (["9.0a"], ["9.0a"], "10.0", True, None),
    (["10.0f"], [], "10.3", True, "sass"), (["10.0f"], [], "12.0", True, None),
    (["10.1"], [], "11.0", True, "sass"), (["10.0"], [], "10.1", True, None),
    (["8.0"], ["8.0"], "8.7", True, "ptx"),
]


def check_worked_examples(checker):
    for sass, ptx, device, driver_ok, expected in WORKED_EXAMPLES:
        got = rules.gpu_code_runs(sass, ptx, device, driver_ok)
        if got != expected:
            checker.fail("gpu-code-rules.md worked example",
                         f"S={sass} P={ptx} C={device} driver_ok={driver_ok}: "
                         f"expected {expected}, rules give {got}")


def check_builds(checker, doc, toolkits, architectures):
    name = "variant-builds.json"
    checker.top_level(name, doc, "builds")
    builds = doc.get("builds", {})
    toolkit_lines = {".".join(v.split(".")[:2]) for v in toolkits}
    checker.ascending(f"{name} builds", builds, key)
    for torch, variants in builds.items():
        if not VERSION.match(torch):
            checker.fail(f"{name} builds.{torch}", "key is not a torch version")
        for variant, platforms in variants.items():
            if not re.match(r"^cu\d{2,3}$", variant):
                checker.fail(f"{name} builds.{torch}.{variant}", "not a CUDA variant name")
            for platform, record in platforms.items():
                where = f"{name} builds.{torch}.{variant}.{platform}"
                if platform not in PLATFORMS:
                    checker.fail(where, "unknown platform name")
                check_build_record(checker, where, variant, record, toolkit_lines,
                                   toolkits, architectures)
                checker.record_sources(where, record, doc.get("sources", {}))


def check_build_record(checker, where, variant, record, toolkit_lines, toolkits, architectures):
    cuda = record.get("cuda") or ""
    if "cu" + cuda.replace(".", "") != variant:
        checker.fail(where, f"cuda {cuda!r} does not match the variant name")
    if cuda not in toolkit_lines:
        checker.fail(where, f"CUDA {cuda} has no record in cuda-toolkits.json")
    toolkit = record.get("cuda_toolkit")
    if toolkit is not None and toolkit not in toolkits:
        checker.fail(where, f"cuda_toolkit {toolkit} has no record in cuda-toolkits.json")
    for field in ("sass", "ptx"):
        values = record.get(field)
        if values is None:
            continue
        for cc in values:
            if cc not in architectures:
                checker.fail(where, f"{field} names {cc}, not in gpu-code-rules.json")
        if values != sorted(values, key=cc_key):
            checker.fail(where, f"{field} is not sorted")
    # PTX may be unknown while the SASS list is known (a document that lists
    # architectures but whose PTX claim a wheel contradicts); never the reverse.
    if record.get("sass") is None and record.get("ptx") is not None:
        checker.fail(where, "ptx is known but sass is not")
    candidates = record.get("cuda_toolkit_candidates")
    if candidates is not None:
        if record.get("cuda_toolkit") is not None or len(candidates) < 2:
            checker.fail(where, "cuda_toolkit_candidates needs cuda_toolkit null and two or more toolkits")
        for candidate in candidates:
            if candidate not in toolkits or not candidate.startswith(cuda + "."):
                checker.fail(where, f"cuda_toolkit_candidates names {candidate}, not a CUDA {cuda} toolkit")
    runtime = record.get("cuda_runtime")
    if runtime is not None and not runtime.startswith(cuda + "."):
        checker.fail(where, f"cuda_runtime {runtime} is not a CUDA {cuda} runtime")


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "data"
    checker = Checker()
    try:
        toolkits_doc = json.loads((data / "cuda-toolkits.json").read_text(encoding="utf-8"))
        rules_doc = json.loads((data / "gpu-code-rules.json").read_text(encoding="utf-8"))
        builds_doc = json.loads((data / "variant-builds.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        print(f"cannot read the data files: {error}")
        return 1
    toolkits = check_toolkits(checker, toolkits_doc)
    architectures = check_rules(checker, rules_doc)
    check_builds(checker, builds_doc, toolkits, architectures)
    for problem in checker.problems:
        print(problem)
    print(f"{len(checker.problems)} problem(s)")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
