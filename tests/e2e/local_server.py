"""A static file server on 127.0.0.1 with an ephemeral port, in a daemon thread, for the browser
tests (compressed_server.py serves the same, gzip-compressed)."""

from __future__ import annotations

import functools
import io
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE_PATH = "/data/"  # the path of site_url in mkdocs.yml, where GitHub Pages serves the site


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".csv": "text/csv; charset=utf-8",
    }

    def log_message(self, format, *args):  # keep test output clean
        pass


class SiteBelowItsPath(QuietHandler):
    """The site served at SITE_PATH as GitHub Pages serves a project's site, with 404.html (and a
    404 status) for any address that is not a file: the 404 page links its scripts and styles
    from site_url's path, as it must, being served at any address."""

    def translate_path(self, path):
        inner = path[len(SITE_PATH) - 1 :] if path.startswith(SITE_PATH) else "/404.html"
        return super().translate_path(inner)

    def send_head(self):
        if not Path(self.translate_path(self.path.split("?", 1)[0])).exists():
            self.path = SITE_PATH + "404.html"
            body = Path(self.translate_path(self.path)).read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return SimpleHTTPRequestHandler.send_head(self)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (a download, a prefetch): not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class LocalServer:
    """A static file server on 127.0.0.1 with an ephemeral port, in a daemon thread."""

    def __init__(self, directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler):
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
