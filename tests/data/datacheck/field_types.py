"""Small type predicates for record fields (null always means 'unknown/not sourced')."""

import re

from . import versions

PLATFORMS = ("linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-x86_64", "macos-arm64")
_PYTHON_MINOR_RE = re.compile(r"^[23]\.\d+$")
_CUDA_SHORT_RE = re.compile(r"^\d+\.\d$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_version(value):
    return versions.parse_version(value) is not None


def is_cuda_short(value):
    return isinstance(value, str) and bool(_CUDA_SHORT_RE.match(value))


def is_python_minor(value):
    return isinstance(value, str) and bool(_PYTHON_MINOR_RE.match(value))


def is_date(value):
    return isinstance(value, str) and bool(_DATE_RE.match(value))


def is_platform(value):
    return value in PLATFORMS


def optional(predicate):
    return lambda value: value is None or predicate(value)


def list_of(predicate, non_empty=False, ordered_by=None):
    def check(value):
        if not isinstance(value, list) or (non_empty and not value):
            return False
        if not all(predicate(item) for item in value) or len(set(value)) != len(value):
            return False
        return ordered_by is None or value == sorted(value, key=ordered_by)
    return check


def python_key(minor):
    return tuple(int(part) for part in minor.split("."))


def check_fields(where, record, field_rules, report):
    """field_rules: {name: (predicate, description, required)}."""
    for name, (predicate, description, required) in field_rules.items():
        if name not in record:
            if required:
                report("{}: missing field '{}'".format(where, name))
            continue
        if not predicate(record[name]):
            report("{}: field '{}' must be {}, found {!r}".format(where, name, description, record[name]))
