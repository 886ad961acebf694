"""Addresses in headless Chromium, on the real site, in both editions: the browser's matcher
answers the shared corpus (tests/fixtures/addresses/corpus.csv) as the Python one does, "Find
your commune" lists the best match first, the bulk conversion turns an uploaded CSV into the
promised file, and browsing by former province leads to each district's units."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from fixtures.build.project import REPO

pytestmark = pytest.mark.browser

CORPUS = REPO / "tests" / "fixtures" / "addresses" / "corpus.csv"
EDITIONS = {"en": "", "vi": "vi/"}
OUTPUT = ["current_code", "current_name", "current_province", "match", "candidates"]


def corpus() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_browsers_matcher_answers_the_shared_corpus_as_expected(page, server, edition):
    page.goto(server.url(edition + "communes/"), wait_until="networkidle")
    cases = corpus()
    answers = page.evaluate(
        """async (addresses) => {
          const finder = document.getElementById('commune-finder');
          const m = await import(new URL(finder.dataset.root + 'assets/search/commune-lookup.js', document.baseURI).href);
          const lookup = m.communeLookup(new URL(finder.dataset.lookup, document.baseURI));
          const all = await lookup.everyUnit();
          return addresses.map((a) => { const r = all.match(a); return [r.status, r.codes.join(' ')]; });
        }""",
        [c["address"] for c in cases],
    )
    wrong = [(c["form"], c["address"], got) for c, got in zip(cases, answers, strict=True) if got != [c["status"], c["codes"]]]
    assert wrong == []


def find(page, server, edition: str, address: str):
    page.goto(server.url(f"{edition}communes/?q={quote(address)}"), wait_until="networkidle")
    page.wait_for_function("() => document.getElementById('commune-finder').hasAttribute('data-match')")
    return page.locator("#commune-results > li")


@pytest.mark.parametrize("case", [c for c in corpus() if c["status"] in ("exact", "likely")][:40], ids=lambda c: c["address"])
def test_the_lookup_puts_the_right_current_unit_first(page, server, case):
    results = find(page, server, "", case["address"])
    first = results.first
    assert "commune-best" in first.get_attribute("class")
    href = first.locator("a.commune-link").first.get_attribute("href")
    assert href.endswith("#unit-" + case["codes"].split()[0]), href


def test_a_lookup_link_is_shareable_and_leads_to_the_units_anchor(page, server):
    results = find(page, server, "vi/", "x.nghi tien h.nghi loc nghe an")
    assert page.get_attribute("#commune-finder", "data-match") == "exact"
    assert "Xã Nghi Tiến" in results.first.inner_text()
    results.first.locator("a.commune-link").first.click()
    page.wait_for_load_state()
    assert page.url == server.url("vi/provinces/nghe-an/#unit-17833")
    assert page.locator("#unit-17833").count() == 1


def test_a_divided_unit_lists_every_current_unit_and_its_main_part(page, server):
    first = find(page, server, "", "Phường Nhật Tân, Quận Tây Hồ, Hà Nội").first
    links = first.locator("p.commune-to a.commune-link")
    assert links.evaluate_all("els => els.map(e => e.getAttribute('href'))") == [
        "../provinces/ha-noi/#unit-00103",
        "../provinces/ha-noi/#unit-00097",
    ]
    text = first.inner_text()
    assert "Divided between 2 current units" in text and "(main part)" in text and "(part)" in text


def test_an_ambiguous_name_is_said_to_be_ambiguous_and_every_candidate_is_listed(page, server):
    results = find(page, server, "", "Xã Tân Thành")
    assert page.get_attribute("#commune-finder", "data-match") == "ambiguous"
    assert "Ambiguous" in page.inner_text("#commune-status")
    assert results.count() > 10
    assert page.locator("#commune-results > li.commune-best").count() == 0


def test_a_misspelling_is_corrected_and_said_to_be(page, server):
    first = find(page, server, "", "nhat tam, tay ho, ha noi").first
    assert "spelling corrected" in first.inner_text() and "Phường Nhật Tân" in first.inner_text()


def test_each_change_cites_its_resolution_or_says_it_is_not_recorded(page, server):
    law = find(page, server, "", "Phường Phúc Xá, Quận Ba Đình, Hà Nội").first.locator("p.commune-law")
    assert "1656/NQ-UBTVQH15" in law.inner_text()
    assert law.locator("a").get_attribute("href").startswith("https://")
    missing = find(page, server, "", "Phường Tân Giang, Cao Bằng").first.locator("p.commune-law")
    assert "not recorded here yet" in missing.inner_text()


def test_a_query_downloads_only_the_lookup_files_it_needs(page, server):
    urls = record_requests(page)
    find(page, server, "", "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội")
    fetched = sorted(urlsplit(u).path.rsplit("/", 1)[1] for u in urls if "/communes/lookup/" in u)
    assert fetched == ["_places.json", "_rules.json", "ba.json", "bad.json", "han.json", "keys.json", "phuc.json"]
    assert all(urlsplit(u).netloc == urlsplit(server.origin).netloc for u in urls if not u.startswith(("data:", "blob:")))


def upload_and_convert(page, server, edition: str, path: Path) -> bytes:
    page.goto(server.url(edition + "communes/convert/"), wait_until="networkidle")
    page.set_input_files("#convert-file", str(path))
    page.wait_for_function("() => !document.getElementById('convert-run').disabled")
    page.click("#convert-run")
    page.wait_for_selector("#convert-download:not([hidden])", timeout=120_000)
    with page.expect_download() as download:
        page.click("#convert-download")
    return Path(download.value.path()).read_bytes()


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_bulk_conversion_converts_the_corpus_in_every_form(page, server, tmp_path, edition):
    cases = corpus()
    source = tmp_path / "corpus.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "form", "address"])
        writer.writerows([f"{n:05d}", c["form"], c["address"]] for n, c in enumerate(cases))
    urls = record_requests(page)
    output = upload_and_convert(page, server, edition, source)
    rows = list(csv.reader(io.StringIO(output.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["id", "form", "address", *OUTPUT]
    assert len(rows) == len(cases) + 1
    for n, (case, row) in enumerate(zip(cases, rows[1:], strict=True)):
        assert row[:3] == [f"{n:05d}", case["form"], case["address"]]
        assert (row[6], row[7]) == (case["status"], case["codes"]), case["address"]
        best = case["codes"].split()[0] if case["status"] in ("exact", "likely") else ""
        assert row[3] == best
    assert page.evaluate("() => document.getElementById('convert-progress').value") == len(cases)
    assert all(urlsplit(u).netloc == urlsplit(server.origin).netloc for u in urls if not u.startswith(("data:", "blob:")))


def test_an_excel_csv_with_bom_semicolons_leading_zeros_and_formulas_comes_back_as_promised(page, server, tmp_path):
    source = tmp_path / "danh sách.csv"
    source.write_bytes(
        "\ufeffMã KH;Họ tên;Địa chỉ;Ghi chú\r\n"
        "00042;=cmd|' /C calc'!A0;P. Phúc Xá, Q. Ba Đình, TP. Hà Nội;+84 912\r\n"
        '0007;"Lê; Văn";"Thanh Tân Thanh Liêm";@SUM(1)\r\n'
        "000;-1;Xã Không Có;\t tab\r\n".encode()
    )
    output = upload_and_convert(page, server, "", source)
    assert output.startswith("\ufeff".encode())
    assert output.decode("utf-8-sig") == (
        "Mã KH;Họ tên;Địa chỉ;Ghi chú;current_code;current_name;current_province;match;candidates\r\n"
        "00042;'=cmd|' /C calc'!A0;P. Phúc Xá, Q. Ba Đình, TP. Hà Nội;'+84 912;00097;Phường Hồng Hà;Hà Nội;exact;00097\r\n"
        '0007;"Lê; Văn";Thanh Tân Thanh Liêm;\'@SUM(1);13489;Xã Thanh Lâm;Ninh Bình;exact;13489\r\n'
        "000;'-1;Xã Không Có;'\t tab;;;;not_found;\r\n"
    )
    assert page.input_value("#convert-column") == "2"  # "Địa chỉ", chosen by its name


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "The file is empty"), (b"PK\x03\x04workbook", "not CSV"), (b"id,address\n1,H\xe0 N\xf4i\n", "not UTF-8")],
)
def test_a_file_that_is_not_a_csv_of_addresses_gets_a_clear_message(page, server, tmp_path, content, words):
    source = tmp_path / "upload.csv"
    source.write_bytes(content)
    page.goto(server.url("communes/convert/"), wait_until="networkidle")
    page.set_input_files("#convert-file", str(source))
    error = page.locator("#convert-error")
    error.wait_for(state="visible")
    assert words in error.inner_text()
    assert page.locator("#convert-run").is_disabled()


def test_the_how_to_and_the_sample_file_are_on_the_page(page, server):
    page.goto(server.url("vi/communes/convert/"), wait_until="networkidle")
    assert page.locator("#how-to + ol li").count() == 3
    href = page.locator('a[href$="sample-addresses.csv"]').get_attribute("href")
    assert page.request.get(server.url("vi/communes/convert/") + href).ok


def test_browsing_leads_from_a_former_province_to_its_districts_units(page, server):
    page.goto(server.url("communes/browse/"), wait_until="networkidle")
    assert page.locator("div.browse-former details").count() == 63
    kon_tum = page.locator("div.browse-former details", has_text="Kon Tum")
    kon_tum.locator("summary").click()
    link = kon_tum.locator("a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert page.url.endswith("/provinces/former/kon-tum/#" + anchor)
    section = page.locator(f"tbody#{anchor}")
    assert section.locator('a[href*="#unit-"]').count() > 0  # each unit with where it went
