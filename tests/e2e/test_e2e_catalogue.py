"""The built site tells machines what it publishes: schema.org Dataset JSON-LD on the pages that
present data, the DCAT-AP catalogue, and each indicator's CSV and metadata at a stable address,
fetched over HTTP and checked against the package's own figures.csv."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import posixpath
import re
import urllib.request
from pathlib import Path

import pytest

from helpers import REPO

PAGES = {  # page -> (language, the place it covers or None)
    "provinces/quang-ngai/": ("en", "Quảng Ngãi"),
    "vi/provinces/quang-ngai/": ("vi", "Quảng Ngãi"),
    "provinces/former/kon-tum/": ("en", "Kon Tum"),
    "vietnam/": ("en", "Việt Nam"),
    "indicators/commune-level-units/": ("en", None),
    "vi/indicators/commune-level-units/": ("vi", None),
    "data/": ("en", None),
}
# The schema.org properties each type may carry (https://schema.org/<Type>, with those it inherits).
VOCABULARY = {
    "Dataset": {
        "@context",
        "@type",
        "name",
        "description",
        "url",
        "inLanguage",
        "license",
        "creator",
        "publisher",
        "dateModified",
        "includedInDataCatalog",
        "distribution",
        "isBasedOn",
        "version",
        "temporalCoverage",
        "spatialCoverage",
        "keywords",
        "variableMeasured",
    },
    "DataDownload": {"@type", "name", "contentUrl", "encodingFormat", "contentSize"},
    "Organization": {"@type", "name", "url"},
    "DataCatalog": {"@type", "name", "url"},
    "CreativeWork": {"@type", "name", "url"},
    "AdministrativeArea": {"@type", "name", "alternateName", "identifier", "containedInPlace"},
    "Country": {"@type", "name", "alternateName"},
}
REQUIRED = {"name", "description", "url", "license", "creator", "publisher", "dateModified", "distribution", "isBasedOn"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def json_ld(site: Path, page: str) -> dict:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, f"{page}: {len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0])


def resolves(site: Path, base: str, address: str) -> bool:
    """Whether a relative address, read from the file or page at `base` (a path in the site), is a file of the site."""
    assert not re.match(r"^[a-z]+:", address), f"{address} is not an address inside the site"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base), address.split("#")[0]))
    assert not target.startswith(".."), f"{address} leaves the site"
    path = site / target
    return path.is_file() or (path / "index.html").is_file()


def check_vocabulary(node, where: str) -> None:
    if isinstance(node, list):
        for item in node:
            check_vocabulary(item, where)
    elif isinstance(node, dict):
        kind = node.get("@type")
        assert kind in VOCABULARY, f"{where}: @type {kind!r} is not one this test knows from schema.org"
        unknown = set(node) - VOCABULARY[kind]
        assert not unknown, f"{where}: {kind} has no properties {sorted(unknown)} in schema.org"
        for key, value in node.items():
            if isinstance(value, (dict, list)) and key != "@context":
                check_vocabulary(value, f"{where}.{key}")


def figures_by_indicator() -> dict[str, list[dict]]:
    with (REPO / "datapackages/reform/figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["indicator_id"], []).append(row)
    return grouped


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("page", PAGES)
def test_pages_that_present_data_carry_a_schema_org_dataset(real_site, page):
    lang, place = PAGES[page]
    data = json_ld(real_site, page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    assert REQUIRED <= set(data), f"missing {sorted(REQUIRED - set(data))}"
    check_vocabulary({k: v for k, v in data.items() if k != "@context"} | {"@context": ""}, page)
    assert data["inLanguage"] == lang
    assert 50 <= len(data["description"]) <= 5000 and data["name"]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert ISO_DATE.match(data["dateModified"])
    assert all(part and ISO_DATE.match(part) for part in data["temporalCoverage"].split("/"))
    assert data["isBasedOn"] and all(work["name"] for work in data["isBasedOn"])
    assert all(work["url"].startswith("https://") for work in data["isBasedOn"] if "url" in work)
    assert data["distribution"] and all(d["encodingFormat"] and d["contentSize"].endswith(" B") for d in data["distribution"])
    if place:
        assert data["spatialCoverage"]["name"] == place
    addresses = [data["url"], data["includedInDataCatalog"]["url"], *(d["contentUrl"] for d in data["distribution"])]
    addresses += [a["url"] for a in data["creator"] + [data["publisher"]] if not a["url"].startswith("https://")]
    for address in addresses:
        assert resolves(real_site, page + "index.html", address), f"{page}: {address} is not in the built site"
    assert resolves(real_site, page + "index.html", data["url"]) and posixpath.normpath(page + "index.html").startswith(
        posixpath.normpath(posixpath.join(page, data["url"]))
    ), "the Dataset's url is not the page itself"


def test_the_dataset_is_described_in_the_language_of_its_page(real_site):
    english, vietnamese = json_ld(real_site, "provinces/quang-ngai/"), json_ld(real_site, "vi/provinces/quang-ngai/")
    assert english["name"] != vietnamese["name"] and "số liệu" in vietnamese["name"]
    assert "Figures:" in english["description"] and "số liệu" in vietnamese["description"]
    assert english["dateModified"] == vietnamese["dateModified"] == json_ld(real_site, "data/")["dateModified"]


def test_the_dcat_catalogue_lists_every_package_and_indicator_with_distributions_in_the_site(real_site):
    catalogue = json.loads((real_site / "data/catalog.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    assert {"dcat", "dct", "foaf"} <= set(catalogue["@context"])
    assert {t["@language"] for t in catalogue["dct:title"]} == {"en", "vi"}
    assert {t["@language"] for t in catalogue["dct:description"]} == {"en", "vi"}
    assert catalogue["dct:publisher"]["foaf:name"]
    with (REPO / "datapackages/reform/indicators.csv").open(encoding="utf-8", newline="") as handle:
        indicators = [row["id"] for row in csv.DictReader(handle)]
    ids = [d["dct:identifier"] for d in catalogue["dcat:dataset"]]
    assert ids == ["package-reform", "package-units"] + [f"indicator-{i}" for i in indicators]
    for dataset in catalogue["dcat:dataset"]:
        assert dataset["@type"] == "dcat:Dataset"
        assert {t["@language"] for t in dataset["dct:title"]} == {"en", "vi"}, dataset["@id"]
        assert dataset["dct:description"] and dataset["dct:license"]["@id"].startswith("https://")
        assert resolves(real_site, "data/catalog.jsonld", dataset["dcat:landingPage"]["@id"])
        assert dataset["dcat:distribution"], dataset["@id"]
        for item in dataset["dcat:distribution"]:
            assert item["@type"] == "dcat:Distribution"
            address = item["dcat:accessURL"]["@id"]
            assert resolves(real_site, "data/catalog.jsonld", address), address
            data = (real_site / "data" / address).read_bytes()
            assert int(item["dcat:byteSize"]["@value"]) == len(data)
            assert item["spdx:checksum"]["spdx:checksumValue"] == hashlib.sha256(data).hexdigest()
            assert item["dct:format"]["@id"].startswith("http://publications.europa.eu/resource/authority/file-type/")


def test_every_indicator_csv_and_metadata_fetched_from_the_site_matches_figures_csv(server):
    grouped = figures_by_indicator()
    with (REPO / "datapackages/reform/indicators.csv").open(encoding="utf-8", newline="") as handle:
        indicators = {row["id"]: row for row in csv.DictReader(handle)}
    with (REPO / "datapackages/reform/sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = {row["id"]: row for row in csv.DictReader(handle)}
    for indicator_id, indicator in indicators.items():
        with urllib.request.urlopen(server.url(f"data/indicators/{indicator_id}.csv")) as response:
            data = response.read()
        with urllib.request.urlopen(server.url(f"data/indicators/{indicator_id}.metadata.json")) as response:
            meta = json.load(response)
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        expected = grouped.get(indicator_id, [])
        assert [r["id"] for r in rows] == [r["id"] for r in expected], indicator_id
        for row, figure in zip(rows, expected, strict=True):
            assert {k: row[k] for k in ("province_id", "measure", "value", "period_end", "source_id", "status")} == {
                k: figure[k] for k in ("province_id", "measure", "value", "period_end", "source_id", "status")
            }
            assert row["source_title"] == sources[figure["source_id"]]["title"]
            assert row["source_url"] == sources[figure["source_id"]]["url"]
        assert meta["id"] == indicator_id and meta["figures"] == len(expected)
        statuses = [r["status"] for r in expected]
        assert meta["figures_by_status"] == {s: statuses.count(s) for s in ("result", "plan", "target", "cumulative")}
        done = sorted(
            d for r in expected if r["status"] in ("result", "cumulative") for d in (r["period_start"], r["period_end"]) if d
        )
        assert meta["period"] == ({"start": done[0], "end": done[-1]} if done else None), indicator_id  # no plan, no target
        assert meta["definition"]["en"] == indicator["definition"] and meta["unit"] == indicator["unit"]
        assert meta["data"]["sha256"] == hashlib.sha256(data).hexdigest() and meta["data"]["bytes"] == len(data)
        assert {s["id"] for s in meta["sources"]} == {r["source_id"] for r in expected}
        assert meta["licence"]["path"] == "https://creativecommons.org/licenses/by/4.0/"
        assert set(meta["citation"]) == {"en", "vi"} and ISO_DATE.match(meta["last_change"])


def test_each_indicator_page_links_its_csv_and_metadata(real_site):
    for page in (real_site / "indicators").glob("*/index.html"):
        indicator_id = page.parent.name
        html = page.read_text(encoding="utf-8")
        for name in (f"{indicator_id}.csv", f"{indicator_id}.metadata.json"):
            assert f'href="../../data/indicators/{name}"' in html, f"{page}: no link to {name}"


def test_every_province_csv_has_metadata_beside_it_naming_its_columns(real_site):
    csvs = [p for p in (real_site / "data/provinces").glob("*.csv") if not p.name.endswith("-units.csv")]
    assert len(csvs) >= 90
    for path in csvs:
        meta = json.loads(path.with_name(path.stem + ".metadata.json").read_text(encoding="utf-8"))
        header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert [c["name"] for c in meta["columns"]] == header, path.name
        assert meta["province"]["id"] == path.stem and meta["data"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert resolves(real_site, f"data/provinces/{path.name}", meta["links"]["page"])
    sums = (real_site / "data/provinces/SHA256SUMS").read_text()
    assert "p34-51.metadata.json" in sums


def test_the_data_page_documents_the_stable_addresses_with_curl_pandas_and_r(real_site):
    html = (real_site / "data/index.html").read_text(encoding="utf-8")
    assert 'id="data-urls"' in html and 'href="#data-urls"' in html  # a heading of the page's table of contents
    for text in (
        "data/indicators/&lt;indicator_id&gt;.csv",
        "data/provinces/&lt;province_id&gt;.metadata.json",
        "curl -O",
        "pd.read_csv(",
        "read.csv(",
        "jsonlite::fromJSON(",
    ):
        assert text in html, text
    assert 'href="../data/catalog.jsonld"' in html


def test_every_page_citation_names_the_release_it_shows(real_site):
    """With no release in the repository, every citation says so (tests/test_releases.py and
    test_e2e_releases.py build with releases)."""
    for page in ("provinces/quang-ngai/", "vietnam/", "indicators/commune-level-units/", "data/"):
        html = (real_site / page / "index.html").read_text(encoding="utf-8")
        cite = re.search(r'<div class="cite"[^>]*>(.*?)</div>', html, re.S).group(1)
        assert re.search(r"release \d{4}-\d{2}-\d{2}|no dated release yet", cite), page


def test_markup_in_the_data_stays_text_inside_the_json_ld(fixture_site):
    """An indicator named "Agencies <b>bold</b>": read as a browser reads the page (an HTML5 parser),
    each page has one JSON-LD element, it parses, and the name is in it as text."""
    from selectolax.lexbor import LexborHTMLParser

    pages = [fixture_site / "indicators/markup-name/index.html", fixture_site / "provinces/da-nang/index.html"]
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        blocks = tree.css('script[type="application/ld+json"]')
        assert len(blocks) == 1, page
        data = json.loads(blocks[0].text())
        assert "Agencies <b>bold</b>" in json.dumps(data, ensure_ascii=False), page
        assert not [b for b in tree.css("b") if b.text() == "bold"], f"{page}: the name's markup became an element"
