#!/usr/bin/env python3
"""Write data/cuda-toolkits.json from NVIDIA's toolkit/driver tables.

The rows below are transcribed from the sources named in SOURCES; keeping
the transcription in one place (instead of hand-editing JSON) lets a
reviewer diff it against the release-notes table line by line.

Usage: python3 scripts/data/cuda_toolkits.py [output-path]
"""
import json
import sys
from pathlib import Path

RETRIEVED = "2026-11-25"
RN_1322 = "nvidia-cuda-rn-13.2.2"
RN_133 = "nvidia-cuda-rn-13.3"
RN_134 = "nvidia-cuda-rn-13.4"
INSTALLERS = "pytorch-builder-cuda-installers"
MVC_NOW = "nvidia-cuda-compat-mvc"
MVC_OLD = "nvidia-cuda-compat-mvc-12x-table"
PYPI_META = "pypi-cuda-toolkit-metapackage"
PYPI_RUNTIME = "pypi-cuda-toolkit-runtime-pins"

SOURCES = {
    RN_1322: {
        "title": "CUDA Toolkit 13.2 Update 2 - Release Notes, Table 3 "
                 "\"CUDA Toolkit and Corresponding Driver Versions\" and Table 2",
        "url": "https://docs.nvidia.com/cuda/archive/13.2.2/cuda-toolkit-release-notes/index.html",
        "retrieved": RETRIEVED,
        "notes": "Section 2.2 CUDA Driver. Every row from CUDA 13.2 Update 2 down to "
                 "CUDA 8.0 (8.0.44) transcribed verbatim (without the '>=' prefix). "
                 "Read from a stored crawl of this NVIDIA page (search tool, file id "
                 "70889381901). The Windows column reads 'N/A' for all 13.x rows "
                 "(footnote: from 13.1 the Windows display driver is no longer bundled).",
    },
    RN_133: {
        "title": "CUDA Toolkit 13.3 / 13.3 Update 1 - Release Notes, Table 3",
        "url": "https://docs.nvidia.com/cuda/archive/13.3.0/cuda-toolkit-release-notes/index.html",
        "retrieved": RETRIEVED,
        "notes": "The stored copy of this NVIDIA page could only be read up to its "
                 "component table; the 13.3 GA and 13.3 Update 1 rows (Linux "
                 ">=610.43.02 for both, Windows N/A) were read from several public "
                 "repositories that quote this table verbatim. Second-hand: re-check "
                 "against the live page.",
    },
    RN_134: {
        "title": "CUDA Toolkit 13.4 and 13.4 Update 1 - Release Notes (page titles)",
        "url": "https://docs.nvidia.com/cuda/archive/13.4.2/cuda-toolkit-release-notes/index.html",
        "retrieved": RETRIEVED,
        "notes": "Only the opening of archive/13.4.1 ('CUDA Toolkit 13.4', which states "
                 "'The CUDA Toolkit 13.4 GA release is versioned 13.4.1 and supersedes "
                 "the 13.4.0 developer preview') and archive/13.4.2 ('CUDA Toolkit 13.4 "
                 "Update 1') could be read; their driver rows were not.",
    },
    INSTALLERS: {
        "title": "pytorch/builder history: NVIDIA runfile installer names",
        "url": "https://github.com/pytorch/builder",
        "retrieved": RETRIEVED,
        "notes": "Full toolkit versions that the release-notes table folds into one row, "
                 "taken from NVIDIA download URLs in pytorch/builder: "
                 "cuda_9.0.176_384.81_linux-run (commit fcc6c2b3), "
                 "cuda_10.1.168_418.67_linux.run (commit 7e502f7e), "
                 "cuda_10.1.243_418.87.00_linux.run (common/install_cuda.sh at 282c44dc^).",
    },
    PYPI_RUNTIME: {
        "title": "NVIDIA's cuda-toolkit metapackages on PyPI: the CUDA runtime each pins",
        "url": "https://pypi.org/project/cuda-toolkit/",
        "retrieved": "2026-11-27",
        "notes": "Each cuda-toolkit wheel's METADATA pins nvidia-cuda-runtime(-cu11/-cu12)==X.Y.Z.* "
                 "for its 'cudart' extra; read by scripts/data/cuda_toolkit_runtime_pins.py (HTTP "
                 "range requests). Gives `cuda_runtime`, by which a torch wheel's own runtime pin "
                 "names the toolkit update it shipped. Updates that share a runtime (12.3.1/12.3.2, "
                 "12.5.0/12.5.1, 12.6.2/12.6.3, 12.8.1/12.8.2, 12.9.1/12.9.2, 13.0.2/13.0.3, "
                 "13.1.x, 13.3.x, 13.4.2/13.4.3) cannot be told apart that way.",
    },
    PYPI_META: {
        "title": "NVIDIA's cuda-toolkit metapackage on PyPI (version list)",
        "url": "https://pypi.org/project/cuda-toolkit/",
        "retrieved": RETRIEVED,
        "notes": "`pip index versions cuda-toolkit`: 13.5.0, 13.4.3, 13.4.2, 13.4.1.0, 13.3.1, "
                 "13.3.0, 13.2.2, 13.2.1, 13.2.0, 13.1.2.0, 13.1.1, 13.1.0, 13.0.3.0, 13.0.2, "
                 "13.0.1, 13.0.0, 12.9.2.0, 12.9.1, 12.9.0, 12.8.2.0, 12.8.1, 12.8.0, 12.6.3 ... "
                 "12.3.2 ... 12.0.0, 11.8.0. Every three-part version up to 13.3.1 matches a row "
                 "of NVIDIA's driver table; versions the table lacks are recorded as existing "
                 "toolkits with unknown drivers (X.Y.Z.0 written X.Y.Z, PEP 440 equal). "
                 "torch 2.13.0 wheels pin cuda-toolkit==13.0.3.",
    },
    MVC_NOW: {
        "title": "CUDA Compatibility - Minor Version Compatibility, Table 1 "
                 "\"CUDA Toolkit 11.x, 12.x, and 13.x Driver Version Ranges\"",
        "url": "https://docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html",
        "retrieved": RETRIEVED,
        "notes": "Current revision: 13.x '>= 580' (no upper range); 12.x '>= 525', "
                 "'< 580'; 11.x '>= 450', '< 525'; note: CUDA 11.0 needs 450.80.02 "
                 "(Linux) / 452.39 (Windows) for minor version compatibility across 11.x. "
                 "The same ranges appear as Table 2 of the 13.2 Update 2 release notes.",
    },
    MVC_OLD: {
        "title": "CUDA Compatibility (earlier revision), \"Minimum Required Driver "
                 "Version for CUDA Minor Version Compatibility\"",
        "url": "https://docs.nvidia.com/deploy/cuda-compatibility/index.html",
        "retrieved": RETRIEVED,
        "notes": "Earlier revisions of the page gave exact drivers: CUDA 12.x "
                 ">=525.60.13 (Linux) / >=527.41 (Windows); CUDA 11.x >= 450.80.02* / "
                 ">=452.39*. Read from public repositories quoting that table; the "
                 "current revision gives only driver branches (see "
                 "nvidia-cuda-compat-mvc).",
    },
}

# (version, name, exact row label, linux, windows, extra sources, notes)
# Version X.Y.N for "X.Y Update N" follows NVIDIA's own archive paths
# (docs.nvidia.com/cuda/archive/X.Y.N/).
ROWS = [
    ("8.0.44", "CUDA 8.0", "CUDA 8.0 (8.0.44)", "367.48", "369.30", [],
     "Older than the 9.0 scope; kept because torch 1.0.0 shipped a cu80 build."),
    ("8.0.61", "CUDA 8.0 GA2", "CUDA 8.0 (8.0.61 GA2)", "375.26", "376.51", [],
     "Older than the 9.0 scope; kept because torch 1.0.0 shipped a cu80 build."),
    ("9.0.176", "CUDA 9.0", "CUDA 9.0 (9.0.76)", "384.81", "385.54", [INSTALLERS],
     "The table labels the only CUDA 9.0 row '9.0.76'; the released toolkit is "
     "9.0.176 (NVIDIA installer cuda_9.0.176_384.81)."),
    ("9.1.85", "CUDA 9.1", "CUDA 9.1 (9.1.85)", "390.46", "391.29", [], None),
    ("9.2.88", "CUDA 9.2", "CUDA 9.2 (9.2.88)", "396.26", "397.44", [], None),
    ("9.2.148", "CUDA 9.2 Update 1", "CUDA 9.2 (9.2.148 Update 1)", "396.37", "398.26", [], None),
    ("10.0.130", "CUDA 10.0", "CUDA 10.0.130", "410.48", "411.31", [], None),
    ("10.1.105", "CUDA 10.1", "CUDA 10.1 (10.1.105 general release, and updates)",
     "418.39", "418.96", [], None),
    ("10.1.168", "CUDA 10.1 Update 1", "CUDA 10.1 (10.1.105 general release, and updates)",
     "418.39", "418.96", [INSTALLERS],
     "Covered by the table's '10.1.105 general release, and updates' row."),
    ("10.1.243", "CUDA 10.1 Update 2", "CUDA 10.1 (10.1.105 general release, and updates)",
     "418.39", "418.96", [INSTALLERS],
     "Covered by the table's '10.1.105 general release, and updates' row."),
    ("10.2.89", "CUDA 10.2", "CUDA 10.2.89", "440.33", "441.22", [], None),
    ("11.0.1", "CUDA 11.0.1 RC", "CUDA 11.0.1 RC", "450.36.06", "451.22", [],
     "Release candidate, listed in NVIDIA's table."),
    ("11.0.2", "CUDA 11.0.2 GA", "CUDA 11.0.2 GA", "450.51.05", "451.48", [], None),
    ("11.0.3", "CUDA 11.0.3 Update 1", "CUDA 11.0.3 Update 1", "450.51.06", "451.82", [], None),
    ("11.1.0", "CUDA 11.1 GA", "CUDA 11.1 GA", "455.23", "456.38", [], None),
    ("11.1.1", "CUDA 11.1.1 Update 1", "CUDA 11.1.1 Update 1", "455.32", "456.81", [], None),
    ("11.2.0", "CUDA 11.2.0 GA", "CUDA 11.2.0 GA", "460.27.03", "460.82", [], None),
    ("11.2.1", "CUDA 11.2.1 Update 1", "CUDA 11.2.1 Update 1", "460.32.03", "461.09", [], None),
    ("11.2.2", "CUDA 11.2.2 Update 2", "CUDA 11.2.2 Update 2", "460.32.03", "461.33", [], None),
    ("11.3.0", "CUDA 11.3.0 GA", "CUDA 11.3.0 GA", "465.19.01", "465.89", [], None),
    ("11.3.1", "CUDA 11.3.1 Update 1", "CUDA 11.3.1 Update 1", "465.19.01", "465.89", [], None),
    ("11.4.0", "CUDA 11.4.0 GA", "CUDA 11.4.0 GA", "470.42.01", "471.11", [], None),
    ("11.4.1", "CUDA 11.4 Update 1", "CUDA 11.4 Update 1", "470.57.02", "471.41", [], None),
    ("11.4.2", "CUDA 11.4 Update 2", "CUDA 11.4 Update 2", "470.57.02", "471.41", [], None),
    ("11.4.3", "CUDA 11.4 Update 3", "CUDA 11.4 Update 3", "470.82.01", "472.50", [], None),
    ("11.4.4", "CUDA 11.4 Update 4", "CUDA 11.4 Update 4", "470.82.01", "472.50", [], None),
    ("11.5.0", "CUDA 11.5 GA", "CUDA 11.5 GA", "495.29.05", "496.04", [], None),
    ("11.5.1", "CUDA 11.5 Update 1", "CUDA 11.5 Update 1", "495.29.05", "496.13", [], None),
    ("11.5.2", "CUDA 11.5 Update 2", "CUDA 11.5 Update 2", "495.29.05", "496.13", [], None),
    ("11.6.0", "CUDA 11.6 GA", "CUDA 11.6 GA", "510.39.01", "511.23", [], None),
    ("11.6.1", "CUDA 11.6 Update 1", "CUDA 11.6 Update 1", "510.47.03", "511.65", [], None),
    ("11.6.2", "CUDA 11.6 Update 2", "CUDA 11.6 Update 2", "510.47.03", "511.65", [], None),
    ("11.7.0", "CUDA 11.7 GA", "CUDA 11.7 GA", "515.43.04", "516.01", [], None),
    ("11.7.1", "CUDA 11.7 Update 1", "CUDA 11.7 Update 1", "515.48.07", "516.31", [], None),
    ("11.8.0", "CUDA 11.8 GA", "CUDA 11.8 GA", "520.61.05", "520.06", [],
     "Windows value exactly as NVIDIA's table states it (lower than the Linux one)."),
    ("12.0.0", "CUDA 12.0 GA", "CUDA 12.0 GA", "525.60.13", "527.41", [], None),
    ("12.0.1", "CUDA 12.0 Update 1", "CUDA 12.0 Update 1", "525.85.12", "528.33", [], None),
    ("12.1.0", "CUDA 12.1 GA", "CUDA 12.1 GA", "530.30.02", "531.14", [], None),
    ("12.1.1", "CUDA 12.1 Update 1", "CUDA 12.1 Update 1", "530.30.02", "531.14", [], None),
    ("12.2.0", "CUDA 12.2 GA", "CUDA 12.2 GA", "535.54.03", "536.25", [], None),
    ("12.2.1", "CUDA 12.2 Update 1", "CUDA 12.2 Update 1", "535.86.09", "536.67", [], None),
    ("12.2.2", "CUDA 12.2 Update 2", "CUDA 12.2 Update 2", "535.104.05", "537.13", [], None),
    ("12.3.0", "CUDA 12.3 GA", "CUDA 12.3 GA", "545.23.06", "545.84", [], None),
    ("12.3.1", "CUDA 12.3 Update 1", "CUDA 12.3 Update 1", "545.23.08", "546.12", [], None),
    ("12.4.0", "CUDA 12.4 GA", "CUDA 12.4 GA", "550.54.14", "551.61", [], None),
    ("12.4.1", "CUDA 12.4 Update 1", "CUDA 12.4 Update 1", "550.54.15", "551.78", [], None),
    ("12.5.0", "CUDA 12.5 GA", "CUDA 12.5 GA", "555.42.02", "555.85", [], None),
    ("12.5.1", "CUDA 12.5 Update 1", "CUDA 12.5 Update 1", "555.42.06", "555.85", [], None),
    ("12.6.0", "CUDA 12.6 GA", "CUDA 12.6 GA", "560.28.03", "560.76", [], None),
    ("12.6.1", "CUDA 12.6 Update 1", "CUDA 12.6 Update 1", "560.35.03", "560.94", [], None),
    ("12.6.2", "CUDA 12.6 Update 2", "CUDA 12.6 Update 2", "560.35.03", "560.94", [], None),
    ("12.6.3", "CUDA 12.6 Update 3", "CUDA 12.6 Update 3", "560.35.05", "561.17", [], None),
    ("12.8.0", "CUDA 12.8 GA", "CUDA 12.8 GA", "570.26", "570.65", [], None),
    ("12.8.1", "CUDA 12.8 Update 1", "CUDA 12.8 Update 1", "570.124.06", "572.61", [], None),
    ("12.9.0", "CUDA 12.9 GA", "CUDA 12.9 GA", "575.51.03", "576.02", [], None),
    ("12.9.1", "CUDA 12.9 Update 1", "CUDA 12.9 Update 1", "575.57.08", "576.57", [], None),
    ("13.0.0", "CUDA 13.0 GA", "CUDA 13.0 GA", "580.65.06", None, [], None),
    ("13.0.1", "CUDA 13.0 Update 1", "CUDA 13.0 Update 1", "580.82.07", None, [], None),
    ("13.0.2", "CUDA 13.0 Update 2", "CUDA 13.0 Update 2", "580.95.05", None, [], None),
    ("13.1.0", "CUDA 13.1 GA", "CUDA 13.1 GA", "590.44.01", None, [], None),
    ("13.1.1", "CUDA 13.1 Update 1", "CUDA 13.1 Update 1", "590.48.01", None, [], None),
    ("13.2.0", "CUDA 13.2 GA", "CUDA 13.2 GA", "595.45.04", None, [], None),
    ("13.2.1", "CUDA 13.2 Update 1", "CUDA 13.2 Update 1", "595.58.03", None, [], None),
    ("13.2.2", "CUDA 13.2 Update 2", "CUDA 13.2 Update 2", "595.71.05", None, [], None),
]

ROWS_13_3 = [
    ("13.3.0", "CUDA 13.3 GA", "CUDA 13.3 GA", "610.43.02"),
    ("13.3.1", "CUDA 13.3 Update 1", "CUDA 13.3 Update 1", "610.43.02"),
]

ROWS_13_4 = [
    ("13.4.1", "CUDA 13.4", "The CUDA Toolkit 13.4 GA release is versioned 13.4.1."),
    ("13.4.2", "CUDA 13.4 Update 1", "Archive path 13.4.2, page title 'CUDA Toolkit 13.4 Update 1'."),
]

# Toolkits NVIDIA publishes (cuda-toolkit metapackage on PyPI) but whose
# driver rows were not read; (version, version as PyPI writes it).
ROWS_PYPI_ONLY = [
    ("12.3.2", "12.3.2"), ("12.8.2", "12.8.2.0"), ("12.9.2", "12.9.2.0"),
    ("13.0.3", "13.0.3.0"), ("13.1.2", "13.1.2.0"), ("13.4.3", "13.4.3"), ("13.5.0", "13.5.0"),
]

# The CUDA runtime (nvidia-cuda-runtime) each cuda-toolkit metapackage pins,
# as printed by cuda_toolkit_runtime_pins.py on 2026-11-27.
CUDA_RUNTIME = {
    "11.8.0": "11.8.89",
    "12.0.0": "12.0.107",
    "12.0.1": "12.0.146",
    "12.1.0": "12.1.55",
    "12.1.1": "12.1.105",
    "12.2.0": "12.2.53",
    "12.2.1": "12.2.128",
    "12.2.2": "12.2.140",
    "12.3.0": "12.3.52",
    "12.3.1": "12.3.101",
    "12.3.2": "12.3.101",
    "12.4.0": "12.4.99",
    "12.4.1": "12.4.127",
    "12.5.0": "12.5.39",
    "12.5.1": "12.5.39",
    "12.6.0": "12.6.37",
    "12.6.1": "12.6.68",
    "12.6.2": "12.6.77",
    "12.6.3": "12.6.77",
    "12.8.0": "12.8.57",
    "12.8.1": "12.8.90",
    "12.8.2": "12.8.90",
    "12.9.0": "12.9.37",
    "12.9.1": "12.9.79",
    "12.9.2": "12.9.79",
    "13.0.0": "13.0.48",
    "13.0.1": "13.0.88",
    "13.0.2": "13.0.96",
    "13.0.3": "13.0.96",
    "13.1.0": "13.1.80",
    "13.1.1": "13.1.80",
    "13.1.2": "13.1.80",
    "13.2.0": "13.2.51",
    "13.2.1": "13.2.75",
    "13.2.2": "13.2.86",
    "13.3.0": "13.3.29",
    "13.3.1": "13.3.29",
    "13.4.1": "13.4.49",
    "13.4.2": "13.4.92",
    "13.4.3": "13.4.92",
    "13.5.0": "13.5.37",
}

# Where another document gives a different runtime for the same update, which one the
# table follows and why.
RUNTIME_DISPUTES = {
    "12.5.1": "cuda_runtime follows PyPI: cuda-toolkit==12.5.1 pins nvidia-cuda-runtime-cu12=="
              "12.5.39.* (also 12.5.0's runtime; re-read with `pip install --dry-run --report` on "
              "2026-12-06), while NVIDIA's CUDA 12.5 Update 1 release notes give the runtime "
              "(cudart) as 12.5.82 (quoted in TorchCompat's data audit, issue 19). A torch wheel "
              "names its toolkit update through the PyPI pin, so the table keeps 12.5.39; 12.5.82 "
              "is the component version NVIDIA's installer ships.",
}

WINDOWS_NA_NOTE = ("Windows column reads 'N/A' in NVIDIA's table: the Windows driver is "
                   "not bundled with 13.x toolkits.")


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def table_record(name, label, linux, windows, sources, notes):
    record = {"name": name, "table_row": label, "linux_min_driver": linux,
              "windows_min_driver": windows, "sources": sources}
    if notes:
        record["notes"] = notes
    return record


def build_toolkits():
    toolkits = {}
    for version, name, label, linux, windows, extra, notes in ROWS:
        if windows is None and notes is None:
            notes = WINDOWS_NA_NOTE
        toolkits[version] = table_record(name, label, linux, windows, [RN_1322] + extra, notes)
    for version, name, label, linux in ROWS_13_3:
        toolkits[version] = table_record(
            name, label, linux, None, [RN_133],
            WINDOWS_NA_NOTE + " Row read second-hand (see source notes).")
    for version, name, notes in ROWS_13_4:
        toolkits[version] = table_record(
            name, None, None, None, [RN_134, PYPI_META],
            notes + " Minimum drivers not read: unknown.")
    for version, pypi_version in ROWS_PYPI_ONLY:
        toolkits[version] = table_record(
            None, None, None, None, [PYPI_META],
            f"Exists as NVIDIA's cuda-toolkit {pypi_version} on PyPI; not in the driver "
            "table that was read, so its name and minimum drivers are unknown.")
    for version, runtime in CUDA_RUNTIME.items():
        record = toolkits.get(version)
        if record is None:
            raise SystemExit(f"cuda-toolkit {version} on PyPI has no toolkit record")
        record["cuda_runtime"] = runtime
        # Which source the value follows, where sources could disagree (RUNTIME_DISPUTES).
        record["cuda_runtime_source"] = PYPI_RUNTIME
        record["sources"] = record["sources"] + [PYPI_RUNTIME]
        if version in RUNTIME_DISPUTES:
            record["notes"] = " ".join(filter(None, [record.get("notes"), RUNTIME_DISPUTES[version]]))
    return {v: toolkits[v] for v in sorted(toolkits, key=version_key)}


def build_minor_version_compatibility():
    return {
        "11": {
            "linux_min_driver": "450.80.02", "windows_min_driver": "452.39",
            "driver_branch_min": "450", "driver_branch_max_exclusive": "525",
            "sources": [MVC_NOW, MVC_OLD],
            "notes": "The range table gives '>= 450'; its note says CUDA 11.0 needs "
                     "450.80.02 (Linux) / 452.39 (Windows) for minor version "
                     "compatibility across 11.x, so that is the floor recorded. Drivers "
                     "of branch 525 and newer run 11.x through backward compatibility.",
        },
        "12": {
            "linux_min_driver": "525.60.13", "windows_min_driver": "527.41",
            "driver_branch_min": "525", "driver_branch_max_exclusive": "580",
            "sources": [MVC_OLD, MVC_NOW],
            "notes": "Exact drivers from the earlier revision of the page; the current "
                     "revision states only '>= 525' and '< 580'. 525.60.13 is also the "
                     "CUDA 12.0 GA toolkit driver.",
        },
        "13": {
            "linux_min_driver": "580", "windows_min_driver": None,
            "driver_branch_min": "580", "driver_branch_max_exclusive": None,
            "sources": [MVC_NOW, RN_1322],
            "notes": "NVIDIA states the floor as the driver branch only ('>= 580'); no "
                     "Windows value is given. Upper range 'N/A'.",
        },
    }


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[2] / "data" / "cuda-toolkits.json"
    document = {
        "schema_version": 1,
        "description": "CUDA toolkit releases from 9.0 on (and the two 8.0 releases) with the minimum NVIDIA driver "
                       "NVIDIA lists for each, and the minor-version-compatibility driver "
                       "floor per CUDA major.",
        "sources": SOURCES,
        "toolkits": build_toolkits(),
        "minor_version_compatibility": build_minor_version_compatibility(),
    }
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
