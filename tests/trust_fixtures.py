"""What the trust-boundary tests share: editing a fixture's datapackage.json, a server on
127.0.0.1 that counts every connection made to it, and a whole project folder the commands run on."""

from __future__ import annotations

import json
import shutil
import socket
import threading
from pathlib import Path

from helpers import REPO

BUILD_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"


def descriptor_file(project: Path, package: str = "reform") -> Path:
    return project / "datapackages" / package / "datapackage.json"


def edit_descriptor(project: Path, change, package: str = "reform") -> None:
    """Apply `change` to the parsed datapackage.json of a fixture project and write it back."""
    path = descriptor_file(project, package)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def field(descriptor: dict, resource_name: str, field_name: str) -> dict:
    return next(f for f in resource(descriptor, resource_name)["schema"]["fields"] if f["name"] == field_name)


class CountingServer:
    """A TCP server on 127.0.0.1 that accepts, counts and closes every connection (HTTP or TLS
    alike): any request the tested code makes to it shows in `connections`."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.connections = 0
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.socket.getsockname()[1]

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}/{path}"

    def _serve(self) -> None:
        while not self.closed.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            try:
                connection.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nid\n")
            except OSError:
                pass
            connection.close()

    def close(self) -> None:
        self.closed.set()
        self.thread.join(timeout=2)
        self.socket.close()


def json_path(resource_name: str, field_name: str | None = None, package: str = "reform") -> str:
    """The JSON path of a resource (or one of its fields) in the code's copy of `package`'s
    descriptor, so a test names what it edits, not where it happens to be today."""
    from site_builder.dataset.pinned import pinned_copy

    resources = pinned_copy(package)["resources"]
    index = next(i for i, r in enumerate(resources) if r["name"] == resource_name)
    path = f"$.resources[{index}]"
    if field_name is None:
        return path
    fields = resources[index]["schema"]["fields"]
    return path + f".schema.fields[{next(i for i, f in enumerate(fields) if f['name'] == field_name)}]"


def whole_project(tmp: Path, sources_url: str = "https://example.org/evil") -> Path:
    """A project folder `site-builder validate` and `build` run on: the build fixture's reform
    package (its `javascript:` address replaced by `sources_url`) with the repository's
    descriptor, docs/ and mkdocs.yml."""
    package = tmp / "datapackages" / "reform"
    shutil.copytree(BUILD_FIXTURE, package)
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", package / "datapackage.json")
    sources = package / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("javascript:alert(1)", sources_url), encoding="utf-8")
    shutil.copytree(REPO / "docs", tmp / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp
