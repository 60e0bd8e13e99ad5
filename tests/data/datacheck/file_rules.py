"""Per-file schema rules for the table's known files (other files get the generic checks)."""

import re

from . import torch_wheels_rules, versions
from .field_types import (check_fields, is_cuda_short, is_date, is_platform, is_python_minor,
                          is_version, list_of, optional, python_key)

_PYTHON_LIST = list_of(is_python_minor, ordered_by=python_key)


def _is_python_by_platform(value):
    return (isinstance(value, dict) and all(is_platform(p) for p in value)
            and all(_PYTHON_LIST(v) and v for v in value.values()))


COMPANION_BASES = ("wheel-pin", "wheel-range-same-day", "documented-pair", "documented-range")


def _is_basis(value):
    return value in COMPANION_BASES


_TORCH_RELEASE_FIELDS = {
    "on_pypi": (lambda v: isinstance(v, bool), "true or false", True),
    "torchvision_basis": (optional(_is_basis), "one of {} or null".format(COMPANION_BASES), True),
    "torchaudio_basis": (optional(_is_basis), "one of {} or null".format(COMPANION_BASES), True),
    "torchvision_pinned_by": (list_of(is_version, ordered_by=versions.parse_version),
                              "an ascending list of versions", True),
    "torchaudio_pinned_by": (list_of(is_version, ordered_by=versions.parse_version),
                             "an ascending list of versions", True),
    "pypi_variant_by_platform": (lambda v: isinstance(v, dict) and all(is_platform(p) for p in v) and all(
        x is None or versions.parse_variant(x) is not None for x in v.values()),
        "an object platform -> variant name (cpu, cuXYZ, rocmX.Y) or null", True),
    "pypi_torch_version": (optional(lambda v: isinstance(v, str) and v != ""), "a string or null", True),
    "pypi_cudnn": (optional(is_version), "a cuDNN version string or null", True),
    "pypi_linux_wheel": (optional(lambda v: isinstance(v, str) and v.endswith(".whl")),
                         "a wheel filename or null", True),
    "date": (optional(is_date), "a YYYY-MM-DD date or null", True),
    "torchvision": (optional(is_version), "a version string or null", True),
    "torchaudio": (optional(is_version), "a version string or null", True),
    "python": (list_of(is_python_minor, ordered_by=python_key),
               "an ascending list of '3.X' strings", True),
    "python_free_threaded": (_PYTHON_LIST, "an ascending list of '3.X' strings", True),
    "python_by_platform": (_is_python_by_platform, "an object platform -> list of '3.X'", True),
    "requires_python": (optional(lambda v: isinstance(v, str) and v != ""), "a string or null", True),
    "pypi_default_cuda": (optional(is_cuda_short), "a CUDA 'X.Y' string or null", True),
    "pypi_platforms": (list_of(is_platform), "a list of platform names", True),
}


def check_torch_releases(document, report):
    for version, record in document.get("releases", {}).items():
        if not isinstance(record, dict):
            continue
        where = "releases['{}']".format(version)
        check_fields(where, record, _TORCH_RELEASE_FIELDS, report)
        if versions.parse_version(version) and len(versions.parse_version(version)[0]) != 3:
            report("{}: torch release keys are X.Y.Z".format(where))
        for companion in ("torchvision", "torchaudio"):
            if record.get(companion, "") is None and not record.get("notes"):
                report("{}: {} is null without a 'notes' explaining why".format(where, companion))
            if (record.get(companion) is None) != (record.get(companion + "_basis") is None):
                report("{}: {} and {}_basis must be both null or both set".format(where, companion, companion))
            if record.get(companion + "_basis") == "wheel-pin" and \
                    record.get(companion) not in (record.get(companion + "_pinned_by") or []):
                report("{}: {} has basis wheel-pin but is not in {}_pinned_by".format(where, companion, companion))
        if record.get("on_pypi") is True and not (record.get("python") and record.get("pypi_platforms")):
            report("{}: a release on PyPI must list its Python versions and platforms".format(where))
        if record.get("on_pypi") is False and not record.get("notes"):
            report("{}: a release not on PyPI needs 'notes' saying where it is served".format(where))
        by_platform = record.get("python_by_platform")
        if isinstance(by_platform, dict) and isinstance(record.get("python"), list):
            union = sorted({m for minors in by_platform.values() for m in minors}, key=python_key)
            if union != record["python"]:
                report("{}: 'python' is not the union of 'python_by_platform'".format(where))
            if sorted(by_platform) != sorted(record.get("pypi_platforms") or []):
                report("{}: 'pypi_platforms' differs from the platforms of 'python_by_platform'".format(where))
        variants_by_platform = record.get("pypi_variant_by_platform")
        if isinstance(variants_by_platform, dict) and isinstance(record.get("pypi_platforms"), list):
            if sorted(variants_by_platform) != sorted(record["pypi_platforms"]):
                report("{}: 'pypi_variant_by_platform' platforms differ from 'pypi_platforms'".format(where))
            linux = variants_by_platform.get("linux-x86_64")
            cuda = record.get("pypi_default_cuda")
            if linux is not None and (linux == "cu" + (cuda or "").replace(".", "")) != bool(cuda):
                report("{}: pypi_variant_by_platform linux-x86_64 {} disagrees with pypi_default_cuda {}".format(
                    where, linux, cuda))


_TOOLKIT_FIELDS = {
    "linux_min_driver": (optional(is_version), "a driver version string or null", True),
    "windows_min_driver": (optional(is_version), "a driver version string or null", True),
}


def check_cuda_toolkits(document, report):
    for version, record in document.get("toolkits", {}).items():
        if not isinstance(record, dict):
            continue
        where = "toolkits['{}']".format(version)
        check_fields(where, record, _TOOLKIT_FIELDS, report)
        if versions.parse_version(version) and len(versions.parse_version(version)[0]) != 3:
            report("{}: toolkit keys are full X.Y.Z versions".format(where))
    if "minor_version_compatibility" in document:
        for major, record in document["minor_version_compatibility"].items():
            if isinstance(record, dict):
                check_fields("minor_version_compatibility['{}']".format(major), record,
                             {"linux_min_driver": _TOOLKIT_FIELDS["linux_min_driver"]}, report)


def _parse_platform(text):
    return text if is_platform(text) else None


_CC_LIST = list_of(lambda v: isinstance(v, str) and versions.parse_version(v) is not None)

_BUILD_FIELDS = {
    "cuda": (is_cuda_short, "a CUDA 'X.Y' string", True),
    "cuda_toolkit": (optional(is_version), "a toolkit version or null", True),
    "cudnn": (optional(is_version), "a cuDNN version or null", True),
    "sass": (optional(_CC_LIST), "a list of compute capabilities or null", True),
    "ptx": (optional(_CC_LIST), "a list of compute capabilities or null", True),
}


def check_variant_builds(document, report):
    for version, by_variant in document.get("builds", {}).items():
        if not isinstance(by_variant, dict):
            continue
        for variant, by_platform in by_variant.items():
            parsed = versions.parse_variant(variant)
            for platform, record in (by_platform or {}).items():
                if not isinstance(record, dict):
                    continue
                where = "builds['{}']['{}']['{}']".format(version, variant, platform)
                check_fields(where, record, _BUILD_FIELDS, report)
                if parsed and parsed[0] == "cuda" and record.get("cuda") != parsed[1]:
                    report("{}: cuda {!r} does not match the variant name".format(where, record.get("cuda")))
                toolkit = record.get("cuda_toolkit")
                if isinstance(toolkit, str) and record.get("cuda") and \
                        versions.cuda_short(toolkit) != record.get("cuda"):
                    report("{}: cuda_toolkit {} is not a CUDA {} release".format(where, toolkit, record["cuda"]))


class FileRules:
    """How one file is laid out: which top-level members are records and how they are keyed."""

    def __init__(self, version_maps=None, name_maps=(), single_records=(), torch_keyed=(),
                 required=(), extra_checks=None, nested_maps=None):
        self.version_maps = version_maps  # None: every object-valued top-level member
        self.name_maps = tuple(name_maps)  # keyed by identifiers (eras, rule names)
        self.single_records = tuple(single_records)  # one record object, not a map
        self.torch_keyed = tuple(torch_keyed)  # maps whose keys are torch releases
        self.required = tuple(required)
        self.extra_checks = extra_checks
        # map name -> one key parser per level; the leaves are the records
        self.nested_maps = dict(nested_maps or {})


def _is_published_variant(value):
    # 'xpu' (Intel GPU) is a download.pytorch.org folder too, next to cpu/cuXYZ/rocmX.Y.
    return value == "xpu" or versions.parse_variant(value) is not None


_VARIANT_LIST = optional(list_of(_is_published_variant))


def check_torch_variants(document, report):
    for version, record in document.get("releases", {}).items():
        platforms = record.get("platforms") if isinstance(record, dict) else None
        where = "releases['{}']".format(version)
        if not isinstance(platforms, dict) or not all(is_platform(p) for p in platforms):
            report("{}: 'platforms' must be an object keyed by platform name".format(where))
            continue
        for platform, entry in platforms.items():
            check_fields("{}.platforms['{}']".format(where, platform), entry if isinstance(entry, dict) else {}, {
                "wheel": (_VARIANT_LIST, "a list of variant names or null", True),
                "libtorch": (_VARIANT_LIST, "a list of variant names or null", True),
                "complete": (lambda v: isinstance(v, list) and set(v) <= {"wheel", "libtorch"},
                             "a list naming the complete lists ('wheel', 'libtorch')", True),
            }, report)
            # Only a list can be complete: null is unknown, and the renderers deny a variant
            # only from a complete list.
            for kind in (entry or {}).get("complete") or []:
                if isinstance(entry, dict) and entry.get(kind) is None:
                    report("{}.platforms['{}']: 'complete' names {} but that list is null".format(
                        where, platform, kind))


_GFX_RE = re.compile(r"^gfx[0-9a-f]+$")
_ROCM_VARIANT_RE = re.compile(r"^rocm\d+\.\d+(\.\d+)?$")
_NAME_LIST = optional(list_of(lambda v: isinstance(v, str) and v != ""))
_XPU_FIELDS = {
    "aot_targets": (_NAME_LIST, "a list of AOT target names or null", True),
    "data_center": (_NAME_LIST, "a list of device names or null", True),
    "client": (_NAME_LIST, "a list of device names or null", True),
    "support_floor": (optional(lambda v: isinstance(v, str) and v != ""), "a string or null", True),
    "platforms": (list_of(is_platform), "a list of platform names", True),
}
_ROCM_FIELDS = {
    "gfx": (optional(list_of(lambda v: isinstance(v, str) and bool(_GFX_RE.match(v)))),
            "a list of gfx architecture names (gfx[0-9a-f]+) or null", True),
}


def check_rocm_xpu_targets(document, report):
    """Each release record: rocmX.Y[.Z] variants with a gfx list, an 'xpu' entry, 'sources', 'notes'."""
    for version, record in document.get("releases", {}).items():
        if not isinstance(record, dict):
            continue
        for variant, entry in record.items():
            if variant in ("sources", "notes"):
                continue
            where = "releases['{}']['{}']".format(version, variant)
            if not isinstance(entry, dict):
                report("{}: must be an object".format(where))
            elif variant == "xpu":
                check_fields(where, entry, _XPU_FIELDS, report)
            elif _ROCM_VARIANT_RE.match(variant):
                check_fields(where, entry, _ROCM_FIELDS, report)
                if entry.get("gfx") is None and not entry.get("notes"):
                    report("{}: gfx is null without a 'notes' saying why".format(where))
            else:
                report("{}: '{}' is not a ROCm variant (rocmX.Y) or 'xpu'".format(where, variant))


def check_libtorch_archives(document, report):
    for version, record in document.get("releases", {}).items():
        where = "releases['{}']".format(version)
        platforms = (record or {}).get("platforms") or {}
        for platform, entry in platforms.items():
            if not isinstance((entry or {}).get("complete"), bool):
                report("{}.platforms['{}']: 'complete' must be true or false".format(where, platform))
        if not isinstance((record or {}).get("complete"), bool):
            report("{}: 'complete' must be true or false".format(where))
        elif record["complete"] != all((entry or {}).get("complete") is True for entry in platforms.values()):
            report("{}: 'complete' must be true exactly when every platform's list is".format(where))


def check_pypi_check_record(document, report):
    run = document.get("run")
    if isinstance(run, dict):
        check_fields("run", run, {
            "date": (is_date, "a YYYY-MM-DD date", True),
            "result": (lambda v: v == "clean", "'clean' (only clean runs are recorded)", True),
            "checked": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
                        "a positive integer", True),
        }, report)


KNOWN_FILES = {
    "pypi-check.json": FileRules((), single_records=("run",), required=("run",),
                                 extra_checks=check_pypi_check_record),
    "torch-releases.json": FileRules(("releases",), torch_keyed=("releases",), required=("releases",),
                                     extra_checks=check_torch_releases),
    "cuda-toolkits.json": FileRules(("toolkits", "minor_version_compatibility"), required=("toolkits",),
                                    extra_checks=check_cuda_toolkits),
    "gpu-code-rules.json": FileRules(("architectures",), single_records=("rules",),
                                     required=("architectures", "rules")),
    "variant-builds.json": FileRules((), nested_maps={"builds": (versions.parse_version, versions.parse_variant,
                                                                  _parse_platform)},
                                     torch_keyed=("builds",), required=("builds",),
                                     extra_checks=lambda document, report: check_variant_builds(document, report)),
    "torch-variants.json": FileRules(("releases",), torch_keyed=("releases",), required=("releases",),
                                     extra_checks=check_torch_variants),
    "libtorch-archives.json": FileRules(("releases",), name_maps=("eras",), torch_keyed=("releases",),
                                        required=("releases", "eras"), extra_checks=check_libtorch_archives),
    "rocm-xpu-targets.json": FileRules(("releases",), torch_keyed=("releases",), required=("releases",),
                                       extra_checks=check_rocm_xpu_targets),
    "torch-wheels.json": FileRules(("releases",), torch_keyed=("releases",), required=("releases",),
                                   extra_checks=torch_wheels_rules.check_torch_wheels),
}

# Files the table must eventually contain; absent ones are reported, not failed.
EXPECTED_FILES = ("torch-releases.json", "cuda-toolkits.json", "gpu-code-rules.json",
                  "variant-builds.json", "torch-variants.json", "libtorch-archives.json",
                  "rocm-xpu-targets.json", "torch-wheels.json")


def rules_for(file_name):
    return KNOWN_FILES.get(file_name, FileRules())
