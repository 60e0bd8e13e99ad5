"""Consistency between data files: every name one file uses must exist where it is defined."""

import re

from . import versions

TORCH_FILE = "torch-releases.json"
CUDA_FILE = "cuda-toolkits.json"
VARIANT_FILES = ("torch-variants.json", "variant-builds.json", "libtorch-archives.json")
FILES_NAMING_RELEASES = ("torch-variants.json", "variant-builds.json", "libtorch-archives.json")
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


def check_default_cuda_known(torch_document, cuda_document, report):
    known_cuda = cuda_minors_with_toolkits(cuda_document)
    for version, record in torch_document.get("releases", {}).items():
        cuda = record.get("pypi_default_cuda") if isinstance(record, dict) else None
        if cuda is not None and cuda not in known_cuda:
            report("{}: releases['{}']: pypi_default_cuda {} has no toolkit release in {}".format(
                TORCH_FILE, version, cuda, CUDA_FILE))
