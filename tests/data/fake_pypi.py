"""A tiny PyPI stand-in on 127.0.0.1: PEP 691 JSON simple index plus wheels with HTTP Range.

Enough of PyPI for scripts/check-pypi: the index lists wheel files with upload-time and
yank status, and each wheel is a real zip holding METADATA (and torch/version.py for
torch) that the scripts read with range requests, as they do on files.pythonhosted.org.
"""

import http.server
import io
import json
import re
import threading
import zipfile


def make_wheel(name, version, requires=(), version_py=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        metadata = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
        metadata += ["Requires-Dist: " + requirement for requirement in requires]
        archive.writestr("{}-{}.dist-info/METADATA".format(name, version),
                         "\n".join(metadata) + "\n\nLong description.\n")
        if version_py is not None:
            archive.writestr("torch/version.py", version_py)
        # Padding so the central directory is not inside the first range request.
        archive.writestr("{}/_padding.bin".format(name), bytes(range(256)) * 400)
    return buffer.getvalue()


class FakePyPI:
    def __init__(self):
        self.projects = {}
        self.blobs = {}
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.base = "http://127.0.0.1:{}".format(self.server.server_address[1])

    def add_wheel(self, project, filename, data, upload_time, yanked=False, requires_python=None):
        self.blobs[filename] = data
        self.projects.setdefault(project, []).append({
            "filename": filename, "url": "{}/files/{}".format(self.base, filename),
            "hashes": {}, "requires-python": requires_python, "size": len(data),
            "upload-time": upload_time, "yanked": yanked})

    def add_listing(self, project, filename, url, sha256, size, yanked=False):
        """An index entry only, for checks that read the index and never the file."""
        self.projects.setdefault(project, []).append({
            "filename": filename, "url": url, "hashes": {"sha256": sha256}, "size": size,
            "requires-python": None, "upload-time": "2026-01-01T00:00:00Z", "yanked": yanked})

    def index_url(self):
        return self.base + "/simple"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _handler_class(self):
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                simple = re.match(r"^/simple/([^/]+)/$", self.path)
                if simple and simple.group(1) in fake.projects:
                    files = fake.projects[simple.group(1)]
                    versions = sorted({f["filename"].split("-")[1] for f in files})
                    body = json.dumps({"meta": {"api-version": "1.1"}, "name": simple.group(1),
                                       "files": files, "versions": versions}).encode()
                    return self._send(200, body, "application/vnd.pypi.simple.v1+json")
                blob = fake.blobs.get(self.path[len("/files/"):]) if self.path.startswith("/files/") else None
                if blob is None:
                    return self._send(404, b"not found", "text/plain")
                return self._send_range(blob)

            def _send_range(self, blob):
                spec = re.match(r"^bytes=(\d*)-(\d*)$", self.headers.get("Range", ""))
                if not spec:
                    return self._send(200, blob, "application/octet-stream")
                if spec.group(1) == "":
                    start = max(0, len(blob) - int(spec.group(2)))
                    end = len(blob) - 1
                else:
                    start = int(spec.group(1))
                    end = min(len(blob) - 1, int(spec.group(2) or len(blob) - 1))
                self.send_response(206)
                self.send_header("Content-Range", "bytes {}-{}/{}".format(start, end, len(blob)))
                self._finish(blob[start:end + 1], "application/octet-stream")

            def _send(self, status, body, content_type):
                self.send_response(status)
                self._finish(body, content_type)

            def _finish(self, body, content_type):
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
