"""Contributed text is data everywhere: a fixture site whose every free-text cell carries an
attack (markup, script, attr_list and YAML syntax, Jinja, control characters, formulas) is
built without validation, as if a check had been skipped, and read as a browser, a search
index, an SVG viewer and a spreadsheet would read it."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.pipeline import build_site

pytestmark = pytest.mark.browser

PAYLOADS = (
    "<script>alert('script')</script>",
    "\"><img src=x onerror=alert('img')>",
    "\x7f*x*{: tabindex=0 autofocus onfocus=alert('attr') }",
    "\x1b[31m\x00\x85\u2028---\ntitle: injected\n---",
    "[link](javascript:alert('md'))",
    "{{ 7*7 }}{% raw %}",
    "=cmd|' /C calc'!A0",
    "\u202ereversed\u202c\ufeff\ufffe",
    "<!--chart-svg:p34-51--commune-level-units-->",  # what stands for a chart's SVG until it is drawn
)
# Free-text columns of each fixture resource (ids, keys, codes, dates and enums stay valid).
FREE_TEXT = {
    "sources.csv": ("title", "publisher", "republished_by", "version", "notes"),
    "provinces.csv": ("name_vi", "name_en"),
    "indicators.csv": ("name_en", "name_vi", "unit", "definition"),
    "figures.csv": ("area", "quote", "quote_en", "notes"),
    "disagreements.csv": ("explanation",),
}
PAGES = (
    "",
    "provinces/",
    "provinces/quang-ngai/",
    "provinces/former/kon-tum/",
    "indicators/",
    "indicators/departments/",
    "coverage/",
    "data/",
)


def poison(path, columns) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows):
        for column in columns:
            row[column] = f"{PAYLOADS[number % len(PAYLOADS)]} {row[column]}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    paths = make_fixture_project(tmp_path_factory.mktemp("hostile"))
    package = paths.data_dir / "reform"
    for name, columns in FREE_TEXT.items():
        poison(package / name, columns)
    with (package / "CHANGELOG.md").open("a", encoding="utf-8") as handle:
        handle.write("".join(f"- {p}\n" for p in PAYLOADS))
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, workers=1)
    return paths.site_dir


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    from local_server import LocalServer

    server = LocalServer(hostile_site)
    yield server
    server.close()


INSPECT = """() => {
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name);
    }
  }
  const links = [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))
    .filter(u => /^\\s*[a-z][a-z0-9+.-]*:/i.test(u) && !/^\\s*https?:/i.test(u));
  return {handlers, links, scripts: [...document.scripts].filter(s => !s.src).map(s => s.textContent.slice(0, 80)),
          title: document.title, injected: document.querySelectorAll('img[src="x"], [autofocus]').length};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_or_becomes_markup_in_the_browser(page, hostile_server, path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url(path))
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    found = page.evaluate(INSPECT)
    assert dialogs == []
    assert found["handlers"] == [] and found["links"] == [] and found["injected"] == 0, found
    assert not any("alert(" in s for s in found["scripts"]), found["scripts"]
    assert "<" not in found["title"] and "\x7f" not in found["title"] and "\n" not in found["title"]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("indicators/departments/", "‹script›alert('script')‹/script› Provincial departments"),
        ("indicators/par-index-rank/", "*x*{: tabindex=0 autofocus onfocus=alert('attr') } PAR Index rank"),
    ],
)
def test_a_poisoned_indicator_name_shows_as_text_in_the_title(page, hostile_server, path, shown):
    page.goto(hostile_server.url(path))
    assert page.title().startswith(shown)
    assert page.locator("[onfocus], [tabindex='0'][autofocus]").count() == 0


@pytest.mark.parametrize("query", ["alert", "script", "onerror", "javascript"])
def test_search_results_show_the_payloads_as_text_only(page, hostile_server, query):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url(""), wait_until="networkidle")
    page.locator(".site-search .md-search__input").fill(query)
    page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(500)
    results = page.locator(".md-search-result__list")
    assert results.locator("a").count() > 0, "the payloads were not indexed at all"
    assert results.locator("script, img, iframe, [onerror], [onfocus], [tabindex='0'][autofocus]").count() == 0
    hrefs = results.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
    assert dialogs == []


def test_chart_svgs_carry_no_script_handler_or_foreign_link(hostile_site):
    svgs = sorted((hostile_site / "assets" / "charts").glob("*.svg"))
    assert svgs
    for svg in svgs:
        root = ElementTree.fromstring(svg.read_bytes())
        for element in root.iter():
            assert not element.tag.endswith("script"), svg.name
            for name, value in element.attrib.items():
                assert not name.split("}")[-1].startswith("on"), (svg.name, name)
                assert not value.strip().lower().startswith(("javascript:", "data:text")), (svg.name, value)


def test_no_line_of_any_download_starts_with_a_formula(hostile_site):
    files = {p.name: p.read_bytes() for p in (hostile_site / "data").rglob("*.csv")}
    with zipfile.ZipFile(io.BytesIO((hostile_site / "data" / "reform-data.zip").read_bytes())) as archive:
        files |= {f"zip:{n}": archive.read(n) for n in archive.namelist() if n.endswith(".csv")}
    assert len(files) > 10
    for name, data in files.items():
        text = data.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                    assert not line.startswith(("=", "+", "@", "\t")), (name, cell[:60])
