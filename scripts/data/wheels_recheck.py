"""Re-check data/torch-wheels.json against the index (scripts/check-pypi --wheels).

Every wheel the table records (each release's torch wheel per platform, and
each file of the CUDA distributions its Requires-Dist pins) must still be on
the index under the same file name, with the same URL, size and SHA-256. PyPI
never lets a file name be uploaded twice, so a difference means the table was
edited by hand or the index is not PyPI's: either way the fetch would refuse
the file, and the table must be rebuilt (scripts/data/torch_wheels.py).
"""


def recorded_files(document):
    """(project, file record, where) for every wheel file the table records."""
    for release, record in document.get("releases", {}).items():
        for platform, wheel in (record.get("platforms") or {}).items():
            if not wheel:
                continue
            where = "torch {} {}".format(release, platform)
            yield "torch", wheel, where
            yield from _required_files(wheel.get("requires") or [], where)


def _required_files(requires, where):
    for requirement in requires:
        name = requirement.get("name")
        inner = "{}: {} {}".format(where, name, requirement.get("version"))
        if requirement.get("file"):
            yield name, requirement["file"], inner
        yield from _required_files(requirement.get("requires") or [], inner)


def _index_entry(index, filename):
    for entry in index.get("files", []):
        if entry.get("filename") == filename:
            return entry
    return None


def recheck(document, fetch_index):
    """Problems (one line each) and the number of files checked. fetch_index(project) returns
    the project's PEP 691 index (a dict) or raises OSError."""
    indexes = {}
    problems = []
    checked = 0
    for project, record, where in recorded_files(document):
        if project not in indexes:
            indexes[project] = fetch_index(project)
        checked += 1
        filename = record.get("filename")
        entry = _index_entry(indexes[project], filename)
        if entry is None:
            problems.append("{}: {} is not on the index".format(where, filename))
            continue
        published = (entry.get("hashes") or {}).get("sha256")
        if published != record.get("sha256"):
            problems.append("{}: {} has SHA-256 {} on the index, the table records {}".format(
                where, filename, published, record.get("sha256")))
        if entry.get("url") != record.get("url"):
            problems.append("{}: {} is at {} on the index, the table records {}".format(
                where, filename, entry.get("url"), record.get("url")))
        if "size" in entry and record.get("size") is not None and entry["size"] != record["size"]:
            problems.append("{}: {} is {} bytes on the index, the table records {}".format(
                where, filename, entry["size"], record["size"]))
        if entry.get("yanked"):
            problems.append("{}: {} is yanked on the index".format(where, filename))
    return problems, checked
