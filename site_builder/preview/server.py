"""The preview's web server: the built site from 127.0.0.1, each HTML page with a script (added
while serving, never written into the site) that asks `/__preview__/version` four times a second
(RELOAD_POLL_MS; a request to 127.0.0.1 costs nothing) and reloads the page when the preview was
rebuilt. The script is a file the server serves (`/__preview__/reload.js`), not inline: the
pages' Content-Security-Policy runs only the site's own files."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

VERSION_PATH = "/__preview__/version"
RELOAD_PATH = "/__preview__/reload.js"
RELOAD_POLL_MS = 250
RELOAD_CODE = (
    "(function(){var seen=null;setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(v){if(seen!==null&&v!==seen){location.reload()}seen=v})"
    ".catch(function(){})}," + str(RELOAD_POLL_MS) + ")})();"
)
RELOAD_SCRIPT = f'<script src="{RELOAD_PATH}"></script>'


class PreviewState:
    """The number of the current build; the pages reload when it changes."""

    def __init__(self) -> None:
        self.version = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.version += 1


class PreviewHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, state: PreviewState, **kwargs) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if self.path == VERSION_PATH:
            return self._send(str(self.state.version).encode(), "text/plain")
        if self.path == RELOAD_PATH:
            return self._send(RELOAD_CODE.encode(), "text/javascript")
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        if page.suffix == ".html" and page.is_file() and (path.is_file() or self.path.endswith("/")):
            html = page.read_text(encoding="utf-8")
            return self._send(html.replace("</body>", RELOAD_SCRIPT + "</body>", 1).encode(), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # a line per request would drown the build's lines
        pass


def start_server(site_dir: Path, port: int, state: PreviewState) -> ThreadingHTTPServer:
    """Serve `site_dir` on 127.0.0.1:`port` (0: any free port) in a background thread."""
    handler = functools.partial(PreviewHandler, directory=str(site_dir), state=state)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
