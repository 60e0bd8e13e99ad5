#!/usr/bin/env python3
"""Generate data/rocm-xpu-targets.json: what each ROCm and XPU build of torch targets.

Usage: rocm_xpu_targets.py --builder <pytorch/builder git dir> [--data-dir data]

ROCm: the gfx list (PYTORCH_ROCM_ARCH) is read from the docker build script of
pytorch/builder's release/X.Y branch (manywheel/build_docker.sh, and
libtorch/build_docker.sh where that release has ROCm libtorch); the two must agree.
The script's ROCm case is evaluated for each variant's ROCm version: a base list
and additions guarded by `$ROCM_VERSION_INT -ge N`. Releases whose branch sets no
list (1.9, 1.10: PyTorch's LoadHIP.cmake default) or has no docker script (2.5 on:
the images moved to pytorch/pytorch) get null.

XPU: PyTorch's "Getting Started on Intel GPU" page of the release's docs version
(transcribed in XPU_DOCUMENTED with a quote). AOT targets stay null: see
data/rocm-xpu-targets.md, Known gaps.

Which releases have which variants comes from data/torch-variants.json.
"""

import argparse
import json
import os
import re
import subprocess
import sys

RETRIEVED = "2026-11-26"
OUTPUT = "rocm-xpu-targets.json"
GFX_RE = re.compile(r"^gfx[0-9a-f]+$")
ROCM_VARIANT_RE = re.compile(r"^rocm(\d+)\.(\d+)(?:\.(\d+))?$")
# The builder scripts' ROCm case: the base assignment, then guarded additions.
BASE_RE = re.compile(r'^\s*PYTORCH_ROCM_ARCH="(gfx[^"$]*)"\s*$', re.M)
GUARD_RE = re.compile(
    r'if \[\[ \$ROCM_VERSION_INT -ge (\d+) \]\]; then\s*\n\s*PYTORCH_ROCM_ARCH'
    r'(?:="\$\{PYTORCH_ROCM_ARCH\};|\+=";)([^"]+)"\s*\n\s*fi')
BUILDER_SCRIPTS = ("manywheel/build_docker.sh", "libtorch/build_docker.sh")

SOURCES = {
    "torch-variants": {
        "title": "TorchCompat data/torch-variants.json (which releases publish which ROCm/XPU variants)",
        "url": "https://github.com/pytorch/test-infra/blob/main/tools/scripts/generate_binary_build_matrix.py",
        "retrieved": RETRIEVED,
        "notes": "The variant names and the releases that have them are those of data/torch-variants.json "
                 "(replayed from PyTorch's build-matrix generator); a record whose facts are all null names "
                 "only this source.",
    },
    "pytorch-docs-xpu-2.5": {
        "title": "PyTorch 2.5 docs: Getting Started on Intel GPU (notes/get_start_xpu)",
        "url": "https://docs.pytorch.org/docs/2.5/_sources/notes/get_start_xpu.rst.txt",
        "retrieved": RETRIEVED,
        "notes": "Hardware Prerequisite table: 'Intel Data Center GPU Max Series - Linux', "
                 "'Intel Client GPU - Windows/Linux'; 'Intel GPUs support (Beta) is ready in PyTorch 2.5'.",
    },
    "pytorch-docs-xpu-2.6": {
        "title": "PyTorch 2.6 docs: Getting Started on Intel GPU (notes/get_start_xpu)",
        "url": "https://docs.pytorch.org/docs/2.6/_sources/notes/get_start_xpu.rst.txt",
        "retrieved": RETRIEVED,
        "notes": "Hardware Prerequisite table: 'Linux - Intel Client GPUs / Intel Data Center GPU Max Series', "
                 "'Windows - Intel Client GPUs', 'WSL2 (experimental feature) - Intel Client GPUs'.",
    },
    "pytorch-docs-xpu-2.7": {
        "title": "PyTorch 2.7 docs: Getting Started on Intel GPU (notes/get_start_xpu)",
        "url": "https://docs.pytorch.org/docs/2.7/notes/get_start_xpu.html",
        "retrieved": RETRIEVED,
        "notes": "Data Center: 'Intel Data Center GPU Max Series (CodeName: Ponte Vecchio)'. Client, validated "
                 "hardware: Arc A-Series (Alchemist), Arc B-Series (Battlemage), Core Ultra with Arc Graphics "
                 "(Meteor Lake), Core Ultra 200V (Lunar Lake), Core Ultra Series 2 (Arrow Lake).",
    },
    "pytorch-docs-xpu-2.12": {
        "title": "PyTorch 2.12 docs: Getting Started on Intel GPU (notes/get_start_xpu)",
        "url": "https://docs.pytorch.org/docs/2.12/notes/get_start_xpu.html",
        "retrieved": RETRIEVED,
        "notes": "Data Center: 'Intel Data Center GPU Max Series (CodeName: Ponte Vecchio)'. Client, validated "
                 "hardware: Arc A-Series (Alchemist), Arc B-Series (Battlemage), Meteor Lake-H, Arrow Lake-H, "
                 "Lunar Lake (Windows 11 & Ubuntu 24.04/25.10), Panther Lake (Windows 11 & Ubuntu 25.10).",
    },
}

_CLIENT_2_7 = ["Alchemist", "Battlemage", "Meteor Lake", "Lunar Lake", "Arrow Lake"]
_CLIENT_2_12 = ["Alchemist", "Battlemage", "Meteor Lake-H", "Arrow Lake-H", "Lunar Lake", "Panther Lake"]
_FLOOR_ALCHEMIST = "Alchemist"

# docs version -> (source id, data_center codenames, client codenames or null, support_floor or null)
XPU_DOCUMENTED = {
    "2.5": ("pytorch-docs-xpu-2.5", ["Intel Data Center GPU Max Series"], None, None),
    "2.6": ("pytorch-docs-xpu-2.6", ["Intel Data Center GPU Max Series"], None, None),
    "2.7": ("pytorch-docs-xpu-2.7", ["Ponte Vecchio"], _CLIENT_2_7, _FLOOR_ALCHEMIST),
    "2.12": ("pytorch-docs-xpu-2.12", ["Ponte Vecchio"], _CLIENT_2_12, _FLOOR_ALCHEMIST),
}


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir] + list(args), check=True,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout


def git_show(git_dir, ref, path):
    result = subprocess.run(["git", "--git-dir", git_dir, "show", "{}:{}".format(ref, path)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, universal_newlines=True)
    return result.stdout if result.returncode == 0 else None


def rocm_version_int(variant):
    match = ROCM_VARIANT_RE.match(variant)
    major, minor, patch = (int(g or 0) for g in match.groups())
    return major * 10000 + minor * 100 + patch


def rocm_case(script):
    """The text of the script's `rocm)` case, or None."""
    match = re.search(r"^\s*rocm\)\s*$(.*?)^\s*;;", script, re.M | re.S)
    return match.group(1) if match else None


def evaluate_arch_list(case_text, variant):
    bases = BASE_RE.findall(case_text)
    if len(bases) != 1:
        return None
    archs = [a for a in bases[0].split(";") if a]
    version = rocm_version_int(variant)
    for threshold, added in GUARD_RE.findall(case_text):
        if version >= int(threshold):
            archs += [a for a in added.split(";") if a]
    # every assignment in the case must be one the evaluation understood
    if case_text.count("PYTORCH_ROCM_ARCH=\"") + case_text.count("PYTORCH_ROCM_ARCH+=") != \
            1 + len(GUARD_RE.findall(case_text)):
        return None
    if not all(GFX_RE.match(a) for a in archs):
        return None
    return archs


def builder_gfx(builder, branch, variant, has_libtorch):
    """(gfx list or None, notes, source id or None) from a builder release branch."""
    ref = "refs/heads/" + branch
    try:
        commit = git(builder, "rev-parse", ref).strip()
    except subprocess.CalledProcessError:
        return None, "pytorch/builder has no {} branch".format(branch), None
    lists = {}
    for path in BUILDER_SCRIPTS:
        if path.startswith("libtorch/") and not has_libtorch:
            continue
        script = git_show(builder, commit, path)
        case_text = rocm_case(script) if script else None
        if case_text is None or "PYTORCH_ROCM_ARCH=" not in case_text:
            return None, "{}@{}: {} sets no PYTORCH_ROCM_ARCH for ROCm".format(
                branch, commit[:12], path), "builder-" + branch.replace("/", "-")
        lists[path] = evaluate_arch_list(case_text, variant)
    values = list(lists.values())
    if not values or values[0] is None or any(v != values[0] for v in values):
        return None, "{}@{}: could not evaluate one agreeing list from {}".format(
            branch, commit[:12], ", ".join(lists)), "builder-" + branch.replace("/", "-")
    notes = "PYTORCH_ROCM_ARCH={} from pytorch/builder {}@{} {} (ROCM_VERSION_INT {})".format(
        ";".join(values[0]), branch, commit[:12], " and ".join(lists), rocm_version_int(variant))
    return values[0], notes, "builder-" + branch.replace("/", "-")


def builder_source(builder, branch):
    commit = git(builder, "rev-parse", "refs/heads/" + branch).strip()
    return {
        "title": "pytorch/builder {} docker build scripts (manywheel/, libtorch/ build_docker.sh)".format(branch),
        "url": "https://github.com/pytorch/builder/blob/{}/manywheel/build_docker.sh".format(commit),
        "retrieved": RETRIEVED,
        "notes": "Branch tip {}. The ROCm case sets PYTORCH_ROCM_ARCH, passed as a docker build argument into "
                 "the manylinux/libtorch ROCm builder images the release binaries were built in; evaluated per "
                 "ROCm version by scripts/data/rocm_xpu_targets.py.".format(commit),
    }


def variants_by_release(variants_document):
    result = {}
    for release, record in variants_document["releases"].items():
        found = {}
        for platform, entry in (record.get("platforms") or {}).items():
            for kind in ("wheel", "libtorch"):
                for variant in (entry or {}).get(kind) or []:
                    if variant == "xpu" or ROCM_VARIANT_RE.match(variant):
                        found.setdefault(variant, set()).add((platform, kind))
        if found:
            result[release] = found
    return result


def version_key(text):
    return tuple(int(p) for p in text.split("."))


def build(builder, variants_document):
    releases, used = {}, set(["torch-variants"])
    sources = {}
    for release, found in sorted(variants_by_release(variants_document).items(), key=lambda kv: version_key(kv[0])):
        minor = ".".join(release.split(".")[:2])
        record, record_sources = {}, []
        rocm = sorted((v for v in found if v != "xpu"), key=rocm_version_int)
        for variant in rocm:
            has_libtorch = ("linux-x86_64", "libtorch") in found[variant]
            gfx, notes, source_id = builder_gfx(builder, "release/" + minor, variant, has_libtorch) \
                if version_key(minor) < (2, 5) else \
                (None, "from 2.5 the ROCm builder images are built by pytorch/pytorch .ci/docker/manywheel/build.sh "
                       "(pytorch/builder release/2.5 no longer has the docker scripts); that history could not be "
                       "read at release {}'s commit".format(release), None)
            if source_id and source_id not in sources:
                sources[source_id] = builder_source(builder, "release/" + minor)
            if source_id and source_id not in record_sources:
                record_sources.append(source_id)
            record[variant] = {"gfx": gfx, "notes": notes}
        if "xpu" in found:
            documented = XPU_DOCUMENTED.get(minor)
            xpu = {"aot_targets": None, "data_center": None, "client": None, "support_floor": None,
                   "platforms": sorted(platform for platform, _ in found["xpu"])}
            xpu["platforms"] = sorted(set(xpu["platforms"]))
            if documented:
                source_id, data_center, client, floor = documented
                xpu.update(data_center=data_center, client=client, support_floor=floor)
                record_sources.append(source_id)
                sources[source_id] = SOURCES[source_id]
            record["xpu"] = xpu
        record["sources"] = record_sources + ["torch-variants"]
        releases[release] = record
    sources["torch-variants"] = SOURCES["torch-variants"]
    ordered_sources = {k: sources[k] for k in sorted(sources)}
    return {
        "schema_version": 1,
        "description": "Per torch release: the AMD gfx architectures each ROCm build ships code for "
                       "(PYTORCH_ROCM_ARCH of PyTorch's build scripts) and, per XPU build, the AOT targets and "
                       "the Intel GPUs PyTorch's docs validate. null = not sourced (data/rocm-xpu-targets.md, "
                       "Known gaps).",
        "sources": ordered_sources,
        "releases": releases,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builder", required=True, help="pytorch/builder git dir")
    parser.add_argument("--data-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                          "data"))
    args = parser.parse_args(argv)
    with open(os.path.join(args.data_dir, "torch-variants.json"), encoding="utf-8") as handle:
        variants_document = json.load(handle)
    document = build(args.builder, variants_document)
    path = os.path.join(args.data_dir, OUTPUT)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print("wrote {} ({} releases)".format(path, len(document["releases"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
