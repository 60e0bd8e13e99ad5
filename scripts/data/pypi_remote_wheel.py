"""Read single members of a wheel on files.pythonhosted.org without downloading it.

PyPI's torch wheels are hundreds of megabytes and this index serves no PEP 658
.metadata files, so the data scripts read a wheel's zip central directory and
then only the member they need (METADATA, torch/version.py) with HTTP range
requests.
"""

import struct
import urllib.request
import zlib

_EOCD_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_LOCAL_SIGNATURE = b"PK\x03\x04"
_TAIL_BYTES = 65536 + 22


def _get_range(url, start, end, timeout):
    """Bytes start..end inclusive; a negative start means 'the last -start bytes'."""
    spec = "bytes={}".format(start) if start < 0 else "bytes={}-{}".format(start, end)
    request = urllib.request.Request(url, headers={"Range": spec})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if response.status != 206:
            raise IOError("server ignored the range request for " + url)
        return response.read()


def _central_directory_location(tail, size):
    eocd = tail.rfind(_EOCD_SIGNATURE)
    if eocd < 0:
        raise IOError("no zip end-of-central-directory record")
    cd_size, cd_offset = struct.unpack("<II", tail[eocd + 12:eocd + 20])
    if cd_offset == 0xFFFFFFFF or cd_size == 0xFFFFFFFF:
        locator = tail.rfind(_ZIP64_LOCATOR_SIGNATURE, 0, eocd)
        zip64_eocd_offset = struct.unpack("<Q", tail[locator + 8:locator + 16])[0]
        record_pos = zip64_eocd_offset - (size - len(tail))
        record = tail[record_pos:record_pos + 56]
        cd_size, cd_offset = struct.unpack("<QQ", record[40:56])
    return cd_offset, cd_size


def _zip64_extra(extra, fields):
    """Resolve 0xFFFFFFFF placeholders from the zip64 extra field."""
    pos = 0
    while pos + 4 <= len(extra):
        header_id, length = struct.unpack("<HH", extra[pos:pos + 4])
        if header_id == 1:
            values = iter(struct.unpack("<" + "Q" * (length // 8), extra[pos + 4:pos + 4 + length]))
            return [next(values) if value == 0xFFFFFFFF else value for value in fields]
        pos += 4 + length
    return fields


def _central_entries(directory):
    pos = 0
    while directory.startswith(_CENTRAL_SIGNATURE, pos):
        (method, compressed, uncompressed, name_len, extra_len, comment_len,
         local_offset) = struct.unpack("<6xH8xIIHHH8xI", directory[pos + 4:pos + 46])
        name = directory[pos + 46:pos + 46 + name_len].decode("utf-8")
        extra = directory[pos + 46 + name_len:pos + 46 + name_len + extra_len]
        uncompressed, compressed, local_offset = _zip64_extra(
            extra, [uncompressed, compressed, local_offset])
        yield name, method, compressed, local_offset
        pos += 46 + name_len + extra_len + comment_len


class RemoteWheel:
    def __init__(self, url, size, timeout=120):
        self.url = url
        self.size = size
        self.timeout = timeout
        tail = _get_range(url, -min(_TAIL_BYTES, size), None, timeout)
        cd_offset, cd_size = _central_directory_location(tail, size)
        tail_start = size - len(tail)
        if cd_offset >= tail_start:
            directory = tail[cd_offset - tail_start:cd_offset - tail_start + cd_size]
        else:
            directory = _get_range(url, cd_offset, cd_offset + cd_size - 1, timeout)
        self.entries = {name: (method, compressed, offset)
                        for name, method, compressed, offset in _central_entries(directory)}

    def names(self):
        return list(self.entries)

    def read(self, name):
        method, compressed, offset = self.entries[name]
        # The local header's name/extra lengths may differ from the central ones.
        header = _get_range(self.url, offset, offset + 29, self.timeout)
        if not header.startswith(_LOCAL_SIGNATURE):
            raise IOError("bad local header for " + name)
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        start = offset + 30 + name_len + extra_len
        data = _get_range(self.url, start, start + compressed - 1, self.timeout) if compressed else b""
        if method == 0:
            return data
        if method == 8:
            return zlib.decompress(data, -15)
        raise IOError("unsupported zip compression method {} for {}".format(method, name))

    def stream(self, name, sink, chunk=16 << 20):
        """Decompress member `name` into the binary file `sink`, chunk by chunk.

        For members too large to hold in memory twice (libtorch_cuda.so is
        hundreds of megabytes compressed); returns the uncompressed size.
        """
        method, compressed, offset = self.entries[name]
        header = _get_range(self.url, offset, offset + 29, self.timeout)
        if not header.startswith(_LOCAL_SIGNATURE):
            raise IOError("bad local header for " + name)
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        start = offset + 30 + name_len + extra_len
        if method not in (0, 8):
            raise IOError("unsupported zip compression method {} for {}".format(method, name))
        inflater = zlib.decompressobj(-15) if method == 8 else None
        written = 0
        for pos in range(start, start + compressed, chunk):
            end = min(pos + chunk, start + compressed) - 1
            data = _get_range(self.url, pos, end, self.timeout)
            if len(data) != end - pos + 1:
                raise IOError("short read of {} at {}".format(name, pos))
            data = inflater.decompress(data) if inflater else data
            sink.write(data)
            written += len(data)
        if inflater:
            tail = inflater.flush()
            sink.write(tail)
            written += len(tail)
            if not inflater.eof:
                raise IOError("truncated deflate stream for " + name)
        return written

    def find(self, suffix):
        """Names ending in suffix, e.g. '.dist-info/METADATA'."""
        return [name for name in self.entries if name.endswith(suffix)]


def read_metadata(url, size):
    wheel = RemoteWheel(url, size)
    candidates = [n for n in wheel.find(".dist-info/METADATA") if n.count("/") == 1]
    if len(candidates) != 1:
        raise IOError("expected one .dist-info/METADATA in {}, found {}".format(url, candidates))
    return wheel.read(candidates[0]).decode("utf-8")


def requires_dist(metadata_text):
    """The Requires-Dist lines of a METADATA file (header part only)."""
    header = metadata_text.split("\n\n", 1)[0]
    return [line.split(":", 1)[1].strip() for line in header.splitlines()
            if line.lower().startswith("requires-dist:")]
