"""What changed on PyPI since the recorded check (data/pypi-check.json).

A clean `scripts/check-pypi --record` run keeps, per project (torch, torchvision,
torchaudio), the final releases PyPI served, the yanked ones, and the newest file
upload time it saw. A scheduled job then runs `scripts/check-pypi --changes`, which
reads only the three simple indexes (plus the METADATA of a new companion release,
to show which torch it asks for) and lists, one reviewable line each:

  NEW RELEASE   a final release the recorded check did not see
  NEW FILES     files of a known release uploaded after the recorded check
  YANKED / UNYANKED / GONE   a release whose status changed

PyPI's own upload times are compared, not the clock of the machine that ran the
check, so a late or early clock cannot hide a file.
"""

import pypi_facts
import pypi_index
import pypi_remote_wheel

PROJECTS = ("torch", "torchvision", "torchaudio")


def fetch_indexes(index_url):
    return {project: pypi_index.fetch_index(project, index_url) for project in PROJECTS}


def _platforms(files):
    names = set()
    for entry in files:
        wheel = pypi_index.parse_wheel_filename(entry["filename"])
        if wheel:
            names.add(pypi_index.platform_name(wheel["platform"]) or wheel["platform"])
    return sorted(names)


def _torch_requirement(files):
    """What a companion release's wheels ask of torch, in words (one wheel per platform)."""
    asked = set()
    for entry in pypi_facts.representative_wheels(files).values():
        requirements = pypi_remote_wheel.requires_dist(
            pypi_remote_wheel.read_metadata(entry["url"], entry["size"]))
        specs = pypi_facts.torch_pin(requirements)["torch_requirements"]
        asked.add("torch" + ",".join(specs) if specs else "no torch requirement")
    return ", ".join(sorted(asked)) or "no wheels"


def changes(recorded, indexes, read_metadata=True):
    """Reviewable lines for what PyPI serves now against the recorded projects."""
    lines = []
    for project in PROJECTS:
        before = recorded.get(project)
        grouped = {v: files for v, files in pypi_index.files_by_version(indexes[project]).items()
                   if pypi_index.is_final_release(v)}
        if before is None:
            lines.append("UNRECORDED: {}: the recorded check kept no state for it; run "
                         "scripts/check-pypi --record".format(project))
            continue
        known = set(before["releases"])
        for version in sorted(grouped, key=pypi_index.version_key):
            files = grouped[version]
            if version not in known:
                detail = "{}, {} file(s), platforms: {}".format(
                    pypi_facts.upload_date(files), len(files), ", ".join(_platforms(files)) or "none")
                if project != "torch" and read_metadata:
                    detail += "; its wheels ask for " + _torch_requirement(files)
                lines.append("NEW RELEASE: {} {} ({})".format(project, version, detail))
                continue
            newer = sorted(entry["filename"] for entry in files
                           if before["newest_upload"] and entry["upload-time"] > before["newest_upload"])
            if newer:
                lines.append("NEW FILES: {} {}: {} file(s) uploaded after the recorded check: {}".format(
                    project, version, len(newer), ", ".join(newer)))
        yanked_now = {v for v, files in grouped.items() if all(entry["yanked"] for entry in files)}
        yanked_before = set(before["yanked"])
        for version in sorted(yanked_now - yanked_before, key=pypi_index.version_key):
            if version in known:
                lines.append("YANKED: {} {}".format(project, version))
        for version in sorted((yanked_before - yanked_now) & set(grouped), key=pypi_index.version_key):
            lines.append("UNYANKED: {} {}".format(project, version))
        for version in sorted(known - set(grouped), key=pypi_index.version_key):
            lines.append("GONE: {} {}: the recorded check saw it, PyPI no longer serves it".format(
                project, version))
    return lines
