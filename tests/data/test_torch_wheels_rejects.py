#!/usr/bin/env python3
"""The validator must fail, naming the problem, on corrupted copies of data/torch-wheels.json.

Like test_validator_rejects.py: each case copies data/, corrupts one thing in
torch-wheels.json and checks that validate_data.py exits 1 with a message naming
it; the untouched copy's output must not contain that message.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_validator_rejects import DATA_DIR, load, run_cases, save  # noqa: E402

WHEELS = "torch-wheels.json"


def _document(data_dir):
    path = os.path.join(data_dir, WHEELS)
    return path, load(path)


def _newest_with_requires(document):
    return next(v for v in reversed(list(document["releases"]))
                if any(p.get("requires") for p in document["releases"][v]["platforms"].values()))


def bad_sha256(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[-1]
    document["releases"][version]["platforms"]["linux-x86_64"]["sha256"] = "ABC123"
    save(path, document)
    return "releases['{}'].platforms['linux-x86_64']: field 'sha256' must be 64 lowercase hex digits".format(version)


def filename_of_another_platform(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[-1]
    platforms = document["releases"][version]["platforms"]
    platforms["linux-aarch64"]["filename"] = platforms["linux-x86_64"]["filename"]
    save(path, document)
    return "releases['{}'].platforms['linux-aarch64']: filename {} does not match".format(
        version, platforms["linux-x86_64"]["filename"])


def unknown_release(data_dir):
    path, document = _document(data_dir)
    last = list(document["releases"])[-1]
    document["releases"]["99.0.0"] = document["releases"][last]
    save(path, document)
    return "torch release '99.0.0' is not in torch-releases.json"


def releases_not_ascending(data_dir):
    path, document = _document(data_dir)
    items = list(document["releases"].items())
    items[0], items[1] = items[1], items[0]
    document["releases"] = dict(items)
    save(path, document)
    return "'releases' keys are not in ascending version order: '{}' comes after '{}'".format(
        items[1][0], items[0][0])


def unknown_source(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[0]
    document["releases"][version]["sources"].append("no-such-source")
    save(path, document)
    return "releases['{}']: source 'no-such-source' is not in the file's sources map".format(version)


def url_not_on_pypi(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[-1]
    entry = document["releases"][version]["platforms"]["windows-x86_64"]
    entry["url"] = "https://example.org/" + entry["filename"]
    save(path, document)
    return "releases['{}'].platforms['windows-x86_64']: field 'url' must be a url on files.pythonhosted.org".format(
        version)


def dependency_bad_hash(data_dir):
    path, document = _document(data_dir)
    version = _newest_with_requires(document)
    requirement = next(r for r in document["releases"][version]["platforms"]["linux-x86_64"]["requires"]
                       if r.get("file"))
    requirement["file"]["sha256"] = "0" * 63
    save(path, document)
    return "field 'sha256' must be 64 lowercase hex digits, found '{}'".format("0" * 63)


def glibc_floor_on_windows(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[-1]
    document["releases"][version]["platforms"]["windows-x86_64"]["glibc_floor"] = "2.28"
    save(path, document)
    return "releases['{}'].platforms['windows-x86_64']: glibc_floor must be set exactly for Linux wheels".format(
        version)


def cuda_variant_without_toolkit(data_dir):
    path, document = _document(data_dir)
    version = list(document["releases"])[-1]
    document["releases"][version]["platforms"]["linux-x86_64"]["variant"] = "cu999"
    save(path, document)
    return "CUDA variant 'cu999' (CUDA 99.9) has no toolkit release"


CASES = (bad_sha256, filename_of_another_platform, unknown_release, releases_not_ascending, unknown_source,
         url_not_on_pypi, dependency_bad_hash, glibc_floor_on_windows, cuda_variant_without_toolkit)


def main():
    if not os.path.exists(os.path.join(DATA_DIR, WHEELS)):
        print("FAIL: data/{} is missing".format(WHEELS))
        return 1
    return run_cases(CASES)


if __name__ == "__main__":
    sys.exit(main())
