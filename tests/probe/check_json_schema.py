"""Checks JSON probe reports against the probe's schema, cmake/probe-schema.json,
with Python's own JSON parser, independently of the probe's C++ reader.

Usage:
  check_json_schema.py SCHEMA PROBE [ARGS...]   run PROBE ARGS --format json, check its report
  check_json_schema.py SCHEMA --doc MARKDOWN     check the ```json example in MARKDOWN
  check_json_schema.py SCHEMA --rejects PROBE    check that broken copies of PROBE's report
                                                 are each refused (the checker can fail)

The schema is JSON Schema 2020-12, of which this reads the subset the file uses
(and refuses a keyword it doesn't know, so the schema can't say more than is
checked). On top of JSON Schema: the members of an object appear in the order
of its "properties", and at most one toolkit is selected.
"""
import copy
import json
import re
import subprocess
import sys

KEYWORDS = {"$schema", "$comment", "$defs", "$ref", "title", "description", "type", "const", "enum",
            "pattern", "minLength", "minimum", "maximum", "properties", "required",
            "additionalProperties", "patternProperties", "items"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class Invalid(Exception):
    pass


def resolve(root, node):
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):
            raise Invalid(f"schema: unsupported $ref {ref!r}")
        node = root["$defs"][ref[len("#/$defs/"):]]
    return node


def same(a, b):
    # JSON's true is not 1: compare types as well as values.
    return type(a) is type(b) and a == b


def validate(root, node, value, where):
    node = resolve(root, node)
    unknown = set(node) - KEYWORDS
    if unknown:
        raise Invalid(f"schema: {where} uses keywords this checker does not read: {sorted(unknown)}")
    types = node.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(TYPES[t](value) for t in types):
            raise Invalid(f"{where} is {json.dumps(value)}, expected {' or '.join(types)}")
    if "const" in node and not same(value, node["const"]):
        raise Invalid(f"{where} is {json.dumps(value)}, expected {json.dumps(node['const'])}")
    if "enum" in node and not any(same(value, item) for item in node["enum"]):
        raise Invalid(f"{where} is {json.dumps(value)}, not one of {json.dumps(node['enum'])}")
    if isinstance(value, str):
        if len(value) < node.get("minLength", 0):
            raise Invalid(f"{where} is {json.dumps(value)}: absent values must be null")
        if "pattern" in node and not re.search(node["pattern"], value):
            raise Invalid(f"{where} is {json.dumps(value)}, which does not match {node['pattern']}")
    if TYPES["integer"](value):
        if "minimum" in node and value < node["minimum"]:
            raise Invalid(f"{where} is {value}, below {node['minimum']}")
        if "maximum" in node and value > node["maximum"]:
            raise Invalid(f"{where} is {value}, above {node['maximum']}")
    if isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            validate(root, node["items"], item, f"{where}[{index}]")
    if isinstance(value, dict):
        validate_object(root, node, value, where)


def validate_object(root, node, value, where):
    properties = node.get("properties", {})
    missing = [name for name in node.get("required", []) if name not in value]
    if missing:
        raise Invalid(f"{where} lacks {missing}")
    for name, item in value.items():
        path = f"{where}.{name}" if where else name
        if name in properties:
            validate(root, properties[name], item, path)
            continue
        patterns = [s for p, s in node.get("patternProperties", {}).items() if re.search(p, name)]
        if patterns:
            for schema in patterns:
                validate(root, schema, item, path)
        elif node.get("additionalProperties", True) is False:
            raise Invalid(f"{where or 'the report'} has a member {name!r} the schema does not know")
    listed = [name for name in value if name in properties]
    if listed != [name for name in properties if name in value]:
        raise Invalid(f"{where or 'the report'} has its members in the order {listed}, expected "
                      f"{list(properties)}")


def check(schema, report):
    """Raises Invalid unless report matches the schema and the rules beside it."""
    validate(schema, schema, report, "")
    if sum(toolkit["selected"] for toolkit in report["toolkits"]) > 1:
        raise Invalid("more than one toolkit is selected")


def run_probe(command):
    output = subprocess.run(command + ["--format", "json"], check=True, capture_output=True).stdout
    return json.loads(output)


def doc_example(markdown_file):
    with open(markdown_file, encoding="utf-8") as f:
        blocks = re.findall(r"```json\n(.*?)```", f.read(), re.S)
    if len(blocks) != 1:
        raise SystemExit(f"check_json_schema: {markdown_file} has {len(blocks)} ```json blocks, expected 1")
    return json.loads(blocks[0])


# Each a way a report can be wrong, and one the checker must refuse.
def breakages(report):
    gpu = {"index": 0, "name": "NVIDIA A100-SXM4-40GB", "compute_capability": "8.0",
           "memory_bytes": 42505273344, "uuid": "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"}
    driver_order = list(reversed(list(report["driver"].items())))
    amd_gpu = {"index": 0, "node": 1, "gfx": "gfx1100", "gfx_target_version": 110000, "vendor_id": 4098,
               "device_id": 29772, "simd_count": 96, "name": None}
    intel_gpu = {"index": 0, "card": "card0", "device_id": "0x56a0", "name": "Arc A770",
                 "generation": "Xe-HPG", "driver": "i915", "level_zero": False}
    return {
        "a member missing": lambda r: r["driver"].pop("cu_init_called"),
        "an unknown member": lambda r: r.__setitem__("extra", 1),
        "an unknown member in a GPU": lambda r: r["gpus"].append(dict(gpu, extra=1)),
        "members out of order": lambda r: r.__setitem__("driver", dict(driver_order)),
        "a bool given as a string": lambda r: r["driver"].__setitem__("forward_compat", "false"),
        "a bool given as 0": lambda r: r["driver"].__setitem__("cu_init_called", 0),
        "an integer given as true": lambda r: r["gpus"].append(dict(gpu, index=True)),
        "an unknown status": lambda r: r["driver"].__setitem__("status", "missing"),
        "\"\" for an absent value": lambda r: r["cudnn"].__setitem__("reason", ""),
        "another schema_version": lambda r: r.__setitem__("schema_version", 2),
        "a time that is none": lambda r: r["probe"].__setitem__("time", "yesterday"),
        "an unknown cache state": lambda r: r["probe"]["cache"].__setitem__("machine", "warm"),
        "a compute capability out of range": lambda r: r["gpus"].append(
            dict(gpu, compute_capability="0.5")),
        "zero bytes of memory": lambda r: r["gpus"].append(dict(gpu, memory_bytes=0)),
        "a negative index": lambda r: r["gpus"].append(dict(gpu, index=-1)),
        "a driver release that is none": lambda r: r["driver"].__setitem__("release", "latest"),
        "an unknown override": lambda r: r["overrides"].__setitem__("TORCHCOMPAT_OVERRIDE_X", "1"),
        "an override that is no string": lambda r: r["overrides"].__setitem__(
            "TORCHCOMPAT_OVERRIDE_CUDA", 12.4),
        "an unknown found_via": lambda r: r["toolkits"].append(
            {"version": "12.4", "root": "/x", "source": "version.json", "found_via": "guess",
             "selected": False, "reason": None}),
        "two selected toolkits": lambda r: r["toolkits"].extend(
            [{"version": "12.4", "root": "/x", "source": "version.json", "found_via": "/opt/cuda",
              "selected": True, "reason": None}] * 2),
        "a report that is an array": lambda r: None,
        "a gfx name that is none": lambda r: r["amd"]["gpus"].append(dict(amd_gpu, gfx="gfx11OO")),
        "an AMD GPU without its node": lambda r: r["amd"]["gpus"].append(
            {k: v for k, v in amd_gpu.items() if k != "node"}),
        "an unknown AMD source": lambda r: r["amd"].__setitem__("source", "rocminfo"),
        "an upper-case Intel device id": lambda r: r["intel"]["gpus"].append(dict(intel_gpu, device_id="0x56A0")),
        "an unknown Intel generation": lambda r: r["intel"]["gpus"].append(dict(intel_gpu, generation="Gen12")),
        "a Level Zero flag given as 1": lambda r: r["intel"]["gpus"].append(dict(intel_gpu, level_zero=1)),
    }


def check_rejects(schema, report):
    # The report and a copy with a valid GPU must pass, or the breakages prove nothing.
    check(schema, report)
    with_gpu = copy.deepcopy(report)
    with_gpu["gpus"].append({"index": 0, "name": "NVIDIA A100-SXM4-40GB", "compute_capability": "8.0",
                             "memory_bytes": 42505273344, "uuid": None})
    with_gpu["amd"]["gpus"].append({"index": 0, "node": 1, "gfx": "gfx90a", "gfx_target_version": 90010,
                                    "vendor_id": 4098, "device_id": 29704, "simd_count": 440, "name": None})
    with_gpu["intel"]["gpus"].append({"index": 0, "card": "card1", "device_id": "0xe20b", "name": "Arc B580",
                                      "generation": "Xe2-HPG", "driver": "xe", "level_zero": True})
    check(schema, with_gpu)
    accepted = []
    for name, breakage in breakages(report).items():
        broken = copy.deepcopy(report)
        breakage(broken)
        if name == "a report that is an array":
            broken = [broken]
        try:
            check(schema, broken)
            accepted.append(name)
        except Invalid:
            pass
        except (KeyError, TypeError) as error:
            raise SystemExit(f"check_json_schema: the checker broke on {name}: {error!r}")
    if accepted:
        raise SystemExit(f"check_json_schema: the schema check accepted {accepted}")
    print(f"the schema check refused each of {len(breakages(report))} broken reports")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        if sys.argv[2] == "--doc":
            check(schema, doc_example(sys.argv[3]))
            print(f"{sys.argv[3]}'s example matches the schema")
        elif sys.argv[2] == "--rejects":
            check_rejects(schema, run_probe(sys.argv[3:]))
        else:
            check(schema, run_probe(sys.argv[2:]))
            print("JSON report matches the schema")
    except Invalid as error:
        raise SystemExit(f"check_json_schema: {error}")


if __name__ == "__main__":
    main()
