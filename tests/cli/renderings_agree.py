#!/usr/bin/env python3
"""One verdict, many renderings (issue 15): for each situation, `torchcompat
check` as text and as JSON say the same thing line by line, and both say what
the guard's verdict (the JSON's "guard") decided.

    renderings_agree.py <bin/torchcompat> <envs dir>
"""
import json
import os
import subprocess
import sys

CLI, ENVS = sys.argv[1], sys.argv[2]
GPU = {"TORCHCOMPAT_OVERRIDE_DRIVER": "550.54.14", "TORCHCOMPAT_OVERRIDE_CUDA": "12.4",
       "TORCHCOMPAT_OVERRIDE_GPU_ARCHS": "8.6"}
OLD = dict(GPU, TORCHCOMPAT_OVERRIDE_DRIVER="470.82.01", TORCHCOMPAT_OVERRIDE_CUDA="11.4")
NO_GPU = dict(GPU, TORCHCOMPAT_OVERRIDE_GPU_ARCHS="")
SITUATIONS = [
    (["check", "--python", os.path.join(ENVS, "mismatch/bin/python")], GPU),
    (["check", "--python", os.path.join(ENVS, "pypi-cu124/bin/python")], OLD),
    (["check", "--python", os.path.join(ENVS, "pypi-cu124/bin/python")], NO_GPU),
    (["check", "--python", os.path.join(ENVS, "debian-mix/bin/python")], GPU),
    (["check", "2.4.0", "--python-version", "3.13"], NO_GPU),
    (["check", "2.4.0", "0.18.0", "--variant", "cu121"], OLD),
]
LABELS = [("notes", "note"), ("problems", "problem"), ("unverified", "not verified"),
          ("cpu_only", "cpu only"), ("fixes", "fix"), ("to_use_the_gpu", "to use the GPU"),
          ("passed", "passed")]
SUMMARY = {"works": "works: every check passed", "cpu-only": "works on the CPU only: ",
           "unverified": "unverified: ", "problem": None}


def run(arguments, machine):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TORCHCOMPAT_OVERRIDE_")}
    env.update(machine)
    text = subprocess.run([CLI] + arguments, env=env, capture_output=True, text=True, timeout=120)
    data = subprocess.run([CLI, "--format", "json"] + arguments, env=env, capture_output=True,
                          text=True, timeout=120)
    return text, data


def main():
    failures = []
    for arguments, machine in SITUATIONS:
        what = " ".join(arguments[:1] + [os.path.basename(os.path.dirname(os.path.dirname(a)))
                                          if a.endswith("/python") else a for a in arguments[1:]])
        text, data = run(arguments, machine)
        if text.returncode != data.returncode:
            failures.append(f"{what}: exit {text.returncode} as text, {data.returncode} as JSON")
        answer = json.loads(data.stdout)
        expected = []
        for key, label in LABELS:
            expected += [f"{label}: {item}" for item in answer[key]]
        lines = [line for line in text.stdout.splitlines()
                 if not line.startswith(("Python: ", "checked against: ", "works", "unverified: "))]
        if lines != expected:
            failures.append(f"{what}: text lines\n  {lines}\nJSON says\n  {expected}")
        summary = SUMMARY[answer["verdict"]]
        if summary and summary not in text.stdout:
            failures.append(f"{what}: verdict {answer['verdict']} but no '{summary}' in the text")
        guard = answer["guard"]
        if guard:
            if answer["verdict"] != guard["answer"]:
                failures.append(f"{what}: verdict {answer['verdict']}, guard {guard['answer']}")
            for check in guard["checks"]:
                label = {"fails": "problem", "unverified": "not verified",
                         "cpu-only": "cpu only", "passes": "passed"}[check["status"]]
                if f"{label}: {check['reason']}" not in text.stdout.splitlines():
                    failures.append(f"{what}: the guard's {check['status']} check is not a "
                                    f"'{label}:' line: {check['reason']}")
            if guard["checked_against"] and \
                    f"checked against: {guard['checked_against']}" not in text.stdout.splitlines():
                failures.append(f"{what}: the machine is not rendered whole")
        print(f"{'ok' if not failures else '..'}: {what}: {answer['verdict']}")
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
