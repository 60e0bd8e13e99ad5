"""Checks the probe's JSON report against docs/probe.md's schema with Python's
own JSON parser, independently of the probe's C++ reader.

Usage: check_json_schema.py PROBE [ARGS...]
"""
import json
import re
import subprocess
import sys

STRING_OR_NULL = (str, type(None))
SCHEMA = {
    "toolkits": ["version", "root", "source", "found_via", "selected", "reason"],
    "toolkits_status": ["status", "reason"],
    "driver": ["status", "reason", "release", "release_source", "cuda_version", "library",
               "cu_init_error", "forward_compat", "cuda_version_source", "cu_init_called"],
    "gpus": ["index", "name", "compute_capability", "memory_bytes", "uuid"],
    "gpus_status": ["status", "reason", "source"],
    "cudnn": ["status", "reason", "version", "header", "header_version", "library",
              "library_version", "mismatch"],
    "python": ["status", "reason", "executable", "version", "torch", "torchvision", "torchaudio",
               "locations"],
}
TOP = ["schema_version", "probe", "toolkits", "toolkits_status", "driver", "gpus", "gpus_status",
       "cudnn", "python", "overrides"]
STATUSES = {"found", "not_found", "error", "crashed", "timed_out", "overridden"}
CACHE_STATES = {"hit", "miss", "off", "unavailable", "skipped"}


def fail(message):
    sys.exit("check_json_schema: " + message)


def check_object(name, value, keys):
    if not isinstance(value, dict) or list(value) != keys:
        fail(f"{name} has keys {list(value) if isinstance(value, dict) else value!r}, expected {keys}")
    for key, item in value.items():
        if item == "":
            fail(f"{name}.{key} is \"\": absent values must be null")
    if "status" in value and value["status"] not in STATUSES:
        fail(f"{name}.status {value['status']!r} is not one of {sorted(STATUSES)}")


def main():
    output = subprocess.run(sys.argv[1:] + ["--format", "json"], check=True, capture_output=True).stdout
    report = json.loads(output)
    if list(report) != TOP:
        fail(f"top-level keys {list(report)}")
    if report["schema_version"] != 1 or not isinstance(report["probe"]["version"], str):
        fail("schema_version/probe.version")
    probe = report["probe"]
    if list(probe) != ["version", "host", "time", "cache"]:
        fail(f"probe has keys {list(probe)}")
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", probe["time"] or ""):
        fail(f"probe.time {probe['time']!r}")
    if list(probe["cache"]) != ["machine", "python"] or not all(
            value in CACHE_STATES for value in probe["cache"].values()):
        fail(f"probe.cache {probe['cache']!r}")
    if not isinstance(report["driver"]["cu_init_called"], bool):
        fail("driver.cu_init_called is not a bool")
    for name, keys in SCHEMA.items():
        items = report[name] if isinstance(report[name], list) else [report[name]]
        for item in items:
            check_object(name, item, keys)
    for toolkit in report["toolkits"]:
        if not isinstance(toolkit["selected"], bool):
            fail("toolkits[].selected is not a bool")
    if sum(t["selected"] for t in report["toolkits"]) > 1:
        fail("more than one selected toolkit")
    for gpu in report["gpus"]:
        if not isinstance(gpu["index"], int) or not isinstance(gpu["memory_bytes"], (int, type(None))):
            fail(f"gpu {gpu}")
    if not isinstance(report["driver"]["cu_init_error"], (int, type(None))):
        fail("driver.cu_init_error")
    if list(report["python"]["locations"]) != ["torch", "torchvision", "torchaudio"]:
        fail("python.locations keys")
    for key, value in report["overrides"].items():
        if not key.startswith("TORCHCOMPAT_OVERRIDE_") or not isinstance(value, str):
            fail(f"overrides {key}={value!r}")
    print("JSON report matches the documented schema")


if __name__ == "__main__":
    main()
