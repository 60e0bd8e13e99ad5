#!/usr/bin/env python3
"""Build data/torch-wheels.json: PyPI's torch wheels as a libtorch source.

For every torch release in data/torch-releases.json that PyPI serves, and each
of linux-x86_64, linux-aarch64, windows-x86_64 and macos-arm64, this picks one
torch wheel (the rule is in data/torch-wheels.md: the newest CPython that is
not free-threaded, then the newest build tag) and records its filename, url,
size and the SHA-256 the index publishes, its variant and platform tag, and
the glibc floor that tag declares. For the newest --requires-releases releases
that ship CUDA wheels it also reads each chosen wheel's METADATA (PEP 658 file
where the index offers one, else HTTP range requests into the wheel) and
records the Requires-Dist entries that bring CUDA libraries (nvidia-* and
NVIDIA's cuda-toolkit metapackage), exactly as written, and for every pinned
version the wheel file for that platform with its published hash. Per release
it reads the wheel's own headers and TorchConfig.cmake to name the C++
standard a consumer must compile with.

Usage: torch_wheels.py [--data-dir data] [--out data/torch-wheels.json]
                       [--index-url https://pypi.org/simple] [--requires-releases 4]
                       [--releases X.Y.Z ...]
Needs the network (PyPI's simple index and files.pythonhosted.org only).
"""

import argparse
import datetime
import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pypi_index  # noqa: E402
import pypi_remote_wheel  # noqa: E402

PLATFORMS = ("linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-arm64")

# What a marker sees on each platform (PEP 508 environment markers).
MARKER_ENVIRONMENT = {
    "linux-x86_64": {"platform_system": "Linux", "platform_machine": "x86_64", "sys_platform": "linux",
                     "os_name": "posix"},
    "linux-aarch64": {"platform_system": "Linux", "platform_machine": "aarch64", "sys_platform": "linux",
                      "os_name": "posix"},
    "windows-x86_64": {"platform_system": "Windows", "platform_machine": "AMD64", "sys_platform": "win32",
                       "os_name": "nt"},
    "macos-arm64": {"platform_system": "Darwin", "platform_machine": "arm64", "sys_platform": "darwin",
                    "os_name": "posix"},
}

# PEP 513 / 571 / 599 legacy aliases; PEP 600 tags spell the floor out.
LEGACY_MANYLINUX = {"manylinux1": "2.5", "manylinux2010": "2.12", "manylinux2014": "2.17"}

# The Requires-Dist entries that bring CUDA libraries into a torch installation.
CUDA_PROJECT = re.compile(r"^(nvidia-|cuda-toolkit$)")

_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[(?P<extras>[^\]]*)\])?"
    r"\s*\(?(?P<spec>[^;()]*)\)?\s*(?:;\s*(?P<marker>.*))?$")

# Header and CMake evidence of the C++ standard a consumer must use.
CXX_FILES = ("torch/include/c10/util/C++17.h", "torch/include/c10/macros/Macros.h",
             "torch/include/torch/headeronly/macros/Macros.h",
             "torch/share/cmake/Torch/TorchConfig.cmake")
_CPLUSPLUS_VALUES = {"201103": 11, "201402": 14, "201703": 17, "202002": 20, "202302": 23}


def glibc_floor(platform_tag):
    """manylinux_2_28_x86_64 -> '2.28'; manylinux2014_aarch64 -> '2.17'; non-Linux -> None.

    A compressed tag set (a.b) claims every member; its floor is the lowest.
    """
    floors = []
    for tag in platform_tag.split("."):
        match = re.match(r"^manylinux_(\d+)_(\d+)_", tag)
        if match:
            floors.append((int(match.group(1)), int(match.group(2))))
            continue
        legacy = LEGACY_MANYLINUX.get(tag.split("_", 1)[0])
        if legacy:
            floors.append(tuple(int(p) for p in legacy.split(".")))
    return "{}.{}".format(*min(floors)) if floors else None


def _floor_key(text):
    return tuple(int(p) for p in text.split(".")) if text else (0, 0)


def choose_torch_wheel(files, platform):
    """The newest non-free-threaded CPython tag, then the newest build tag, then the lowest floor."""
    candidates = []
    for entry in files:
        wheel = pypi_index.parse_wheel_filename(entry["filename"])
        if not wheel or entry.get("yanked"):
            continue
        if pypi_index.platform_name(wheel["platform"]) != platform:
            continue
        minor, free_threaded = pypi_index.cpython_minor(wheel["python"], wheel["abi"])
        if minor is None or free_threaded:
            continue
        build = int(re.match(r"\d+", wheel["build"]).group(0)) if wheel["build"] else -1
        floor = glibc_floor(wheel["platform"])
        candidates.append(((tuple(int(p) for p in minor.split(".")), build,
                            tuple(-x for x in _floor_key(floor))), entry, wheel))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[-1][1], candidates[-1][2]


def absolute(url, base):
    return urllib.parse.urljoin(base, url)


def file_record(entry, base):
    return {"filename": entry["filename"], "url": absolute(entry["url"], base), "size": entry["size"],
            "sha256": entry["hashes"]["sha256"]}


_VERSION_PY_CUDA = re.compile(r"^cuda(?::[^=]*)?\s*=\s*(?:'([^']*)'|\"([^\"]*)\"|None)", re.M)
_VERSION_PY_HIP = re.compile(r"^hip(?::[^=]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def variant_from_version_py(text):
    """cuda = '13.2' -> cu132; hip = '6.4...' -> rocm6.4; neither -> cpu."""
    cuda = _VERSION_PY_CUDA.search(text)
    if cuda and (cuda.group(1) or cuda.group(2)):
        major, minor = (cuda.group(1) or cuda.group(2)).split(".")[:2]
        return "cu{}{}".format(major, minor)
    hip = _VERSION_PY_HIP.search(text)
    if hip:
        return "rocm" + ".".join(hip.group(1).split(".")[:2])
    return "cpu"


def read_metadata(entry, base, remote=None):
    """METADATA text: the PEP 658 file when the index offers one, else range reads into the wheel."""
    url = absolute(entry["url"], base)
    if entry.get("core-metadata") or entry.get("data-dist-info-metadata"):
        with urllib.request.urlopen(url + ".metadata", timeout=120) as response:
            return response.read().decode("utf-8")
    if remote is not None:
        names = [n for n in remote.find(".dist-info/METADATA") if n.count("/") == 1]
        if len(names) != 1:
            raise IOError("expected one .dist-info/METADATA in {}, found {}".format(url, names))
        return remote.read(names[0]).decode("utf-8")
    return pypi_remote_wheel.read_metadata(url, entry["size"])


def parse_requirement(text):
    match = _REQUIREMENT.match(text)
    if not match:
        raise ValueError("cannot parse requirement: " + text)
    spec = match.group("spec").strip().replace(" ", "")
    pinned = re.match(r"^==([0-9][0-9A-Za-z.+]*(?:\.\*)?)$", spec)
    return {"name": match.group("name"),
            "extras": [e.strip() for e in (match.group("extras") or "").split(",") if e.strip()],
            "version": pinned.group(1) if pinned else None,
            "specifier": spec or None,
            "marker": (match.group("marker") or "").strip() or None}


def marker_applies(marker, platform, python_minor, extra=""):
    if marker is None:
        return True
    from pip._vendor.packaging.markers import Marker  # pip's vendored copy: no extra dependency
    environment = dict(MARKER_ENVIRONMENT[platform], python_version=python_minor,
                       python_full_version=python_minor + ".0", implementation_name="cpython",
                       platform_python_implementation="CPython", extra=extra)
    return Marker(marker).evaluate(environment)


def _release_key(version):
    parts = [int(p) for p in re.findall(r"\d+", version)]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


class Index:
    def __init__(self, index_url):
        self.index_url = index_url.rstrip("/")
        self.cache = {}

    def project(self, name):
        name = re.sub(r"[-_.]+", "-", name).lower()
        if name not in self.cache:
            self.cache[name] = pypi_index.fetch_index(name, self.index_url)
        return self.cache[name]

    def base(self, name):
        return "{}/{}/".format(self.index_url, re.sub(r"[-_.]+", "-", name).lower())


def resolve_pin(index, name, pin):
    """'==X' -> X; '==X.*' -> the newest final release on the index that matches (what pip takes today)."""
    if not pin.endswith(".*"):
        return pin
    prefix = tuple(int(p) for p in pin[:-2].split("."))
    matching = []
    for version in pypi_index.files_by_version(index.project(name)):
        if not pypi_index.is_final_release(version) or ".post" in version:
            continue
        parts = tuple(int(p) for p in version.split("."))
        padded = parts + (0,) * max(0, len(prefix) - len(parts))
        if padded[:len(prefix)] == prefix:
            matching.append(version)
    return max(matching, key=pypi_index.version_key) if matching else None


def resolve_range(index, name, specifier):
    """A range such as '<14,>=13.2.86' -> the newest final release on the index inside it (pip's choice today)."""
    from pip._vendor.packaging.specifiers import SpecifierSet  # pip's vendored copy: no extra dependency
    allowed = SpecifierSet(specifier)
    matching = [v for v in pypi_index.files_by_version(index.project(name))
                if pypi_index.is_final_release(v) and ".post" not in v and v in allowed]
    return max(matching, key=pypi_index.version_key) if matching else None


def dependency_file(index, name, version, platform, python_minor, torch_floor):
    """The wheel pip would take on a host at the torch wheel's glibc floor; None if none fits."""
    best = None
    for entry in index.project(name)["files"]:
        wheel = pypi_index.parse_wheel_filename(entry["filename"])
        if not wheel or entry.get("yanked") or _release_key(wheel["version"]) != _release_key(version):
            continue
        if wheel["platform"] != "any" and pypi_index.platform_name(wheel["platform"]) != platform:
            continue
        pythons = wheel["python"].split(".")
        cp = "cp" + python_minor.replace(".", "")
        if not any(p in ("py3", "py2", cp) or p == "py" + python_minor.replace(".", "") for p in pythons):
            continue
        floor = glibc_floor(wheel["platform"])
        if floor and torch_floor and _floor_key(floor) > _floor_key(torch_floor):
            continue
        key = (wheel["platform"] != "any", _floor_key(floor))
        if best is None or key > best[0]:
            best = (key, entry)
    return file_record(best[1], index.base(name)) if best else None


def cuda_requirements(index, lines, platform, python_minor, torch_floor, extras=("",)):
    """Requires-Dist entries that bring CUDA libraries, with the file of every pinned version."""
    result = []
    for line in lines:
        parsed = parse_requirement(line)
        if not CUDA_PROJECT.match(parsed["name"].lower()):
            continue
        applies = any(marker_applies(parsed["marker"], platform, python_minor, extra) for extra in extras)
        if not applies:
            continue  # another platform's requirement, or another extra of a metapackage
        entry = {"requirement": line, "name": parsed["name"], "version": parsed["version"],
                 "marker": parsed["marker"], "file": None}
        if parsed["version"] or parsed["specifier"]:
            resolved = (resolve_pin(index, parsed["name"], parsed["version"]) if parsed["version"]
                        else resolve_range(index, parsed["name"], parsed["specifier"]))
            if resolved != parsed["version"]:
                entry["resolved_version"] = resolved
            if resolved:
                entry["file"] = dependency_file(index, parsed["name"], resolved, platform,
                                                python_minor, torch_floor)
        if parsed["extras"]:
            entry["extras"] = parsed["extras"]
        if parsed["version"] and parsed["extras"] and entry["file"]:
            inner = read_metadata_of_file(index, parsed["name"], entry["file"])
            entry["requires"] = cuda_requirements(index, pypi_remote_wheel.requires_dist(inner), platform,
                                                  python_minor, torch_floor, extras=tuple(parsed["extras"]))
        result.append(entry)
    return result


def read_metadata_of_file(index, name, record):
    entry = next(e for e in index.project(name)["files"] if e["filename"] == record["filename"])
    return read_metadata(entry, index.base(name))


def cxx_standard_evidence(wheel):
    """(standard, evidence list) from the wheel's headers and TorchConfig.cmake; (None, []) if none."""
    evidence = []
    present = set(wheel.names())
    for name in CXX_FILES:
        if name not in present:
            continue
        lines = wheel.read(name).decode("utf-8", "replace").splitlines()
        short = name.split("torch/include/", 1)[-1].split("torch/share/cmake/", 1)[-1]
        for number, line in enumerate(lines, 1):
            if name.endswith(".cmake"):
                for match in re.finditer(r"target_compile_features\(.*cxx_std_(\d\d)|CXX_STANDARD\s+(\d\d)"
                                         r"|INTERFACE_COMPILE_OPTIONS.*[-/]std[=:]c\+\+(\d\d)", line):
                    standard = int(next(g for g in match.groups() if g))
                    evidence.append((standard, "{}:{}: {}".format(short, number, line.strip())))
                continue
            match = re.search(r"__cplusplus\s*<\s*(\d{6})L", line)
            if not match or match.group(1) not in _CPLUSPLUS_VALUES:
                continue
            # Only a check that stops the compile is a requirement.
            following = " ".join(l.strip() for l in lines[number:number + 3])
            if "#error" in following and "&&" not in line:
                evidence.append((_CPLUSPLUS_VALUES[match.group(1)],
                                 "{}:{}: {} {}".format(short, number, line.strip(),
                                                       following.split("#error", 1)[1].split("#")[0].strip())))
    if not evidence:
        return None, []
    return max(s for s, _ in evidence), [text for _, text in evidence]


SOURCES = {
    "pypi-torch-index": {
        "title": "PyPI simple index for torch (PEP 691 JSON)",
        "url": "https://pypi.org/simple/torch/",
        "notes": "Every file's name (Python, ABI and platform tags), url, size, published sha256 and yank "
                 "status. The chosen wheel per release and platform is taken from here."},
    "torch-wheel-version-py": {
        "title": "torch/version.py inside each chosen torch wheel",
        "url": "https://pypi.org/simple/torch/",
        "notes": "Read by HTTP range requests: cuda = 'X.Y' gives the variant cuXY, hip a rocm variant, "
                 "neither cpu."},
    "pypi-torch-wheel-metadata": {
        "title": "Requires-Dist of the chosen torch wheels' .dist-info/METADATA",
        "url": "https://pypi.org/simple/torch/",
        "notes": "The PEP 658 .metadata file where the index offers one, else the METADATA member read "
                 "from the wheel on files.pythonhosted.org by HTTP range requests."},
    "pypi-cuda-indexes": {
        "title": "PyPI simple indexes (PEP 691 JSON) of the nvidia-* and cuda-toolkit projects",
        "url": "https://pypi.org/simple/",
        "notes": "For each pinned version, the wheel for the platform, its size and published sha256; "
                 "cuda-toolkit's own METADATA for the extras torch asks for."},
    "torch-wheel-headers": {
        "title": "c10/util/C++17.h, c10/macros/Macros.h, torch/headeronly/macros/Macros.h and "
                 "share/cmake/Torch/TorchConfig.cmake inside the release's windows-x86_64 (else "
                 "macos-arm64, else Linux) torch wheel",
        "url": "https://pypi.org/simple/torch/",
        "notes": "Read by HTTP range requests. A '#if __cplusplus < N' that leads to '#error', and "
                 "TorchConfig.cmake's cxx_std_NN / CXX_STANDARD / -std=c++NN requirement on the torch "
                 "target; the highest is the release's cxx_standard_min."},
    "manylinux-peps": {
        "title": "PEP 600 (manylinux_x_y), PEP 513 (manylinux1), PEP 571 (manylinux2010), PEP 599 "
                 "(manylinux2014)",
        "url": "https://peps.python.org/pep-0600/",
        "notes": "manylinux_2_28 declares glibc >= 2.28; manylinux1/2010/2014 declare 2.5/2.12/2.17."},
}


def header_wheel(chosen):
    for platform in ("windows-x86_64", "macos-arm64", "linux-aarch64", "linux-x86_64"):
        if platform in chosen:
            return chosen[platform]
    return None


def build(args):
    today = datetime.date.today().isoformat()
    releases_doc = json.loads((Path(args.data_dir) / "torch-releases.json").read_text(encoding="utf-8"))
    index = Index(args.index_url)
    torch_index = index.project("torch")
    grouped = pypi_index.files_by_version(torch_index)
    versions = [v for v in releases_doc["releases"] if v in grouped]
    if args.releases:
        versions = [v for v in versions if v in args.releases]
    cuda_releases = [v for v in versions if any(
        (releases_doc["releases"][v].get("pypi_variant_by_platform") or {}).get(p, "cpu") not in (None, "cpu")
        for p in ("linux-x86_64", "linux-aarch64"))]
    with_requires = set(cuda_releases[-args.requires_releases:]) if args.requires_releases else set()
    records = {}
    for version in versions:
        table_record = releases_doc["releases"][version]
        variants = table_record.get("pypi_variant_by_platform") or {}
        chosen, platforms, sources = {}, {}, {"pypi-torch-index"}
        for platform in PLATFORMS:
            picked = choose_torch_wheel(grouped[version], platform)
            if not picked:
                continue
            entry, wheel = picked
            chosen[platform] = entry
            minor, _ = pypi_index.cpython_minor(wheel["python"], wheel["abi"])
            floor = glibc_floor(wheel["platform"])
            if floor:
                sources.add("manylinux-peps")
            record = dict(python_tag=wheel["python"], **file_record(entry, index.base("torch")))
            remote = pypi_remote_wheel.RemoteWheel(record["url"], record["size"])
            variant = variant_from_version_py(remote.read("torch/version.py").decode("utf-8"))
            if variants.get(platform) not in (None, variant):
                print("warning: {} {}: {} says {}, torch-releases.json says {}".format(
                    version, platform, entry["filename"], variant, variants.get(platform)), file=sys.stderr)
            record.update(variant=variant, platform_tag=wheel["platform"], glibc_floor=floor, requires=None)
            sources.add("torch-wheel-version-py")
            if version in with_requires:
                lines = pypi_remote_wheel.requires_dist(read_metadata(entry, index.base("torch"), remote))
                record["requires"] = cuda_requirements(index, lines, platform, minor, floor)
                sources.update(("pypi-torch-wheel-metadata", "pypi-cuda-indexes") if record["requires"]
                               else ("pypi-torch-wheel-metadata",))
                cuda_variant = (record["variant"] or "").startswith("cu")
                if cuda_variant != bool(record["requires"]) and platform.startswith("linux"):
                    print("warning: {} {}: variant {} but {} CUDA requirements".format(
                        version, platform, record["variant"], len(record["requires"])), file=sys.stderr)
            platforms[platform] = record
            print("{} {}: {}".format(version, platform, entry["filename"]), file=sys.stderr)
        if not platforms:
            continue
        standard, evidence = None, []
        source_wheel = header_wheel(chosen)
        if source_wheel is not None:
            remote = pypi_remote_wheel.RemoteWheel(absolute(source_wheel["url"], index.base("torch")),
                                                   source_wheel["size"])
            standard, evidence = cxx_standard_evidence(remote)
            if evidence:
                sources.add("torch-wheel-headers")
        records[version] = {"cxx_standard_min": standard,
                            "cxx_standard_evidence": evidence,
                            "cxx_standard_read_from": source_wheel["filename"] if source_wheel else None,
                            "platforms": platforms,
                            "sources": sorted(sources)}
    sources = {key: dict(value, retrieved=today) for key, value in SOURCES.items()}
    document = {
        "schema_version": 1,
        "description": "PyPI's torch wheels as a libtorch source: per release and platform the wheel to use "
                       "(published sha256), its variant and glibc floor, the CUDA wheels it pins, and the C++ "
                       "standard the release's headers and CMake files require. See torch-wheels.md.",
        "sources": {key: {f: sources[key][f] for f in ("title", "url", "retrieved", "notes")}
                    for key in sources},
        "requires_releases": sorted(with_requires, key=pypi_index.version_key),
        "releases": records,
    }
    return document


def main(argv=None):
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(here.parent.parent / "data"))
    parser.add_argument("--out", default=None, help="default: <data-dir>/torch-wheels.json")
    parser.add_argument("--index-url", default=pypi_index.DEFAULT_INDEX_URL)
    parser.add_argument("--requires-releases", type=int, default=4,
                        help="read Requires-Dist and nvidia-* files for the newest N releases with CUDA wheels")
    parser.add_argument("--releases", nargs="*", help="only these releases (for a quick look; not for data/)")
    args = parser.parse_args(argv)
    document = build(args)
    out = Path(args.out or Path(args.data_dir) / "torch-wheels.json")
    out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print("wrote {} ({} releases)".format(out, len(document["releases"])), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
