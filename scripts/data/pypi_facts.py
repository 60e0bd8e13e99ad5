"""Collect the facts the torch release table takes from PyPI.

For torch: every final release, its wheels (Python and platform tags), the
first upload date, the Requires-Python values, and from one Linux x86_64 wheel
the torch/version.py it ships (the CUDA the plain PyPI wheel was built with)
plus its CUDA-related Requires-Dist pins.
For torchvision and torchaudio: every final release and which torch each
platform's wheel pins in its METADATA.
"""

import re

import pypi_index
import pypi_remote_wheel

_VERSION_PY_CUDA = re.compile(r"^cuda(?::[^=]*)?\s*=\s*(?:'([^']*)'|\"([^\"]*)\"|None)", re.M)
_VERSION_PY_VERSION = re.compile(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_VERSION_PY_GIT = re.compile(r"^git_version\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_VERSION_PY_HIP = re.compile(r"^hip(?::[^=]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*\(?\s*([^;)]*)\)?\s*(;.*)?$")


def _wheels(files):
    for entry in files:
        wheel = pypi_index.parse_wheel_filename(entry["filename"])
        if wheel:
            yield entry, wheel


def _build_number(wheel):
    return int(re.match(r"\d*", wheel["build"] or "0").group() or 0)


def upload_date(files):
    return min(entry["upload-time"] for entry in files)[:10]


def python_support(files):
    """Per platform, the CPython minors with wheels; free-threaded builds apart."""
    regular, free_threaded = {}, {}
    for entry, wheel in _wheels(files):
        platform = pypi_index.platform_name(wheel["platform"])
        for python_tag in wheel["python"].split("."):
            minor, threaded = pypi_index.cpython_minor(python_tag, wheel["abi"])
            if platform and minor:
                target = free_threaded if threaded else regular
                target.setdefault(platform, set()).add(minor)
    return regular, free_threaded


def requires_python_values(files):
    return sorted({entry["requires-python"] for entry in files if entry["requires-python"]})


def representative_wheels(files):
    """One wheel per platform (the newest build of the lowest-sorting filename)."""
    chosen = {}
    for entry, wheel in sorted(_wheels(files), key=lambda pair: pair[0]["filename"]):
        platform = pypi_index.platform_name(wheel["platform"]) or wheel["platform"]
        best = chosen.get(platform)
        if best is None or _build_number(wheel) > _build_number(best[1]):
            chosen[platform] = (entry, wheel)
    return {platform: pair[0] for platform, pair in chosen.items()}


def parse_requirement(text):
    """'torch==1.4.0', 'torch (==1.4.0)' -> ('torch', '==1.4.0', marker or '')."""
    match = _REQUIREMENT_NAME.match(text)
    if not match:
        return None, None, None
    return match.group(1).lower(), match.group(2).strip(), (match.group(3) or "").lstrip("; ")


def torch_pin(requirements):
    """The exact torch version a wheel pins (None when it pins none or a range)."""
    specs = [spec for name, spec, _ in map(parse_requirement, requirements) if name == "torch"]
    exact = [spec[2:].strip() for spec in specs if spec.startswith("==") and "," not in spec]
    return {"torch_requirements": specs, "torch_pin": exact[0] if len(exact) == 1 else None}


def companion_facts(project, index):
    """Per final release of torchvision/torchaudio: the torch pin of each platform's wheel."""
    facts = {}
    for version, files in sorted(pypi_index.files_by_version(index).items()):
        if not pypi_index.is_final_release(version):
            continue
        record = {"date": upload_date(files), "yanked": _yank_reason(files), "wheels": {}}
        for platform, entry in sorted(representative_wheels(files).items()):
            requirements = pypi_remote_wheel.requires_dist(
                pypi_remote_wheel.read_metadata(entry["url"], entry["size"]))
            pin = torch_pin(requirements)
            pin["wheel"] = entry["filename"]
            record["wheels"][platform] = pin
        facts[version] = record
    return facts


def _yank_reason(files):
    reasons = {entry["yanked"] for entry in files if entry["yanked"]}
    if not reasons:
        return None
    return "; ".join(sorted(r if isinstance(r, str) else "yanked" for r in reasons))


def _platform_wheel(files, platform):
    wheels = [(entry, wheel) for entry, wheel in _wheels(files)
              if pypi_index.platform_name(wheel["platform"]) == platform]
    if not wheels:
        return None
    newest_build = max(_build_number(wheel) for _, wheel in wheels)
    return sorted(entry["filename"] for entry, wheel in wheels
                  if _build_number(wheel) == newest_build)[0], wheels


def torch_wheel_build_facts(files, platform="linux-x86_64"):
    """What one PyPI wheel of the platform says about its own build (torch/version.py)."""
    found = _platform_wheel(files, platform)
    if not found:
        return None
    filename, wheels = found
    entry = next(entry for entry, _ in wheels if entry["filename"] == filename)
    wheel = pypi_remote_wheel.RemoteWheel(entry["url"], entry["size"])
    version_py = wheel.read("torch/version.py").decode("utf-8")
    metadata_names = [n for n in wheel.find(".dist-info/METADATA") if n.count("/") == 1]
    # Some wheels (seen on macOS) keep METADATA elsewhere; their requirements are then unknown.
    requirements = (pypi_remote_wheel.requires_dist(wheel.read(metadata_names[0]).decode("utf-8"))
                    if metadata_names else None)
    cuda_match = _VERSION_PY_CUDA.search(version_py)
    return {
        "wheel": filename,
        "version_py_version": _first_group(_VERSION_PY_VERSION, version_py),
        "version_py_cuda": (cuda_match.group(1) or cuda_match.group(2)) if cuda_match else None,
        "version_py_has_cuda_line": bool(cuda_match),
        "version_py_hip": _first_group(_VERSION_PY_HIP, version_py),
        "git_version": _first_group(_VERSION_PY_GIT, version_py),
        "cuda_requirements": (None if requirements is None
                              else [r for r in requirements if _is_cuda_requirement(r)]),
    }


def _first_group(pattern, text):
    match = pattern.search(text)
    return match.group(1) if match else None


def _is_cuda_requirement(requirement):
    name = parse_requirement(requirement)[0] or ""
    return name.startswith("nvidia-") or name.startswith("cuda-")


def torch_facts(index, read_wheels=True):
    facts = {}
    for version, files in sorted(pypi_index.files_by_version(index).items()):
        if not pypi_index.is_final_release(version):
            continue
        regular, free_threaded = python_support(files)
        facts[version] = {
            "date": upload_date(files),
            "yanked": _yank_reason(files),
            "python_by_platform": {p: sorted(v, key=_minor_key) for p, v in sorted(regular.items())},
            "free_threaded_by_platform": {p: sorted(v, key=_minor_key)
                                          for p, v in sorted(free_threaded.items())},
            "requires_python": requires_python_values(files),
            "build_by_platform": {platform: torch_wheel_build_facts(files, platform)
                                  for platform in sorted(regular)} if read_wheels else {},
        }
        facts[version]["linux_x86_64_build"] = facts[version]["build_by_platform"].get("linux-x86_64")
    return facts


def _minor_key(minor):
    return tuple(int(part) for part in minor.split("."))


def collect(read_wheels=True, progress=None, index_url=pypi_index.DEFAULT_INDEX_URL):
    """All PyPI facts the table uses, as one JSON-ready dict."""
    result, indexes = {}, {}
    for project in ("torch", "torchvision", "torchaudio"):
        if progress:
            progress("reading PyPI index and wheels of " + project)
        index = indexes[project] = pypi_index.fetch_index(project, index_url)
        if project == "torch":
            result[project] = torch_facts(index, read_wheels)
        else:
            result[project] = companion_facts(project, index) if read_wheels else {}
        result[project + "_versions"] = sorted(
            (v for v in index["versions"] if pypi_index.is_final_release(v)),
            key=pypi_index.version_key)
    # What `check-pypi --changes` later compares PyPI with (scripts/data/pypi_changes.py).
    result["index_state"] = pypi_index.index_state(indexes)
    return result
