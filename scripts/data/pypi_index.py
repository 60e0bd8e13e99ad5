"""Read a project's file list from PyPI's simple index (PEP 691 JSON form).

Only pip's network path (the simple index and files.pythonhosted.org) is
reachable from the build machines, so everything the data scripts learn from
PyPI goes through this index: wheel filenames carry the Python and platform
tags, and each file has its upload time and yank status.
"""

import json
import re
import urllib.request

DEFAULT_INDEX_URL = "https://pypi.org/simple"
JSON_ACCEPT = "application/vnd.pypi.simple.v1+json"

# PEP 427: name-version[-build]-python-abi-platform.whl
_WHEEL_RE = re.compile(
    r"^(?P<name>[^-]+)-(?P<version>[^-]+)(?:-(?P<build>\d[^-]*))?"
    r"-(?P<python>[^-]+)-(?P<abi>[^-]+)-(?P<platform>[^-]+)\.whl$")

# Final releases only: pre-releases, dev builds and local versions are not
# releases the product matches against.
_FINAL_RE = re.compile(r"^\d+(\.\d+)*(\.post\d+)?$")


def fetch_index(project, index_url=DEFAULT_INDEX_URL, timeout=120):
    request = urllib.request.Request(
        "{}/{}/".format(index_url.rstrip("/"), project), headers={"Accept": JSON_ACCEPT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def parse_wheel_filename(filename):
    """Return the tag fields of a wheel filename, or None for an sdist."""
    match = _WHEEL_RE.match(filename)
    return match.groupdict() if match else None


def is_final_release(version):
    return bool(_FINAL_RE.match(version))


def version_key(version):
    """Sort key for final release strings such as 1.10.2 or 0.2.2.post3."""
    release, _, post = version.partition(".post")
    return tuple(int(part) for part in release.split(".")), int(post or -1)


def files_by_version(index):
    """Group the index's files by the version in their filename."""
    grouped = {}
    for entry in index["files"]:
        wheel = parse_wheel_filename(entry["filename"])
        if wheel:
            version = wheel["version"]
        else:
            # sdist: <name>-<version>.tar.gz / .zip
            stem = re.sub(r"\.(tar\.gz|zip|tar\.bz2)$", "", entry["filename"])
            version = stem.rsplit("-", 1)[-1]
        grouped.setdefault(version, []).append(entry)
    return grouped


PLATFORM_PATTERNS = (
    (re.compile(r"^manylinux.*_x86_64$"), "linux-x86_64"),
    (re.compile(r"^manylinux.*_aarch64$"), "linux-aarch64"),
    (re.compile(r"^win_amd64$"), "windows-x86_64"),
    (re.compile(r"^macosx_.*_x86_64$"), "macos-x86_64"),
    (re.compile(r"^macosx_.*_arm64$"), "macos-arm64"),
)


def platform_name(platform_tag):
    """Map a wheel platform tag to the product's platform name (None if other)."""
    names = set()
    # A compressed tag set (a.b) lists several platforms for one file.
    for tag in platform_tag.split("."):
        for pattern, name in PLATFORM_PATTERNS:
            if pattern.match(tag):
                names.add(name)
    if len(names) > 1:
        raise ValueError("wheel tag names several platforms: " + platform_tag)
    return names.pop() if names else None


def cpython_minor(python_tag, abi_tag):
    """cp310/cp310 -> ("3.10", False); cp313/cp313t -> ("3.13", True)."""
    match = re.match(r"^cp(\d)(\d+)$", python_tag)
    if not match:
        return None, False
    return "{}.{}".format(match.group(1), match.group(2)), abi_tag.endswith("t")


def index_state(indexes):
    """Per project: final releases, yanked releases, newest upload time, file count."""
    result = {}
    for project in sorted(indexes):
        grouped = {v: files for v, files in files_by_version(indexes[project]).items()
                   if is_final_release(v)}
        files = [entry for entries in grouped.values() for entry in entries]
        result[project] = {
            "releases": sorted(grouped, key=version_key),
            "yanked": sorted((v for v, entries in grouped.items()
                              if all(entry["yanked"] for entry in entries)),
                             key=version_key),
            "files": len(files),
            "newest_upload": max((entry["upload-time"] for entry in files), default=None),
        }
    return result
