"""The catalogue's pieces: JSON-LD that contributed text cannot break out of, addresses made
relative to the page, per-indicator files, the DCAT catalogue's shape."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import pytest

from site_builder.catalogue.about import about_data
from site_builder.catalogue.jsonld import script_text, temporal_coverage
from site_builder.downloads.indicator_files import write_indicator_files
from site_builder.downloads.metadata import SliceFacts

HOSTILE = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "a & b",
    "line\u2028separator\u2029",
    "]]><img src=x onerror=alert(1)>",
    '"\\"; alert(1); //',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_contributed_text_cannot_end_the_json_ld_element(text):
    out = str(script_text({"name": text, "isBasedOn": [{"name": text}]}, "../../", "../../"))
    assert "<" not in out and ">" not in out and "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"name": text, "isBasedOn": [{"name": text}]}


def test_addresses_in_the_site_are_made_relative_to_the_page():
    data = {
        "url": "provinces/hue/",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator": [{"url": "https://example.org/"}, {"url": ""}],
        "distribution": [{"contentUrl": "data/provinces/p34-46.csv"}],
        "isBasedOn": [{"url": "https://news.example/article"}],
    }
    out = json.loads(str(script_text(data, "../../", "../../../")))  # a page of the edition under vi/
    assert out["url"] == "../../provinces/hue/"
    assert out["creator"] == [{"url": "https://example.org/"}, {"url": "../../"}]
    assert out["distribution"][0]["contentUrl"] == "../../../data/provinces/p34-46.csv"
    assert out["isBasedOn"][0]["url"] == "https://news.example/article"
    assert json.loads(str(script_text({"url": ""}, "", "")))["url"] == "./"  # the home page links to itself


def test_creators_and_publisher_come_from_the_contributors_roles():
    descriptor = {
        "contributors": [
            {"title": "Editors", "role": "author", "path": "https://example.org/people"},
            {"title": "Registry author", "roles": ["creator"], "path": "javascript:alert(1)"},
            {"title": "The site", "role": "publisher"},
            {"title": "Helper", "role": "contributor"},
        ],
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
    }
    about = about_data(descriptor, "Site")
    assert [(a.name, a.url) for a in about.creators] == [("Editors", "https://example.org/people"), ("Registry author", "")]
    assert about.publisher.name == "The site"
    assert about.licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert about_data({}, "Site").publisher.name == "Site"


def test_each_indicator_gets_every_figure_with_names_and_sources(tmp_path):
    descriptor = {
        "resources": [
            {
                "name": "figures",
                "schema": {"fields": [{"name": n} for n in ("id", "province_id", "indicator_id", "value", "source_id", "quote")]},
            }
        ]
    }
    tables = {
        "indicators": [{"id": "wards", "name_en": "Wards", "name_vi": "Phường", "definition": "Urban units."}, {"id": "empty"}],
        "provinces": [{"id": "p34-51", "name_vi": "Quảng Ngãi", "name_en": "Quang Ngai"}],
        "sources": [{"id": "s1", "title": "An article", "publisher": "A paper", "url": "https://example.org/a"}],
        "figures": [
            {
                "id": "f1",
                "province_id": "p34-51",
                "indicator_id": "wards",
                "value": "9",
                "source_id": "s1",
                "quote": "=HYPERLINK(1)",
            },
            {"id": "f2", "province_id": "p34-51", "indicator_id": "other", "value": "1", "source_id": "s1", "quote": "x"},
        ],
    }
    facts = SliceFacts({"name": "CC-BY-4.0"}, {"en": "cite", "vi": "trích"}, "", "", "2025-12-31")
    files = write_indicator_files(descriptor, tables, facts, {}, tmp_path)
    assert set(files) == {"wards", "empty"}
    csv_file, meta_file = files["wards"]
    assert csv_file.path == "data/indicators/wards.csv" and meta_file.path == "data/indicators/wards.metadata.json"
    rows = list(csv.DictReader(io.StringIO((tmp_path / csv_file.path).read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["f1"]
    assert rows[0]["province_name_vi"] == "Quảng Ngãi" and rows[0]["source_url"] == "https://example.org/a"
    assert rows[0]["quote"] == "'=HYPERLINK(1)"  # formula-safe, like every other CSV of the site
    meta = json.loads((tmp_path / meta_file.path).read_text(encoding="utf-8"))
    assert meta["title"] == {"en": "Wards", "vi": "Phường"}
    assert meta["sources"][0]["url"] == "https://example.org/a"
    assert meta["data"]["sha256"] == csv_file.sha256 and meta["figures"] == 1
    assert meta["last_change"] == "2025-12-31" and meta["citation"] == {"en": "cite", "vi": "trích"}
    assert [c["name"] for c in meta["columns"]] == list(rows[0])
    assert (tmp_path / "data/indicators/empty.csv").read_text(encoding="utf-8").startswith("id,")


def test_a_plan_or_a_target_is_counted_apart_and_never_extends_the_period_the_results_cover(tmp_path):
    fields = ("id", "province_id", "indicator_id", "value", "source_id", "period_end", "status")
    descriptor = {"resources": [{"name": "figures", "schema": {"fields": [{"name": n} for n in fields]}}]}
    figure = {"province_id": "vn", "indicator_id": "staff", "value": "1", "source_id": "s1"}
    tables = {
        "indicators": [{"id": "staff"}],
        "sources": [{"id": "s1", "title": "A plan"}],
        "figures": [
            {**figure, "id": "f1", "period_end": "2025-07-01", "status": "result"},
            {**figure, "id": "f2", "period_end": "2025-12-31", "status": "cumulative"},
            {**figure, "id": "f3", "period_end": "2030-12-31", "status": "target"},
            {**figure, "id": "f4", "period_end": "2026-06-30", "status": "plan"},
        ],
    }
    facts = SliceFacts({"name": "CC-BY-4.0"}, {"en": "cite", "vi": "trích"}, "", "", "2025-12-31")
    csv_file, meta_file = write_indicator_files(descriptor, tables, facts, {}, tmp_path)["staff"]
    meta = json.loads((tmp_path / meta_file.path).read_text(encoding="utf-8"))
    assert meta["figures_by_status"] == {"result": 1, "plan": 1, "target": 1, "cumulative": 1}
    assert meta["period"] == {"start": "2025-07-01", "end": "2025-12-31"}
    assert meta["plans_and_targets_until"] == "2030-12-31" and "plan or target" in meta["status_note"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / csv_file.path).read_text(encoding="utf-8"))))
    assert [r["status"] for r in rows] == ["result", "cumulative", "target", "plan"]  # each row says what it is


def test_the_time_a_page_covers_is_its_results_not_its_plans_or_targets():
    def view(end: str, outcome: bool) -> SimpleNamespace:
        return SimpleNamespace(figure=SimpleNamespace(period_start="", period_end=end), is_outcome=outcome)

    views = [view("2025-07-01", True), view("2030-12-31", False), view("2024-12-31", True)]
    assert temporal_coverage(views) == "2024-12-31/2025-07-01"
    assert temporal_coverage([view("2030-12-31", False)]) == ""
