"""Compare data/torch-releases.json with what PyPI says now.

Two kinds of checks, both fed by the same PyPI facts (pypi_facts.collect()):
  * direct ones, independent of how the table was built: the release list, and every
    exact torch pin of every torchvision/torchaudio wheel;
  * a rebuild of every record from the facts, field by field, which catches drift in
    dates, Python lists, platforms and the default CUDA.
Each disagreement is one human-readable line.
"""

import torch_releases

IGNORED_FIELDS = ("sources", "notes")


def check_release_list(document, facts):
    problems = []
    releases = document["releases"]
    on_pypi = {v for v in facts["torch_versions"]
               if torch_releases.version_tuple(v) >= torch_releases.FIRST_TORCH}
    for version in sorted(on_pypi - set(releases), key=torch_releases.version_tuple):
        problems.append("torch {}: on PyPI but missing from the table".format(version))
    for version, record in releases.items():
        if record.get("on_pypi") and version not in on_pypi:
            problems.append("torch {}: table says on_pypi but PyPI does not serve it".format(version))
        if record.get("on_pypi") is False and version in on_pypi:
            problems.append("torch {}: table says not on PyPI but PyPI serves it".format(version))
    return problems


def check_companion_pins(document, facts, project):
    """Every exact pin of a live companion wheel must be reflected in the table."""
    problems, checked = [], 0
    releases = document["releases"]
    for companion, record in sorted(facts[project].items(),
                                    key=lambda item: torch_releases.version_tuple(item[0])):
        if record["yanked"]:
            continue
        for platform, wheel in sorted(record["wheels"].items()):
            for spec in wheel["torch_requirements"]:
                pinned = torch_releases.exact_pin(spec)
                if not pinned:
                    continue
                checked += 1
                if pinned not in releases:
                    problems.append("{} {} ({}) pins torch {} which the table lacks".format(
                        project, companion, platform, pinned))
                elif companion not in releases[pinned].get(project + "_pinned_by", []):
                    problems.append("{} {} ({}) pins torch {} but the table's {}_pinned_by is {}".format(
                        project, companion, platform, pinned, project,
                        releases[pinned].get(project + "_pinned_by")))
    for version, record in releases.items():
        named = record.get(project)
        if record.get(project + "_basis") == "wheel-pin" and named not in facts[project]:
            problems.append("torch {}: table names {} {} which PyPI does not serve".format(
                version, project, named))
    return problems, checked


def check_rebuild(document, facts):
    """Rebuild every record from the facts and report field differences."""
    problems = []
    rebuilt = torch_releases.build_document(facts)["releases"]
    for version in sorted(set(rebuilt) & set(document["releases"]), key=torch_releases.version_tuple):
        ours, theirs = document["releases"][version], rebuilt[version]
        for field in sorted(set(ours) | set(theirs)):
            if field in IGNORED_FIELDS:
                continue
            if ours.get(field) != theirs.get(field):
                problems.append("torch {}: {}: table says {!r}, PyPI now says {!r}".format(
                    version, field, ours.get(field), theirs.get(field)))
    return problems


def recheck(document, facts):
    """(disagreements, counts) for the table against the facts."""
    problems = check_release_list(document, facts)
    vision_problems, vision_checked = check_companion_pins(document, facts, "torchvision")
    audio_problems, audio_checked = check_companion_pins(document, facts, "torchaudio")
    problems += vision_problems + audio_problems + check_rebuild(document, facts)
    counts = {"torch_releases": len(document["releases"]),
              "torchvision_pins": vision_checked, "torchaudio_pins": audio_checked,
              "torchvision_releases": len(facts["torchvision"]),
              "torchaudio_releases": len(facts["torchaudio"])}
    return problems, counts


def check_recorded_state(document, record):
    """Offline: disagreements between the table and what its recorded check saw on PyPI
    (data/pypi-check.json), so a table edited after its check, or a check recorded
    against another table, is caught without the network."""
    problems = []
    state = record.get("index_state")
    if not state:
        return ["the recorded check holds no index state: run scripts/check-pypi --record"]
    releases = document["releases"]
    seen = {v for v in state["torch"]["releases"]
            if torch_releases.version_tuple(v) >= torch_releases.FIRST_TORCH}
    on_pypi = {v for v, r in releases.items() if r.get("on_pypi")}
    for version in sorted(seen - on_pypi, key=torch_releases.version_tuple):
        problems.append("torch {}: the recorded check saw it on PyPI but the table has no "
                        "on_pypi record".format(version))
    for version in sorted(on_pypi - seen, key=torch_releases.version_tuple):
        problems.append("torch {}: the table says on_pypi but the recorded check did not see it".format(version))
    for project in ("torchvision", "torchaudio"):
        named = set()
        for r in releases.values():
            named.add(r.get(project))
            named.update(r.get(project + "_pinned_by") or [])
        yanked = set(state[project]["yanked"])
        for version in state[project]["releases"]:
            if version not in named and version not in yanked:
                problems.append("{} {}: the recorded check saw it on PyPI (not yanked) but no torch "
                                "record names it".format(project, version))
    run = record.get("run", {})
    if run.get("torch_releases") != len(releases):
        problems.append("the recorded check compared {} torch records, the table has {}".format(
            run.get("torch_releases"), len(releases)))
    return problems
