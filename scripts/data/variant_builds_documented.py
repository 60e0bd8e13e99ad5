"""Build facts PyTorch documents but no wheel on PyPI shows: the non-default variants.

From 2.6 the binary build scripts live in pytorch/pytorch, and the only
download.pytorch.org-hosted builds PyPI cannot show are described by
PyTorch's own release documents. Each entry here is a transcription, with the
document it was read from; variant_builds.py merges them into
variant-builds.json under the rule "a document never overrides a wheel":
a value is only filled where the wheel-derived record has null, and a
disagreement with a wheel is a hard error, not a silent pick.

Where a document's claim is contradicted by a wheel of the same kind, it is
not used: RELEASE.md says "12.0+PTX" for every CUDA 13 build on Linux, but the
PyPI cu130 wheels of 2.11-2.14 and the cu132 wheel of 2.15 carry no PTX at
all (their arch flags and their fat binaries agree; a reviewer of PR #175253
noted that PTX had to be dropped for PyPI), so the PTX of the
download.pytorch.org-only CUDA 13 builds of 2.12-2.14 is recorded as unknown
(null) while their SASS list is recorded.
"""

SOURCES = {
    "pytorch-build-cuda-sh": {
        "title": "pytorch/pytorch .ci/manywheel/build_cuda.sh (stored versions)",
        "url": "https://github.com/pytorch/pytorch/blob/main/.ci/manywheel/build_cuda.sh",
        "retrieved": "2026-11-27",
        "notes": "The script the 2.6+ Linux CUDA binaries are built with; its case statement sets "
                 "TORCH_CUDA_ARCH_LIST per CUDA. Two stored versions were read: 00c7a380, whose case "
                 "statement names exactly 2.8.0's CUDA set (12.6, 12.8, 12.9) and whose 12.8 list "
                 "reproduces the 2.8.0 PyPI wheel, and 799d09f2, naming 12.6, 12.8, 12.9 and 13.0 (the "
                 "2.9 era: 2.9.x and 2.10.0 shipped 12.6, 12.8 and 13.0), whose lists equal RELEASE.md's "
                 "'For Release 2.9 and 2.10' matrix. The commits' branches could not be read here, "
                 "which is why each use is cross-checked against a wheel or RELEASE.md.",
    },
    "pytorch-release-md-cuda-matrix": {
        "title": "pytorch/pytorch RELEASE.md, 'PyTorch CUDA Support Matrix' (as shown in its PRs)",
        "url": "https://github.com/pytorch/pytorch/blob/main/RELEASE.md",
        "retrieved": "2026-11-27",
        "notes": "Architectures per CUDA for Linux x86 and Windows builds, read from the diffs of the "
                 "PRs that edited it: #164471 (added, 'For Release 2.9'), #175253 ('For Release 2.9 and "
                 "2.10' replaced by 'For Release 2.11': 12.6.3 5.0-9.0; 12.8.1 Turing(7.5) to "
                 "Blackwell(10.0, 12.0), Volta dropped; 13.0.2 7.5-12.0+PTX 'PTX on linux builds only'), "
                 "#182849 (2.12: 12.6.3, 13.0.2 and 13.2.1 rows), #187075 (heading extended to 2.12 "
                 "and 2.13), #197555 (2.14's matrix is the same as 2.13's). The stored copy of "
                 "RELEASE.md itself predates these rows.",
    },
    "pytorch-release-md-compat-matrix": {
        "title": "pytorch/pytorch RELEASE.md, 'Release Compatibility Matrix' rows (as shown in its PRs)",
        "url": "https://github.com/pytorch/pytorch/blob/main/RELEASE.md",
        "retrieved": "2026-11-27",
        "notes": "cuDNN per CUDA of a release: #143538 (2.6: CUDA 12.4 CUDNN 9.1.0.70, CUDA 12.6 "
                 "CUDNN 9.5.1.17), #187075 (2.13: CUDA 12.6 CUDNN 9.10.2.21, CUDA 13.0 and 13.2 CUDNN "
                 "9.20.0.48), #194367 (2.14, 'values taken from release/2.14': CUDA 12.6 CUDNN "
                 "9.10.2.21, CUDA 13.0 and 13.2 CUDNN 9.24.0.43).",
    },
    "pytorch-cuda-rfc-2.14": {
        "title": "pytorch/pytorch#190355: CUDA support matrix for Release 2.14",
        "url": "https://github.com/pytorch/pytorch/issues/190355",
        "retrieved": "2026-11-27",
        "notes": "'Release 2.14 ships CUDA 12.6, 13.0, and 13.2'; architecture table (12.6.3 Maxwell "
                 "5.0 to Hopper 9.0). Its proposal to put 13.2 on PyPI did not ship: the 2.14.0 and "
                 "2.14.1 PyPI wheels are CUDA 13.0 builds.",
    },
    "pytorch-published-versions": {
        "title": "pytorch.org get-started data: published_versions.json",
        "url": "https://github.com/pytorch/builder/blob/bca3224957cc0360d085e7e148233970502ea7c2/published_versions.json",
        "retrieved": "2026-11-27",
        "notes": "pip commands per release: 1.10.0 and 1.10.1 list torch==1.10.x+cu113 wheels "
                 "(download.pytorch.org/whl/cu113), which the previous-versions page omits.",
    },
}

# Releases whose CUDA variant list no wheel or generator replay gives, with the
# document that gives it. 2.14.0: the 2.14 release-candidate validation matrix
# (test-infra 00fa5780c, --channel test) also lists 13.4, which neither the RFC
# nor release/2.14's RELEASE.md row names, so it is not recorded.
VARIANT_LISTS = {
    "2.14.0": (["12.6", "13.0", "13.2"], ["pytorch-cuda-rfc-2.14", "pytorch-release-md-compat-matrix"]),
}

# Extra CUDA variants of a release that the list's own source omits.
EXTRA_VARIANTS = {
    "1.10.0": (["11.3"], "pytorch-published-versions"),
    "1.10.1": (["11.3"], "pytorch-published-versions"),
}

_CU126 = ["5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0"]
_CU128_29 = ["7.0", "7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]
_CU128_211 = ["7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]
_CU13X = ["7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]

_SH_28 = "build_cuda.sh@00c7a380"
_SH_29 = "build_cuda.sh@799d09f2"
_PTX_UNKNOWN = ("PTX unknown (null): RELEASE.md says 12.0+PTX on Linux, but says the same of the "
                "cu130 builds whose PyPI wheels carry none")


def _arch(sass, ptx, sources, note):
    return {"sass": sass, "ptx": ptx, "sources": sources, "notes": note}


def _records():
    records = {}
    for version in ("2.8.0",):
        records[(version, "cu126")] = _arch(_CU126, [], ["pytorch-build-cuda-sh"],
                                            f'TORCH_CUDA_ARCH_LIST="5.0;6.0;7.0;7.5;8.0;8.6;9.0" ({_SH_28})')
        records[(version, "cu129")] = _arch(_CU128_29, ["12.0"], ["pytorch-build-cuda-sh"],
                                            f'TORCH_CUDA_ARCH_LIST="7.0;7.5;8.0;8.6;9.0;10.0;12.0+PTX" ({_SH_28})')
    for version in ("2.9.0", "2.9.1", "2.10.0"):
        both = ["pytorch-build-cuda-sh", "pytorch-release-md-cuda-matrix"]
        records[(version, "cu126")] = _arch(
            _CU126, [], both, f'TORCH_CUDA_ARCH_LIST="5.0;6.0;7.0;7.5;8.0;8.6;9.0" ({_SH_29}); '
            "RELEASE.md 'For Release 2.9 and 2.10' agrees")
        records[(version, "cu130")] = _arch(
            _CU13X, ["12.0"], both, f'TORCH_CUDA_ARCH_LIST="7.5;8.0;8.6;9.0;10.0;12.0+PTX" on x86_64 '
            f"({_SH_29}); RELEASE.md 'For Release 2.9 and 2.10' agrees (13.0.0: 7.5-12.0+PTX, PTX on "
            "Linux only)")
    records[("2.11.0", "cu126")] = _arch(_CU126, [], ["pytorch-release-md-cuda-matrix"],
                                         "RELEASE.md 'For Release 2.11' (#175253): 12.6.3 Maxwell(5.0) to Hopper(9.0)")
    records[("2.11.0", "cu128")] = _arch(_CU128_211, [], ["pytorch-release-md-cuda-matrix"],
                                         "RELEASE.md 'For Release 2.11' (#175253): 12.8.1 Turing(7.5) to "
                                         "Blackwell(10.0, 12.0); Volta dropped from 12.8 builds in 2.11")
    for version in ("2.12.0", "2.12.1", "2.13.0", "2.14.0"):
        which = "2.14 (#197555: same as 2.13)" if version == "2.14.0" else \
            "2.12 and 2.13 (#182849, #187075)"
        records[(version, "cu126")] = _arch(_CU126, [], ["pytorch-release-md-cuda-matrix"],
                                            f"RELEASE.md CUDA matrix for {which}: 12.6.3 Maxwell(5.0) to Hopper(9.0)")
        records[(version, "cu132")] = _arch(_CU13X, None, ["pytorch-release-md-cuda-matrix"],
                                            f"RELEASE.md CUDA matrix for {which}: 13.2.1 Turing(7.5) to "
                                            f"Blackwell(10.0, 12.0+PTX); SASS recorded; {_PTX_UNKNOWN}")
    cudnn = {("2.6.0", "cu126"): "9.5.1.17",
             ("2.13.0", "cu126"): "9.10.2.21", ("2.13.0", "cu132"): "9.20.0.48",
             ("2.14.0", "cu126"): "9.10.2.21", ("2.14.0", "cu132"): "9.24.0.43"}
    for key, value in cudnn.items():
        record = records.setdefault(key, {"sources": [], "notes": ""})
        record["cudnn"] = value
        record["sources"] = record["sources"] + ["pytorch-release-md-compat-matrix"]
        release = key[0].rsplit(".", 1)[0]
        record["notes"] = "; ".join(filter(None, [record["notes"],
                                                  f"cuDNN {value} from RELEASE.md's {release} row"]))
    return records


RECORDS = _records()
