#!/usr/bin/env python3
"""Builds data/libtorch-archives.json and data/torch-variants.json.

Inputs:
  * the replay of pytorch/test-infra's build matrix generator (libtorch_matrix_history.py output
    directory), used for 1.13.0 and later;
  * the get-started page data, published_versions.json (pytorch.github.io; the copy committed to
    pytorch/builder at bca32249: `git -C <builder> show bca32249:published_versions.json`), used
    for lts-1.8.2 and 1.9.0 to 1.12.1 (libtorch URLs), and its pip commands for the 1.10.2 wheel
    lists and the Windows and macOS wheel lists of 1.9.0 to 1.12.1;
  * facts transcribed by hand in hand_records() from third-party SHA-256 pins, for 1.1.0 to 1.4.0,
    from PyTorch maintainers' answers in pytorch/pytorch issues (1.0.0, 1.2.0, 1.6.0, 1.8.0/1.8.1
    cu102) and from a user's list in one (1.4.0-1.5.1 non-default CUDA, #40961, weaker);
  * a release-candidate replay (libtorch_matrix_history.py --candidate) for a release the
    generator history read never made stable (2.14.0), minus what PyTorch's release documents
    exclude (CANDIDATE_EXCLUDED).
Usage: libtorch_archives_build.py <replay dir> <published_versions.json> <data dir>
       libtorch_archives_build.py --update-existing <data dir> [<published_versions.json>]
The second form re-derives both files from their own records, hand_records() and this file's
rules (eras, sources, which lists are complete): for changes that need no replayed input; given
published_versions.json, it also re-reads the wheel lists of GET_STARTED_WHEEL_LISTS from its pip
commands.
"""
import glob
import json
import os
import re
import sys

RETRIEVED = "2026-11-25"
BASE = "https://download.pytorch.org/libtorch/"
# The pip index of a variant's wheels is WHEEL_INDEX_BASE + variant, as the
# previous-versions page's install commands write it (--index-url .../whl/cu121).
WHEEL_INDEX_BASE = "https://download.pytorch.org/whl/"
PLATFORM_OF_GENERATOR_OS = {"linux": "linux-x86_64", "linux-aarch64": "linux-aarch64",
                            "windows": "windows-x86_64", "macos": "macos-x86_64",
                            "macos-arm64": "macos-arm64"}

# Which replayed commit describes a release: the first commit that named it stable, except where
# a later commit of the same stable version added builds that release really had (reasons given).
COMMIT_CHOICE = {
    "1.13.0": ("acaef1ae3", "the first 1.13.0 commit did not yet list macOS and Windows Debug libtorch"),
    "2.2.0": ("f22ebca53", "macOS arm64 libtorch was enabled in the release channel once 2.2.0 shipped (test-infra c7932a44f)"),
}

# The generator only existed from Aug 2022, after 1.12.1 shipped; its "release" state then already
# looked ahead to 1.13 (ROCm 5.2), so releases up to 1.12.1 come from the get-started data instead.
FIRST_GENERATOR_RELEASE = "1.13.0"


def source(title, url, notes, retrieved=RETRIEVED):
    return {"title": title, "url": url, "retrieved": retrieved, "notes": notes}


# Variants a release-candidate matrix lists but the release's own documents rule out.
CANDIDATE_EXCLUDED = {
    "2.14.0": {"cu134": "the 2.14 release-candidate matrix lists cu134, but PyTorch's 2.14 documents "
                        "name CUDA 12.6, 13.0 and 13.2 only (pytorch/pytorch#190355: 'Release 2.14 "
                        "ships CUDA 12.6, 13.0, and 13.2'; release/2.14 RELEASE.md row, #194367), so "
                        "cu134 is not recorded"},
}


def load_replays(replay_dir):
    by_version, candidates = {}, {}
    for path in glob.glob(os.path.join(replay_dir, "*.json")):
        with open(path) as f:
            replay = json.load(f)
        if replay["version"] and replay.get("channel", "release") != "release":
            candidates[replay["version"]] = exclude_candidate_variants(replay)
        elif replay["version"]:
            by_version.setdefault(replay["version"], []).append(replay)
    chosen = {}
    for version, replays in by_version.items():
        replays.sort(key=lambda r: r["date"])
        pick = replays[0]
        if version in COMMIT_CHOICE:
            pick = next(r for r in replays if r["commit"].startswith(COMMIT_CHOICE[version][0]))
        chosen[version] = pick
    for version, replay in candidates.items():
        chosen.setdefault(version, replay)
    return chosen


def exclude_candidate_variants(replay):
    excluded = CANDIDATE_EXCLUDED.get(replay["version"], {})
    for packages in replay["matrix"].values():
        for package, entries in packages.items():
            if isinstance(entries, list):
                packages[package] = [e for e in entries if e.get("desired_cuda") not in excluded]
    return replay



PYPI_RELEASES = (
    "1.0.0 1.0.1 1.1.0 1.2.0 1.3.0 1.3.1 1.4.0 1.5.0 1.5.1 1.6.0 1.7.0 1.7.1 1.8.0 1.8.1 1.9.0 1.9.1 "
    "1.10.0 1.10.1 1.10.2 1.11.0 1.12.0 1.12.1 1.13.0 1.13.1 2.0.0 2.0.1 2.1.0 2.1.1 2.1.2 2.2.0 "
    "2.2.1 2.2.2 2.3.0 2.3.1 2.4.0 2.4.1 2.5.0 2.5.1 2.6.0 2.7.0 2.7.1 2.8.0 2.9.0 2.9.1 2.10.0 "
    "2.11.0 2.12.0 2.12.1 2.13.0 2.14.0 2.14.1 2.15.0").split()
# Served only from download.pytorch.org/libtorch/lts/1.8/ (never on PyPI).
LTS_RELEASES = ["1.8.2"]
# Last torch with macOS x86_64 wheels on PyPI (pip index versions torch --platform macosx_10_9_x86_64).
MACOS_X86_64_LAST_PYPI = "2.2.2"

SOURCES = {
    "test-infra-matrix": source(
        "pytorch/test-infra tools/scripts/generate_binary_build_matrix.py (release channel)",
        "https://github.com/pytorch/test-infra/blob/main/tools/scripts/generate_binary_build_matrix.py",
        "Replayed with scripts/data/libtorch_matrix_history.py: the generator as it stood at the "
        "commit that made each version CURRENT_STABLE_VERSION, run with --channel release "
        "--package-type libtorch|wheel for each operating system; the 'installation' URLs it prints "
        "are PyTorch's own. Commit per release is in each release record's notes."),
    "published-versions": source(
        "pytorch.org get-started data: published_versions.json",
        "https://github.com/pytorch/builder/blob/bca3224957cc0360d085e7e148233970502ea7c2/published_versions.json",
        "The libtorch 'Download here' URLs of every stable release on the get-started page "
        "(Linux pre-cxx11/cxx11, Windows Release/Debug, macOS), parsed for lts-1.8.2 and 1.9.0-1.12.1 "
        "from the copy PyTorch committed to pytorch/builder on 2022-11-18 (releases 1.9.0-1.13.0); the "
        "same URLs appear in pytorch/pytorch.github.io published_versions.json@0142fe6d (1.9.0-1.11.0). "
        "The page shows one ROCm variant per release and none for libtorch before 1.12. Its pip "
        "commands give the 1.10.2 wheel lists and the Windows and macOS wheel lists of 1.9.0-1.12.1 "
        "(a '+<variant>' version or a download.pytorch.org/whl/<variant> index names a variant; a "
        "plain PyPI command names the variant of its choice, accnone = cpu, cuda10.2 = cu102, unless "
        "the choice has a note); and 1.10.0/1.10.1 Linux cu113."),
    "previous-versions": source(
        "pytorch.org Previous PyTorch Versions (_get_started/previous-versions.md)",
        "https://github.com/pytorch/pytorch.github.io/blob/04862e376ea686ba351674864400db1d93113979/_get_started/previous-versions.md",
        "pip commands per release, Linux section (ROCm marked 'Linux only')."),
    "neuropod-pins": source(
        "uber/neuropod bazel/libtorch_repository.bzl (third-party, SHA-256 pinned downloads)",
        "https://github.com/uber/neuropod/blob/master/source/bazel/libtorch_repository.bzl",
        "Third-party but each URL is pinned with a SHA-256, so it was downloaded as written: "
        "1.1.0-1.4.0 Linux cpu/cu90/cu100 and macOS archive URLs."),
    "third-party-1.4": source(
        "Project READMEs quoting libtorch 1.4.0 download links (third-party)",
        "https://github.com/abunchofhacks/Epicinium-NeuralNewt",
        "Weaker evidence, used only for 1.4.0 cu101 (no local suffix, Linux and Windows) and 1.4.0 "
        "cpu cxx11-abi; several unrelated projects quote the same URLs."),
    "tensorrt-workspace": source(
        "pytorch/TensorRT WORKSPACE history (PyTorch-owned, SHA-256 pinned libtorch downloads)",
        "https://github.com/pytorch/TensorRT",
        "git log --all -p -G'download.pytorch.org/libtorch': the libtorch archives Torch-TensorRT "
        "built against, each with a sha256, so each URL was downloaded as written. Used for 1.4.0 "
        "cu101 cxx11, 1.5.0, 1.5.1, 1.6.0 (cu102, no local suffix), 1.7.0, 1.7.1 (cu110), 1.8.0, "
        "1.8.1 (cu111). Commits: 1c051a64 (1.4.0), fee36d73 (1.5.0), 35ea1660 (1.5.1), a5851ff9 "
        "(1.6.0), d83d3147 (1.7.0), ac0dbc22 and 6e51eef8 (1.7.1), df634675 (1.8.0), c9aa99aa (1.8.1)."),
    "test-infra-candidate-matrix": source(
        "pytorch/test-infra generate_binary_build_matrix.py, release-candidate (test) channel",
        "https://github.com/pytorch/test-infra/blob/00fa5780c/tools/scripts/generate_binary_build_matrix.py",
        "libtorch_matrix_history.py --candidate 2.14.0=00fa5780c: the generator at the first commit "
        "naming 2.14.0 CURRENT_CANDIDATE_VERSION (2026-08-11), run with --channel test: what PyTorch's "
        "validation expected of the 2.14.0 release candidates. The test-infra history read ends "
        "before 2.14.0 became CURRENT_STABLE_VERSION. Variants PyTorch's 2.14 documents rule out "
        "(cu134) are left out."),
    "pytorch-2.14-docs": source(
        "PyTorch 2.14 CUDA documents: pytorch/pytorch#190355 and the release/2.14 RELEASE.md row (#194367)",
        "https://github.com/pytorch/pytorch/issues/190355",
        "'Release 2.14 ships CUDA 12.6, 13.0, and 13.2' (#190355); the RELEASE.md compatibility row "
        "for 2.14, values taken from release/2.14 (#194367): CUDA 12.6, 13.0, 13.2, ROCm 7.14. They "
        "confirm the candidate matrix's CUDA variants and rule out its cu134."),
    "pytorch-issue-33131": source(
        "pytorch/pytorch#33131: Could not find previous version of libtorch (maintainer's answer)",
        "https://github.com/pytorch/pytorch/issues/33131",
        "peterjc123 (PyTorch) lists the 1.0.0 archives: Linux cpu/ and cu90/ "
        "libtorch-shared-with-deps-1.0.0.zip; Windows cpu/, cu80/, cu90/, cu100/ "
        "libtorch-win-shared-with-deps-1.0.0.zip. Its macOS line repeats the Linux CPU file name, so "
        "macOS is not recorded."),
    "pytorch-issue-53448": source(
        "pytorch/pytorch#53448: Broken download links for libtorch v1.8.0 with CUDA 10.2 (maintainer's answer)",
        "https://github.com/pytorch/pytorch/issues/53448",
        "The '%2Bcu102' links on pytorch.org were denied; peterjc123 (PyTorch) gives the correct "
        "ones, without a local suffix: cu102/libtorch-shared-with-deps-1.8.0.zip, "
        "libtorch-cxx11-abi-shared-with-deps-1.8.0.zip, libtorch-win-shared-with-deps-1.8.0.zip and "
        "libtorch-win-shared-with-deps-debug-1.8.0.zip."),
    "pytorch-issue-55345": source(
        "pytorch/pytorch#55345 and pytorch/pytorch.github.io#660: libtorch 1.8.1 cu102 links",
        "https://github.com/pytorch/pytorch.github.io/pull/660",
        "The unsuffixed 1.8.1 cu102 links returned 403 (#55345, #54855); PyTorch re-uploaded the "
        "archives with a suffix and PR #660 ('These now have a %2Bcu102 suffix') changed the Linux "
        "links to cu102/libtorch-shared-with-deps-1.8.1%2Bcu102.zip and "
        "libtorch-cxx11-abi-shared-with-deps-1.8.1%2Bcu102.zip, the links #55345 confirms. Windows "
        "1.8.1 was not read."),
    "pytorch-issue-24120": source(
        "pytorch/pytorch#24120: libtorch 1.2.0 binaries are wrong version (maintainer's list)",
        "https://github.com/pytorch/pytorch/issues/24120",
        "ezyang (PyTorch), 2019-08-12, lists the 1.2.0 archives then on the server: "
        "cpu/libtorch-macos-1.2.0.zip, cu100/libtorch-shared-with-deps-1.2.0.zip and "
        "cu92/libtorch-shared-with-deps-1.2.0+cu92.zip (and without-deps builds, not recorded): "
        "the cu92 name carries '+cu92' although 1.2.0's cpu and cu100 archives have no local "
        "suffix. Read in the issue thread itself (issue 19).",
        retrieved="2026-12-06"),
    "pytorch-issue-24382": source(
        "pytorch/pytorch#24382: Incorrect LibTorch download links on pytorch.org (maintainer's list)",
        "https://github.com/pytorch/pytorch/issues/24382",
        "yf225 (PyTorch), 2019-08-16, 'the full list of download links' of 1.2.0, starting with "
        "Linux CPU cpu/libtorch-shared-with-deps-1.2.0.zip (no local suffix). Only that line was "
        "readable here; the rest of the list was not transcribed.",
        retrieved="2026-12-06"),
    "pytorch-issue-59607": source(
        "pytorch/pytorch#59607: Where is libtorch archive??? (maintainers' answers)",
        "https://github.com/pytorch/pytorch/issues/59607",
        "jbschlosser (PyTorch), 2021-06-08: cpu/libtorch-shared-with-deps-1.6.0%2Bcpu.zip. "
        "seemethere (PyTorch), 2021-06-18: 'where EXEC_TYPE=cu92 or any other CUDA version we "
        "supported for 1.6.0', ${EXEC_TYPE}/libtorch-shared-with-deps-1.6.0%2B${EXEC_TYPE}.zip. "
        "Recorded: cpu; cu92 (named); cu101, the other non-default CUDA of 1.6.0 (the "
        "previous-versions page lists 1.6.0 wheels for CUDA 10.2, 10.1 and 9.2). Pre-cxx11 names "
        "only. For cu102 the template would give a '+cu102' name, but the archive Torch-TensorRT "
        "pinned by SHA-256 (tensorrt-workspace) has none, so cu102 stays unsuffixed.",
        retrieved="2026-12-06"),
    "pytorch-issue-40961": source(
        "pytorch/pytorch#40961: how could i get old version of libtorch (a user's list, weaker)",
        "https://github.com/pytorch/pytorch/issues/40961",
        "jnulzl (not a PyTorch maintainer), 2022-01-20, 'Linux libtorch 1.4.0 ~ 1.10.1 gpu version "
        "url', pre-cxx11 and cxx11 ABI. Used only where no stronger source names the archive: "
        "1.4.0 cu92 (both ABIs) and cu100 (cxx11), 1.5.0 cu92/cu101 (both ABIs), 1.5.1 cu92 "
        "(both ABIs) and cu101 (pre-cxx11); the 1.5.1 cxx11 cu101 line was not readable here. "
        "The list also names unsuffixed copies (cu101/...-1.5.0.zip) and '+cu102' copies of the "
        "default-CUDA archives of 1.5.0; one name per variant is recorded (the suffixed name for "
        "non-default CUDA, the SHA-256-pinned unsuffixed name for cu102). Its entries for later "
        "releases were not transcribed.",
        retrieved="2026-12-06"),
    "pypi-index": source(
        "PyPI simple index via pip",
        "https://pypi.org/simple/torch/",
        "pip index versions torch (all releases); with --platform macosx_10_9_x86_64 --only-binary=:all: "
        "the last macOS x86_64 wheel is 2.2.2."),
}

LOCAL = "%2B{variant}"
ERAS = {
    "linux-pre-cxx11-only": {
        "platform": "linux-x86_64", "directory": "{variant}", "local": LOCAL,
        "files": {"pre-cxx11/Release": "libtorch-shared-with-deps-{version}{local}.zip"},
        "sources": ["neuropod-pins", "pytorch-issue-33131", "pytorch-issue-24120", "pytorch-issue-24382"],
        "notes": "Only pre-cxx11 archives are recorded for these releases (cxx11-abi builds were added "
                 "to the build scripts in Aug 2019, pytorch/builder d7348b47). The cpu and default-CUDA "
                 "archives of 1.1.0 and 1.2.0 have no local version suffix (see each release's "
                 "'unsuffixed'), but 1.2.0's cu92 archive does: pytorch/pytorch#24120 names "
                 "cu92/libtorch-shared-with-deps-1.2.0+cu92.zip. 1.3.0 added '+cpu' to the CPU archive."},
    "linux-two-abis": {
        "platform": "linux-x86_64", "directory": "{variant}", "local": LOCAL,
        "files": {"pre-cxx11/Release": "libtorch-shared-with-deps-{version}{local}.zip",
                  "cxx11/Release": "libtorch-cxx11-abi-shared-with-deps-{version}{local}.zip"},
        "sources": ["published-versions", "test-infra-matrix", "tensorrt-workspace", "neuropod-pins",
                    "third-party-1.4", "pytorch-issue-53448", "pytorch-issue-55345", "pytorch-issue-59607",
                    "pytorch-issue-40961"],
        "notes": "Both ABIs side by side. Up to 1.6.0 the default CUDA variant's file carried no "
                 "'+cuXYZ' (see each release's 'unsuffixed': cu101 in 1.4.0, cu102 in 1.5.x/1.6.0), "
                 "while the other CUDA variants' files did (1.4.0 cu92/cu100, 1.5.x cu92/cu101: "
                 "#40961; 1.6.0 cu92/cu101: #59607); "
                 "from 1.9.0 every file has it. 1.8.0's cu102 files have none (#53448) and 1.8.1's "
                 "were re-uploaded with '+cu102' (pytorch.github.io#660). Pre-cxx11 ROCm archives stopped after 2.5.x; pre-cxx11 builds stopped "
                 "after 2.6.0."},
    "linux-two-abis-lts": {
        "platform": "linux-x86_64", "directory": "lts/1.8/{variant}", "local": LOCAL,
        "files": {"pre-cxx11/Release": "libtorch-shared-with-deps-{version}{local}.zip",
                  "cxx11/Release": "libtorch-cxx11-abi-shared-with-deps-{version}{local}.zip"},
        "sources": ["published-versions"],
        "notes": "The 1.8 LTS line lives under libtorch/lts/1.8/ and was never on PyPI."},
    "linux-cxx11-only-abi-name": {
        "platform": "linux-x86_64", "directory": "{variant}", "local": LOCAL,
        "files": {"cxx11/Release": "libtorch-cxx11-abi-shared-with-deps-{version}{local}.zip"},
        "sources": ["test-infra-matrix"],
        "notes": "Pre-cxx11 builds are gone; the cxx11 archive still has its old 'cxx11-abi' name."},
    "linux-cxx11-plain-name": {
        "platform": "linux-x86_64", "directory": "{variant}", "local": LOCAL,
        "files": {"cxx11/Release": "libtorch-shared-with-deps-{version}{local}.zip"},
        "sources": ["test-infra-matrix", "test-infra-candidate-matrix"],
        "notes": "The cxx11 build took the old pre-cxx11 file name: same name as pre-2.7 pre-cxx11 "
                 "archives, different ABI."},
    "windows-release-debug": {
        "platform": "windows-x86_64", "directory": "{variant}", "local": LOCAL,
        "files": {"none/Release": "libtorch-win-shared-with-deps-{version}{local}.zip",
                  "none/Debug": "libtorch-win-shared-with-deps-debug-{version}{local}.zip"},
        "sources": ["published-versions", "test-infra-matrix", "third-party-1.4", "pytorch-issue-33131",
                    "pytorch-issue-53448", "test-infra-candidate-matrix"],
        "notes": "Release and Debug builds; which exist per release is in the release records. "
                 "Debug builds were dropped from 2.12.1 (test-infra 77e179c3b)."},
    "windows-release-debug-lts": {
        "platform": "windows-x86_64", "directory": "lts/1.8/{variant}", "local": LOCAL,
        "files": {"none/Release": "libtorch-win-shared-with-deps-{version}{local}.zip",
                  "none/Debug": "libtorch-win-shared-with-deps-debug-{version}{local}.zip"},
        "sources": ["published-versions"], "notes": "1.8 LTS line, under libtorch/lts/1.8/."},
    "macos-unqualified": {
        "platform": "macos-x86_64", "directory": "cpu", "local": "",
        "files": {"none/Release": "libtorch-macos-{version}.zip"},
        "sources": ["published-versions", "test-infra-matrix", "neuropod-pins", "pytorch-issue-24120"],
        "notes": "CPU only, one archive, no architecture in the name (x86_64)."},
    "macos-x86_64-named": {
        "platform": "macos-x86_64", "directory": "cpu", "local": "",
        "files": {"none/Release": "libtorch-macos-x86_64-{version}.zip"},
        "sources": ["test-infra-matrix"],
        "notes": "Architecture added to the name when arm64 archives appeared (test-infra c7932a44f, "
                 "'Fix macos x86 filename'). macOS x86_64 binaries ended with 2.2.x."},
    "macos-arm64": {
        "platform": "macos-arm64", "directory": "cpu", "local": "",
        "files": {"none/Release": "libtorch-macos-arm64-{version}.zip"},
        "sources": ["test-infra-matrix", "test-infra-candidate-matrix"],
        "notes": "Apple silicon, CPU (with MPS) only."},
}


def template_of(filename, version, variant):
    return filename.replace(version, "{version}", 1).replace("%2B" + variant, "{local}")


def kind_of(os_name, entry_abi, entry_config):
    if os_name == "linux":
        return ("cxx11" if entry_abi == "cxx11-abi" else "pre-cxx11") + "/Release"
    if os_name == "windows":
        return "none/Debug" if entry_config == "debug" else "none/Release"
    return "none/Release"


def generator_platform_records(replay, version):
    """{platform: {kind: {template: [variants]}}} from one replayed matrix."""
    found = {}
    for os_name, platform in PLATFORM_OF_GENERATOR_OS.items():
        entries = replay["matrix"][os_name]["libtorch"]
        if not isinstance(entries, list):
            continue
        for entry in entries:
            # A release-candidate replay prints libtorch/test/<variant>/...; the release
            # itself is served from libtorch/<variant>/ under the same file name.
            match = re.match(re.escape(BASE) + r"(?:test/)?([^/]+)/(.+)$", entry.get("installation", ""))
            if not match or "without-deps" in match.group(2) or "static" in match.group(2):
                continue
            variant, filename = match.groups()
            kind = kind_of(os_name, entry.get("devtoolset", ""), entry.get("libtorch_config", ""))
            if os_name == "windows" and kind == "none/Release" and "-debug-" in filename:
                continue  # pre-1.13 generators print the Release URL for Debug entries too
            if os_name == "windows" and entry.get("libtorch_config") == "debug" and "-debug-" not in filename:
                continue  # same URL as Release: the generator did not know the Debug name yet
            template = template_of(filename, version, variant)
            found.setdefault(platform, {}).setdefault(kind, {}).setdefault(template, set()).add(variant)
    return found


def era_for(platform, kinds_templates, version):
    if version in LTS_RELEASES:
        wanted = [e for e in ERAS if e.endswith("-lts") and ERAS[e]["platform"] == platform]
    else:
        wanted = [e for e in ERAS if not e.endswith("-lts") and ERAS[e]["platform"] == platform]
    # An era whose kinds match exactly wins over one that merely contains them: 2.7's lone cxx11
    # archive has the same name as the cxx11 archive of the two-ABI era, but it is its own era.
    for exact in (True, False):
        for era_id in wanted:
            files = ERAS[era_id]["files"]
            if exact and set(files) != set(kinds_templates):
                continue
            if all(files.get(kind) == template for kind, template in kinds_templates.items()):
                return era_id
    raise SystemExit(f"no era fits {version} {platform}: {kinds_templates}")


def hand_records():
    """Releases before the generator existed: {version: {platform: record}}."""
    def rec(era, kinds, sources, unsuffixed=None):
        record = {"era": era, "archives": {k: sorted(v) for k, v in kinds.items()}, "sources": sources}
        if unsuffixed:
            record["unsuffixed"] = sorted(unsuffixed)
        return record
    mac = lambda srcs: rec("macos-unqualified", {"none/Release": ["cpu"]}, srcs)
    neuropod = ["neuropod-pins"]
    records = {
        "1.0.0": {"linux-x86_64": rec("linux-pre-cxx11-only", {"pre-cxx11/Release": ["cpu", "cu90"]},
                                      ["pytorch-issue-33131"], ["cpu", "cu90"]),
                  "windows-x86_64": rec("windows-release-debug",
                                        {"none/Release": ["cpu", "cu100", "cu80", "cu90"]},
                                        ["pytorch-issue-33131"], ["cpu", "cu100", "cu80", "cu90"])},
        "1.1.0": {"linux-x86_64": rec("linux-pre-cxx11-only", {"pre-cxx11/Release": ["cpu", "cu90"]},
                                      neuropod, ["cpu", "cu90"]),
                  "macos-x86_64": mac(neuropod)},
        "1.2.0": {"linux-x86_64": rec("linux-pre-cxx11-only", {"pre-cxx11/Release": ["cpu", "cu100", "cu92"]},
                                      neuropod + ["pytorch-issue-24120", "pytorch-issue-24382"], ["cpu", "cu100"]),
                  "macos-x86_64": mac(neuropod + ["pytorch-issue-24120"])},
        "1.3.0": {"linux-x86_64": rec("linux-pre-cxx11-only", {"pre-cxx11/Release": ["cpu", "cu100"]},
                                      neuropod, ["cu100"]),
                  "macos-x86_64": mac(neuropod)},
        "1.4.0": {"linux-x86_64": rec("linux-two-abis", {"pre-cxx11/Release": ["cpu", "cu100", "cu101", "cu92"],
                                                         "cxx11/Release": ["cpu", "cu100", "cu101", "cu92"]},
                                      ["neuropod-pins", "tensorrt-workspace", "third-party-1.4",
                                       "pytorch-issue-40961"], ["cu101"]),
                  "windows-x86_64": rec("windows-release-debug", {"none/Release": ["cu101"]},
                                        ["third-party-1.4"], ["cu101"]),
                  "macos-x86_64": mac(neuropod)},
    }
    both_abis = lambda variants: {"pre-cxx11/Release": variants, "cxx11/Release": variants}
    # cu102 (no local suffix) from Torch-TensorRT's pins; the other CUDA variants of 1.5.x from a
    # user's list (#40961), those of 1.6.0 from maintainers' answers (#59607).
    records["1.5.0"] = {"linux-x86_64": rec("linux-two-abis", both_abis(["cu101", "cu102", "cu92"]),
                                            ["tensorrt-workspace", "pytorch-issue-40961"], ["cu102"])}
    records["1.5.1"] = {"linux-x86_64": rec("linux-two-abis", {"pre-cxx11/Release": ["cu101", "cu102", "cu92"],
                                                               "cxx11/Release": ["cu102", "cu92"]},
                                            ["tensorrt-workspace", "pytorch-issue-40961"], ["cu102"])}
    records["1.6.0"] = {"linux-x86_64": rec("linux-two-abis", {"pre-cxx11/Release": ["cpu", "cu101", "cu102", "cu92"],
                                                               "cxx11/Release": ["cu102"]},
                                            ["tensorrt-workspace", "pytorch-issue-59607"], ["cu102"])}
    for version, variant in (("1.7.0", "cu110"), ("1.7.1", "cu110"), ("1.8.0", "cu111"), ("1.8.1", "cu111")):
        records[version] = {"linux-x86_64": rec("linux-two-abis", both_abis([variant]), ["tensorrt-workspace"])}
    # 1.8's default CUDA: uploaded without '+cu102' for 1.8.0, re-uploaded with it for 1.8.1.
    records["1.8.0"]["linux-x86_64"] = rec("linux-two-abis", both_abis(["cu102", "cu111"]),
                                           ["pytorch-issue-53448", "tensorrt-workspace"], ["cu102"])
    records["1.8.0"]["windows-x86_64"] = rec("windows-release-debug",
                                             {"none/Release": ["cu102"], "none/Debug": ["cu102"]},
                                             ["pytorch-issue-53448"], ["cu102"])
    records["1.8.1"]["linux-x86_64"] = rec("linux-two-abis", both_abis(["cu102", "cu111"]),
                                           ["pytorch-issue-55345", "tensorrt-workspace"])
    return records


GET_STARTED_OS = {"linux": "linux-x86_64", "windows": "windows-x86_64", "macos": "macos-x86_64"}


def get_started_kind(os_name, label):
    if os_name == "linux":
        return ("pre-cxx11" if "Pre-cxx11" in label else "cxx11") + "/Release"
    if os_name == "windows":
        return "none/Debug" if "Debug" in label else "none/Release"
    return "none/Release"


def published_records(path, last_version):
    """Release records from the get-started data, for releases up to last_version."""
    with open(path, encoding="utf-8") as f:
        versions = json.load(f)["versions"]
    records = {}
    for key, per_os in versions.items():
        version = key[len("lts-"):] if key.startswith("lts-") else key
        if key == "preview" or version_key(version) > version_key(last_version):
            continue
        platforms = {}
        for os_name, packages in per_os.items():
            found = {}
            for choice in (packages.get("libtorch") or {}).values():
                for label, url in (choice.get("versions") or {}).items():
                    match = re.match(re.escape(BASE) + r"(?:lts/1\.8/)?([^/]+)/(.+)$", url)
                    if not match:
                        continue
                    variant, filename = match.groups()
                    kind = get_started_kind(os_name, label)
                    found.setdefault(kind, {}).setdefault(template_of(filename, version, variant), set()).add(variant)
            if not found:
                continue
            platform = GET_STARTED_OS[os_name]
            templates = {kind: next(iter(t)) for kind, t in found.items()}
            platforms[platform] = {"era": era_for(platform, templates, version),
                                   "archives": {k: sorted(next(iter(t.values()))) for k, t in found.items()},
                                   "sources": ["published-versions"]}
        records[version] = platforms
    return records


def generator_records(replays):
    records, notes = {}, {}
    for version, replay in replays.items():
        if version_key(version) < version_key(FIRST_GENERATOR_RELEASE):
            continue
        platforms = {}
        for platform, kinds in generator_platform_records(replay, version).items():
            if platform == "macos-x86_64" and version_key(version) > version_key(MACOS_X86_64_LAST_PYPI):
                continue  # listed by the generator, but macOS x86_64 binaries had ended: unconfirmed
            templates = {kind: next(iter(t)) for kind, t in kinds.items() if len(t) == 1}
            if len(templates) != len(kinds):
                raise SystemExit(f"{version} {platform}: several names for one kind: {kinds}")
            era = era_for(platform, templates, version)
            platforms[platform] = {"era": era,
                                   "archives": {k: sorted(next(iter(t.values()))) for k, t in kinds.items()},
                                   "sources": ["test-infra-matrix"]}
        records[version] = platforms
        why = COMMIT_CHOICE.get(version, (None, "first commit naming it CURRENT_STABLE_VERSION"))[1]
        notes[version] = f"test-infra generator at {replay['commit'][:12]} ({replay['date']}): {why}."
        if replay.get("channel") == "test":
            for platform in platforms.values():
                platform["sources"] = ["test-infra-candidate-matrix", "pytorch-2.14-docs"]
            excluded = "; ".join(CANDIDATE_EXCLUDED.get(version, {}).values())
            notes[version] = (f"test-infra generator at {replay['commit'][:12]} ({replay['date']}) with "
                              f"--channel test: the {version} release-candidate validation matrix (the "
                              f"history read never names {version} stable). Its CUDA variants agree with "
                              f"PyTorch's 2.14 documents; {excluded}.")
    return records, notes


def version_key(version):
    return tuple(int(p) for p in version.split("."))


PLATFORMS = ["linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-x86_64", "macos-arm64"]

# previous-versions.md, Linux pip commands ("Linux and Windows" block; ROCm lines say Linux only).
PREVIOUS_VERSIONS_LINUX_WHEELS = {
    "1.9.0": ["cpu", "cu102", "cu111", "rocm4.0.1", "rocm4.1", "rocm4.2"],
    "1.9.1": ["cpu", "cu102", "cu111", "rocm4.0.1", "rocm4.1", "rocm4.2"],
    "1.10.0": ["cpu", "cu102", "cu111", "rocm4.0.1", "rocm4.1", "rocm4.2"],
    "1.10.1": ["cpu", "cu102", "cu111", "rocm4.0.1", "rocm4.1", "rocm4.2"],
    "1.11.0": ["cpu", "cu102", "cu113", "rocm4.5.2"],
    "1.12.0": ["cpu", "cu102", "cu113", "cu116", "rocm5.1.1"],
    "1.12.1": ["cpu", "cu102", "cu113", "cu116", "rocm5.1.1"],
}


# The get-started data's pip commands name wheels the previous-versions page omits.
GET_STARTED_EXTRA_LINUX_WHEELS = {"1.10.0": ["cu113"], "1.10.1": ["cu113"]}

# Wheel lists read from the get-started data's pip commands (published_versions.json), per
# release and get-started OS: the whole of 1.10.2 (which the previous-versions page omits) and
# the Windows and macOS lists of 1.9.0-1.12.1 (that page does not split Windows out). Linux
# lists of the other releases come from the previous-versions page (plus
# GET_STARTED_EXTRA_LINUX_WHEELS).
GET_STARTED_WHEEL_LISTS = {version: ("windows", "macos") for version in
                           ("1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.11.0", "1.12.0", "1.12.1")}
GET_STARTED_WHEEL_LISTS["1.10.2"] = ("linux", "windows", "macos")
_NAMED_VARIANT = re.compile(r"(?:\+|download\.pytorch\.org/whl/)(cpu|cu\d+|rocm\d+(?:\.\d+)*)\b")


def get_started_wheel_variants(key, choice):
    """The variants one get-started pip choice names: a '+<variant>' local version or a
    download.pytorch.org/whl/<variant> index in its command. A plain 'pip3 install torch ...'
    installs PyPI's own wheel; it names the variant its choice key names ('accnone' = cpu,
    'cuda10.2' = cu102), unless the choice carries a note (macOS's CUDA choices say 'MacOS
    Binaries dont support CUDA'); a generic key ('cuda.x') names nothing. A choice with no command
    (ROCm on Windows, CUDA 10.2 on Windows from 1.11) names nothing."""
    command = choice.get("command") or ""
    named = set(_NAMED_VARIANT.findall(command))
    if named or not command or choice.get("note"):
        return named
    if not re.fullmatch(r"pip3 install torch( torchvision)?( torchaudio)?", command.strip()):
        return named
    if key == "accnone":
        return {"cpu"}
    cuda = re.fullmatch(r"cuda(\d+)\.(\d+)", key)
    return {"cu" + cuda.group(1) + cuda.group(2)} if cuda else named


def published_wheel_lists(path):
    """{version: {platform: [variants]}} from the get-started data's pip commands, for
    GET_STARTED_WHEEL_LISTS."""
    with open(path, encoding="utf-8") as f:
        versions = json.load(f)["versions"]
    lists = {}
    for version, os_names in GET_STARTED_WHEEL_LISTS.items():
        for os_name in os_names:
            named = set()
            for key, choice in (versions[version][os_name].get("pip") or {}).items():
                named |= get_started_wheel_variants(key, choice)
            lists.setdefault(version, {})[GET_STARTED_OS[os_name]] = sorted(named)
    return lists


def apply_published_wheel_lists(variants, lists):
    """Puts the get-started wheel lists into a torch-variants document (partial lists: the
    release gains the 'published-versions' source)."""
    for version, platforms in lists.items():
        release = variants["releases"][version]
        for platform, named in platforms.items():
            release["platforms"][platform]["wheel"] = named
        release["sources"] = sorted(set(release["sources"]) | {"published-versions"})


# Releases whose variants stay null, and what is known about them instead.
UNSOURCED_NOTES = {
    "2.14.1": "No PyTorch source for 2.14.1's variants was readable (the test-infra history read "
              "ends in August 2026); a patch release usually keeps its minor's matrix, but that is not "
              "recorded as fact. PyPI's own wheel is cu130 (variant-builds.json).",
    "2.15.0": "PyPI's own Linux wheel is cu132 (variant-builds.json). pytorch/pytorch#190385 (an RFC, "
              "open when read) proposes cu130 and cu132 with cu126 removed; no record of what shipped "
              "was readable, so the lists stay null.",
}


def archives_document(records, notes):
    eras = {k: dict(v, releases=[]) for k, v in ERAS.items()}
    releases = {}
    for version in sorted(records, key=version_key):
        platforms = records[version]
        for platform in platforms.values():
            eras[platform["era"]]["releases"].append(version)
        record = {"sources": sorted({s for p in platforms.values() for s in p["sources"]}),
                  "platforms": {p: platforms[p] for p in PLATFORMS if p in platforms}}
        if version in LTS_RELEASES:
            record["notes"] = "LTS release served only under libtorch/lts/1.8/; not on PyPI."
        elif version in notes:
            record["notes"] = notes[version]
        releases[version] = record
    for era in eras.values():
        era["releases"].sort(key=version_key)
    return {
        "schema_version": 1,
        "description": "Official libtorch archive names per torch release, platform, ABI and "
                       "Windows config, as templates that give exact download.pytorch.org URLs.",
        "sources": SOURCES,
        "url_base": BASE,
        "eras": eras,
        "releases": releases,
    }


def wheel_variants(replay, os_name):
    entries = replay["matrix"][os_name]["wheel"]
    if not isinstance(entries, list):
        return []
    return sorted({e["desired_cuda"] for e in entries if e.get("desired_cuda")})


def variants_document(records, replays):
    releases = {}
    for version in sorted(set(PYPI_RELEASES) | set(LTS_RELEASES), key=version_key):
        replay = replays.get(version)
        archive_platforms = records.get(version, {})
        sources, platforms, notes = set(), {}, []
        for platform in PLATFORMS:
            entry = {"wheel": None, "libtorch": None}
            if platform in archive_platforms:
                entry["libtorch"] = sorted({v for vs in archive_platforms[platform]["archives"].values() for v in vs})
                sources.update(archive_platforms[platform]["sources"])
            if replay:
                os_name = next(o for o, p in PLATFORM_OF_GENERATOR_OS.items() if p == platform)
                entry["wheel"] = wheel_variants(replay, os_name)
                sources.update(["test-infra-candidate-matrix", "pytorch-2.14-docs"]
                               if replay.get("channel") == "test" else ["test-infra-matrix"])
                if entry["libtorch"] is None and not (platform == "macos-x86_64" and
                                                      version_key(version) <= version_key("2.4.1")):
                    entry["libtorch"] = []
            if platform == "macos-x86_64" and version_key(version) > version_key(MACOS_X86_64_LAST_PYPI):
                entry["wheel"] = []
                sources.add("pypi-index")
            if platform == "linux-x86_64" and version in PREVIOUS_VERSIONS_LINUX_WHEELS and not replay:
                entry["wheel"] = PREVIOUS_VERSIONS_LINUX_WHEELS[version]
                sources.add("previous-versions")
                extra = GET_STARTED_EXTRA_LINUX_WHEELS.get(version)
                if extra:
                    entry["wheel"] = sorted(set(entry["wheel"]) | set(extra))
                    sources.add("published-versions")
            platforms[platform] = entry
        if replay and version_key(version) <= version_key("2.4.1") and version_key(version) > version_key(MACOS_X86_64_LAST_PYPI):
            notes.append("macOS x86_64 libtorch is listed by the generator but binaries for macOS x86_64 "
                         "ended with 2.2.x: left unknown.")
        if replay and any(v.startswith("cu") for v in platforms["linux-aarch64"]["wheel"] or []):
            notes.append("linux-aarch64 CUDA wheels are as the release validation matrix lists them "
                         "(it adds the CUDA aarch64 arch unconditionally); not confirmed against the "
                         "download index.")
        if not replay and all(e["wheel"] is None and e["libtorch"] is None
                              for p, e in platforms.items() if p != "macos-x86_64"):
            sources.add("pypi-index")
            notes.append("Release exists on PyPI; its variants are not sourced (null).")
        if version in LTS_RELEASES:
            notes.append("LTS release served only from download.pytorch.org (lts/1.8); not on PyPI.")
        if replay and replay.get("channel") == "test":
            notes.append("Lists from the release-candidate validation matrix, confirmed for CUDA by "
                         "PyTorch's 2.14 documents; " + "; ".join(CANDIDATE_EXCLUDED.get(version, {}).values()) + ".")
        if version in UNSOURCED_NOTES:
            notes.append(UNSOURCED_NOTES[version])
        record = {"sources": sorted(sources), "platforms": platforms}
        if notes:
            record["notes"] = " ".join(notes)
        releases[version] = record
    return {
        "schema_version": 1,
        "description": "Per torch release and platform, the wheel variants and the libtorch variants "
                       "published on download.pytorch.org.",
        "sources": SOURCES,
        "wheel_index_base": WHEEL_INDEX_BASE,
        "wheel_index_base_sources": ["previous-versions"],
        "releases": releases,
    }


# Sources that list every archive and wheel variant of a release: PyTorch's own build
# matrix. Everything else (the get-started page, which shows a selection; third-party pins;
# maintainers' answers about single archives) lists some of them, and a variant missing from
# such a list is not known to TorchCompat rather than not published.
COMPLETE_SOURCES = {"test-infra-matrix", "test-infra-candidate-matrix", "pytorch-2.14-docs", "pypi-index"}
PARTIAL_LIST_SOURCES = {"previous-versions", "published-versions"}


def mark_completeness(archives, variants):
    """Adds 'complete' to each archives release and platform record and, per variants platform
    entry, the kinds ('wheel', 'libtorch') whose list is complete."""
    for version, release in archives["releases"].items():
        for record in release["platforms"].values():
            record["complete"] = set(record["sources"]) <= COMPLETE_SOURCES
        release["complete"] = all(r["complete"] for r in release["platforms"].values())
    for version, release in variants["releases"].items():
        archive_release = archives["releases"].get(version)
        for platform, entry in release["platforms"].items():
            complete = []
            if entry["wheel"] is not None and not PARTIAL_LIST_SOURCES & set(release["sources"]):
                complete.append("wheel")
            archive = (archive_release or {}).get("platforms", {}).get(platform)
            if entry["libtorch"] is not None and (archive["complete"] if archive else
                                                  bool(archive_release and archive_release["complete"])):
                complete.append("libtorch")
            entry["complete"] = complete


def records_of(archives):
    """The per-release platform records and notes of an existing libtorch-archives.json."""
    records, notes = {}, {}
    for version, release in archives["releases"].items():
        records[version] = {platform: {k: v for k, v in record.items() if k != "complete"}
                            for platform, record in release["platforms"].items()}
        if "notes" in release and version not in LTS_RELEASES:
            notes[version] = release["notes"]
    return records, notes


def update_existing(data_dir, published_versions=None):
    """Re-derives both files from their own records plus hand_records() and this file's rules
    (eras, sources, completeness), for a change that needs none of the replayed inputs; with
    published_versions.json, also the wheel lists read from its pip commands."""
    paths = [os.path.join(data_dir, name) for name in ("libtorch-archives.json", "torch-variants.json")]
    with open(paths[0], encoding="utf-8") as f:
        records, notes = records_of(json.load(f))
    with open(paths[1], encoding="utf-8") as f:
        variants = json.load(f)
    hand = hand_records()
    records.update(hand)
    archives = archives_document(records, notes)
    fresh = variants_document(hand, {})["releases"]
    for version in hand:
        variants["releases"][version] = fresh[version]
    variants["sources"] = SOURCES
    if published_versions:
        apply_published_wheel_lists(variants, published_wheel_lists(published_versions))
    mark_completeness(archives, variants)
    write_json(paths[0], archives)
    write_json(paths[1], variants)


def write_json(path, document):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--update-existing":
        update_existing(*sys.argv[2:])
        return
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    replay_dir, published_versions, data_dir = sys.argv[1:]
    replays = {version: replay for version, replay in load_replays(replay_dir).items()
               if version_key(version) >= version_key(FIRST_GENERATOR_RELEASE)}
    records, notes = generator_records(replays)
    records.update(published_records(published_versions, "1.12.1"))
    records.update(hand_records())
    archives, variants = archives_document(records, notes), variants_document(records, replays)
    apply_published_wheel_lists(variants, published_wheel_lists(published_versions))
    mark_completeness(archives, variants)
    write_json(os.path.join(data_dir, "libtorch-archives.json"), archives)
    write_json(os.path.join(data_dir, "torch-variants.json"), variants)


if __name__ == "__main__":
    main()
