"""The hook that keeps the pages' blocks of HTML out of Markdown (publish/raw_html.py) changes
nothing MkDocs writes: the real site and the hostile fixture site, built with it, are the same
byte for byte as MkDocs alone makes them from the same pages and configurations."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.dataset.dates import build_date
from site_builder.publish.edition_builds import run_editions
from site_builder.publish.mkdocs_config import RAW_HTML_HOOK, without_raw_html_hook
from site_builder.publish.search_index import INDEX_FOLDER

DATES = {"real_site": None, "fixture_site": "2026-01-02"}  # as conftest.py built them


def _files(folder: Path, skip: str = "") -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not (skip and p.relative_to(folder).parts[0] == skip)
    }


@pytest.mark.parametrize("which", ["real_site", "fixture_site"])
def test_mkdocs_alone_builds_the_same_site_from_the_same_pages(which, request, tmp_path):
    site = request.getfixturevalue(which)
    work = site.parent / "build"
    assert all(str(RAW_HTML_HOOK) in c.read_text(encoding="utf-8") for c in work.glob("mkdocs*.yml"))
    with without_raw_html_hook(work) as alone_configs:
        assert len(alone_configs) == 2
        # The other hooks (sanitise.py, csp.py) stay: what they do is part of the pages compared.
        assert all(str(RAW_HTML_HOOK) not in config.read_text(encoding="utf-8") for config, _ in alone_configs)
        run_editions(alone_configs, tmp_path / "bare-site", DATES[which] or build_date(Path(__file__).resolve().parents[2]))
    assert not list(work.glob("alone-*"))  # the copies are removed
    built, alone = _files(site, skip=INDEX_FOLDER), _files(tmp_path / "bare-site")
    assert sorted(built) == sorted(alone)
    assert [name for name in built if built[name] != alone[name]] == []
    assert sum(name.endswith(".html") for name in built) > 20
