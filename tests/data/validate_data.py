#!/usr/bin/env python3
"""Validate every data/*.json file of the compatibility table.

Usage: validate_data.py [--data-dir DIR]
Prints one line per problem ("<file>: <problem>") and exits 1 if there is any.
A file the table will have but does not have yet is listed as absent, not failed.
"""

import argparse
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from datacheck import conventions, cross_checks, file_rules  # noqa: E402
from datacheck.loading import DataFileError, load_strict  # noqa: E402


# data/ conventions: small enough for CMake's string(JSON) at configure time.
MAX_FILE_BYTES = 400 * 1024


def validate_file(path, problems):
    """Check one file on its own; returns the parsed document for the cross-file checks."""
    name = os.path.basename(path)

    def report(message):
        problems.append("{}: {}".format(name, message))

    if os.path.getsize(path) > MAX_FILE_BYTES:
        report("file is {} bytes; the table's files stay under {} bytes".format(
            os.path.getsize(path), MAX_FILE_BYTES))
    try:
        document = load_strict(path)
    except DataFileError as error:
        report(str(error))
        return None
    if not conventions.check_top_level(document, report):
        return None
    source_ids = conventions.check_sources_map(document, report)
    check_members(document, file_rules.rules_for(name), source_ids, report)
    return document


def check_members(document, rules, source_ids, report):
    """Records of every kind the file's rules declare, then the file's own field rules."""
    for member in rules.required:
        if member not in document:
            report("missing top-level member '{}'".format(member))
    not_version_maps = rules.name_maps + rules.single_records + tuple(rules.nested_maps)
    version_maps = conventions.record_maps(document, rules.version_maps, exclude=not_version_maps)
    if not version_maps and not not_version_maps:
        report("no record maps found")
    for map_name in version_maps:
        conventions.check_record_map(map_name, document[map_name], source_ids, report)
    for map_name in (m for m in rules.name_maps if m in document):
        conventions.check_record_map(map_name, document[map_name], source_ids, report,
                                     key_parser=conventions.parse_name, ordered=False)
    for map_name, key_parsers in rules.nested_maps.items():
        if map_name in document:
            conventions.check_nested_record_map(map_name, document[map_name], key_parsers, source_ids, report)
    for record_name in (r for r in rules.single_records if r in document):
        conventions.check_record_sources(record_name, document[record_name], source_ids, report)
    if rules.extra_checks:
        rules.extra_checks(document, report)


def validate_directory(data_dir):
    problems, documents = [], {}
    paths = sorted(glob.glob(os.path.join(data_dir, "*.json")))
    for path in paths:
        document = validate_file(path, problems)
        if document is not None:
            documents[os.path.basename(path)] = document
    torch_keyed = {name: file_rules.rules_for(name).torch_keyed for name in documents}
    cross_checks.check_cross_file(documents, torch_keyed, problems.append)
    return paths, problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    parser.add_argument("--data-dir", default=default_dir)
    args = parser.parse_args(argv)
    paths, problems = validate_directory(args.data_dir)
    present = {os.path.basename(p) for p in paths}
    for name in file_rules.EXPECTED_FILES:
        if name not in present:
            print("note: {} not present yet (skipped)".format(name))
    for problem in problems:
        print("ERROR: " + problem)
    print("{} file(s) checked, {} problem(s)".format(len(paths), len(problems)))
    return 1 if problems or not paths else 0


if __name__ == "__main__":
    sys.exit(main())
