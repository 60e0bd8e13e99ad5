#!/usr/bin/env python3
"""Write data/variant-builds.json: per torch release and CUDA variant, the CUDA,
cuDNN and GPU architectures (SASS/PTX) of the official Linux x86_64 builds.

Evidence, strongest first:
  1. PyPI's own wheel of the release (the default CUDA variant only), read by
     variant_pypi_wheel_facts.py: CUDA from torch/version.py, the compiled-in
     arch flags from libtorch_python.so, the cuDNN pin from METADATA.
  2. pytorch/builder's release/X.Y branch, which the X.Y binary builds used:
     TORCH_CUDA_ARCH_LIST per CUDA in manywheel/build.sh or build_cuda.sh
     ('+PTX' marks PTX), toolkit and cuDNN in common/install_cuda.sh.
  3. For 1.6-1.8.1 (before release branches) builder main's build.sh as of the
     release's PyPI upload, used only when it reproduces the shipped wheel.
  4. The wheels' binaries themselves (wheel_fatbin_archs.py): the CUDA fat
     binaries in libtorch_cuda.so, which confirm the arch flags and give the
     only arch list for 1.0-1.5.1, whose libraries carry no arch string.
  5. PyTorch's release documents for builds PyPI does not carry
     (variant_builds_documented.py); they fill nulls, never override a wheel.
The toolkit update a wheel shipped comes from its CUDA runtime pin
(nvidia-cuda-runtime, 2.1-2.10) or cuda-toolkit pin (2.11 on), looked up in
cuda-toolkits.json's `cuda_runtime` (NVIDIA's metapackages' own pins).
PyPI's aarch64 wheels add "linux-aarch64" records where they are CUDA builds.
Which CUDA variants a release had comes from pytorch.org's previous-versions
page (transcribed below, up to 2.0.1) and, from 2.1.0, from the "release"
CUDA list of pytorch/test-infra's generate_binary_build_matrix.py at the
commit that made the release CURRENT_STABLE_VERSION.

Usage:
  variant_builds.py --builder <builder.git> --test-infra <test-infra.git>
                    --wheel-facts <pypi-wheel-facts.json> [--fatbin-facts <fatbin-archs.json> ...]
                    [--cuda-toolkits data/cuda-toolkits.json] [--out data/variant-builds.json]
  variant_builds.py --documented data/variant-builds.json [<builder.git>]
The second form only fills the cuDNN values variant_builds_documented.py transcribes into the
existing file (same rules) and, given the builder git dir, adds the EXTRA_VARIANTS records the
file lacks: for a document change that needs none of the other inputs.
"""
import argparse
import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import variant_builds_documented as documented  # noqa: E402
import wheel_fatbin_archs  # noqa: E402

RETRIEVED = "2026-11-25"
PLATFORM = "linux-x86_64"
MATRIX = "tools/scripts/generate_binary_build_matrix.py"
BUILDER_LINES = ["1.9", "1.10", "1.11", "1.12", "1.13", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"]
BUILDER_BRANCHES = {line: f"release/{line}" for line in BUILDER_LINES}
# 1.8.2 is the LTS release, built from builder's lts/release/1.8 and served only
# from download.pytorch.org/whl/lts/1.8/ (not PyPI).
LTS_RELEASES = {"1.8.2": {"branch": "lts/release/1.8", "cudas": ["10.2", "11.1"]}}

# pytorch.org "Previous PyTorch Versions" (pytorch/pytorch.github.io
# _get_started/previous-versions.md): CUDA variants of the Linux wheels per
# release. 1.3.x and 1.10.2 are absent from that page.
PREVIOUS_VERSIONS_PAGE = {
    "1.0.0": ["10.0", "9.0", "8.0"],
    "1.0.1": ["10.0", "9.0"],
    "1.1.0": ["10.0", "9.0"],
    "1.2.0": ["10.0", "9.2"],
    "1.4.0": ["10.1", "9.2"],
    "1.5.0": ["10.2", "10.1", "9.2"],
    "1.5.1": ["10.2", "10.1", "9.2"],
    "1.6.0": ["10.2", "10.1", "9.2"],
    "1.7.0": ["11.0", "10.2", "10.1", "9.2"],
    "1.7.1": ["11.0", "10.2", "10.1", "9.2"],
    "1.8.0": ["11.1", "10.2"],
    "1.8.1": ["11.1", "10.2", "10.1"],
    "1.9.0": ["11.1", "10.2"],
    "1.9.1": ["11.1", "10.2"],
    "1.10.0": ["11.1", "10.2"],
    "1.10.1": ["11.1", "10.2"],
    "1.11.0": ["11.3", "10.2"],
    "1.12.0": ["11.6", "11.3", "10.2"],
    "1.12.1": ["11.6", "11.3", "10.2"],
    "1.13.0": ["11.6", "11.7"],
    "1.13.1": ["11.6", "11.7"],
    "2.0.0": ["11.7", "11.8"],
    "2.0.1": ["11.7", "11.8"],
}

SOURCES = {
    "pypi-torch-wheels": {
        "title": "PyPI torch wheels (manylinux x86_64), read member by member",
        "url": "https://pypi.org/project/torch/",
        "retrieved": RETRIEVED,
        "notes": "scripts/data/variant_pypi_wheel_facts.py: torch/version.py 'cuda', the "
                 "arch-flag string compiled into torch/lib/libtorch_python.so (what "
                 "torch.cuda.get_arch_list() returns; sm_XY = SASS, compute_XY = PTX) and the "
                 "nvidia-cudnn-cu1x pin in METADATA. PyPI carries only each release's default "
                 "CUDA variant. Libraries before 1.6 do not carry the arch string.",
    },
    "pytorch-builder-release-branches": {
        "title": "pytorch/builder release/X.Y branches: manywheel/build.sh (1.9, 1.10), "
                 "manywheel/build_cuda.sh (1.11-2.5), common/install_cuda.sh (1.9-2.4)",
        "url": "https://github.com/pytorch/builder",
        "retrieved": RETRIEVED,
        "notes": "TORCH_CUDA_ARCH_LIST evaluated for the variant's CUDA on x86_64 from the "
                 "case statement at the head of each release branch (libtorch/build.sh runs "
                 "the same script); '+PTX' marks PTX. Toolkit and cuDNN from the NVIDIA "
                 "installer and cuDNN archive names in install_CUDA functions.",
    },
    "pytorch-builder-dated": {
        "title": "pytorch/builder main: manywheel/build.sh as of a release's PyPI upload",
        "url": "https://github.com/pytorch/builder/commits/main/manywheel/build.sh",
        "retrieved": RETRIEVED,
        "notes": "Only for releases before builder had release branches (before 1.9), and only "
                 "where the dated script's list for the PyPI default CUDA equals the arch flags "
                 "of the shipped PyPI wheel; otherwise the arch lists stay null.",
    },
    "pytorch-previous-versions": {
        "title": "pytorch.org - Previous PyTorch Versions",
        "url": "https://pytorch.org/get-started/previous-versions/",
        "retrieved": RETRIEVED,
        "notes": "pytorch/pytorch.github.io _get_started/previous-versions.md (stored copy "
                 "covering 1.0.0-2.0.1): the 'CUDA X.Y' pip commands of the Linux wheels.",
    },
    "pytorch-test-infra-matrix": {
        "title": "pytorch/test-infra tools/scripts/generate_binary_build_matrix.py history",
        "url": "https://github.com/pytorch/test-infra/blob/main/tools/scripts/generate_binary_build_matrix.py",
        "retrieved": RETRIEVED,
        "notes": "CUDA_ARCHES_DICT['release'] at the first commit whose CURRENT_STABLE_VERSION "
                 "is the release (2.1.0 onward).",
    },
}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True, text=True).stdout


def git_show(gitdir, ref, path):
    try:
        return git(gitdir, "show", f"{ref}:{path}")
    except subprocess.CalledProcessError:
        return None


def version_key(version):
    return tuple(int(p) for p in version.split("."))


def variant_name(cuda_short):
    return "cu" + cuda_short.replace(".", "")


def short_cuda(cuda):
    return ".".join(cuda.split(".")[:2])


# ---- test-infra: release CUDA lists ------------------------------------------

EXTRA_SOURCES = {
    "pypi-torch-wheel-binaries": {
        "title": "PyPI torch wheels: the CUDA fat binaries inside torch/lib",
        "url": "https://pypi.org/project/torch/",
        "retrieved": "2026-11-27",
        "notes": "scripts/data/wheel_fatbin_archs.py range-reads libtorch_cuda.so (libcaffe2_gpu.so "
                 "in 1.0-1.1, libtorch.so in 1.2-1.4) of the wheel variant_pypi_wheel_facts.py reads "
                 "and counts the fat-binary entries per kind (SASS cubin / PTX) and architecture. An "
                 "architecture belongs to the build's list when it has at least half as many images "
                 "as the most common one; a few kernels compiled for extra targets (sm_90a, sm_100a, "
                 "sm_103) do not make an architecture covered. Confirms the arch-flag string (SASS "
                 "and PTX) of the 1.8.x and 2.0.0-2.15.0 wheels (1.13.x: PTX 8.6 in a minority of "
                 "the kernels, which the flags omit); where cuDNN/cuBLAS are linked "
                 "statically (1.6-1.12) their kernels add architectures and the scan disagrees, so "
                 "it never fills a list the wheel's arch-flag string does not give (1.0-1.5.1 keep "
                 "null, with the counts in notes).",
    },
    "pypi-cuda-toolkit-runtime-pins": {
        "title": "NVIDIA's cuda-toolkit metapackages on PyPI: the CUDA runtime each pins",
        "url": "https://pypi.org/project/cuda-toolkit/",
        "retrieved": "2026-11-27",
        "notes": "cuda-toolkits.json `cuda_runtime`: a torch wheel's nvidia-cuda-runtime pin "
                 "(2.1-2.10; 1.13-2.0 pin the 11.7 runtime, which has no metapackage) names the "
                 "toolkit update whose metapackage pins the same runtime; where several updates "
                 "share it, `cuda_toolkit_candidates` lists them and cuda_toolkit stays null.",
    },
}


def release_cuda_lists(test_infra):
    """{torch version: [cuda short, ...]} from the first commit of each stable run."""
    lists = {}
    for line in git(test_infra, "log", "--reverse", "--format=%H", "--", MATRIX).split():
        text = git_show(test_infra, line, MATRIX) or ""
        stable = re.search(r'^CURRENT_STABLE_VERSION\s*=\s*"([^"]+)"', text, re.M)
        cuda = re.search(r'^CUDA_ARCHES_DICT\s*=\s*\{.*?"release":\s*\[([^\]]*)\]', text, re.M | re.S)
        if not stable or not cuda or stable.group(1) in lists:
            continue
        lists[stable.group(1)] = re.findall(r'"([0-9.]+)"', cuda.group(1))
    return lists


# ---- builder: arch lists and cuDNN --------------------------------------------

def builder_arch_script(builder, branch):
    for path in ("manywheel/build_cuda.sh", "manywheel/build.sh"):
        text = git_show(builder, branch, path)
        if text and "TORCH_CUDA_ARCH_LIST=" in text:
            return path, text
    return None, None


def case_clauses(body):
    """Yield (patterns, lines) for each clause of a bash case body."""
    clause = None
    for raw in body.splitlines():
        line = raw.strip()
        head = re.match(r"^([^\s()#][^()]*)\)$", line)
        if head:
            if clause:
                yield clause
            clause = ([p.strip() for p in head.group(1).split("|")], [])
        elif clause is not None and line and not line.startswith("#"):
            clause[1].append(line)
    if clause:
        yield clause


def x86_assignments(lines):
    """Assignments outside the cuda-aarch64 branch of an if/else."""
    skipping, result = False, []
    for line in lines:
        if line.startswith("if ") and "aarch64" in line:
            skipping = True
        elif line == "else" and skipping:
            skipping = False
        elif line == "fi":
            skipping = False
        elif not skipping:
            value = re.match(r'^(?:export )?TORCH_CUDA_ARCH_LIST="([^"]*)"', line)
            if value:
                result.append(value.group(1))
    return result


def evaluate_arch_list(script, cuda_short):
    """TORCH_CUDA_ARCH_LIST for one CUDA, or None when the script rejects it."""
    case = re.search(r"^case \$\{CUDA_VERSION\} in\n(.*?)^esac", script, re.M | re.S)
    if not case:
        return None
    base = re.search(r'^(?:export )?TORCH_CUDA_ARCH_LIST="([^"]*)"', script[:case.start()], re.M)
    current = base.group(1) if base else ""
    for patterns, lines in case_clauses(case.group(1)):
        if not any(fnmatch.fnmatchcase(cuda_short, p) for p in patterns):
            continue
        if patterns == ["*"]:
            return None
        for value in x86_assignments(lines):
            current = value.replace("${TORCH_CUDA_ARCH_LIST}", current).replace(
                "$TORCH_CUDA_ARCH_LIST", current)
        return current
    return None


def cc_key(cc):
    major, minor = cc.split(".")
    return int(major), int(minor.rstrip("af")), minor[-1] if minor[-1] in "af" else ""


def split_arch_list(arch_list):
    items = [a for a in arch_list.split(";") if a]
    sass = sorted({a.replace("+PTX", "") for a in items}, key=cc_key)
    ptx = sorted({a.replace("+PTX", "") for a in items if a.endswith("+PTX")}, key=cc_key)
    return sass, ptx


def install_cuda_facts(builder, branch):
    """{cuda short: {"toolkit": "11.8.0", "cudnn": "8.7.0.84"}} from install_cuda.sh."""
    text = git_show(builder, branch, "common/install_cuda.sh")
    if not text:
        return {}
    facts = {}
    top_cudnn = re.search(r"^CUDNN_VERSION=([0-9.]+)", text, re.M)
    for block in re.split(r"^function ", text, flags=re.M)[1:]:
        local_cudnn = re.search(r"CUDNN_VERSION=([0-9.]+)", block)
        cudnn_value = local_cudnn or top_cudnn
        if cudnn_value:
            block = block.replace("${CUDNN_VERSION}", cudnn_value.group(1))
        runfile = re.search(r"cuda_(\d+\.\d+\.\d+)_[0-9.]+_linux", block)
        if not runfile:
            continue
        cudnn = (re.search(r"cudnn-linux-x86_64-([0-9.]+)_cuda", block)
                 or re.search(r"libcudnn\d+-dev_([0-9.]+)-1\+cuda", block)
                 or re.search(r"cudnn-[0-9.]+-linux-x64-v([0-9.]+)\.tgz", block))
        toolkit = runfile.group(1)
        facts.setdefault(short_cuda(toolkit), {"toolkit": toolkit,
                                               "cudnn": cudnn.group(1) if cudnn else None})
    return facts


def dated_builder_script(builder, upload_time):
    """builder main's manywheel/build.sh as it stood when a release was uploaded."""
    if not upload_time:
        return None, None
    commit = git(builder, "log", "-1", f"--before={upload_time}", "--format=%H",
                 "main", "--", "manywheel/build.sh").strip()
    return (commit, git_show(builder, commit, "manywheel/build.sh")) if commit else (None, None)


def dated_records(builder, wheel, cudas):
    """Arch lists from the dated script, trusted only when it reproduces the wheel.

    Before release branches existed nothing ties a builder commit to a
    release except time, so a dated script is used only if its list for the
    default CUDA equals what the shipped PyPI wheel really carries.
    """
    if not wheel.get("arch_flags") or not wheel.get("cuda"):
        return {}
    commit, script = dated_builder_script(builder, wheel.get("upload_time"))
    if not script:
        return {}
    default_list = evaluate_arch_list(script, short_cuda(wheel["cuda"]))
    if default_list is None or split_arch_list(default_list) != parse_arch_flags(wheel["arch_flags"]):
        return {}
    records = {}
    for cuda_short in cudas:
        arch_list = evaluate_arch_list(script, cuda_short)
        if arch_list is None:
            continue
        sass, ptx = split_arch_list(arch_list)
        records[cuda_short] = {
            "cuda": cuda_short, "cuda_toolkit": None, "cudnn": None, "sass": sass, "ptx": ptx,
            "sources": ["pytorch-builder-dated"],
            "notes": f"TORCH_CUDA_ARCH_LIST=\"{arch_list}\" from builder main@{commit[:12]}:"
                     f"manywheel/build.sh, the last change before the release's PyPI upload "
                     f"({wheel['upload_time'][:10]}); that script's list for the default CUDA "
                     f"reproduces the shipped wheel"}
    return records


def builder_facts(builder):
    """{line: {"path": ..., "script": ..., "install": {...}}}"""
    lines = {}
    branches = dict(BUILDER_BRANCHES)
    branches.update({version: lts["branch"] for version, lts in LTS_RELEASES.items()})
    for key, branch in branches.items():
        path, script = builder_arch_script(builder, branch)
        lines[key] = {"branch": branch, "path": path, "script": script,
                      "install": install_cuda_facts(builder, branch)}
    return lines


# ---- wheel facts --------------------------------------------------------------

def parse_arch_flags(flags):
    def as_cc(token):
        digits = re.match(r"^[a-z]+_(\d+)(\d)([af]?)$", token)
        return f"{int(digits.group(1))}.{digits.group(2)}{digits.group(3)}"
    tokens = flags.replace(";", " ").split()
    sass = sorted({as_cc(t) for t in tokens if t.startswith("sm_")}, key=cc_key)
    ptx = sorted({as_cc(t) for t in tokens if t.startswith("compute_")}, key=cc_key)
    return sass, ptx


# ---- assembly -----------------------------------------------------------------

def builder_record(line_facts, cuda_short):
    record = {"cuda": cuda_short, "cuda_toolkit": None, "cudnn": None,
              "sass": None, "ptx": None, "sources": ["pytorch-builder-release-branches"]}
    notes = []
    if line_facts["script"]:
        arch_list = evaluate_arch_list(line_facts["script"], cuda_short)
        if arch_list is not None:
            record["sass"], record["ptx"] = split_arch_list(arch_list)
            notes.append(f"TORCH_CUDA_ARCH_LIST=\"{arch_list}\" "
                         f"(builder {line_facts['branch']}:{line_facts['path']})")
    install = line_facts["install"].get(cuda_short)
    if install:
        record["cuda_toolkit"], record["cudnn"] = install["toolkit"], install["cudnn"]
        notes.append(f"toolkit/cuDNN from builder {line_facts['branch']}:common/install_cuda.sh")
    if notes:
        record["notes"] = "; ".join(notes)
    return record if record["sass"] is not None or install else None


def apply_wheel(record, wheel, cuda_short):
    """Overlay the wheel's own facts; a disagreement with the script is kept in notes."""
    record = dict(record) if record else {"cuda": cuda_short, "cuda_toolkit": None,
                                          "cudnn": None, "sass": None, "ptx": None,
                                          "sources": []}
    notes = [record["notes"]] if record.get("notes") else []
    if wheel.get("arch_flags"):
        sass, ptx = parse_arch_flags(wheel["arch_flags"])
        if record["sass"] is not None and (record["sass"], record["ptx"]) != (sass, ptx):
            notes.append(f"the build script gives sass={record['sass']} ptx={record['ptx']}; "
                         "the shipped wheel's arch flags win")
        elif record["sass"] is not None:
            notes.append("the shipped wheel agrees with the build script")
        record["sass"], record["ptx"] = sass, ptx
        notes.append(f"PyPI wheel {wheel['wheel']} arch flags: '{wheel['arch_flags']}'")
    if len(wheel.get("cuda") or "") > len(short_cuda(wheel.get("cuda") or "")):
        record["cuda_toolkit"] = wheel["cuda"]
    if wheel.get("cuda_toolkit_pin"):
        # PEP 440: 13.0.3.0 == 13.0.3; the toolkit table keys are X.Y.Z.
        record["cuda_toolkit"] = ".".join(wheel["cuda_toolkit_pin"].split(".")[:3])
        notes.append(f"toolkit from the wheel's cuda-toolkit pin {wheel['cuda_toolkit_pin']}")
    if wheel.get("cudnn_pin"):
        record["cudnn"] = wheel["cudnn_pin"]
        notes.append(f"cuDNN from the wheel's nvidia-cudnn pin {wheel['cudnn_pin']}")
    if "pypi-torch-wheels" not in record["sources"]:
        record["sources"] = ["pypi-torch-wheels"] + record["sources"]
    record["pypi_default"] = True
    record["notes"] = "; ".join(notes) if notes else None
    if record["notes"] is None:
        del record["notes"]
    return record


def release_variants(version, matrix_lists, wheel):
    """CUDA shorts the release was built for, and which sources say so."""
    if version in PREVIOUS_VERSIONS_PAGE:
        cudas, source = list(PREVIOUS_VERSIONS_PAGE[version]), ["pytorch-previous-versions"]
    elif version in matrix_lists:
        cudas, source = list(matrix_lists[version]), ["pytorch-test-infra-matrix"]
    elif version in documented.VARIANT_LISTS:
        cudas, source = documented.VARIANT_LISTS[version]
        cudas, source = list(cudas), list(source)
    else:
        cudas, source = [], []
    if wheel and wheel.get("cuda") and short_cuda(wheel["cuda"]) not in cudas:
        cudas.append(short_cuda(wheel["cuda"]))
    return sorted(set(cudas), key=version_key), source


def variant_cuda(platforms):
    return next(iter(platforms.values()))["cuda"]


def add_aarch64_wheel(variants, wheel):
    """PyPI's Linux aarch64 wheel, where it is a CUDA build (2.11 onward)."""
    if not wheel or not wheel.get("cuda") or "error" in wheel:
        return
    cuda_short = short_cuda(wheel["cuda"])
    record = apply_wheel(None, wheel, cuda_short)
    variants.setdefault(variant_name(cuda_short), {})["linux-aarch64"] = record


# ---- facts added after assembly -------------------------------------------------

def runtime_table(cuda_toolkits):
    """{runtime version: [toolkit versions]} from cuda-toolkits.json's cuda_runtime."""
    table = {}
    for toolkit, record in cuda_toolkits["toolkits"].items():
        if record.get("cuda_runtime"):
            table.setdefault(record["cuda_runtime"], []).append(toolkit)
    return table


def add_note(record, note):
    record["notes"] = "; ".join(filter(None, [record.get("notes"), note]))


def add_source(record, source_id):
    if source_id not in record["sources"]:
        record["sources"].append(source_id)


def apply_runtime(record, wheel, runtimes, toolkit_runtime):
    """cuda_runtime from the wheel's pin, and the toolkit update it names."""
    pin = wheel.get("cuda_runtime_pin")
    if record.get("cuda_toolkit") and not pin and record["cuda_toolkit"] in toolkit_runtime:
        if wheel.get("cuda_toolkit_pin"):
            record["cuda_runtime"] = toolkit_runtime[record["cuda_toolkit"]]
            add_source(record, "pypi-cuda-toolkit-runtime-pins")
            add_note(record, f"runtime {record['cuda_runtime']}: what cuda-toolkit=="
                             f"{record['cuda_toolkit']} pins")
        return
    if not pin:
        return
    record["cuda_runtime"] = pin
    candidates = sorted(runtimes.get(pin, []), key=version_key)
    add_source(record, "pypi-cuda-toolkit-runtime-pins")
    if len(candidates) == 1:
        if record.get("cuda_toolkit") and record["cuda_toolkit"] != candidates[0]:
            raise SystemExit(f"{wheel['wheel']}: runtime {pin} is toolkit {candidates[0]}, "
                             f"but the record says {record['cuda_toolkit']}")
        record["cuda_toolkit"] = candidates[0]
        add_note(record, f"toolkit {candidates[0]} from the wheel's nvidia-cuda-runtime pin {pin} "
                         f"(cuda-toolkit=={candidates[0]} pins that runtime)")
    elif candidates:
        record["cuda_toolkit_candidates"] = candidates
        add_note(record, f"the wheel's nvidia-cuda-runtime pin {pin} is shared by toolkits "
                         f"{', '.join(candidates)}: the exact update is unknown")
    else:
        add_note(record, f"the wheel's nvidia-cuda-runtime pin {pin} names no toolkit in "
                         "cuda-toolkits.json (no cuda-toolkit metapackage for it on PyPI)")


def apply_fatbin(record, facts):
    """Compare with, or fill from, the fat binaries compiled into the wheel."""
    if not facts or "error" in facts:
        return
    counts = {(kind, wheel_fatbin_archs.arch_of(cc)): n
              for kind, name in ((wheel_fatbin_archs.KIND_SASS, "sass"), (wheel_fatbin_archs.KIND_PTX, "ptx"))
              for cc, n in facts.get(name + "_counts", {}).items()}
    found = wheel_fatbin_archs.summarize(counts)
    sass, ptx = found["sass"], found["ptx"]
    if not ptx and found["ptx_counts"]:
        ptx = None  # PTX in a minority of the kernels: neither "none" nor a covering list
    libraries = ", ".join(sorted(facts.get("libraries") or {"torch/lib/libtorch_cuda.so": 0}))
    counted = "; ".join(f"{k} {v}" for k, v in found["sass_counts"].items())
    if record["sass"] is None:
        # Not filled: in the wheels that do carry an arch-flag string and link
        # cuDNN/cuBLAS statically (1.6-1.12), the scan does not reproduce it, so
        # for 1.0-1.5.1 it cannot tell torch's own kernels from those libraries'.
        add_note(record, f"the fat binaries of {libraries} in {facts['wheel']} carry SASS images "
                         f"per arch: {counted}; PTX: {found['ptx_counts'] or 'none'}; not recorded as "
                         "the build's list: statically linked CUDA libraries add their own "
                         "architectures, and this wheel has no arch-flag string to check against")
    elif record["sass"] is not None and (record["sass"], record["ptx"]) == (sass, ptx):
        add_source(record, "pypi-torch-wheel-binaries")
        add_note(record, f"the fat binaries of {libraries} carry exactly this SASS and PTX")
    elif record["sass"] is not None:
        add_note(record, f"the fat binaries of {libraries} give sass={sass} ptx={ptx} "
                         f"(SASS images per arch: {counted}); the arch-flag string was kept")


def apply_documented(version, variant, record):
    """Fill nulls from PyTorch's release documents; a disagreement is an error."""
    facts = documented.RECORDS.get((version, variant))
    if not facts or "pypi_default" in record:
        return
    for field in ("sass", "ptx", "cudnn"):
        if field not in facts:
            continue
        if record.get(field) is not None and record[field] != facts[field]:
            raise SystemExit(f"{version} {variant}: {field} {record[field]} from a wheel or build "
                             f"script, {facts[field]} from a document")
    if "sass" in facts and record["sass"] is None:
        record["sass"], record["ptx"] = facts["sass"], facts["ptx"]
    if "cudnn" in facts and record["cudnn"] is None:
        record["cudnn"] = facts["cudnn"]
    for source_id in facts["sources"]:
        add_source(record, source_id)
    if record.get("notes") == "Variant exists; no build script or wheel for it was read.":
        del record["notes"]
    add_note(record, facts["notes"])


def augment(builds, wheel_facts, fatbin_facts, cuda_toolkits):
    runtimes = runtime_table(cuda_toolkits)
    toolkit_runtime = {t: r["cuda_runtime"] for t, r in cuda_toolkits["toolkits"].items()
                       if r.get("cuda_runtime")}
    for version, variants in builds.items():
        wheel = wheel_facts.get(version, {})
        for variant, platforms in variants.items():
            for platform, record in platforms.items():
                if record.get("pypi_default"):
                    facts = wheel if platform == PLATFORM else (wheel.get("aarch64") or {})
                    machine = "x86_64" if platform == PLATFORM else "aarch64"
                    apply_runtime(record, facts, runtimes, toolkit_runtime)
                    apply_fatbin(record, fatbin_facts.get(f"{version}/{machine}"))
                elif platform == PLATFORM:
                    apply_documented(version, variant, record)


def build(builder, test_infra, wheel_facts):
    matrix_lists = release_cuda_lists(test_infra)
    lines = builder_facts(builder)
    builds = {}
    releases = dict(wheel_facts)
    releases.update({version: {} for version in LTS_RELEASES if version not in releases})
    for version in sorted(releases, key=version_key):
        wheel = releases[version]
        if "error" in wheel:
            continue
        if version in LTS_RELEASES:
            cudas, list_source = LTS_RELEASES[version]["cudas"], ["pytorch-previous-versions"]
            line = version
        else:
            cudas, list_source = release_variants(version, matrix_lists, wheel)
            cudas = sorted(set(cudas) | set(documented.EXTRA_VARIANTS.get(version, ([], None))[0]),
                           key=version_key)
            line = ".".join(version.split(".")[:2])
        dated = {} if line in lines else dated_records(builder, wheel, cudas)
        variants = {}
        for cuda_short in cudas:
            record = builder_record(lines[line], cuda_short) if line in lines else None
            if record is None and cuda_short in dated:
                record = dated[cuda_short]
            if wheel.get("cuda") and short_cuda(wheel["cuda"]) == cuda_short:
                record = apply_wheel(record, wheel, cuda_short)
            if record is None:
                record = {"cuda": cuda_short, "cuda_toolkit": None, "cudnn": None,
                          "sass": None, "ptx": None, "sources": [],
                          "notes": "Variant exists; no build script or wheel for it was read."}
            for list_id in list_source:
                if list_id not in record["sources"]:
                    record["sources"].append(list_id)
            extra = documented.EXTRA_VARIANTS.get(version)
            if extra and cuda_short in extra[0] and extra[1] not in record["sources"]:
                record["sources"].append(extra[1])
            variants[variant_name(cuda_short)] = {PLATFORM: record}
        add_aarch64_wheel(variants, wheel.get("aarch64"))
        if variants:
            builds[version] = dict(sorted(variants.items(), key=lambda kv: version_key(variant_cuda(kv[1]))))
    return builds


def add_extra_variants(document, builder):
    """Adds the EXTRA_VARIANTS records an existing variant-builds.json lacks, built as build()
    builds them: from the release line's builder branch, with the list's source."""
    lines = builder_facts(builder)
    for version, (cudas, source_id) in documented.EXTRA_VARIANTS.items():
        variants = document["builds"].get(version)
        line = ".".join(version.split(".")[:2])
        if variants is None or line not in lines:
            continue
        for cuda_short in cudas:
            if variant_name(cuda_short) in variants:
                continue
            record = builder_record(lines[line], cuda_short) or {
                "cuda": cuda_short, "cuda_toolkit": None, "cudnn": None, "sass": None, "ptx": None,
                "sources": [], "notes": "Variant exists; no build script or wheel for it was read."}
            add_source(record, source_id)
            variants[variant_name(cuda_short)] = {PLATFORM: record}
        document["builds"][version] = dict(sorted(variants.items(),
                                                  key=lambda kv: version_key(variant_cuda(kv[1]))))


def update_documented(path, builder=None):
    """Fills the cuDNN values variant_builds_documented.py transcribes into an existing
    variant-builds.json, under apply_documented()'s rules (a null is filled, a disagreement is an
    error), and refreshes the documents' sources; with the builder git dir, also adds the
    EXTRA_VARIANTS records the file lacks: for a document change that needs none of the other
    inputs."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if builder:
        add_extra_variants(document, builder)
    for (version, variant), facts in documented.RECORDS.items():
        record = document["builds"].get(version, {}).get(variant, {}).get(PLATFORM)
        if "cudnn" not in facts or record is None or "pypi_default" in record:
            continue
        if record["cudnn"] is not None:
            if record["cudnn"] != facts["cudnn"]:
                raise SystemExit(f"{version} {variant}: cudnn {record['cudnn']} recorded, "
                                 f"{facts['cudnn']} from a document")
            continue
        record["cudnn"] = facts["cudnn"]
        for source_id in facts["sources"]:
            add_source(record, source_id)
        add_note(record, facts["cudnn_note"])
    document["sources"].update(documented.SOURCES)
    Path(path).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--documented":
        update_documented(*sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builder", required=True)
    parser.add_argument("--test-infra", required=True)
    parser.add_argument("--wheel-facts", required=True)
    parser.add_argument("--fatbin-facts", nargs="*", default=[], help="wheel_fatbin_archs.py output file(s)")
    parser.add_argument("--cuda-toolkits",
                        default=str(Path(__file__).resolve().parents[2] / "data" / "cuda-toolkits.json"))
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "data" / "variant-builds.json"))
    args = parser.parse_args()
    wheel_facts = json.loads(Path(args.wheel_facts).read_text())
    fatbin_facts = {}
    for path in args.fatbin_facts:
        fatbin_facts.update(json.loads(Path(path).read_text()))
    builds = build(args.builder, args.test_infra, wheel_facts)
    augment(builds, wheel_facts, fatbin_facts, json.loads(Path(args.cuda_toolkits).read_text()))
    sources = dict(SOURCES, **documented.SOURCES)
    sources.update({key: value for key, value in EXTRA_SOURCES.items()})
    document = {
        "schema_version": 1,
        "description": "For each torch release and CUDA variant: the CUDA toolkit, cuDNN and the "
                       "GPU architectures (SASS and PTX) its official Linux x86_64 binaries carry.",
        "sources": sources,
        "builds": builds,
    }
    Path(args.out).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
