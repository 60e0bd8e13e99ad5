#!/usr/bin/env python3
"""Replays pytorch/test-infra's binary build matrix generator at each stable release.

The generator (tools/scripts/generate_binary_build_matrix.py) is what PyTorch's release
validation uses to print the official libtorch download URLs and wheel install commands for the
"release" channel. Running it as it stood when each CURRENT_STABLE_VERSION was current gives, per
release, the libtorch archive URLs and wheel variants PyTorch itself advertised at the time.

Usage: libtorch_matrix_history.py <test-infra git dir> <output dir> [--candidate VERSION=COMMIT ...]
Writes <output dir>/<version>@<commit>.json: {"version", "commit", "date", "matrix": {os: {pkg: [...]}}}.
--candidate replays one commit with --channel test instead, for a release that never became
CURRENT_STABLE_VERSION in the history read: its release-candidate validation matrix
(CURRENT_CANDIDATE_VERSION), written as <version>@<commit>-test.json with "channel": "test".
The fetched script runs in a temporary directory with a cleared environment; nothing of it is kept.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

GENERATOR = "tools/scripts/generate_binary_build_matrix.py"
OPERATING_SYSTEMS = ["linux", "linux-aarch64", "windows", "macos", "macos-arm64"]
PACKAGE_TYPES = ["libtorch", "wheel"]


def git(gitdir, *args):
    return subprocess.run(["git", "-C", gitdir, *args], check=True,
                          capture_output=True, text=True).stdout


def stable_version_commits(gitdir):
    """First and last commit of each run of an unchanged CURRENT_STABLE_VERSION."""
    log = git(gitdir, "log", "--reverse", "--format=%H %cs", "--", GENERATOR).split("\n")
    runs = []
    for line in filter(None, log):
        commit, date = line.split()
        text = git(gitdir, "show", f"{commit}:{GENERATOR}")
        match = re.search(r'^CURRENT_STABLE_VERSION\s*=\s*"([^"]+)"', text, re.M)
        version = match.group(1) if match else None
        if runs and runs[-1]["version"] == version:
            runs[-1]["last"] = (commit, date)
        else:
            runs.append({"version": version, "first": (commit, date), "last": (commit, date)})
    return runs


def run_generator(script, os_name, package_type, channel="release"):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = subprocess.run(
        [sys.executable, script, "--operating-system", os_name, "--channel", channel,
         "--package-type", package_type],
        capture_output=True, text=True, env=env, cwd=os.path.dirname(script), timeout=60)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:] }
    return json.loads(result.stdout)["include"]


def replay(gitdir, commit, date, version, outdir, channel="release"):
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "generate_binary_build_matrix.py")
        with open(script, "w") as f:
            f.write(git(gitdir, "show", f"{commit}:{GENERATOR}"))
        matrix = {o: {p: run_generator(script, o, p, channel) for p in PACKAGE_TYPES}
                  for o in OPERATING_SYSTEMS}
    suffix = "" if channel == "release" else "-" + channel
    path = os.path.join(outdir, f"{version}@{commit[:9]}{suffix}.json")
    document = {"version": version, "commit": commit, "date": date, "matrix": matrix}
    if channel != "release":
        document["channel"] = channel
    with open(path, "w") as f:
        json.dump(document, f, indent=1)
    return path


def replay_candidate(gitdir, spec, outdir):
    """VERSION=COMMIT: the commit must name VERSION as CURRENT_CANDIDATE_VERSION."""
    version, _, commit = spec.partition("=")
    text = git(gitdir, "show", f"{commit}:{GENERATOR}")
    if not re.search(r'^CURRENT_CANDIDATE_VERSION\s*=\s*"{}"'.format(re.escape(version)), text, re.M):
        sys.exit(f"{commit} does not name {version} as CURRENT_CANDIDATE_VERSION")
    full, date = git(gitdir, "log", "-1", "--format=%H %cs", commit).split()
    return replay(gitdir, full, date, version, outdir, channel="test")


def main():
    args = sys.argv[1:]
    candidates = [args[i + 1] for i, a in enumerate(args) if a == "--candidate" and i + 1 < len(args)]
    args = [a for i, a in enumerate(args) if a != "--candidate" and (i == 0 or args[i - 1] != "--candidate")]
    if len(args) != 2:
        sys.exit(__doc__)
    gitdir, outdir = args
    os.makedirs(outdir, exist_ok=True)
    if candidates:
        for spec in candidates:
            print(replay_candidate(gitdir, spec, outdir))
        return
    for run in stable_version_commits(gitdir):
        for which in ("first", "last"):
            commit, date = run[which]
            print(replay(gitdir, commit, date, run["version"], outdir))


if __name__ == "__main__":
    main()
