#!/usr/bin/env python3
"""The validator must fail, naming the problem, on deliberately corrupted table files.

Each case copies data/ into a temporary directory, corrupts one thing and checks
that validate_data.py exits 1 with a message naming that problem. The untouched
copy must pass first, so a failure is attributable to the corruption alone.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATOR = os.path.join(HERE, "validate_data.py")
DATA_DIR = os.path.join(HERE, "..", "..", "data")


def run_validator(data_dir):
    result = subprocess.run([sys.executable, VALIDATOR, "--data-dir", data_dir],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    return result.returncode, result.stdout


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def save(path, document):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)


def first_record_map(document, preferred):
    name = preferred if preferred in document else next(
        k for k, v in document.items() if k not in ("sources",) and isinstance(v, dict))
    return name, document[name]


def duplicate_key(data_dir):
    path = os.path.join(data_dir, "torch-releases.json")
    text = open(path, encoding="utf-8").read()
    marker = '"releases": {'
    first_key = next(iter(load(path)["releases"]))
    text = text.replace(marker, marker + '\n    "{}": {{}},'.format(first_key), 1)
    open(path, "w", encoding="utf-8").write(text)
    return "duplicate key '{}'".format(first_key)


def missing_source(data_dir):
    path = os.path.join(data_dir, "cuda-toolkits.json")
    document = load(path)
    key = list(document["toolkits"])[3]
    del document["toolkits"][key]["sources"]
    save(path, document)
    return "toolkits['{}']: record has no 'sources'".format(key)


def unknown_source_id(data_dir):
    path = os.path.join(data_dir, "torch-releases.json")
    document = load(path)
    key = list(document["releases"])[-1]
    document["releases"][key]["sources"].append("no-such-source")
    save(path, document)
    return "source 'no-such-source' is not in the file's sources map"


def unsorted_keys(data_dir):
    path = os.path.join(data_dir, "torch-releases.json")
    document = load(path)
    items = list(document["releases"].items())
    items[1], items[2] = items[2], items[1]
    document["releases"] = dict(items)
    save(path, document)
    return "'releases' keys are not in ascending version order: '{}' comes after '{}'".format(
        items[2][0], items[1][0])


def unknown_variant(data_dir):
    """A CUDA variant whose CUDA has no toolkit: added to a variant file (made if absent)."""
    for name in ("torch-variants.json", "variant-builds.json"):
        path = os.path.join(data_dir, name)
        if os.path.exists(path):
            document = load(path)
            _, records = first_record_map(document, "releases")
            next(iter(records.values()))["cu999"] = {}
            save(path, document)
            return "CUDA variant 'cu999' (CUDA 99.9) has no toolkit release"
    torch_document = load(os.path.join(data_dir, "torch-releases.json"))
    release = next(iter(torch_document["releases"]))
    save(os.path.join(data_dir, "variant-builds.json"), {
        "schema_version": 1, "description": "synthetic file for the validator's negative test",
        "sources": {"s": {"title": "t", "url": "https://example.org", "retrieved": "2026-01-01",
                          "notes": "n"}},
        "releases": {release: {"cu999": {}, "sources": ["s"]}}})
    return "CUDA variant 'cu999' (CUDA 99.9) has no toolkit release"


def unknown_release(data_dir):
    path = os.path.join(data_dir, "libtorch-archives.json")
    document = load(path) if os.path.exists(path) else {
        "schema_version": 1, "description": "synthetic file for the validator's negative test",
        "sources": {"s": {"title": "t", "url": "https://example.org", "retrieved": "2026-01-01",
                          "notes": "n"}},
        "releases": {}}
    document.setdefault("releases", {})["0.0.1"] = {"torch": "0.0.1", "sources": list(document["sources"])[:1]}
    save(path, document)
    return "torch release '0.0.1' is not in torch-releases.json"


def nan_value(data_dir):
    path = os.path.join(data_dir, "cuda-toolkits.json")
    text = open(path, encoding="utf-8").read().replace('"schema_version": 1', '"schema_version": NaN', 1)
    open(path, "w", encoding="utf-8").write(text)
    return "non-standard JSON constant NaN"


def null_torchvision_without_note(data_dir):
    path = os.path.join(data_dir, "torch-releases.json")
    document = load(path)
    key = list(document["releases"])[5]
    document["releases"][key]["torchvision"] = None
    document["releases"][key].pop("notes", None)
    save(path, document)
    return "releases['{}']: torchvision is null without a 'notes'".format(key)


def _synthetic(name, member, records):
    return {"schema_version": 1, "description": "synthetic {} for the validator's negative test".format(name),
            "sources": {"s": {"title": "t", "url": "https://example.org", "retrieved": "2026-01-01",
                              "notes": "n"}},
            member: records}


def pypi_default_disagrees(data_dir):
    """torch-releases says the PyPI wheel is CUDA 12.4 while variant-builds marks cu121 as the default."""
    builds_path = os.path.join(data_dir, "variant-builds.json")
    if not os.path.exists(builds_path):
        build = {"cuda": "12.1", "cuda_toolkit": None, "cudnn": None, "sass": None, "ptx": None,
                 "pypi_default": True, "sources": ["s"]}
        save(builds_path, _synthetic("variant-builds.json", "builds", {"2.4.0": {"cu121": {"linux-x86_64": build}}}))
    path = os.path.join(data_dir, "torch-releases.json")
    document = load(path)
    document["releases"]["2.4.0"]["pypi_default_cuda"] = "12.4"
    save(path, document)
    return "builds['2.4.0']: pypi_default is ['cu121'] but torch-releases.json says the PyPI wheel is cu124"


def unknown_architecture(data_dir):
    builds_path = os.path.join(data_dir, "variant-builds.json")
    rules_path = os.path.join(data_dir, "gpu-code-rules.json")
    if not os.path.exists(rules_path):
        save(rules_path, dict(_synthetic("gpu-code-rules.json", "architectures",
                                         {"8.0": {"sources": ["s"]}}), rules={"sources": ["s"]}))
    build = {"cuda": "12.1", "cuda_toolkit": None, "cudnn": None, "sass": ["8.0", "4.2"], "ptx": [],
             "sources": ["s"]}
    if os.path.exists(builds_path):
        document = load(builds_path)
        first_variant = next(iter(document["builds"]["2.4.0"].values()))
        next(iter(first_variant.values()))["sass"].append("4.2")
        save(builds_path, document)
    else:
        save(builds_path, _synthetic("variant-builds.json", "builds", {"2.4.0": {"cu121": {"linux-x86_64": build}}}))
    return "sass target 4.2 is not an architecture in gpu-code-rules.json"


def libtorch_lists_disagree(data_dir):
    variants_path = os.path.join(data_dir, "torch-variants.json")
    archives_path = os.path.join(data_dir, "libtorch-archives.json")
    if not (os.path.exists(variants_path) and os.path.exists(archives_path)):
        save(archives_path, dict(_synthetic("libtorch-archives.json", "releases", {"2.4.0": {
            "platforms": {"linux-x86_64": {"era": "e", "archives": {"cxx11/Release": ["cpu", "cu121"]}}},
            "sources": ["s"]}}), eras={"e": {"sources": ["s"]}}))
        save(variants_path, _synthetic("torch-variants.json", "releases", {"2.4.0": {
            "platforms": {"linux-x86_64": {"wheel": None, "libtorch": ["cpu", "cu121"]}}, "sources": ["s"]}}))
    document = load(variants_path)
    listed = document["releases"]["2.4.0"]["platforms"]["linux-x86_64"]["libtorch"]
    listed.remove("cu121")
    save(variants_path, document)
    return "releases['2.4.0'] linux-x86_64 libtorch {} differs from the archives".format(sorted(listed))


def bad_variant_name(data_dir):
    path = os.path.join(data_dir, "torch-variants.json")
    if not os.path.exists(path):
        save(path, _synthetic("torch-variants.json", "releases", {"2.4.0": {
            "platforms": {"linux-x86_64": {"wheel": ["cpu"], "libtorch": None}}, "sources": ["s"]}}))
    document = load(path)
    entry = document["releases"]["2.4.0"]["platforms"]["linux-x86_64"]
    entry["wheel"] = (entry.get("wheel") or []) + ["cuda12"]
    save(path, document)
    return "releases['2.4.0'].platforms['linux-x86_64']: field 'wheel' must be a list of variant names or null"


TARGETS_FILE = "rocm-xpu-targets.json"


def _targets_release_with_gfx(document):
    return next((version, variant) for version, record in document["releases"].items()
                for variant, entry in record.items() if variant.startswith("rocm") and entry.get("gfx"))


def targets_bad_gfx_name(data_dir):
    path = os.path.join(data_dir, TARGETS_FILE)
    document = load(path)
    version, variant = _targets_release_with_gfx(document)
    document["releases"][version][variant]["gfx"].append("GFX1100")
    save(path, document)
    return "releases['{}']['{}']: field 'gfx' must be a list of gfx architecture names".format(version, variant)


def targets_unpublished_variant(data_dir):
    path = os.path.join(data_dir, TARGETS_FILE)
    document = load(path)
    version, _ = _targets_release_with_gfx(document)
    document["releases"][version]["rocm9.9"] = {"gfx": ["gfx900"]}
    save(path, document)
    return "releases['{}']: variant 'rocm9.9' is not published for that release".format(version)


def targets_missing_release(data_dir):
    path = os.path.join(data_dir, TARGETS_FILE)
    document = load(path)
    version = list(document["releases"])[-1]
    del document["releases"][version]
    save(path, document)
    return "has no record for release '{}'".format(version)


def targets_unknown_release(data_dir):
    path = os.path.join(data_dir, TARGETS_FILE)
    document = load(path)
    document["releases"]["9.9.9"] = {"xpu": {"aot_targets": None, "data_center": None, "client": None,
                                             "support_floor": None, "platforms": ["linux-x86_64"]},
                                     "sources": list(document["sources"])[:1]}
    save(path, document)
    return "torch release '9.9.9' is not in torch-releases.json"


def targets_null_gfx_without_notes(data_dir):
    path = os.path.join(data_dir, TARGETS_FILE)
    document = load(path)
    version, variant = _targets_release_with_gfx(document)
    document["releases"][version][variant] = {"gfx": None}
    save(path, document)
    return "releases['{}']['{}']: gfx is null without a 'notes'".format(version, variant)


CASES = (duplicate_key, missing_source, unknown_source_id, unsorted_keys, unknown_variant,
         unknown_release, nan_value, null_torchvision_without_note, pypi_default_disagrees,
         unknown_architecture, libtorch_lists_disagree, bad_variant_name, targets_bad_gfx_name,
         targets_unpublished_variant, targets_missing_release, targets_unknown_release,
         targets_null_gfx_without_notes)


def run_cases(cases):
    """Runs each corruption case on its own copy of data/: the validator must
    exit 1 with the message the case returns, which the untouched copy's
    output does not hold. Returns the exit status for the test."""
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        pristine = os.path.join(scratch, "pristine")
        shutil.copytree(DATA_DIR, pristine)
        _, pristine_output = run_validator(pristine)
        for case in cases:
            copy = os.path.join(scratch, case.__name__)
            shutil.copytree(pristine, copy)
            expected = case(copy)
            code, output = run_validator(copy)
            if code == 1 and expected in output and expected not in pristine_output:
                print("ok: {} -> rejected with \"{}\"".format(case.__name__, expected))
            else:
                failures.append(case.__name__)
                print("FAIL: {}: exit {}, expected a message containing \"{}\", got:\n{}".format(
                    case.__name__, code, expected, output))
    print("{} of {} corruption cases rejected".format(len(cases) - len(failures), len(cases)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run_cases(CASES))
