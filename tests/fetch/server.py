#!/usr/bin/env python3
"""Loopback HTTP server for the fetch tests.

Serves files of --root under paths that choose a behaviour, so that one
server covers every case and cases running in parallel don't interfere:

  /<mode>/<tag>/<file>     mode: normal, tamper, truncate, 404, slow,
                           shortlen, trickle, redirect-http, redirect-tls
                           tag: any word; it only appears in the log, so
                           each test counts its own requests.

  normal    the file as is
  tamper    the file with one byte flipped in the middle
  truncate  a Content-Length for the whole file, then half of it, then the
            connection closes
  404       Not Found
  slow      the file in small pieces with pauses (about 2 s in all), so
            that concurrent fetches overlap
  shortlen  a Content-Length of half the file, then the whole file (the
            client keeps only the announced half: a zip without its index)
  trickle   the right Content-Length, then one byte every 0.2 s: never idle
            long enough for an inactivity timeout
  redirect-http  302 to the same file, mode normal, on the plain port
  redirect-tls   302 to the same file, mode normal, on the TLS port
  redirect-http-tab, redirect-http-vt
            as redirect-http, with a tab (or a vertical tab) and no space
            after "Location:", which curl skips as white space
  nolength  the file with no Content-Length, the connection closed at its
            end (a client knows the size only once it has it all)

A folder is served as a simple index's project page (PEP 503/691): its
index.json (application/vnd.pypi.simple.v1+json) when the request's Accept
header asks for that and the folder has one, else its index.html.

With --cert and --key, a second listener speaks TLS (its port in
<state>/tls-port); both serve the same paths.

The server exits by itself after --idle-timeout seconds (default 1800)
without a request, so a test run that dies never leaves it behind for long.

Every request is appended to --log as "<mode> <tag> <file> <status> <bytes>".

  server.py start --root DIR --log FILE --state DIR   start in the background;
      returns once listening; writes DIR/port and DIR/pid
  server.py stop --state DIR                           stop it
"""

import argparse
import http.server
import os
import signal
import socketserver
import sys
import threading
import time
import urllib.parse

MODES = {"normal", "tamper", "truncate", "404", "slow", "shortlen", "trickle", "redirect-http",
         "redirect-tls", "redirect-http-tab", "redirect-http-vt", "nolength"}


class Handler(http.server.BaseHTTPRequestHandler):
    root = "."
    ports = {}
    log_path = "server.log"
    log_lock = threading.Lock()

    def log_message(self, format, *args):  # noqa: A002 - keep stderr quiet
        pass

    def _record(self, mode, tag, name, status, sent):
        with self.log_lock, open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"{mode} {tag} {name} {status} {sent}\n")

    def do_GET(self):  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        Server.last_request = time.monotonic()
        parts = self.path.split("?", 1)[0].strip("/").split("/")
        if len(parts) < 3 or parts[0] not in MODES:
            self._record("?", "?", self.path, 400, 0)
            self.send_error(400, "expected /<mode>/<tag>/<file>")
            return
        mode, tag = parts[0], parts[1]
        name = urllib.parse.unquote("/".join(parts[2:]))
        path = os.path.realpath(os.path.join(self.root, name))
        content_type = "application/octet-stream"
        if os.path.isdir(path) and path.startswith(os.path.realpath(self.root) + os.sep):
            path, content_type = self._index_page(path)
        if mode == "404" or not path.startswith(os.path.realpath(self.root) + os.sep) \
                or not os.path.isfile(path):
            self._record(mode, tag, name, 404, 0)
            self.send_error(404)
            return
        if mode.startswith("redirect-"):
            scheme, port = ("https", self.ports.get("tls", 1)) if mode == "redirect-tls" \
                else ("http", self.ports["plain"])
            rest = "/".join(parts[2:])
            self._record(mode, tag, name, 302, 0)
            self.send_response(302)
            target = f"{scheme}://127.0.0.1:{port}/normal/{tag}/{rest}"
            blank = {"redirect-http-tab": "\t", "redirect-http-vt": "\v"}.get(mode)
            if blank:
                # send_header would put a space after the colon.
                self._headers_buffer.append(f"Location:{blank}{target}\r\n".encode("latin-1"))
            else:
                self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with open(path, "rb") as f:
            data = f.read()
        body = data
        if mode == "tamper":
            middle = len(data) // 2
            body = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        announced = len(body) // 2 if mode == "shortlen" else len(body)
        if mode == "nolength":
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(announced))
        self.end_headers()
        sent = 0
        if mode == "truncate":
            half = body[: len(body) // 2]
            self.wfile.write(half)
            sent = len(half)
            self.wfile.flush()
            self.close_connection = True
        elif mode == "trickle":
            try:
                for start in range(len(body)):
                    self.wfile.write(body[start:start + 1])
                    self.wfile.flush()
                    sent += 1
                    time.sleep(0.2)
            except OSError:
                pass
        elif mode == "shortlen":
            self.wfile.write(body)
            sent = len(body)
            self.close_connection = True
        elif mode == "slow":
            pieces = 20
            step = max(1, len(body) // pieces + 1)
            for start in range(0, len(body), step):
                self.wfile.write(body[start:start + step])
                self.wfile.flush()
                sent += len(body[start:start + step])
                time.sleep(0.1)
        else:
            self.wfile.write(body)
            sent = len(body)
        self._record(mode, tag, name, 200, sent)


    def _index_page(self, folder):
        """A simple index's project page (PEP 503/691): index.json when the client asks for
        PEP 691 JSON and the folder has it, else index.html."""
        accept = self.headers.get("Accept", "")
        json_page = os.path.join(folder, "index.json")
        if "application/vnd.pypi.simple.v1+json" in accept and os.path.isfile(json_page):
            return json_page, "application/vnd.pypi.simple.v1+json"
        return os.path.join(folder, "index.html"), "text/html"


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    last_request = time.monotonic()


def shut_down_when_idle(server, idle_timeout):
    while time.monotonic() - Server.last_request < idle_timeout:
        time.sleep(1)
    server.shutdown()


def start(args):
    os.makedirs(args.state, exist_ok=True)
    port_file = os.path.join(args.state, "port")
    pid_file = os.path.join(args.state, "pid")
    for stale in (port_file, pid_file):
        if os.path.exists(stale):
            os.remove(stale)
    # A fresh log per run: the cases count their own requests in it.
    open(args.log, "w").close()
    Handler.root = os.path.abspath(args.root)
    Handler.log_path = os.path.abspath(args.log)
    # Port 0: the kernel picks a free port, so parallel test runs never clash.
    server = Server(("127.0.0.1", 0), Handler)
    Handler.ports["plain"] = server.server_address[1]
    tls_server = None
    if args.cert:
        import ssl
        tls_server = Server(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        tls_server.socket = context.wrap_socket(tls_server.socket, server_side=True)
        Handler.ports["tls"] = tls_server.server_address[1]
    pid = os.fork()
    if pid > 0:
        server.server_close()
        if tls_server:
            tls_server.server_close()
        for _ in range(100):
            if os.path.exists(port_file):
                print(f"serving {args.root} on 127.0.0.1:{open(port_file).read().strip()}")
                return 0
            time.sleep(0.05)
        print("server did not start", file=sys.stderr)
        return 1
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    with open(pid_file + ".tmp", "w") as f:
        f.write(str(os.getpid()))
    os.replace(pid_file + ".tmp", pid_file)
    if tls_server:
        threading.Thread(target=tls_server.serve_forever, daemon=True).start()
        with open(port_file + ".tls.tmp", "w") as f:
            f.write(str(tls_server.server_address[1]))
        os.replace(port_file + ".tls.tmp", os.path.join(args.state, "tls-port"))
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    Server.last_request = time.monotonic()
    threading.Thread(target=shut_down_when_idle, args=(server, args.idle_timeout),
                     daemon=True).start()
    server.serve_forever()
    return 0


def stop(args):
    pid_file = os.path.join(args.state, "pid")
    if not os.path.exists(pid_file):
        print("no server running", file=sys.stderr)
        return 0
    pid = int(open(pid_file).read().strip())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.remove(pid_file)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_start = sub.add_parser("start")
    p_start.add_argument("--root", required=True)
    p_start.add_argument("--log", required=True)
    p_start.add_argument("--state", required=True)
    p_start.add_argument("--idle-timeout", type=float, default=1800)
    p_start.add_argument("--cert")
    p_start.add_argument("--key")
    p_stop = sub.add_parser("stop")
    p_stop.add_argument("--state", required=True)
    args = parser.parse_args()
    return start(args) if args.command == "start" else stop(args)


if __name__ == "__main__":
    sys.exit(main())
