"""A static file server on 127.0.0.1 that compresses text with gzip as a static host does
(GitHub Pages, Netlify, nginx; level 6, the common default): Lighthouse and the first-load budget
measure the bytes a reader downloads, and Python's http.server alone sends them uncompressed.

Files are compressed once per path and kept in memory; the site is read-only while it is served.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What a static host compresses: text, not images that are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".csv", ".txt", ".map"}
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".csv": "text/csv; charset=utf-8",
    ".wasm": "application/wasm",
}


class CompressingHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}
    cache: dict[Path, bytes]
    lock: threading.Lock

    def log_message(self, format, *args):  # keep test output clean
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # a folder without its slash: http.server redirects
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts_gzip or path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().do_GET()
        body = self.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def compressed(self, path: Path) -> bytes:
        with self.lock:
            if path not in self.cache:
                self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            return self.cache[path]


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs: not an error


class CompressedSiteServer:
    """Serves `directory` on 127.0.0.1 at an ephemeral port, gzip-compressed, in a daemon thread."""

    def __init__(self, directory: Path):
        handler = type("Handler", (CompressingHandler,), {"cache": {}, "lock": threading.Lock()})
        self.httpd = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
