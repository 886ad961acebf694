"""A static file server on 127.0.0.1 that compresses text with gzip as a static host does
(GitHub Pages, Netlify, nginx; level 6, the common default): Lighthouse and the first-load budget
measure the bytes a reader downloads, and Python's http.server alone sends them uncompressed.

Files are compressed once per path and kept in memory; the site is read-only while it is served.
"""

from __future__ import annotations

import gzip
import threading
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from local_server import LocalServer

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


class CompressedSiteServer(LocalServer):
    """Serves `directory` on 127.0.0.1 at an ephemeral port, gzip-compressed, in a daemon thread."""

    def __init__(self, directory: Path):
        # A handler class of its own per server: its cache holds this directory's files only.
        super().__init__(directory, type("Handler", (CompressingHandler,), {"cache": {}, "lock": threading.Lock()}))
