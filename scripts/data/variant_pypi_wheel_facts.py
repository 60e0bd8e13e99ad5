#!/usr/bin/env python3
"""Read the GPU build facts out of PyPI's own Linux x86_64 torch wheels.

For every final torch release on PyPI this reads three members of one
manylinux x86_64 wheel with HTTP range requests (no full download):
  * torch/version.py          -> the CUDA the wheel was built with ('12.8')
  * torch/lib/libtorch_python.so -> the arch flags compiled in for
    torch.cuda.get_arch_list() ('sm_70 sm_75 ... compute_90' style string)
  * <dist-info>/METADATA      -> the nvidia-cudnn-cu1x pin, where the wheel
    takes cuDNN from PyPI
The wheel itself is the best evidence of what shipped, but PyPI carries only
the default CUDA variant of each release.

Needs the network (pip's index and files.pythonhosted.org), so it is not part
of any test. Usage:
  variant_pypi_wheel_facts.py <output.json> [version ...]
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pypi_index  # noqa: E402  (sibling module shared by the data scripts)
import pypi_remote_wheel  # noqa: E402

ARCH_RUN = re.compile(rb"(?:sm|compute)_[0-9]+[af]?(?:[ ;](?:sm|compute)_[0-9]+[af]?)*")
CUDA_LINE = re.compile(r"^cuda(?::[^=]*)?\s*=\s*'([^']*)'", re.M)
VERSION_LINE = re.compile(r"^__version__\s*=\s*'([^']*)'", re.M)
TOOLKIT_PIN = re.compile(r"^cuda-toolkit(?:\[[^\]]*\])?\s*\(?\s*==\s*([0-9.]+)")
CUDNN_PIN = re.compile(r"^nvidia-cudnn-cu(\d+)\s*\(?\s*==\s*([0-9.]+)")
# The CUDA runtime the wheel installs from PyPI (2.1-2.10 pin it directly):
# its version names the toolkit update the build shipped (cuda_toolkits.py
# maps it through the cuda-toolkit metapackage's own pins).
CUDART_PIN = re.compile(r"^nvidia-cuda-runtime(?:-cu\d+)?\s*\(?\s*==\s*([0-9.]+)")


def pick_wheel(files, machine="x86_64"):
    """One manylinux CPython wheel for `machine`; the lowest Python tag keeps runs stable."""
    linux = [f for f in files if "linux" in f["filename"] and f["filename"].endswith(machine + ".whl")]
    return sorted(linux, key=lambda f: f["filename"])[0] if linux else None


def arch_flags(library_bytes):
    """The longest run of sm_/compute_ tokens: the compiled-in arch flag string."""
    runs = [m.group(0).decode() for m in ARCH_RUN.finditer(library_bytes)]
    runs = [r for r in runs if " " in r or ";" in r] or runs
    return max(runs, key=len) if runs else None


def pinned(metadata, pattern):
    """The version pinned by the first Requires-Dist matching `pattern`."""
    for requirement in pypi_remote_wheel.requires_dist(metadata):
        match = pattern.match(requirement.split(";")[0].strip())
        if match:
            return match.group(match.lastindex)
    return None


def read_pins(wheel, facts):
    metadata = [n for n in wheel.find(".dist-info/METADATA") if n.count("/") == 1]
    text = wheel.read(metadata[0]).decode("utf-8") if len(metadata) == 1 else ""
    facts["cudnn_pin"] = pinned(text, CUDNN_PIN)
    facts["cuda_toolkit_pin"] = pinned(text, TOOLKIT_PIN)
    facts["cuda_runtime_pin"] = pinned(text, CUDART_PIN)


def wheel_facts(wheel_file):
    wheel = pypi_remote_wheel.RemoteWheel(wheel_file["url"], wheel_file["size"])
    version_py = wheel.read("torch/version.py").decode("utf-8")
    cuda = CUDA_LINE.search(version_py)
    local_version = VERSION_LINE.search(version_py)
    facts = {"wheel": wheel_file["filename"], "url": wheel_file["url"], "size": wheel_file["size"],
             "version_py_version": local_version.group(1) if local_version else None,
             "cuda": cuda.group(1) if cuda and cuda.group(1) else None,
             "arch_flags": None, "cudnn_pin": None}
    if "torch/lib/libtorch_python.so" in wheel.entries:
        facts["arch_flags"] = arch_flags(wheel.read("torch/lib/libtorch_python.so"))
    read_pins(wheel, facts)
    return facts


def refresh_pins(facts):
    """Older fact files lack the newer pins: re-read only the METADATA."""
    if not facts or "error" in facts or "cuda_runtime_pin" in facts:
        return
    url, size = facts["url"], facts["size"]
    read_pins(pypi_remote_wheel.RemoteWheel(url, size), facts)


def add_aarch64(entry, files):
    """The same facts for the release's Linux aarch64 wheel, under "aarch64"."""
    if "aarch64" in entry:
        return
    wheel_file = pick_wheel(files, "aarch64")
    if wheel_file is None:
        entry["aarch64"] = None
        return
    try:
        entry["aarch64"] = wheel_facts(wheel_file)
    except (IOError, OSError, KeyError, ValueError) as error:
        entry["aarch64"] = {"wheel": wheel_file["filename"], "error": str(error)}


def update_entry(entry, wheel_file, files):
    """Bring a fact entry from an earlier run up to the current fields."""
    entry.setdefault("upload_time", wheel_file.get("upload-time"))
    entry.setdefault("url", wheel_file["url"])
    entry.setdefault("size", wheel_file["size"])
    refresh_pins(entry)
    add_aarch64(entry, files)
    aarch64 = entry.get("aarch64")
    if aarch64 and "error" not in aarch64:
        aarch64_file = pick_wheel(files, "aarch64")
        aarch64.setdefault("url", aarch64_file["url"])
        aarch64.setdefault("size", aarch64_file["size"])
        refresh_pins(aarch64)


def main():
    out = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    by_version = pypi_index.files_by_version(pypi_index.fetch_index("torch"))
    result = json.loads(out.read_text()) if out.exists() else {}
    finals = [v for v in by_version if pypi_index.is_final_release(v)]
    for version in sorted(finals, key=pypi_index.version_key):
        if wanted and version not in wanted:
            continue
        wheel_file = pick_wheel(by_version[version])
        if wheel_file is None:
            continue
        if version in result:
            update_entry(result[version], wheel_file, by_version[version])
            continue
        try:
            result[version] = wheel_facts(wheel_file)
            result[version]["upload_time"] = wheel_file.get("upload-time")
            add_aarch64(result[version], by_version[version])
        except (IOError, OSError, KeyError, ValueError) as error:
            result[version] = {"wheel": wheel_file["filename"], "error": str(error)}
        print(version, result[version], flush=True)
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
