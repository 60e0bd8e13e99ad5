#!/usr/bin/env python3
"""Verdict snapshots (issue 15): the same situation rendered as the guard's
CMake message, as `torchcompat check` text and as its JSON agree field by
field, and the verdict the JSON carries is the one the guard decided in CMake.

    verdict_snapshot.py <bin/torchcompat> <cmake package dir> <work dir>

For each situation the guard runs in a cmake -P script (torchcompat_require
with MESSAGE_VARIABLE and VERDICT_VARIABLE), and the command runs with the
same versions and machine. Fields compared: the answer; every check, by
status (the message's bullets, the text's "problem:"/"not verified:"/"cpu
only:"/"passed:" lines, the JSON's lists; the message leaves out the checks
that passed, as documented); the machine checked against; every way out, in
order (the message's "Ways out:" bullets, the JSON's actions, the text's
"fix:"/"to use the GPU:" lines); the machine record with its sources.
"""
import json
import os
import subprocess
import sys

CLI, PACKAGE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
GPU = {"TORCHCOMPAT_OVERRIDE_DRIVER": "550.54.14", "TORCHCOMPAT_OVERRIDE_CUDA": "12.4",
       "TORCHCOMPAT_OVERRIDE_GPU_ARCHS": "8.6"}
OLD = dict(GPU, TORCHCOMPAT_OVERRIDE_DRIVER="470.82.01", TORCHCOMPAT_OVERRIDE_CUDA="11.4")
NO_GPU = dict(GPU, TORCHCOMPAT_OVERRIDE_GPU_ARCHS="")
# (name, command arguments, guard arguments, machine)
SITUATIONS = [
    ("pair-and-driver", ["2.4.0", "0.18.0", "--variant", "cu121"],
     ["TORCH", "2.4.0", "TORCHVISION", "0.18.0", "VARIANT", "cu121"], OLD),
    ("cpu-only", ["2.4.0+cu121"], ["TORCH", "2.4.0+cu121"], NO_GPU),
    ("works", ["2.4.0", "0.19.0", "--variant", "cu121", "--python-version", "3.11"],
     ["TORCH", "2.4.0", "TORCHVISION", "0.19.0", "VARIANT", "cu121", "PYTHON", "3.11"], GPU),
    ("python", ["2.4.0", "--variant", "cpu", "--python-version", "3.13"],
     ["TORCH", "2.4.0", "VARIANT", "cpu", "PYTHON", "3.13"], GPU),
    # The command cannot give the pair fix as a command (no torchvision 0.14.0
    # wheel for Python 3.11): the same way out, its words and why.
    ("companion-no-wheel", ["1.13.0", "1.4.0", "--variant", "cpu", "--python-version", "3.11"],
     ["TORCH", "1.13.0", "TORCHVISION", "1.4.0", "VARIANT", "cpu", "PYTHON", "3.11"], GPU),
]
LABELS = {"fails": "problem", "unverified": "not verified", "cpu-only": "cpu only",
          "passes": "passed"}
JSON_KEYS = {"fails": "problems", "unverified": "unverified", "cpu-only": "cpu_only",
             "passes": "passed"}
SUMMARY = {"works": "works: every check passed", "cpu-only": "works on the CPU only: ",
           "unverified": "unverified: "}
failures = []


def environment(machine):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TORCHCOMPAT_OVERRIDE_")}
    env.update(machine)
    return env


def guard(name, arguments, machine):
    """The guard in CMake: its message and its verdict."""
    folder = os.path.join(WORK, name)
    os.makedirs(folder, exist_ok=True)
    script = os.path.join(folder, "guard.cmake")
    quoted = " ".join(f'"{a}"' for a in arguments)
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(
            # The probe the command is given (its front end passes it the same way).
            'set(TORCHCOMPAT_PROBE_EXECUTABLE "$ENV{TORCHCOMPAT_PROBE_EXECUTABLE}")\n'
            f'find_package(TorchCompat REQUIRED PATHS "{PACKAGE}" NO_DEFAULT_PATH)\n'
            f"torchcompat_require({quoted} RESULT_VARIABLE ok MESSAGE_VARIABLE text "
            "VERDICT_VARIABLE verdict)\n"
            f'file(WRITE "{folder}/message.txt" "${{text}}")\n'
            f'file(WRITE "{folder}/verdict.json" "${{verdict}}")\n')
    result = subprocess.run(["cmake", "-P", script], env=environment(machine),
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        failures.append(f"{name}: the guard script failed:\n{result.stderr}")
        return None, None
    with open(os.path.join(folder, "message.txt"), encoding="utf-8") as handle:
        message = handle.read()
    with open(os.path.join(folder, "verdict.json"), encoding="utf-8") as handle:
        verdict = json.load(handle)
    return message, verdict


def command(arguments, machine):
    env = environment(machine)
    text = subprocess.run([CLI, "check"] + arguments, env=env, capture_output=True, text=True,
                          timeout=120)
    data = subprocess.run([CLI, "--format", "json", "check"] + arguments, env=env,
                          capture_output=True, text=True, timeout=120)
    return text, data


def bullets(message, heading):
    """The "  - item" lines under a heading of the message (up to the next heading)."""
    items, inside = [], False
    for line in message.splitlines():
        if line.startswith(heading) or (heading.endswith(":") and heading in line
                                         and line.startswith("TorchCompat:")):
            inside = True
            continue
        if inside and line.startswith("  - "):
            items.append(line[4:])
        elif inside and line and not line.startswith("  "):
            inside = False
    return items


def compare(name, message, verdict, text, answer):
    def differ(what, expected, got):
        if expected != got:
            failures.append(f"{name}: {what}:\n  CMake/verdict: {expected}\n  other: {got}")

    differ("the JSON's guard is the CMake verdict", verdict, answer["guard"])
    differ("answer (JSON)", verdict["answer"], answer["verdict"])
    lines = text.stdout.splitlines()
    if verdict["answer"] in SUMMARY and not any(l.startswith(SUMMARY[verdict["answer"]])
                                                for l in lines):
        failures.append(f"{name}: no '{SUMMARY[verdict['answer']]}' line in the text")
    for status, label in LABELS.items():
        reasons = [c["reason"] for c in verdict["checks"] if c["status"] == status]
        differ(f"{status} checks (JSON)", reasons, answer[JSON_KEYS[status]])
        differ(f"{status} checks (text)", reasons,
               [l[len(label) + 2:] for l in lines if l.startswith(label + ": ")])
        if status == "passes":
            continue
        for reason in reasons:
            # The message names each check whole, as a bullet or an "Also:" line.
            if f"  - {reason}" not in message and f"Also: {reason}" not in message \
                    and f": {reason}" not in message:
                failures.append(f"{name}: the {status} check is not in the message: {reason}")
    if verdict["checked_against"]:
        differ("checked against (text)", [verdict["checked_against"]],
               [l[len("checked against: "):] for l in lines if l.startswith("checked against: ")])
        # The configure's message names the machine when the guard fails.
        if verdict["answer"] in ("problem", "unverified"):
            differ("checked against (message)", True,
                   f"Checked against: {verdict['checked_against']}" in message)
    ways = [w["text"] for w in verdict["ways_out"]]
    differ("ways out (message)", ways, bullets(message, "Ways out:"))
    differ("ways out (JSON actions)", [(w["kind"], w["text"], w["cmake"]) for w in verdict["ways_out"]],
           [(a["kind"], a["text"], a["cmake"]) for a in answer["actions"]])
    rendered = [l.split(": ", 1)[1] for l in lines if l.startswith(("fix: ", "to use the GPU: "))]
    for action in answer["actions"]:
        if action["addresses"] == "cpu-only" and action["kind"] != "driver":
            continue
        # A way out without a command here is its words, with why (its note).
        wanted = action["command"] or action["text"] + (
            ": " + action["note"] if action.get("note") else "")
        if wanted not in rendered:
            failures.append(f"{name}: way out '{wanted}' is not a fix line of the text")
    machine = verdict["machine"]
    for fact in ("driver", "driver_cuda", "cudnn"):
        if machine and machine[fact] and not machine["sources"][fact]:
            failures.append(f"{name}: machine fact {fact} has no source")


def main():
    os.makedirs(WORK, exist_ok=True)
    for name, arguments, guard_arguments, machine in SITUATIONS:
        message, verdict = guard(name, guard_arguments, machine)
        if verdict is None:
            continue
        text, data = command(arguments, machine)
        try:
            answer = json.loads(data.stdout)
        except ValueError:
            failures.append(f"{name}: check --format json is not JSON:\n{data.stdout}{data.stderr}")
            continue
        before = len(failures)
        compare(name, message, verdict, text, answer)
        print(f"{'ok' if len(failures) == before else 'FAIL'}: {name}: {verdict['answer']}, "
              f"{len(verdict['checks'])} checks, {len(verdict['ways_out'])} ways out")
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
