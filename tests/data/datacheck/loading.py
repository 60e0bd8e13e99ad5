"""Load a data file the way a strict consumer (CMake's string(JSON)) would see it."""

import json


class DataFileError(Exception):
    pass


def _reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DataFileError("duplicate key '{}'".format(key))
        seen[key] = value
    return seen


def _reject_constant(name):
    raise DataFileError("non-standard JSON constant {} (not valid JSON)".format(name))


def load_strict(path):
    """Parse JSON, rejecting duplicate keys and NaN/Infinity (which json accepts)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle, object_pairs_hook=_reject_duplicates,
                             parse_constant=_reject_constant)
    except UnicodeDecodeError as error:
        raise DataFileError("not UTF-8: {}".format(error))
    except json.JSONDecodeError as error:
        raise DataFileError("invalid JSON: {}".format(error))
