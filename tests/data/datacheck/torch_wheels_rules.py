"""Schema rules of data/torch-wheels.json (PyPI's torch wheels as a libtorch source)."""

import re

from . import versions
from .field_types import check_fields, is_platform, list_of, optional


# torch-wheels.json: which wheel file each platform name may hold.
_WHEEL_PLATFORM_TAG = {
    "linux-x86_64": r"manylinux[_0-9a-z]*_x86_64",
    "linux-aarch64": r"manylinux[_0-9a-z]*_aarch64",
    "windows-x86_64": r"win_amd64",
    "macos-arm64": r"macosx_\d+_\d+_arm64",
    "macos-x86_64": r"macosx_\d+_\d+_x86_64",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PYPI_FILES_URL = "https://files.pythonhosted.org/packages/"
_GLIBC = re.compile(r"^2\.\d+$")


def _check_wheel_file(where, record, report, name_re=None):
    """filename, url, size, sha256 of one file on PyPI."""
    if not isinstance(record, dict):
        report("{}: must be an object".format(where))
        return
    check_fields(where, record, {
        "filename": (lambda v: isinstance(v, str) and v.endswith(".whl"), "a wheel filename", True),
        "url": (lambda v: isinstance(v, str) and v.startswith(_PYPI_FILES_URL),
                "a url on files.pythonhosted.org", True),
        "size": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0, "a positive integer", True),
        "sha256": (lambda v: isinstance(v, str) and bool(_SHA256.match(v)), "64 lowercase hex digits", True),
    }, report)
    filename, url = record.get("filename"), record.get("url")
    if isinstance(filename, str) and isinstance(url, str) and not url.endswith("/" + filename):
        report("{}: url does not end in the filename {}".format(where, filename))
    if name_re is not None and isinstance(filename, str) and not name_re.match(filename):
        report("{}: filename {} does not match {}".format(where, filename, name_re.pattern))


def _check_requirements(where, requires, report):
    if requires is None:
        return
    if not isinstance(requires, list):
        report("{}: 'requires' must be a list or null".format(where))
        return
    for position, requirement in enumerate(requires):
        here = "{}.requires[{}]".format(where, position)
        if not isinstance(requirement, dict):
            report("{}: must be an object".format(here))
            continue
        check_fields(here, requirement, {
            "requirement": (lambda v: isinstance(v, str) and v.strip() != "", "the Requires-Dist text", True),
            "name": (lambda v: isinstance(v, str) and v.strip() != "", "a project name", True),
            "version": (optional(lambda v: isinstance(v, str)), "a pinned version or null", True),
            "marker": (optional(lambda v: isinstance(v, str)), "a marker string or null", True),
        }, report)
        name = requirement.get("name")
        if isinstance(name, str) and isinstance(requirement.get("requirement"), str) and \
                not requirement["requirement"].startswith(name):
            report("{}: requirement text does not start with its name {}".format(here, name))
        if requirement.get("file") is not None:
            project = re.sub(r"[-.]+", "_", name or "?")
            _check_wheel_file(here + ".file", requirement["file"], report,
                              re.compile(r"^{}-".format(re.escape(project)), re.I))
        _check_requirements(here, requirement.get("requires"), report)


def check_torch_wheels(document, report):
    for version, record in document.get("releases", {}).items():
        if not isinstance(record, dict):
            continue
        where = "releases['{}']".format(version)
        check_fields(where, record, {
            "cxx_standard_min": (optional(lambda v: v in (11, 14, 17, 20, 23)), "11, 14, 17, 20, 23 or null", True),
            "cxx_standard_evidence": (list_of(lambda v: isinstance(v, str)), "a list of strings", True),
        }, report)
        if (record.get("cxx_standard_min") is None) != (not record.get("cxx_standard_evidence")):
            report("{}: cxx_standard_min and cxx_standard_evidence must be both set or both empty".format(where))
        platforms = record.get("platforms")
        if not isinstance(platforms, dict) or not platforms or not all(is_platform(p) for p in platforms):
            report("{}: 'platforms' must be a non-empty object keyed by platform name".format(where))
            continue
        for platform, entry in platforms.items():
            here = "{}.platforms['{}']".format(where, platform)
            tag = _WHEEL_PLATFORM_TAG[platform]
            name_re = re.compile(r"^torch-{}(-\d[^-]*)?-cp\d+-[a-z0-9]+-(?:[a-z0-9_]+\.)*{}(?:\.[a-z0-9_]+)*\.whl$".format(
                re.escape(version), tag))
            _check_wheel_file(here, entry, report, name_re)
            if not isinstance(entry, dict):
                continue
            check_fields(here, entry, {
                "python_tag": (lambda v: isinstance(v, str) and bool(re.match(r"^cp\d+$", v)), "a cpXY tag", True),
                "variant": (optional(lambda v: v == "cpu" or versions.parse_variant(v) is not None),
                            "a variant name or null", True),
                "platform_tag": (lambda v: isinstance(v, str) and bool(re.match(r"^(?:[a-z0-9_]+\.)*" + tag, v)),
                                 "a wheel platform tag of this platform", True),
                "glibc_floor": (optional(lambda v: isinstance(v, str) and bool(_GLIBC.match(v))),
                                "a '2.NN' glibc version or null", True),
                "requires": (lambda v: v is None or isinstance(v, list), "a list or null", True),
            }, report)
            filename = entry.get("filename")
            for field in ("python_tag", "platform_tag"):
                if isinstance(filename, str) and isinstance(entry.get(field), str) and \
                        "-{}".format(entry[field]) not in filename:
                    report("{}: {} {} is not the filename's".format(here, field, entry[field]))
            if platform.startswith("linux") != (entry.get("glibc_floor") is not None):
                report("{}: glibc_floor must be set exactly for Linux wheels".format(here))
            _check_requirements(here, entry.get("requires"), report)

