#!/usr/bin/env python3
"""Which GPU code a CUDA torch wheel really carries, read from its binaries.

The arch-flag string in libtorch_python.so (what torch.cuda.get_arch_list()
prints, read by variant_pypi_wheel_facts.py) is what the build was *asked*
for. This script reads what was *compiled*: the CUDA fat binaries embedded in
torch/lib/libtorch_cuda.so. Each fat binary is a header (magic 0xBA55ED50)
followed by entries, one per kernel image, each naming its kind (1 = PTX,
2 = ELF cubin, i.e. SASS) and the architecture (75 = sm_75/compute_75). The
entries' payloads may be compressed; the headers never are, so no NVIDIA tool
is needed.

The wheel is never downloaded whole: pypi_remote_wheel reads the zip central
directory by HTTP range requests, then only libtorch_cuda.so's compressed
bytes (a few hundred MB) and libtorch_python.so; the library is inflated into
a temporary file and scanned with mmap.

Output, per wheel: the arch-flag string, and for every architecture the number
of SASS and PTX images found. A few kernels are compiled for extra
architectures of their own (arch-specific sm_90a/sm_100a kernels, for
example), so an architecture is part of the build's list only when a large
share of the kernels carry it: `sass`/`ptx` below list architectures with at
least MAIN_SHARE of the largest per-arch count (of either kind); everything
else is listed under `sass_minor`/`ptx_minor` with its count. PTX found only
in a minority of the kernels counts as an unknown PTX list
(variant_builds.py), never as "none" or as covering.

Needs the network (pip's index and files.pythonhosted.org). Usage:
  wheel_fatbin_archs.py <output.json> <version> [<version> ...] [--machine aarch64]
  wheel_fatbin_archs.py --library <libtorch_cuda.so>      # a local file, prints JSON
"""
import argparse
import json
import mmap
import re
import struct
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pypi_index  # noqa: E402  (sibling module shared by the data scripts)
import pypi_remote_wheel  # noqa: E402
import variant_pypi_wheel_facts  # noqa: E402

FATBIN_MAGIC = struct.pack("<IHH", 0xBA55ED50, 1, 16)
KIND_PTX, KIND_SASS = 1, 2
MAIN_SHARE = 0.5
ENTRY_HEADER = struct.Struct("<HHIQIIHHIIIQ")  # kind, ?, header size, size, ..., arch, ..., flags
# Flag bits of an entry that mark an arch-specific (sm_90a) or family (sm_100f)
# image, as nvcc 13.0 writes them; such code runs on fewer GPUs than plain sm_XY.
FLAG_ARCH_SPECIFIC, FLAG_FAMILY = 0x100000, 0x200000


def fatbin_entries(data):
    """Yield (kind, (arch, suffix)) for every entry of every fat binary in `data`.

    Malformed headers end the current fat binary only: a corrupt or crafted
    library yields fewer entries, never an exception or an endless loop.
    """
    pos = data.find(FATBIN_MAGIC)
    while pos >= 0:
        (fat_size,) = struct.unpack_from("<Q", data, pos + 8) if pos + 16 <= len(data) else (0,)
        end = min(pos + 16 + fat_size, len(data))
        entry = pos + 16
        while entry + ENTRY_HEADER.size <= end:
            (kind, _, header_size, size, _, _, _, _, arch, _, _,
             flags) = ENTRY_HEADER.unpack_from(data, entry)
            if kind not in (KIND_PTX, KIND_SASS) or not 64 <= header_size <= 4096 \
                    or not 10 <= arch <= 400 or entry + header_size + size > end:
                break
            suffix = "a" if flags & FLAG_ARCH_SPECIFIC else "f" if flags & FLAG_FAMILY else ""
            yield kind, (arch, suffix)
            entry += header_size + size
        pos = data.find(FATBIN_MAGIC, max(end, pos + 1))


def cc_of(arch):
    """75 -> '7.5', (120, '') -> '12.0', (90, 'a') -> '9.0a'."""
    number, suffix = arch if isinstance(arch, tuple) else (arch, "")
    return "{}.{}{}".format(number // 10, number % 10, suffix)


def arch_of(cc):
    """'10.0a' -> (100, 'a'): the inverse of cc_of."""
    match = re.fullmatch(r"(\d+)\.(\d)([af]?)", cc)
    if not match:
        raise ValueError("not a compute capability: " + cc)
    return int(match.group(1)) * 10 + int(match.group(2)), match.group(3)


def summarize(counts):
    """Split per-arch image counts into the build's list and the extras."""
    result = {}
    # One yardstick for both kinds: the most common SASS architecture is (nearly)
    # every translation unit, and PTX in only a third of them covers no GPU.
    top = max(counts.values()) if counts else 0
    for kind, name in ((KIND_SASS, "sass"), (KIND_PTX, "ptx")):
        per_arch = {arch: n for (k, arch), n in counts.items() if k == kind}
        # Arch-specific and family images run on fewer GPUs than the plain
        # list claims, so they never join it.
        main = sorted(a for a, n in per_arch.items() if n >= MAIN_SHARE * top and not a[1])
        result[name] = [cc_of(a) for a in main]
        result[name + "_counts"] = {cc_of(a): per_arch[a] for a in sorted(per_arch)}
        result[name + "_minor"] = [cc_of(a) for a in sorted(per_arch) if a not in main]
    return result


def count_library(path, counts):
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for key in fatbin_entries(data):
            counts[key] = counts.get(key, 0) + 1
    return counts


def scan_library(path):
    return summarize(count_library(path, {}))


def wheel_archs(wheel_file, workdir):
    wheel = pypi_remote_wheel.RemoteWheel(wheel_file["url"], wheel_file["size"])
    facts = {"wheel": wheel_file["filename"], "url": wheel_file["url"], "size": wheel_file["size"]}
    if "torch/lib/libtorch_python.so" in wheel.entries:
        facts["arch_flags"] = variant_pypi_wheel_facts.arch_flags(
            wheel.read("torch/lib/libtorch_python.so"))
    names = device_libraries(wheel.names())
    if not names:
        facts["error"] = "no torch GPU library in the wheel (not a CUDA wheel)"
        return facts
    counts = {}
    facts["libraries"] = {}
    for name in names:
        with tempfile.NamedTemporaryFile(dir=workdir, suffix=".so") as library:
            facts["libraries"][name] = wheel.stream(name, library)
            library.flush()
            count_library(library.name, counts)
    facts.update(summarize(counts))
    facts["agrees_with_arch_flags"] = agrees(facts)
    return facts


def device_libraries(names):
    """torch's own libraries with device code, never the bundled CUDA/cuDNN ones.

    The name changed over time: libcaffe2_gpu.so (1.0-1.4), libtorch_cuda.so
    (1.5 on), split into libtorch_cuda_cu.so/_cpp.so in some 1.x builds. Where
    cuDNN or cuBLAS were linked statically their kernels are counted too, which
    is why the per-arch counts are kept and compared with the arch-flag string.
    """
    own = [n for n in names if re.fullmatch(
        r"torch/lib/lib(torch_cuda|torch_cuda_cu|torch_cuda_cpp|caffe2_gpu)\.so", n)]
    # 1.2-1.4 linked everything into libtorch.so.
    return sorted(own) or [n for n in names if n == "torch/lib/libtorch.so"]


def agrees(facts):
    """Does the compiled SASS/PTX list equal the arch-flag string's?"""
    flags = (facts.get("arch_flags") or "").replace(";", " ").split()
    def listed(prefix):
        found = [re.match(r"(\d+)([af]?)$", f[len(prefix):]) for f in flags if f.startswith(prefix)]
        return sorted(cc_of((int(m.group(1)), m.group(2))) for m in found if m)

    key = lambda cc: tuple(int(x) for x in re.findall(r"\d+", cc))  # noqa: E731
    return bool(flags) and sorted(listed("sm_"), key=key) == facts["sass"] \
        and sorted(listed("compute_"), key=key) == facts["ptx"]


def pick(files, machine):
    return variant_pypi_wheel_facts.pick_wheel(files, machine)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?")
    parser.add_argument("versions", nargs="*")
    parser.add_argument("--machine", default="x86_64", choices=["x86_64", "aarch64"])
    parser.add_argument("--library", help="scan this local libtorch_cuda.so and print JSON")
    parser.add_argument("--workdir", default=None, help="where the inflated library is kept briefly")
    args = parser.parse_args()
    if args.library:
        print(json.dumps(scan_library(args.library), indent=2, sort_keys=True))
        return 0
    if not args.output or not args.versions:
        parser.error("give an output file and at least one torch version")
    out = Path(args.output)
    result = json.loads(out.read_text()) if out.exists() else {}
    by_version = pypi_index.files_by_version(pypi_index.fetch_index("torch"))
    for version in args.versions:
        key = "{}/{}".format(version, args.machine)
        if key in result and "error" not in result[key]:
            continue
        wheel_file = pick(by_version.get(version, []), args.machine)
        if wheel_file is None:
            result[key] = {"error": "no manylinux {} wheel on PyPI".format(args.machine)}
        else:
            try:
                result[key] = wheel_archs(wheel_file, args.workdir)
            except (IOError, OSError, KeyError, ValueError, struct.error) as error:
                result[key] = {"wheel": wheel_file["filename"], "error": str(error)}
        print(key, json.dumps({k: v for k, v in result[key].items() if k != "url"}), flush=True)
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
