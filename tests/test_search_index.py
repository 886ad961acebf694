"""Search: the commune lookup the build writes, the Pagefind stage, and the theme override that
replaces mkdocs-material's search plugin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_builder.dataset.load import load_package
from site_builder.pages.translations import load_translations
from site_builder.publish.mkdocs_config import THEME_DIR, read_base_config, site_config, without_built_in_search
from site_builder.publish.search_index import UNUSED_BUNDLES, folded_words, index_site, inject
from site_builder.views.communes import commune_lookup, fold, lookup_rows, lookup_shards

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dataset():
    return load_package(REPO / "datapackages")[0]


@pytest.fixture(scope="module")
def entries(dataset):
    return lookup_rows(dataset.provinces, dataset.units)


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Phường Phúc Xá", "phuong phuc xa"),
        ("Đà Nẵng", "da nang"),
        ("Quảng Ngãi", "quang ngai"),
        ("Xã Đăk Pxi", "xa dak pxi"),
        ("Phường 1", "phuong 1"),
        ("  Thừa   Thiên-Huế ", "thua thien hue"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
        ("ĐẶC KHU CÔN ĐẢO", "dac khu con dao"),
    ],
)
def test_names_fold_to_lower_case_ascii_words(name, folded):
    assert fold(name) == folded


def test_every_unit_before_and_since_the_reform_is_in_the_lookup(entries):
    assert sum(e[0] == "c" for e in entries) == 3321
    assert sum(e[0] == "f" for e in entries) == 10035


def test_a_former_ward_leads_to_the_current_ward_it_went_to(entries):
    phuc_xa = next(e for e in entries if e[0] == "f" and e[1] == "00001")
    assert phuc_xa == [
        "f", "00001", "Phúc Xá", "Phường Phúc Xá", "ward", "001", "p63-01",
        [["00097", "Phường Hồng Hà", "p34-01", 1]], ["001"], ["p63-01", "p34-01"],
    ]  # fmt: skip


def test_a_current_unit_leads_to_itself_and_knows_where_it_came_from(entries):
    hong_ha = next(e for e in entries if e[0] == "c" and e[1] == "00097")
    assert hong_ha[7] == [["00097", "Phường Hồng Hà", "p34-01", 1]]
    assert "001" in hong_ha[8] and hong_ha[9][0] == "p34-01" and "p63-01" in hong_ha[9]


def test_a_divided_unit_lists_the_unit_that_took_its_main_part_first(entries):
    divided = next(e for e in entries if e[0] == "f" and e[1] == "00007")  # to 00008 (main) and 00025
    assert [(t[0], t[3]) for t in divided[7]] == [("00008", 1), ("00025", 0)]


def test_shards_hold_every_unit_once_under_the_first_letters_of_its_name(entries):
    shards = lookup_shards(entries)
    assert sum(len(rows) for rows in shards.values()) == len(entries)
    assert any(r[1] == "00001" and r[0] == "f" for r in shards["phuc"])  # "phu" would be too big: split by a 4th letter
    assert all(re.fullmatch(r"[a-z0-9]{1,6}|_", key) for key in shards)  # safe file names
    assert max(len(rows) for rows in shards.values()) < 300


def test_the_lookup_publishes_its_rules_places_and_every_row_beside_the_shards(dataset, entries):
    files = commune_lookup(dataset.provinces, dataset.units)
    assert files["_all"] == entries
    assert len(files["_places"]["provinces"]) == 97 and len(files["_places"]["districts"]) == 696
    assert files["_rules"] == json.loads((REPO / "site_builder" / "addresses" / "rules.json").read_text(encoding="utf-8"))


def test_each_word_with_d_bar_of_the_indexed_article_is_followed_by_its_folded_copy():
    page = (
        "<html><body><nav>Đống Đa</nav><div data-pagefind-body>\n<h1>Đà Nẵng</h1><p>Quảng Ngãi, Đắk Lắk.</p>"
        "<div data-search-exclude><p>Điện Biên</p></div><figure data-pagefind-ignore>Đồng Nai</figure>"
        "<svg><text>Đồng</text></svg><script>var đ = '<b>Đà</b>'</script>\n<!--/pagefind-body-->\n</div></body></html>"
    )
    assert folded_words(page) == ["da", "dak"]
    indexed = inject(page)
    assert "<nav>Đống Đa</nav>" in indexed  # outside the article: as it is
    assert "<p>Quảng Ngãi, Đắk dak Lắk.</p>" in indexed  # in place, so "dak lak" finds the words together
    assert "<svg><text>Đồng</text></svg><script>var đ = '<b>Đà</b>'</script>" in indexed  # no prose: untouched
    # The heading matches "da nang" too, and its own text stays the result's title.
    assert '<h1 data-search-title="Đà Nẵng" data-pagefind-meta="title[data-search-title]">Đà da Nẵng</h1>' in indexed
    assert (
        re.sub(
            r" (da|dak|dien|dong)\b",
            "",
            indexed.replace(' data-search-title="Đà Nẵng" data-pagefind-meta="title[data-search-title]"', ""),
        )
        == page
    )


def test_a_heading_title_is_its_text_without_the_permalink_sign_and_escaped():
    page = '<div data-pagefind-body>\n<h1 id="x">Đà &amp; "Nẵng"<a class="headerlink" href="#x">¶</a></h1>\n<!--/pagefind-body-->\n</div>'
    assert 'data-search-title="Đà &amp; &quot;Nẵng&quot;"' in inject(page)


def test_a_page_without_d_bar_is_indexed_as_it_is():
    page = "<div data-pagefind-body>\n<h1>Quảng Ngãi</h1>\n<!--/pagefind-body-->\n</div>"
    assert inject(page) == page


def test_material_search_plugin_is_removed_whatever_the_base_config_says():
    assert without_built_in_search(["search", {"material/search": {}}, {"tags": {}}, "offline"]) == [{"tags": {}}, "offline"]
    config = site_config(
        read_base_config(REPO / "mkdocs.yml"),
        docs_dir="docs",
        site_dir="../site",
        extra_javascript=[],
        t=load_translations("en"),
        custom_dir="theme",
    )
    assert config["plugins"] == []  # set, not left out: MkDocs adds its search plugin when `plugins` is missing
    assert config["theme"]["custom_dir"] == "theme"
    assert not [f for f in config["theme"]["features"] if f.startswith("search.")]
    assert {"Find your commune": "communes/index.md"} in config["nav"]


def test_the_header_override_is_materials_header_with_only_the_search_box_replaced():
    import material

    original = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (THEME_DIR / "partials" / "header.html").read_text(encoding="utf-8")
    strip_comment = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731
    plugin_block = re.compile(r'    {% if "material/search" in config.plugins %}.*?\n    {% endif %}\n', re.S)
    our_block = re.compile(r"    {#- site search.*?\n    {% include \"partials/search.html\" %}\n", re.S)
    assert plugin_block.search(original), "mkdocs-material's header changed: update theme/partials/header.html"
    assert plugin_block.sub("", strip_comment(original)) == our_block.sub("", strip_comment(ours)), (
        "theme/partials/header.html differs from the installed mkdocs-material's beyond the search box; copy it again"
    )


def test_the_theme_loads_nothing_from_another_host():
    # An XML namespace (the favicon's xmlns) names a vocabulary; nothing fetches it.
    namespace = re.compile(r'xmlns(?::\w+)?="http://www\.w3\.org/[\w/]+"')
    for path in THEME_DIR.rglob("*"):
        if path.is_file():
            text = namespace.sub("", path.read_text(encoding="utf-8"))
            assert not re.search(r"https?://|//cdn|unpkg|jsdelivr", text), path


def test_the_search_scripts_never_insert_html():
    for path in (THEME_DIR / "assets" / "search").glob("*.js"):
        assert not re.search(
            r"\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML\(|document\.write\(", path.read_text(encoding="utf-8")
        ), path


def test_pagefind_indexes_a_small_site_and_publishes_only_what_the_search_box_uses(tmp_path):
    for rel, title in [("index.html", "Trang chủ"), ("provinces/da-nang/index.html", "Đà Nẵng")]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(
            f'<html lang="en"><body><nav>menu</nav><div data-pagefind-body>\n<h1>{title}</h1>'
            "<p>Text</p>\n<!--/pagefind-body-->\n</div></body></html>",
            encoding="utf-8",
        )
    (tmp_path / "404.html").write_text('<html lang="en"><body><h1>404 - Not found</h1></body></html>', encoding="utf-8")
    result = index_site(tmp_path)
    assert result.pages == 2 and result.files > 3 and result.bytes > 0
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert list((tmp_path / "pagefind" / "fragment").iterdir())
    assert not [name for name in UNUSED_BUNDLES if (tmp_path / "pagefind" / name).exists()]
    assert "Đà da" not in (tmp_path / "provinces/da-nang/index.html").read_text(encoding="utf-8")  # indexed, not published


def small_site(folder: Path, pages: int) -> None:
    for n in range(pages):
        rel = "index.html" if n == 0 else f"provinces/p{n}/index.html"
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(
            f'<html lang="{"vi" if n % 2 else "en"}"><body><div data-pagefind-body>\n<h1>Page {n}</h1>'
            f'<p>visible{n} words</p><figure class="chart"><p>zebrachart{n}</p></figure>'
            "<p data-search-exclude>zebraexcluded</p>\n<!--/pagefind-body-->\n</div></body></html>",
            encoding="utf-8",
        )


def pagefind_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site / "pagefind").as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}


def test_every_file_pagefind_writes_is_whole_when_the_index_stage_returns(tmp_path):
    # Pagefind's Python service answered before its writes were done and then killed the binary:
    # a CI run found pagefind-entry.json empty. Every gzip piece must decompress to Pagefind's
    # own header, and the entry must count every page.
    import gzip
    import json

    small_site(tmp_path, 60)
    index_site(tmp_path)
    files = pagefind_files(tmp_path)
    entry = json.loads(files["pagefind-entry.json"])
    assert sum(language["page_count"] for language in entry["languages"].values()) == 60
    pieces = {rel: body for rel, body in files.items() if rel.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"))}
    assert len([rel for rel in pieces if rel.endswith(".pf_fragment")]) == 60
    for rel, body in pieces.items():
        assert gzip.decompress(body).startswith(b"pagefind_dcd"), rel
    assert all(files[rel] for rel in ("pagefind.js", "pagefind-worker.js") if rel in files)
    assert files["pagefind.js"]


def test_the_index_leaves_out_charts_and_what_the_templates_exclude(tmp_path):
    import gzip

    small_site(tmp_path, 3)
    index_site(tmp_path)
    text = b"".join(gzip.decompress(body) for rel, body in pagefind_files(tmp_path).items() if rel.endswith(".pf_fragment"))
    assert b"visible1" in text and b"visible2" in text
    assert b"zebrachart" not in text and b"zebraexcluded" not in text


def test_a_missing_pagefind_stops_the_build_with_how_to_install_it(tmp_path, monkeypatch):
    import importlib.util

    from site_builder.errors import BuildError

    small_site(tmp_path, 1)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pagefind_bin" else real_find_spec(name, *a)
    )
    with pytest.raises(BuildError, match="Pagefind is not installed.*requirements.lock"):
        index_site(tmp_path)


def test_pagefind_settings_in_the_environment_do_not_change_the_index(tmp_path, monkeypatch):
    import gzip

    small_site(tmp_path, 2)
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", '["h1"]')
    index_site(tmp_path)
    text = b"".join(gzip.decompress(b) for rel, b in pagefind_files(tmp_path).items() if rel.endswith(".pf_fragment"))
    assert b"Page 1" in text
