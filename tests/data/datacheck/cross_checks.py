"""Consistency between data files: every name one file uses must exist where it is defined."""

import re

from . import versions

TORCH_FILE = "torch-releases.json"
CUDA_FILE = "cuda-toolkits.json"
VARIANT_FILES = ("torch-releases.json", "torch-variants.json", "variant-builds.json", "libtorch-archives.json",
                 "torch-wheels.json")
FILES_NAMING_RELEASES = ("torch-variants.json", "variant-builds.json", "libtorch-archives.json",
                         "rocm-xpu-targets.json", "torch-wheels.json")
# Fields whose string value (or list of strings) is a torch release / a variant name.
TORCH_REFERENCE_FIELDS = {"torch", "torch_version", "first_torch", "last_torch", "release", "releases"}
# A string that is exactly a CUDA variant name, wherever it appears (key, value or list item).
_CUDA_VARIANT_RE = re.compile(r"^cu\d{2,3}$")


def _walk(node, path=""):
    """Yield (path, key, value) for every member of every object in the tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk(value, "{}/{}".format(path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, "{}[{}]".format(path, index))


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def variant_names_used(document):
    """(path, variant) for every CUDA variant named anywhere outside the sources map."""
    used = []
    for path, key, value in _walk(document):
        if path.startswith("/sources") or key == "sources" and not path:
            continue
        if _CUDA_VARIANT_RE.match(key):
            used.append(("{}/{}".format(path, key), key))
        used.extend(("{}/{}".format(path, key), name) for name in _strings(value)
                    if _CUDA_VARIANT_RE.match(name))
    return used


def cuda_minors_with_toolkits(cuda_document):
    return {versions.cuda_short(version) for version in cuda_document.get("toolkits", {})}


def check_variants_known(name, document, cuda_document, report):
    known_cuda = cuda_minors_with_toolkits(cuda_document)
    for path, variant in variant_names_used(document):
        parsed = versions.parse_variant(variant)
        if parsed[1] not in known_cuda:
            report("{}: {}: CUDA variant '{}' (CUDA {}) has no toolkit release in {}".format(
                name, path, variant, parsed[1], CUDA_FILE))


def torch_releases_named(document, record_map_names):
    """(path, version) for record keys of torch-keyed maps and torch reference fields."""
    named = []
    for map_name in record_map_names:
        for key in document.get(map_name, {}):
            named.append(("{}['{}']".format(map_name, key), key))
    for path, key, value in _walk(document):
        if key in TORCH_REFERENCE_FIELDS and not (path.startswith("/sources") or key == "sources"):
            named.extend(("{}/{}".format(path, key), version) for version in _strings(value))
    return named


def check_releases_known(name, document, torch_keyed_maps, torch_document, report):
    known = set(torch_document.get("releases", {}))
    for path, version in torch_releases_named(document, torch_keyed_maps):
        if version not in known:
            report("{}: {}: torch release '{}' is not in {}".format(name, path, version, TORCH_FILE))


def check_cross_file(documents, torch_keyed_maps, report):
    """documents: {file name: parsed JSON} of the files that loaded."""
    cuda_document = documents.get(CUDA_FILE)
    torch_document = documents.get(TORCH_FILE)
    for name in VARIANT_FILES:
        if name in documents and cuda_document is not None:
            check_variants_known(name, documents[name], cuda_document, report)
    for name in FILES_NAMING_RELEASES:
        if name in documents and torch_document is not None:
            check_releases_known(name, documents[name], torch_keyed_maps.get(name, ()),
                                 torch_document, report)
    if torch_document is not None and cuda_document is not None:
        check_default_cuda_known(torch_document, cuda_document, report)
    if torch_document is not None:
        check_pypi_default_agrees(torch_document, documents.get("torch-variants.json"),
                                  documents.get("variant-builds.json"), report)
    variants_document = documents.get("torch-variants.json")
    if variants_document is not None and "libtorch-archives.json" in documents:
        check_libtorch_lists_agree(documents["libtorch-archives.json"], variants_document, report)
    if variants_document is not None and "rocm-xpu-targets.json" in documents:
        check_targets_variants_published(documents["rocm-xpu-targets.json"], variants_document, report)
    if variants_document is not None and "variant-builds.json" in documents:
        check_build_variants_published(documents["variant-builds.json"], variants_document, report)
    if "variant-builds.json" in documents and "gpu-code-rules.json" in documents:
        check_build_architectures_known(documents["variant-builds.json"], documents["gpu-code-rules.json"],
                                        report)


def check_default_cuda_known(torch_document, cuda_document, report):
    known_cuda = cuda_minors_with_toolkits(cuda_document)
    for version, record in torch_document.get("releases", {}).items():
        cuda = record.get("pypi_default_cuda") if isinstance(record, dict) else None
        if cuda is not None and cuda not in known_cuda:
            report("{}: releases['{}']: pypi_default_cuda {} has no toolkit release in {}".format(
                TORCH_FILE, version, cuda, CUDA_FILE))


def check_build_architectures_known(builds_document, rules_document, report):
    """Every SASS/PTX target of a build names a GPU architecture the GPU-code rules know."""
    known = set(rules_document.get("architectures", {}))
    for version, by_variant in builds_document.get("builds", {}).items():
        for variant, by_platform in (by_variant or {}).items():
            for platform, record in (by_platform or {}).items():
                if not isinstance(record, dict):
                    continue
                for kind in ("sass", "ptx"):
                    for target in record.get(kind) or []:
                        if isinstance(target, str) and target.rstrip("af") not in known:
                            report("variant-builds.json: builds['{}']['{}']['{}']: {} target {} is not an "
                                   "architecture in gpu-code-rules.json".format(
                                       version, variant, platform, kind, target))


def _cuda_variant(cuda_short):
    return "cu" + cuda_short.replace(".", "")


def check_pypi_default_agrees(torch_document, variants_document, builds_document, report):
    """The plain PyPI wheel's CUDA must be a published Linux wheel variant and the build marked default."""
    for version, record in torch_document.get("releases", {}).items():
        cuda = record.get("pypi_default_cuda") if isinstance(record, dict) else None
        if not cuda:
            continue
        variant = _cuda_variant(cuda)
        if variants_document is not None:
            platforms = (variants_document.get("releases", {}).get(version) or {}).get("platforms") or {}
            wheels = (platforms.get("linux-x86_64") or {}).get("wheel")
            if wheels is not None and variant not in wheels:
                report("torch-variants.json: releases['{}']: Linux wheel variants {} lack {}, the CUDA of "
                       "the PyPI wheel per {}".format(version, wheels, variant, TORCH_FILE))
        if builds_document is not None and version in builds_document.get("builds", {}):
            defaults = [name for name, by_platform in builds_document["builds"][version].items()
                        if ((by_platform or {}).get("linux-x86_64") or {}).get("pypi_default")]
            if defaults and defaults != [variant]:
                report("variant-builds.json: builds['{}']: pypi_default is {} but {} says the PyPI wheel "
                       "is {}".format(version, defaults, TORCH_FILE, variant))


def _platform_lists(variants_document, version, platform):
    entry = ((variants_document.get("releases", {}).get(version) or {}).get("platforms") or {}).get(platform)
    return entry or {}


def check_libtorch_lists_agree(archives_document, variants_document, report):
    """torch-variants' libtorch list is, by definition, the union of the archive lists."""
    for version, record in archives_document.get("releases", {}).items():
        for platform, entry in ((record or {}).get("platforms") or {}).items():
            union = sorted({variant for variants in (entry.get("archives") or {}).values()
                            for variant in variants or []})
            listed = _platform_lists(variants_document, version, platform).get("libtorch")
            if listed is not None and sorted(listed) != union:
                report("torch-variants.json: releases['{}'] {} libtorch {} differs from the archives "
                       "in libtorch-archives.json {}".format(version, platform, sorted(listed), union))
            complete = "libtorch" in (_platform_lists(variants_document, version, platform).get("complete") or [])
            if listed is not None and complete != (entry.get("complete") is True):
                report("torch-variants.json: releases['{}'] {} libtorch list is {} but libtorch-archives.json "
                       "says it is {}".format(version, platform, "complete" if complete else "partial",
                                              "complete" if entry.get("complete") else "partial"))


def check_build_variants_published(builds_document, variants_document, report):
    """Builds described in variant-builds.json are exactly the published Linux CUDA wheel variants."""
    for version, by_variant in builds_document.get("builds", {}).items():
        wheels = _platform_lists(variants_document, version, "linux-x86_64").get("wheel")
        if wheels is None:
            continue
        built = sorted(v for v, by_platform in (by_variant or {}).items() if "linux-x86_64" in (by_platform or {}))
        published = sorted(v for v in wheels if _CUDA_VARIANT_RE.match(v))
        if built != published:
            report("variant-builds.json: builds['{}'] linux-x86_64 CUDA variants {} differ from the Linux "
                   "wheel variants in torch-variants.json {}".format(version, built, published))


def check_targets_variants_published(targets_document, variants_document, report):
    """Every ROCm/XPU variant of rocm-xpu-targets.json is published for that release, and none is missing."""
    targets = targets_document.get("releases", {})
    for version, record in variants_document.get("releases", {}).items():
        names = {variant for entry in ((record or {}).get("platforms") or {}).values()
                 for kind in ("wheel", "libtorch") for variant in (entry or {}).get(kind) or []}
        if version not in targets and any(n == "xpu" or n.startswith("rocm") for n in names):
            report("rocm-xpu-targets.json: has no record for release '{}', which publishes ROCm/XPU "
                   "variants in torch-variants.json".format(version))
    for version, record in targets.items():
        if not isinstance(record, dict):
            continue
        platforms = (variants_document.get("releases", {}).get(version) or {}).get("platforms") or {}
        published = {variant for entry in platforms.values() for kind in ("wheel", "libtorch")
                     for variant in (entry or {}).get(kind) or []
                     if variant == "xpu" or variant.startswith("rocm")}
        named = {key for key in record if key not in ("sources", "notes")}
        for variant in sorted(named - published):
            report("rocm-xpu-targets.json: releases['{}']: variant '{}' is not published for that release in "
                   "torch-variants.json".format(version, variant))
        for variant in sorted(published - named):
            report("rocm-xpu-targets.json: releases['{}']: lacks variant '{}' that torch-variants.json "
                   "publishes".format(version, variant))
