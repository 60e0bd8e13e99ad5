#!/usr/bin/env python3
"""scripts/data/wheel_fatbin_archs.py's fat-binary reader on crafted libraries.

A "library" here is bytes around fat binaries laid out as nvcc writes them
(header magic 0xBA55ED50, entries with kind, architecture and flags). Checked:
SASS and PTX images are counted per architecture; arch-specific (sm_90a) and
family (sm_100f) images never join the build's list; a kernel or two compiled
for an extra architecture stays a minor entry; corrupt and truncated headers
end the scan of that fat binary without an exception or an endless loop; the
compiled list is compared with the arch-flag string.
"""
import os
import struct
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "scripts", "data"))

import wheel_fatbin_archs as scan  # noqa: E402
from expectations import expect  # noqa: E402


def entry(kind, arch, flags=0x11, payload=b"\0" * 24):
    header = struct.pack("<HHIQIIHHIIIQ", kind, 0x101, 64, len(payload), 0, 0, 8, 1, arch, 0, 0, flags)
    header += b"\0" * (64 - len(header))
    return header + payload


def fatbin(entries):
    body = b"".join(entries)
    return struct.pack("<IHHQ", 0xBA55ED50, 1, 16, len(body)) + body


def library(*blobs):
    return b"\x7fELF" + b"junk" * 10 + b"".join(blob + b"pad" for blob in blobs)


def scanned(data):
    with tempfile.NamedTemporaryFile(suffix=".so", delete=False) as handle:
        handle.write(data)
    try:
        return scan.scan_library(handle.name)
    finally:
        os.unlink(handle.name)


def main():
    failures = []
    S, P = scan.KIND_SASS, scan.KIND_PTX
    kernels = [fatbin([entry(S, 75), entry(S, 80), entry(S, 120), entry(P, 120)]) for _ in range(6)]
    extra = fatbin([entry(S, 89), entry(S, 90, flags=0x100011), entry(S, 100, flags=0x1200011)])
    found = scanned(library(*kernels, extra))
    expect(found["sass"] == ["7.5", "8.0", "12.0"] and found["ptx"] == ["12.0"],
           "SASS and PTX per architecture form the build's list", found, failures)
    expect(found["sass_minor"] == ["8.9", "9.0a", "10.0f"] and found["sass_counts"]["9.0a"] == 1,
           "one-off and arch-specific/family images stay minor, with their suffix", found, failures)

    corrupt = fatbin([entry(S, 86), entry(7, 86), entry(S, 86)])
    truncated = fatbin([entry(S, 61)])[:-10]
    found = scanned(library(corrupt, fatbin([entry(S, 86)])) + truncated)
    expect(found["sass_counts"] == {"8.6": 2},
           "a bad entry ends its fat binary, the next is read, one cut off at the end is skipped",
           found, failures)
    found = scanned(b"\x50\xed\x55\xba\x01\x00\x10\x00" + b"\xff" * 8)
    expect(found["sass"] == [] and found["ptx"] == [], "a header claiming more bytes than exist reads nothing",
           found, failures)

    facts = {"arch_flags": "sm_75 sm_80 sm_120 compute_120", "sass": ["7.5", "8.0", "12.0"], "ptx": ["12.0"]}
    expect(scan.agrees(facts), "a matching arch-flag string agrees", facts, failures)
    facts["arch_flags"] = "sm_75 sm_80 sm_120"
    expect(not scan.agrees(facts), "a flag string without the PTX the binaries carry disagrees", facts, failures)
    expect(scan.device_libraries(["torch/lib/libtorch.so", "torch/lib/libcudnn.so.9", "torch/lib/libtorch_cuda.so"])
           == ["torch/lib/libtorch_cuda.so"] and scan.device_libraries(["torch/lib/libtorch.so"])
           == ["torch/lib/libtorch.so"], "torch's own GPU library is scanned, never bundled CUDA libraries",
           None, failures)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
