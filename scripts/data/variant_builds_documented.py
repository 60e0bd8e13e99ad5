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
                 "CUDNN 9.5.1.17), #170603 (2.10 row as added: 'CUDA 12.6 (CUDNN 9.10.2.21), CUDA 12.8 "
                 "(CUDNN 9.10.2.21)', experimental 'CUDA 13.0 (CUDNN 9.13.0.50)'; a reviewer asked "
                 "whether there were no cuDNN updates), #173677 ('[doc] Update release 2.10 CUDNN "
                 "version to 9.15.1.9', 2026-01-28; its diff was not readable here, only its title and "
                 "its pointer to generate_binary_build_matrix.py@449b1768), which #171189 explains: "
                 "'[cherry-pick][CUDA] Upgrade cuDNN to 9.15.1 for CUDA 13 builds' (release 2.10), so "
                 "2.10's CUDA 13.0 build is recorded with 9.15.1.9 and its CUDA 12.6 build keeps "
                 "9.10.2.21 (the 2.10.0 cu128 PyPI wheel pins nvidia-cudnn-cu12 9.10.2.21, so the "
                 "update did not reach the 12.x builds; the row as PyTorchKR/pytorch.kr copies it, "
                 "source pytorch-release-md-copy-pytorchkr, reads exactly that), #187075 (2.13: CUDA 12.6 CUDNN 9.10.2.21, CUDA 13.0 and 13.2 CUDNN "
                 "9.20.0.48), #194367 (2.14, 'values taken from release/2.14': CUDA 12.6 CUDNN "
                 "9.10.2.21, CUDA 13.0 and 13.2 CUDNN 9.24.0.43).",
    },
    "pytorch-release-md-copy-pytorchkr": {
        "title": "pytorch/pytorch RELEASE.md 'Release Compatibility Matrix' rows 2.8-2.13, as copied by "
                 "PyTorchKR/pytorch.kr (third-party)",
        "url": "https://github.com/PyTorchKR/pytorch.kr/blob/ec0f28f96030e15d9c25422ce9087ea6067bb252/"
               "_get_started/version-compatibility.md",
        "retrieved": "2026-12-06",
        "notes": "The Korean PyTorch community site's 'Release Compatibility Matrix' table, whose 2.12 and "
                 "2.13 rows were added 'per pytorch/pytorch RELEASE.md' (its PR #102, commit ec0f28f9, "
                 "2026-07-14); the 2.8-2.11 rows came with earlier commits. No copy of RELEASE.md itself "
                 "with these rows was readable here, so this copy is weaker evidence, checked where "
                 "possible: its 2.13 row equals pytorch/pytorch#187075's, its first 2.10 row equals "
                 "#170603's except CUDA 13.0, which it gives as 9.15.1.9 as #173677 ('Update release 2.10 "
                 "CUDNN version to 9.15.1.9') set it, and its CUDA 12.8 (2.8-2.10) and 13.0 (2.12) values "
                 "equal the PyPI wheels' nvidia-cudnn pins. Rows: 2.8 CUDA 12.6, 12.8, 12.9 CUDNN "
                 "9.10.2.21; 2.9 CUDA 12.6, 12.8 CUDNN 9.10.2.21, CUDA 13.0 CUDNN 9.13.0.50; 2.10 CUDA "
                 "12.6, 12.8 CUDNN 9.10.2.21, CUDA 13.0 CUDNN 9.15.1.9; 2.11 CUDA 12.6 CUDNN 9.10.2.21, "
                 "CUDA 12.8 and 13.0 CUDNN 9.17.1.4; 2.12 CUDA 12.6 CUDNN 9.10.2.21, CUDA 13.0 and 13.2 "
                 "CUDNN 9.20.0.48. 2.11's row is not used: the 2.11.0 cu130 PyPI wheel pins cuDNN "
                 "9.19.0.56, not the row's 9.17.1.4, so the row predates a cuDNN update.",
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
        "notes": "pip commands per release: 1.10.0, 1.10.1 and 1.10.2 list torch==1.10.x+cu113 wheels "
                 "(download.pytorch.org/whl/cu113), which the previous-versions page omits (it has no "
                 "1.10.2 entry at all).",
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
    "1.10.2": (["11.3"], "pytorch-published-versions"),
}

_CU126 = ["5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0"]
_CU128_29 = ["7.0", "7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]
_CU128_211 = ["7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]
_CU13X = ["7.5", "8.0", "8.6", "9.0", "10.0", "12.0"]

_SH_28 = "build_cuda.sh@00c7a380"
_SH_29 = "build_cuda.sh@799d09f2"
_PTX_UNKNOWN = ("PTX unknown (null): RELEASE.md says 12.0+PTX on Linux, but says the same of the "
                "cu130 builds whose PyPI wheels carry none")


# Where a cuDNN value rests on more than one document.
CUDNN_NOTES = {
    ("2.10.0", "cu126"): "cuDNN 9.10.2.21 from RELEASE.md's 2.10 row (#170603, and the row as "
                         "PyTorchKR/pytorch.kr copies it)",
    ("2.10.0", "cu130"): "cuDNN 9.15.1.9: RELEASE.md's 2.10 row said 9.13.0.50 (#170603) and was updated "
                         "to 9.15.1.9 (#173677; '[CUDA] Upgrade cuDNN to 9.15.1 for CUDA 13 builds' was "
                         "cherry-picked to 2.10, #171189); the row as PyTorchKR/pytorch.kr copies it "
                         "reads 9.15.1.9",
}


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
    # 2.8-2.12 (non-default builds): the RELEASE.md rows as PyTorchKR/pytorch.kr copies them, 2.10
    # also from its PRs (#170603, #173677). A minor's row is applied to its patch releases, as the
    # architecture rows are. 2.11's row is contradicted by its cu130 wheel and is not used.
    pr, kr = ["pytorch-release-md-compat-matrix"], ["pytorch-release-md-copy-pytorchkr"]
    cudnn = {("2.6.0", "cu126"): ("9.5.1.17", pr),
             ("2.8.0", "cu126"): ("9.10.2.21", kr), ("2.8.0", "cu129"): ("9.10.2.21", kr),
             ("2.9.0", "cu126"): ("9.10.2.21", kr), ("2.9.0", "cu130"): ("9.13.0.50", kr),
             ("2.9.1", "cu126"): ("9.10.2.21", kr), ("2.9.1", "cu130"): ("9.13.0.50", kr),
             ("2.10.0", "cu126"): ("9.10.2.21", pr + kr), ("2.10.0", "cu130"): ("9.15.1.9", pr + kr),
             ("2.12.0", "cu126"): ("9.10.2.21", kr), ("2.12.0", "cu132"): ("9.20.0.48", kr),
             ("2.12.1", "cu126"): ("9.10.2.21", kr), ("2.12.1", "cu132"): ("9.20.0.48", kr),
             ("2.13.0", "cu126"): ("9.10.2.21", pr), ("2.13.0", "cu132"): ("9.20.0.48", pr),
             ("2.14.0", "cu126"): ("9.10.2.21", pr), ("2.14.0", "cu132"): ("9.24.0.43", pr)}
    for key, (value, sources) in cudnn.items():
        record = records.setdefault(key, {"sources": [], "notes": ""})
        record["cudnn"] = value
        record["sources"] = record["sources"] + sources
        release = key[0].rsplit(".", 1)[0]
        default = (f"cuDNN {value} from RELEASE.md's {release} row" if sources == pr else
                   f"cuDNN {value} from RELEASE.md's {release} row as PyTorchKR/pytorch.kr copies it")
        record["cudnn_note"] = CUDNN_NOTES.get(key, default)
        record["notes"] = "; ".join(filter(None, [record["notes"], record["cudnn_note"]]))
    return records


RECORDS = _records()
