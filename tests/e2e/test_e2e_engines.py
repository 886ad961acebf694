"""The two engines (publish/engines.py) build the same site from the same generated docs: the
fixture project built with MkDocs and with Zensical has the same pages, each with the same
anchors and links in its article, the same downloads byte for byte, and passes the build's own
checks (every link resolves, nothing from another host) on both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.pipeline import build_site

pytestmark = pytest.mark.slow

ARTICLE = re.compile(r"<div data-pagefind-body>(.*?)<!--/pagefind-body-->", re.S)
IDS = re.compile(r'\sid="([^"]+)"')
LINKS = re.compile(r'\s(?:href|src)="([^"]+)"')


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for engine in ("mkdocs", "zensical"):
        paths = make_fixture_project(tmp_path_factory.mktemp(engine))
        build_site(paths, validator=None, date="2026-01-02", engine=engine, progress=lambda line: None)
        built[engine] = paths.site_dir
    return built


def articles(site: Path) -> dict[str, str]:
    """Each page's article (what the theme wraps around it left out), by path in the site."""
    found = {}
    for page in site.rglob("index.html"):
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            found[page.relative_to(site).as_posix()] = match.group(1)
    return found


def test_both_engines_publish_the_same_pages(sites):
    mkdocs, zensical = articles(sites["mkdocs"]), articles(sites["zensical"])
    assert len(mkdocs) > 20
    assert sorted(mkdocs) == sorted(zensical)


def test_every_page_has_the_same_anchors_and_links_with_both_engines(sites):
    mkdocs, zensical = articles(sites["mkdocs"]), articles(sites["zensical"])
    for page, article in mkdocs.items():
        assert set(IDS.findall(article)) == set(IDS.findall(zensical[page])), page
        assert sorted(LINKS.findall(article)) == sorted(LINKS.findall(zensical[page])), page


def test_the_downloads_are_the_same_bytes_with_both_engines(sites):
    def files(site: Path) -> dict[str, bytes]:
        found = (site / "data").rglob("*")  # data/index.html is the data page, rendered by each engine
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in found if p.is_file() and p.suffix != ".html"}

    mkdocs, zensical = files(sites["mkdocs"]), files(sites["zensical"])
    assert mkdocs.keys() == zensical.keys() and mkdocs == zensical


def test_both_engines_serve_the_search_index_and_the_theme_script_each_page_loads(sites):
    for engine, site in sites.items():
        assert (site / "pagefind" / "pagefind.js").is_file(), engine
        html = (site / "index.html").read_text(encoding="utf-8")
        bundle = re.search(r'data-theme-script="([^"]+)"', html).group(1)
        assert (site / bundle).is_file(), f"{engine}: the theme's script {bundle} is not in the site"
