"""`site-builder validate` and `site-builder build` never open a network connection, whatever a
pull request puts in a descriptor, a page or the data: every kind of reference a descriptor can
hold, pointed at a server on 127.0.0.1 that counts connections, gets a problem and no
connection; and both commands run to their end in a network namespace without any network
(`unshare -n`), where the Python process records every connection it tries (none)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import found
from site_builder.validate.offline import NoNetworkSession, offline
from trust_fixtures import CountingServer, edit_descriptor, field, json_path, resource, whole_project

SITE_BUILDER = Path(sys.executable).with_name("site-builder")
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


@pytest.fixture
def server():
    counting = CountingServer()
    yield counting
    counting.close()


def figures(descriptor: dict) -> dict:
    return resource(descriptor, "figures")


# Every place a descriptor can name a file or an address, each pointed at `url`.
REFERENCES = {
    "resource path": lambda d, url: figures(d).update(path=url),
    "multipart path": lambda d, url: figures(d).update(path=["figures.csv", url]),
    "extrapaths": lambda d, url: figures(d).update(extrapaths=[url]),
    "schema by address": lambda d, url: figures(d).update(schema=url),
    "dialect by address": lambda d, url: figures(d).update(dialect=url),
    "dialect inline": lambda d, url: figures(d).update(dialect={"csv": {"delimiter": ","}, "$schema": url}),
    "resource profile": lambda d, url: figures(d).update(profile=url),
    "resource $schema": lambda d, url: figures(d).update({"$schema": url}),
    "package profile": lambda d, url: d.update(profile=url),
    "package $schema": lambda d, url: d.update({"$schema": url}),
    "foreign key to another package": lambda d, url: figures(d)["schema"]["foreignKeys"].append(
        {"fields": "source_id", "reference": {"package": url, "resource": "sources", "fields": "id"}}
    ),
    "field rdfType": lambda d, url: field(d, "figures", "value").update(rdfType=url),
    "schema $ref": lambda d, url: figures(d)["schema"].update({"$ref": url}),
    "licence over http": lambda d, url: d["licenses"][0].update(path=url),
    "package sources": lambda d, url: d.update(sources=[{"title": "x", "path": url}]),
    "homepage": lambda d, url: d.update(homepage=url),
    "resource scheme": lambda d, url: figures(d).update(scheme="http", path=url.removeprefix("http://")),
    "zip inner path": lambda d, url: figures(d).update(path=url + "data.zip", innerpath="figures.csv"),
}


@pytest.mark.parametrize("reference", sorted(REFERENCES))
def test_validation_follows_no_reference_of_a_descriptor(project, server, reference):
    edit_descriptor(project, lambda d: REFERENCES[reference](d, server.url("x.json")))
    problems = found(project)
    assert problems and all(p.path == "datapackages/reform/datapackage.json" for p in problems), problems
    assert server.connections == 0


def test_frictionless_has_no_way_to_open_an_address(server):
    from frictionless import Package, Resource

    with offline():
        for address in (server.url("x.csv"), server.url("x.csv", "https"), f"ftp://127.0.0.1:{server.port}/x.csv"):
            with pytest.raises(Exception, match="addresses are not read"):  # the offline plugin, before any loader
                Resource(path=address).read_rows()
        with pytest.raises(Exception, match="no network"):  # a descriptor by address: the refusing session
            Package(server.url("datapackage.json"))
    with pytest.raises(Exception, match="no network"):
        NoNetworkSession().get(server.url("x"))
    assert server.connections == 0


def every_reference(descriptor: dict, url: str) -> None:
    """All of REFERENCES at once but the resource paths (the reader refuses those before
    frictionless sees the package), each on a resource of its own where two would clash."""
    for name, edit in REFERENCES.items():
        if name not in ("resource path", "multipart path", "resource scheme", "zip inner path", "schema by address"):
            edit(descriptor, url)
    resource(descriptor, "sources").update(schema=url)


def hostile_docs(project: Path, url: str) -> None:
    """A hand-written page that would load, frame, post to and link to `url`."""
    page = project / "docs" / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + f'\n![remote]({url}m.png)\n\n<img src="{url}i.png" srcset="{url}s.png 2x"><iframe src="{url}f"></iframe>\n'
        f'<link rel="stylesheet" href="{url}s.css"><script src="{url}j.js"></script><video poster="{url}v.png"></video>\n'
        f'<form action="{url}post"><input name="q"></form> [a link]({url}read)\n',
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "https://github.com/vietnam-apparatus-reform/data", url.replace("http:", "https:")
    )
    config.write_text(text, encoding="utf-8")


def run(command: list[str], cwd: Path, log: Path | None = None) -> subprocess.CompletedProcess:
    """`site-builder COMMAND` in `cwd`; with `log`, through a Python audit hook that records every
    network connection and name lookup the process tries into it."""
    if log is None:
        arguments = [str(SITE_BUILDER), *command]
    else:
        arguments = [sys.executable, str(Path(__file__).with_name("audited_site_builder.py")), str(log), *command]
    return subprocess.run(arguments, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, timeout=900, check=False)


def test_the_commands_open_no_connection_to_a_referenced_server(tmp_path, server):
    url = server.url("")
    hostile = whole_project(tmp_path / "hostile")
    edit_descriptor(hostile, lambda d: every_reference(d, url))
    validated = run(["validate"], hostile)
    assert server.connections == 0
    assert validated.returncode == 1 and "Traceback" not in validated.stderr, validated.stderr
    assert json_path("figures") + ".extrapaths" in validated.stdout
    built = whole_project(tmp_path / "built", sources_url=server.url("article", "https"))
    hostile_docs(built, url)
    result = run(["build"], built)
    assert result.returncode == 0, result.stdout + result.stderr
    assert server.connections == 0
    assert f"127.0.0.1:{server.port}/i.png" not in (built / "site" / "about" / "index.html").read_text(encoding="utf-8")


def test_the_commands_run_to_their_end_without_a_network(tmp_path):
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False).returncode != 0:
        pytest.fail(
            "This test needs `unshare -rn` (util-linux) to run the commands in a network namespace without network: "
            "install util-linux, and allow user namespaces (on Ubuntu 24.04: "
            "`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`), then run it again.",
            pytrace=False,
        )
    url = "http://192.0.2.1/"  # TEST-NET-1: an address that is nowhere
    hostile = whole_project(tmp_path / "hostile")
    edit_descriptor(hostile, lambda d: every_reference(d, url))
    built = whole_project(tmp_path / "built", sources_url="https://192.0.2.1/article")
    hostile_docs(built, url)
    for project, command, status in ((hostile, "validate", 1), (built, "build", 0)):
        log = project / "network.log"
        result = subprocess.run(
            [unshare, "-rn", sys.executable, str(Path(__file__).with_name("audited_site_builder.py")), str(log), command],
            cwd=project,
            env=ENVIRONMENT,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert result.returncode == status and "Traceback" not in result.stderr, result.stdout + result.stderr
        assert log.read_text(encoding="utf-8") == "", f"{command} tried the network: {log.read_text(encoding='utf-8')}"


def test_the_published_descriptor_holds_no_reference_of_a_pull_request(project):
    from site_builder.dataset.pinned import pinned_copy, with_pinned_schemas

    descriptor = json.loads((project / "datapackages" / "reform" / "datapackage.json").read_text(encoding="utf-8"))
    every_reference(descriptor, "http://192.0.2.1/")
    published = with_pinned_schemas(descriptor, pinned_copy("reform"))
    text = json.dumps(published)
    for key in ("extrapaths", "dialect", "rdfType", "$ref", "$schema", "homepage", '"package"'):
        assert key not in text, key
    assert "profile" not in published
    assert [{k: r[k] for k in ("name", "path", "profile", "schema")} for r in published["resources"]] == [
        {k: r[k] for k in ("name", "path", "profile", "schema")} for r in pinned_copy("reform")["resources"]
    ]
