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
CUDNN_PIN = re.compile(r"^nvidia-cudnn-cu(\d+)\s*\(?\s*==\s*([0-9.]+)")


def pick_wheel(files):
    """One manylinux x86_64 CPython wheel; the lowest Python tag keeps runs stable."""
    linux = [f for f in files if "manylinux" in f["filename"] and f["filename"].endswith("x86_64.whl")]
    return sorted(linux, key=lambda f: f["filename"])[0] if linux else None


def arch_flags(library_bytes):
    """The longest run of sm_/compute_ tokens: the compiled-in arch flag string."""
    runs = [m.group(0).decode() for m in ARCH_RUN.finditer(library_bytes)]
    runs = [r for r in runs if " " in r or ";" in r] or runs
    return max(runs, key=len) if runs else None


def cudnn_pin(metadata):
    for requirement in pypi_remote_wheel.requires_dist(metadata):
        match = CUDNN_PIN.match(requirement.split(";")[0].strip())
        if match:
            return match.group(2)
    return None


def wheel_facts(wheel_file):
    wheel = pypi_remote_wheel.RemoteWheel(wheel_file["url"], wheel_file["size"])
    version_py = wheel.read("torch/version.py").decode("utf-8")
    cuda = CUDA_LINE.search(version_py)
    local_version = VERSION_LINE.search(version_py)
    facts = {"wheel": wheel_file["filename"],
             "version_py_version": local_version.group(1) if local_version else None,
             "cuda": cuda.group(1) if cuda and cuda.group(1) else None,
             "arch_flags": None, "cudnn_pin": None}
    if "torch/lib/libtorch_python.so" in wheel.entries:
        facts["arch_flags"] = arch_flags(wheel.read("torch/lib/libtorch_python.so"))
    metadata = [n for n in wheel.find(".dist-info/METADATA") if n.count("/") == 1]
    if len(metadata) == 1:
        facts["cudnn_pin"] = cudnn_pin(wheel.read(metadata[0]).decode("utf-8"))
    return facts


def main():
    out = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    by_version = pypi_index.files_by_version(pypi_index.fetch_index("torch"))
    result = json.loads(out.read_text()) if out.exists() else {}
    finals = [v for v in by_version if pypi_index.is_final_release(v)]
    for version in sorted(finals, key=pypi_index.version_key):
        if (wanted and version not in wanted) or version in result:
            continue
        wheel_file = pick_wheel(by_version[version])
        if wheel_file is None:
            continue
        try:
            result[version] = wheel_facts(wheel_file)
        except (IOError, OSError, KeyError, ValueError) as error:
            result[version] = {"wheel": wheel_file["filename"], "error": str(error)}
        print(version, result[version], flush=True)
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
