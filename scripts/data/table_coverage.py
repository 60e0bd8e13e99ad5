"""Which torch releases PyPI serves that the table lacks, or knows only partly.

Offline: it compares a list of release versions (PyPI's, read elsewhere) with
the data/ files and says, per release, what is missing. "Lacks" means the
release has no record in a file that should have one; "partly" means the
record exists but facts in it are null (unknown), named field by field so a
maintainer knows which source to read next (data/README.md, "Adding a
release").
"""

import json
import os
import re

FILES = ("torch-releases.json", "torch-variants.json", "libtorch-archives.json", "variant-builds.json")
CUDA_VARIANT = re.compile(r"^cu\d+$")


def load(data_dir):
    documents = {}
    for name in FILES:
        with open(os.path.join(data_dir, name), encoding="utf-8") as handle:
            documents[name] = json.load(handle)
    return documents


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def _variants_gaps(record):
    if record is None:
        return ["torch-variants.json: no record"]
    platforms = record.get("platforms") or {}
    unknown = sorted("{} {}".format(platform, kind) for platform, entry in platforms.items()
                     for kind in ("wheel", "libtorch") if (entry or {}).get(kind) is None)
    if len(unknown) == 2 * len(platforms) - 1 or len(unknown) == 2 * len(platforms):
        return ["torch-variants.json: every variant list unknown"]
    return ["torch-variants.json: unknown " + ", ".join(unknown)] if unknown else []


def _build_gaps(builds, wheels):
    if not builds:
        return ["variant-builds.json: no build facts"]
    gaps = []
    published = sorted(v for v in (wheels or []) if CUDA_VARIANT.match(v))
    recorded = sorted(v for v, platforms in builds.items() if "linux-x86_64" in platforms)
    if wheels is None:
        gaps.append("variant-builds.json: which CUDA variants exist is unknown (recorded: {})".format(
            ", ".join(recorded) or "none"))
    for variant, platforms in builds.items():
        for platform, record in platforms.items():
            where = variant if platform == "linux-x86_64" else "{} ({})".format(variant, platform)
            missing = []
            if record.get("sass") is None:
                missing.append("GPU architectures")
            elif record.get("ptx") is None:
                missing.append("PTX")
            if record.get("cudnn") is None:
                missing.append("cuDNN")
            if record.get("cuda_toolkit") is None:
                missing.append("toolkit update" + (" (one of {})".format(
                    ", ".join(record["cuda_toolkit_candidates"])) if record.get("cuda_toolkit_candidates") else ""))
            if missing:
                gaps.append("variant-builds.json {}: unknown {}".format(where, ", ".join(missing)))
    for variant in published:
        if variant not in recorded:
            gaps.append("variant-builds.json: {} is published but has no build record".format(variant))
    return gaps


def gaps_of(version, documents):
    """(lacks, partly): lists of what is missing for one release."""
    releases = documents["torch-releases.json"].get("releases", {})
    if version not in releases:
        return ["torch-releases.json: no record"], []
    lacks, partly = [], []
    variants = documents["torch-variants.json"].get("releases", {}).get(version)
    partly += _variants_gaps(variants)
    if version not in documents["libtorch-archives.json"].get("releases", {}):
        lacks.append("libtorch-archives.json: no record (no archive name known)")
    wheels = (((variants or {}).get("platforms") or {}).get("linux-x86_64") or {}).get("wheel")
    builds = documents["variant-builds.json"].get("builds", {}).get(version)
    build_gaps = _build_gaps(builds, wheels)
    (lacks if not builds else partly).extend(build_gaps)
    record = releases[version]
    for field in ("torchvision", "python"):
        if record.get(field) is None:
            partly.append("torch-releases.json: {} unknown".format(field))
    return lacks, partly


def report(versions, documents, first="1.0.0"):
    """Lines 'LACKS: ...' / 'PARTLY: ...', newest release first, and the count of each."""
    lines, counts = [], {"lacks": 0, "partly": 0, "complete": 0}
    for version in sorted(set(versions), key=version_key, reverse=True):
        if version_key(version) < version_key(first):
            continue
        lacks, partly = gaps_of(version, documents)
        if lacks:
            counts["lacks"] += 1
            lines.append("LACKS: torch {}: {}".format(version, "; ".join(lacks + partly)))
        elif partly:
            counts["partly"] += 1
            lines.append("PARTLY: torch {}: {}".format(version, "; ".join(partly)))
        else:
            counts["complete"] += 1
    return lines, counts
