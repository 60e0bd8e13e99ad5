"""Parse and order the version strings the table uses."""

import re

# 2.4.0, 12.4.1, 550.54.14, 9.1.0.70, 0.2.2.post3, compute capability 9.0a / 12.0f.
_VERSION_RE = re.compile(r"^(\d+(?:\.\d+)*)([a-z])?(?:\.post(\d+))?$")
_VARIANT_RE = re.compile(r"^(cpu|cu(\d{2,3})|rocm(\d+(?:\.\d+)*))$")


def parse_version(text):
    """Sort key of a version string, or None if it is not one."""
    if not isinstance(text, str):
        return None
    match = _VERSION_RE.match(text)
    if not match:
        return None
    numbers = tuple(int(part) for part in match.group(1).split("."))
    return numbers, match.group(2) or "", int(match.group(3)) if match.group(3) else -1


def parse_variant(text):
    """('cpu',), ('cuda', '12.1') or ('rocm', '6.1'); None if not a variant name."""
    match = _VARIANT_RE.match(text) if isinstance(text, str) else None
    if not match:
        return None
    if match.group(2):
        digits = match.group(2)
        return "cuda", "{}.{}".format(digits[:-1], digits[-1])
    if match.group(3):
        return "rocm", match.group(3)
    return ("cpu",)


def cuda_short(version):
    """'12.4.1' -> '12.4'."""
    return ".".join(version.split(".")[:2])


def first_unsorted(keys, sort_key=parse_version):
    """The first key that sorts before its predecessor, with that predecessor."""
    previous = None
    for key in keys:
        if previous is not None and sort_key(key) < sort_key(previous):
            return previous, key
        previous = key
    return None
