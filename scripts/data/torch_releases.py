#!/usr/bin/env python3
"""Build data/torch-releases.json from PyPI facts plus the few documented pairings.

Usage:
  torch_releases.py [--facts FILE] [--save-facts FILE] [--output data/torch-releases.json]
Without --facts it reads PyPI live (simple index + range reads of wheels, a few minutes).
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pypi_facts  # noqa: E402
import pypi_index  # noqa: E402
import torch_documented_pairs as documented  # noqa: E402

RETRIEVED = "2026-12-06"
FIRST_TORCH = (1, 0, 0)
PLATFORM_ORDER = ("linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-x86_64", "macos-arm64")

PYPI_SOURCES = {
    "pypi-torch-index": {
        "title": "PyPI simple index for torch (PEP 691 JSON)",
        "url": "https://pypi.org/simple/torch/",
        "retrieved": RETRIEVED,
        "notes": "Every file of every final release: wheel filename tags (Python, ABI, platform), "
                 "upload-time, requires-python, yanked. Read by scripts/data/pypi_index.py.",
    },
    "pypi-torch-linux-wheel": {
        "title": "torch/version.py and METADATA inside the plain PyPI Linux x86_64 torch wheel",
        "url": "https://pypi.org/simple/torch/",
        "retrieved": RETRIEVED,
        "notes": "For each release, one manylinux x86_64 wheel (newest build tag; filename in the "
                 "record's pypi_linux_wheel) read with HTTP range requests "
                 "(scripts/data/pypi_remote_wheel.py): 'cuda' and '__version__' of torch/version.py, "
                 "nvidia-cudnn-cu* pin of .dist-info/METADATA Requires-Dist.",
    },
    "pypi-torchvision-metadata": {
        "title": "PyPI torchvision wheels: Requires-Dist torch",
        "url": "https://pypi.org/simple/torchvision/",
        "retrieved": RETRIEVED,
        "notes": "For every final torchvision release, one wheel per platform: the 'torch' "
                 "requirement of .dist-info/METADATA (range-read), plus upload-time and yank status "
                 "from the simple index.",
    },
    "pypi-torchaudio-metadata": {
        "title": "PyPI torchaudio wheels: Requires-Dist torch",
        "url": "https://pypi.org/simple/torchaudio/",
        "retrieved": RETRIEVED,
        "notes": "As for torchvision: one wheel per platform of every final torchaudio release; "
                 "torchaudio 2.11.0 declares no torch requirement, 2.11.1 declares torch>=2.11.",
    },
}


def version_tuple(version):
    return tuple(int(part) for part in re.split(r"\.post|\.", version))


def exact_pin(requirement_spec):
    """'==1.3.0' / '==1.3.0.*' / '==1.10.0+cu102' -> '1.3.0' / '1.3.0' / '1.10.0'."""
    if not requirement_spec.startswith("==") or "," in requirement_spec:
        return None
    return requirement_spec[2:].strip().split("+")[0].rstrip(".*")


def minimum_only(requirement_spec):
    """'>=2.14.0' -> (2, 14, 0); None for anything else."""
    match = re.match(r"^>=\s*(\d+(?:\.\d+)*)$", requirement_spec.strip())
    return version_tuple(match.group(1)) if match else None


def companion_index(companion_facts):
    """Per companion release: the torch versions its wheels pin, and its range requirements."""
    index = {}
    for version, record in companion_facts.items():
        pins, linux_pins, ranges = set(), set(), set()
        for platform, wheel in record["wheels"].items():
            for spec in wheel["torch_requirements"]:
                pinned = exact_pin(spec)
                if pinned:
                    pins.add(pinned)
                    if platform == "linux-x86_64":
                        linux_pins.add(pinned)
                elif minimum_only(spec):
                    ranges.add(minimum_only(spec))
        index[version] = {"pins": pins, "linux_pins": linux_pins, "ranges": ranges,
                          "date": record["date"], "yanked": record["yanked"]}
    return index


def pick_companion(torch_version, torch_date, index):
    """(chosen, basis, all exact pinners) from PyPI metadata alone; chosen None if none."""
    live = {v: i for v, i in index.items() if not i["yanked"]}
    pinned = sorted((v for v, i in live.items() if torch_version in i["pins"]), key=version_tuple)
    if pinned:
        linux = [v for v in pinned if torch_version in live[v]["linux_pins"]]
        return (linux or pinned)[-1], "wheel-pin", pinned
    same_day = sorted((v for v, i in live.items()
                       if i["date"] == torch_date and i["ranges"] and not i["pins"]
                       and all(version_tuple(torch_version) >= low for low in i["ranges"])),
                      key=version_tuple)
    if same_day:
        return same_day[-1], "wheel-range-same-day", []
    return None, None, []


def yanked_pinners(torch_version, index):
    return sorted((v for v, i in index.items() if i["yanked"] and torch_version in i["pins"]),
                  key=version_tuple)


def torchvision_fields(version, date, vision_index, notes, sources):
    chosen, basis, pinned = pick_companion(version, date, vision_index)
    if chosen is None and version in documented.TORCHVISION:
        chosen, source_id, statement = documented.TORCHVISION[version]
        basis = "documented-pair"
        sources.append(source_id)
        notes.append("torchvision from pytorch.org's previous-versions page ({}); no torchvision "
                     "wheel on PyPI pins this torch exactly.".format(statement))
    elif basis == "wheel-range-same-day":
        notes.append("No torchvision wheel pins torch=={0}; torchvision {1} declares a range "
                     "(torch>=...) that admits {0} and was uploaded to PyPI the same day.".format(version, chosen))
    if chosen is None:
        notes.append("No torchvision release on PyPI pins or declares this torch and no document "
                     "pairs one with it.")
    else:
        sources.append("pypi-torchvision-metadata")
        if chosen in vision_index and vision_index[chosen]["yanked"]:
            notes.append("torchvision {} is yanked on PyPI ('{}'); pip still installs it when pinned "
                         "exactly.".format(chosen, vision_index[chosen]["yanked"]))
    for yanked in yanked_pinners(version, vision_index):
        notes.append("torchvision {} also pins this torch but is yanked on PyPI.".format(yanked))
    return {"torchvision": chosen, "torchvision_basis": basis, "torchvision_pinned_by": pinned}


def range_admitters(torch_version, index):
    """Live companion releases with no exact pin whose torch>=X ranges admit torch_version."""
    return sorted((v for v, i in index.items()
                   if not i["yanked"] and i["ranges"] and not i["pins"]
                   and all(version_tuple(torch_version) >= low for low in i["ranges"])),
                  key=version_tuple)


def torchaudio_fields(version, date, audio_index, notes, sources):
    chosen, basis, pinned = pick_companion(version, date, audio_index)
    stable = documented.TORCHAUDIO_STABLE_ABI
    if chosen is None and version_tuple(version) >= version_tuple(stable["first_torch"]):
        chosen, basis = stable["torchaudio"], "documented-range"
        sources.append(stable["source"])
        notes.append("torchaudio stopped following torch after 2.11: {} declares no torch "
                     "requirement, and its docs state it is built against PyTorch's stable ABI and "
                     "supports torch 2.11 and every later release.".format(chosen))
    elif basis == "wheel-range-same-day":
        notes.append("No torchaudio wheel pins torch=={0}; torchaudio {1} declares a range "
                     "(torch>=...) that admits {0} and was uploaded to PyPI the same day.".format(version, chosen))
    elif chosen is None:
        notes.append("No torchaudio for this torch: no torchaudio release on PyPI pins it (the first "
                     "torchaudio on PyPI, 0.3.0, pins torch 1.2.0) and no document pairs one.")
    if chosen is not None:
        sources.append("pypi-torchaudio-metadata")
    later = [v for v in range_admitters(version, audio_index) if version_tuple(v) > version_tuple(chosen or "0")]
    if later:
        notes.append("Later torchaudio releases whose wheels' torch range also admits this torch: {}."
                     .format(", ".join(later)))
    for yanked in yanked_pinners(version, audio_index):
        notes.append("torchaudio {} also pins this torch but is yanked on PyPI.".format(yanked))
    return {"torchaudio": chosen, "torchaudio_basis": basis, "torchaudio_pinned_by": pinned}


def python_fields(torch_record):
    by_platform = {p: torch_record["python_by_platform"][p]
                   for p in PLATFORM_ORDER if p in torch_record["python_by_platform"]}
    minors = sorted({m for ms in by_platform.values() for m in ms}, key=version_tuple)
    free = sorted({m for ms in torch_record["free_threaded_by_platform"].values() for m in ms},
                  key=version_tuple)
    requires = torch_record["requires_python"]
    if len(requires) > 1:
        raise ValueError("several Requires-Python values: {}".format(requires))
    return {"python": minors, "python_free_threaded": free, "python_by_platform": by_platform,
            "requires_python": requires[0] if requires else None,
            "pypi_platforms": list(by_platform)}


def cuda_fields(build):
    """The plain PyPI Linux wheel's own statement of its CUDA (torch/version.py)."""
    cuda = build["version_py_cuda"]
    cudnn = [r for r in build["cuda_requirements"] or [] if r.lower().startswith("nvidia-cudnn-")]
    cudnn_version = None
    if len(cudnn) == 1:
        match = re.search(r"==\s*([\d.]+)", cudnn[0])
        cudnn_version = match.group(1) if match else None
    return {"pypi_default_cuda": ".".join(cuda.split(".")[:2]) if cuda else None,
            "pypi_torch_version": build["version_py_version"],
            "pypi_cudnn": cudnn_version,
            "pypi_linux_wheel": build["wheel"]}


def variant_of_build(build):
    """'cu121' / 'rocm6.1' / 'cpu' from a wheel's torch/version.py; None if it was not read."""
    if not build:
        return None
    if build.get("version_py_cuda"):
        major, minor = build["version_py_cuda"].split(".")[:2]
        return "cu{}{}".format(major, minor)
    if build.get("version_py_hip"):
        return "rocm" + ".".join(build["version_py_hip"].split(".")[:2])
    return "cpu"


def platform_variants(torch_record, platforms):
    builds = torch_record.get("build_by_platform") or {}
    return {platform: variant_of_build(builds.get(platform)) for platform in platforms}


def build_record(version, torch_record, vision_index, audio_index):
    notes, sources = [], ["pypi-torch-index", "pypi-torchvision-metadata", "pypi-torchaudio-metadata"]
    record = {"date": torch_record["date"]}
    record.update(torchvision_fields(version, torch_record["date"], vision_index, notes, sources))
    record.update(torchaudio_fields(version, torch_record["date"], audio_index, notes, sources))
    record.update(python_fields(torch_record))
    record["pypi_variant_by_platform"] = platform_variants(torch_record, record["pypi_platforms"])
    build = torch_record["linux_x86_64_build"]
    if build:
        record.update(cuda_fields(build))
        sources.append("pypi-torch-linux-wheel")
        if build["version_py_cuda"] is None:
            notes.append("torch/version.py of the PyPI Linux x86_64 wheel says cuda = None (CPU-only).")
    else:
        record.update({"pypi_default_cuda": None, "pypi_torch_version": None, "pypi_cudnn": None,
                       "pypi_linux_wheel": None})
        notes.append("No Linux x86_64 wheel on PyPI.")
    if version in documented.DISAGREEMENTS:
        notes.append(documented.DISAGREEMENTS[version])
        sources.append("vision-readme" if "README" in documented.DISAGREEMENTS[version]
                       else "pytorch-previous-versions")
        if "previous-versions" in documented.DISAGREEMENTS[version]:
            sources.append("pytorch-previous-versions")
    record["on_pypi"] = True
    record["sources"] = list(dict.fromkeys(sources))
    if notes:
        record["notes"] = " ".join(notes)
    return record


def not_on_pypi_record(facts_entry):
    return {
        "date": None,
        "torchvision": facts_entry["torchvision"], "torchvision_basis": "documented-pair",
        "torchvision_pinned_by": [],
        "torchaudio": facts_entry["torchaudio"], "torchaudio_basis": "documented-pair",
        "torchaudio_pinned_by": [],
        "python": [], "python_free_threaded": [], "python_by_platform": {}, "requires_python": None,
        "pypi_platforms": [], "pypi_variant_by_platform": {}, "pypi_default_cuda": None, "pypi_torch_version": None,
        "pypi_cudnn": None, "pypi_linux_wheel": None, "on_pypi": False,
        "sources": [facts_entry["source"]], "notes": facts_entry["notes"],
    }


def build_document(facts):
    vision_index = companion_index(facts["torchvision"])
    audio_index = companion_index(facts["torchaudio"])
    releases = {}
    for version in sorted(facts["torch"], key=version_tuple):
        if version_tuple(version) >= FIRST_TORCH and pypi_index.is_final_release(version):
            releases[version] = build_record(version, facts["torch"][version], vision_index, audio_index)
    for version, entry in documented.NOT_ON_PYPI.items():
        if version in releases:
            raise ValueError("{} is listed as not on PyPI but PyPI serves it".format(version))
        releases[version] = not_on_pypi_record(entry)
    releases = dict(sorted(releases.items(), key=lambda item: version_tuple(item[0])))
    sources = dict(PYPI_SOURCES)
    sources.update(documented.SOURCES)
    used = {s for r in releases.values() for s in r["sources"]}
    return {
        "schema_version": 1,
        "description": "Every torch release from 1.0.0 on (all PyPI releases plus the download.pytorch.org-only 1.8.2 LTS): release date, matching torchvision "
                       "and torchaudio, Python versions and platforms with wheels, and the CUDA and "
                       "cuDNN of the plain PyPI Linux wheel.",
        "sources": {k: v for k, v in sources.items() if k in used or k == "vision-readme"},
        "releases": releases,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", help="read PyPI facts from this JSON instead of the network")
    parser.add_argument("--save-facts", help="also write the PyPI facts read to this file")
    parser.add_argument("--output", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "torch-releases.json"))
    args = parser.parse_args()
    if args.facts:
        with open(args.facts, encoding="utf-8") as handle:
            facts = json.load(handle)
    else:
        facts = pypi_facts.collect(progress=lambda m: print(m, file=sys.stderr))
    if args.save_facts:
        with open(args.save_facts, "w", encoding="utf-8") as handle:
            json.dump(facts, handle, indent=1, sort_keys=True)
    document = build_document(facts)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print("wrote {} releases to {}".format(len(document["releases"]), args.output))


if __name__ == "__main__":
    main()
