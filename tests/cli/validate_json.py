#!/usr/bin/env python3
"""Checks that a file holds exactly one JSON object of the shape docs/cli.md
documents for the torchcompat command that printed it ("command", or the
error object). Exit 0 when it does; else says what is wrong and exits 1.

    validate_json.py <file>
"""
import json
import sys

STR, INT, BOOL, OBJ, ARR, NULL = str, int, bool, dict, list, type(None)
OPT_STR = (str, NULL)
OPT_OBJ = (dict, NULL)

ACTION = {"kind": STR, "text": STR, "cmake": OPT_STR, "command": OPT_STR,
          "package": OPT_STR, "version": OPT_STR, "release": OPT_STR,
          "variant": OPT_STR, "addresses": OPT_STR}
CLI_ACTION = dict(ACTION, uv=OPT_STR, note=OPT_STR, offered=BOOL)
VERDICT = {"schema_version": INT, "answer": STR, "ok": BOOL, "accept_unverified": BOOL,
           "subject": STR, "torch": OPT_STR, "variant": OPT_STR, "checks": ARR,
           "notes": ARR, "checked_against": OPT_STR, "machine": OPT_OBJ, "ways_out": ARR,
           "tables_checked": OPT_STR}
CHECK = {"status": STR, "reason": STR}
MACHINE = {"known": BOOL, "amd": OBJ, "intel": OBJ,
           "driver": OPT_STR, "driver_cuda": OPT_STR, "driver_from": OPT_STR,
           "driver_reason": OPT_STR, "gpu_archs": ARR, "gpus": ARR, "gpu_reason": OPT_STR,
           "cudnn": OPT_STR, "source": OPT_STR, "sources": OBJ}
# Where each machine fact came from: every fact that is there names its source.
SOURCES = {"driver": OPT_STR, "driver_cuda": OPT_STR, "gpus": OPT_STR, "cudnn": OPT_STR}
CHECK_STATUSES = ("fails", "unverified", "cpu-only", "passes")
LIBTORCH = {"variant": OPT_STR, "url": OPT_STR, "reason": OPT_STR, "none": OPT_STR,
            "source": OPT_STR}
WHEEL = {"variant": OPT_STR, "index": OPT_STR, "pip": OPT_STR, "uv": OPT_STR, "reason": OPT_STR,
         "note": OPT_STR}
ANSWERS = {"works", "cpu-only", "problem", "unverified"}

SCHEMAS = {
    "check": {"schema_version": INT, "command": STR, "verdict": STR, "subject": OBJ,
              "python": OPT_OBJ, "problems": ARR, "unverified": ARR, "cpu_only": ARR,
              "to_use_the_gpu": ARR, "fixes": ARR, "passed": ARR, "actions": ARR, "notes": ARR,
              "checked_against": OPT_STR, "other_pythons": ARR, "guard": OPT_OBJ},
    "pip": {"schema_version": INT, "command": STR, "torch": STR, "platform": STR,
            "variant": OPT_STR, "index": STR, "answer": STR, "pip": OPT_STR, "uv": OPT_STR,
            "reason": OPT_STR, "problems": ARR, "notes": ARR, "cpu_only": ARR, "rejected": ARR},
    "url": {"schema_version": INT, "command": STR, "ok": BOOL, "url": OPT_STR,
            "variant": OPT_STR, "reason": OPT_STR, "source": STR, "warnings": ARR,
            "ways_out": ARR},
    "report": {"schema_version": INT, "command": STR, "torch": OPT_STR, "note": OPT_STR,
               "python_asked": STR, "other_pythons": ARR, "machine": OPT_OBJ, "builds": ARR,
               "libtorch": OBJ, "pip": OBJ, "text": OPT_STR},
    "version": {"schema_version": INT, "command": STR, "version": STR},
}
ERROR = {"schema_version": INT, "command": OPT_STR, "error": OBJ}
ERROR_BODY = {"status": INT, "kind": STR, "messages": ARR}
# torchcompat probe --format json passes the probe's own object on.
PROBE = {"schema_version": INT, "probe": OBJ, "driver": OBJ, "gpus": ARR, "python": OPT_OBJ}


def shape(where, value, fields, problems, exact=True):
    if not isinstance(value, dict):
        problems.append(f"{where}: not an object")
        return
    for key, kind in fields.items():
        if key not in value:
            problems.append(f"{where}: no '{key}'")
        elif not isinstance(value[key], kind) or (kind is INT and isinstance(value[key], bool)):
            problems.append(f"{where}.{key}: {type(value[key]).__name__}, not {kind}")
    if exact:
        extra = set(value) - set(fields)
        if extra:
            problems.append(f"{where}: undocumented {sorted(extra)}")


def strings(where, value, problems):
    if not all(isinstance(item, str) for item in value):
        problems.append(f"{where}: not all strings")


def verdict(where, value, problems):
    shape(where, value, VERDICT, problems)
    if problems:
        return
    if value["answer"] not in ANSWERS:
        problems.append(f"{where}.answer: '{value['answer']}'")
    for index, check in enumerate(value["checks"]):
        shape(f"{where}.checks[{index}]", check, CHECK, problems)
        if check.get("status") not in CHECK_STATUSES:
            problems.append(f"{where}.checks[{index}].status: {check.get('status')}")
    for index, action in enumerate(value["ways_out"]):
        shape(f"{where}.ways_out[{index}]", action, ACTION, problems)
    if value["machine"] is not None:
        machine(f"{where}.machine", value["machine"], problems)
    strings(f"{where}.notes", value["notes"], problems)


def machine(where, value, problems):
    """The machine record of a verdict: its facts, and where each came from."""
    # The AMD and Intel GPU records (docs/cli.md) are checked by their own shapes, when present.
    vendors = {key: OBJ for key in ("amd", "intel") if key in value}
    shape(where, value, dict(MACHINE, **vendors), problems)
    if problems:
        return
    shape(f"{where}.sources", value["sources"], SOURCES, problems)
    for fact, source in (("driver", "driver"), ("driver_cuda", "driver_cuda"),
                         ("cudnn", "cudnn"), ("gpus", "gpus")):
        if value[fact] and not value["sources"].get(source):
            problems.append(f"{where}: {fact} without its source")


def validate(text):
    problems = []
    try:
        doc = json.loads(text)  # exactly one value, nothing before or after
    except ValueError as error:
        return [f"not one JSON value: {error}"]
    if not isinstance(doc, dict) or doc.get("schema_version") != 1:
        return ["not an object with schema_version 1"]
    if "error" in doc:
        shape("error object", doc, ERROR, problems)
        if not problems:
            shape("error", doc["error"], ERROR_BODY, problems)
            strings("error.messages", doc["error"]["messages"], problems)
            if doc["error"]["kind"] not in ("usage", "problem"):
                problems.append("error.kind: " + doc["error"]["kind"])
            if not doc["error"]["messages"]:
                problems.append("error.messages: empty")
        return problems
    if "probe" in doc and "command" not in doc:
        shape("probe", doc, PROBE, problems, exact=False)
        return problems
    command = doc.get("command")
    if command not in SCHEMAS:
        return [f"command: '{command}'"]
    shape(command, doc, SCHEMAS[command], problems)
    if problems:
        return problems
    if command == "check":
        if doc["verdict"] not in ANSWERS:
            problems.append(f"verdict: '{doc['verdict']}'")
        for key in ("problems", "unverified", "cpu_only", "to_use_the_gpu", "fixes", "passed",
                    "notes"):
            strings(key, doc[key], problems)
        for index, action in enumerate(doc["actions"]):
            shape(f"actions[{index}]", action, CLI_ACTION, problems)
        if doc["guard"] is not None:
            verdict("guard", doc["guard"], problems)
            # One verdict, two renderings: the command's lists are the guard's checks.
            for status, key in (("fails", "problems"), ("unverified", "unverified"),
                                ("cpu-only", "cpu_only"), ("passes", "passed")):
                reasons = [c["reason"] for c in doc["guard"]["checks"] if c["status"] == status]
                if not set(reasons) <= set(doc[key]):
                    problems.append(f"{key} lacks the guard's {status} checks")
            if doc["verdict"] != doc["guard"]["answer"]:
                problems.append("verdict differs from the guard's answer")
    elif command == "url":
        for index, action in enumerate(doc["ways_out"]):
            shape(f"ways_out[{index}]", action, ACTION, problems)
    elif command == "report":
        shape("libtorch", doc["libtorch"], LIBTORCH, problems)
        shape("pip", doc["pip"], WHEEL, problems)
        for index, build in enumerate(doc["builds"]):
            shape(f"builds[{index}]", build, {"variant": STR, "status": STR, "reason": OPT_STR},
                  problems)
            if build.get("status") not in ("runs", "does-not-run", "cpu-only", "unverified"):
                problems.append(f"builds[{index}].status: {build.get('status')}")
    elif command == "pip":
        if doc["answer"] not in ("runs", "cpu-only", "does-not-run", "unverified"):
            problems.append(f"answer: '{doc['answer']}'")
        if doc["answer"] in ("runs", "cpu-only") and not doc["pip"]:
            problems.append("an answer that runs without a pip command")
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    problems = validate(text)
    for problem in problems:
        print(f"validate_json: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
