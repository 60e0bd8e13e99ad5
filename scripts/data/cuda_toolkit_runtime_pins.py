#!/usr/bin/env python3
"""Which CUDA runtime each of NVIDIA's cuda-toolkit metapackages on PyPI pins.

A torch wheel that takes CUDA from PyPI pins nvidia-cuda-runtime(-cu12)
(2.1-2.10) or cuda-toolkit (2.11 on). To name the toolkit *update* a wheel
shipped (12.4 Update 1, not just 12.4), the runtime version is looked up in
NVIDIA's own metapackage: cuda-toolkit==12.4.1 pins
nvidia-cuda-runtime-cu12==12.4.127.*. Several updates can share one runtime
(12.6.2 and 12.6.3 both pin 12.6.77); such a runtime names no single update.

Reads each cuda-toolkit wheel's METADATA by HTTP range requests (pypi_remote_wheel).
Prints a JSON object {toolkit version: runtime version}, the table that
cuda_toolkits.py transcribes as CUDA_RUNTIME. Needs the network.
"""
import json
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pypi_index  # noqa: E402
import pypi_remote_wheel  # noqa: E402

INDEX = "https://pypi.org/simple/cuda-toolkit/"
RUNTIME_PIN = re.compile(r"^nvidia-cuda-runtime(?:-cu\d+)?\s*\(?\s*==\s*([0-9.]+?)(?:\.\*)?\s*[;)]")


def runtime_pins():
    by_version = pypi_index.files_by_version(pypi_index.fetch_index("cuda-toolkit"))
    table = {}
    for version in sorted((v for v in by_version if pypi_index.is_final_release(v)),
                          key=pypi_index.version_key):
        wheels = [f for f in by_version[version] if f["filename"].endswith(".whl")]
        if not wheels:
            continue
        url = urllib.parse.urljoin(INDEX, wheels[0]["url"])
        metadata = pypi_remote_wheel.read_metadata(url, wheels[0]["size"])
        pins = {m.group(1) for m in (RUNTIME_PIN.match(r) for r in pypi_remote_wheel.requires_dist(metadata))
                if m}
        if len(pins) == 1:
            # PEP 440: 13.0.3.0 is 13.0.3; the toolkit table's keys have three parts.
            table[".".join(version.split(".")[:3])] = pins.pop()
    return table


if __name__ == "__main__":
    print(json.dumps(runtime_pins(), indent=1))
