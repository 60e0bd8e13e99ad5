"""Checks every data file must pass (data/ conventions shared by all table files)."""

import re

from . import versions
from .field_types import is_date

RESERVED_TOP_LEVEL = {"schema_version", "description", "sources", "notes", "known_gaps"}
_SOURCE_FIELDS = ("title", "url", "retrieved", "notes")


def check_top_level(document, report):
    if not isinstance(document, dict):
        report("top level is not a JSON object")
        return False
    if document.get("schema_version") != 1:
        report("schema_version must be the integer 1, found {!r}".format(document.get("schema_version")))
    if not isinstance(document.get("description"), str) or not document["description"].strip():
        report("missing or empty 'description'")
    return True


def check_sources_map(document, report):
    sources = document.get("sources")
    if not isinstance(sources, dict) or not sources:
        report("missing or empty 'sources' map")
        return set()
    for source_id, source in sources.items():
        if not isinstance(source, dict):
            report("source '{}' is not an object".format(source_id))
            continue
        for field in _SOURCE_FIELDS:
            if not isinstance(source.get(field), str) or not source[field].strip():
                report("source '{}' lacks a non-empty '{}'".format(source_id, field))
        url = source.get("url")
        if isinstance(url, str) and not url.startswith(("https://", "http://")):
            report("source '{}' has a url that is not http(s): {}".format(source_id, url))
        if "retrieved" in source and not is_date(source["retrieved"]):
            report("source '{}' retrieved date is not YYYY-MM-DD: {!r}".format(
                source_id, source["retrieved"]))
    return set(sources)


_NAME_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


def parse_name(text):
    """Identifier keys (era names, rule names) sort by plain string order."""
    return text if isinstance(text, str) and _NAME_KEY_RE.match(text) else None


def record_maps(document, declared=None, exclude=()):
    """The version-keyed record maps: the declared ones, else every object-valued top-level key."""
    if declared is not None:
        return [name for name in declared if name in document]
    return [name for name, value in document.items()
            if name not in RESERVED_TOP_LEVEL and name not in exclude and isinstance(value, dict)]


def check_record_map(name, records, source_ids, report, key_parser=versions.parse_version,
                     ordered=True):
    if not isinstance(records, dict):
        report("'{}' is not an object keyed by version".format(name))
        return
    if not records:
        report("'{}' has no records".format(name))
    for key, record in records.items():
        where = "{}['{}']".format(name, key)
        if key_parser(key) is None:
            report("{}: key is not a {}".format(
                where, "version string" if key_parser is versions.parse_version else "name"))
        check_record_sources(where, record, source_ids, report)
    if ordered and all(key_parser(key) is not None for key in records):
        unsorted = versions.first_unsorted(list(records), key_parser)
        if unsorted:
            report("'{}' keys are not in ascending version order: '{}' comes after '{}'".format(
                name, unsorted[1], unsorted[0]))


def check_record_sources(where, record, source_ids, report):
    if not isinstance(record, dict):
        report("{}: record is not an object".format(where))
        return
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources:
        report("{}: record has no 'sources'".format(where))
        return
    for source_id in sources:
        if source_id not in source_ids:
            report("{}: source '{}' is not in the file's sources map".format(where, source_id))
    if "notes" in record and not isinstance(record["notes"], str):
        report("{}: 'notes' must be a string".format(where))


def check_nested_record_map(name, tree, key_parsers, source_ids, report):
    """A map of maps (e.g. release -> variant -> platform) whose leaves are the records.

    key_parsers gives one parser per level; only the first level must be in ascending
    version order (inner levels are small fixed sets).
    """
    if not isinstance(tree, dict) or not tree:
        report("'{}' is not a non-empty object".format(name))
        return
    first_parser, inner_parsers = key_parsers[0], key_parsers[1:]
    for key in tree:
        if first_parser(key) is None:
            report("{}['{}']: key is not valid at this level".format(name, key))
    if all(first_parser(key) is not None for key in tree):
        unsorted = versions.first_unsorted(list(tree), first_parser)
        if unsorted:
            report("'{}' keys are not in ascending version order: '{}' comes after '{}'".format(
                name, unsorted[1], unsorted[0]))
    for key, subtree in tree.items():
        where = "{}['{}']".format(name, key)
        if not inner_parsers:
            check_record_sources(where, subtree, source_ids, report)
        elif not isinstance(subtree, dict):
            report("{}: is not an object".format(where))
        else:
            for inner_key in subtree:
                if inner_parsers[0](inner_key) is None:
                    report("{}['{}']: key is not valid at this level".format(where, inner_key))
            for inner_key, leaf in subtree.items():
                _check_inner(where + "['{}']".format(inner_key), leaf, inner_parsers[1:], source_ids, report)


def _check_inner(where, node, parsers, source_ids, report):
    if not parsers:
        check_record_sources(where, node, source_ids, report)
        return
    if not isinstance(node, dict):
        report("{}: is not an object".format(where))
        return
    for key, child in node.items():
        if parsers[0](key) is None:
            report("{}['{}']: key is not valid at this level".format(where, key))
        _check_inner(where + "['{}']".format(key), child, parsers[1:], source_ids, report)
