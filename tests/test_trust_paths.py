"""Ids, slugs and unit codes are checked in code against their patterns whatever the schema says,
and every path the build writes is resolved and must lie inside its output folder."""

from __future__ import annotations

import copy

import pytest

from helpers import found, replace
from site_builder.dataset import pinned
from site_builder.downloads.package import write_download, zip_bytes
from site_builder.errors import BuildError
from site_builder.output_paths import inside
from site_builder.publish.staging import write_commune_lookup, write_pages
from trust_fixtures import edit_descriptor, field

PROVINCES = "datapackages/reform/provinces.csv"


@pytest.fixture
def no_patterns(project, monkeypatch):
    """The project with every `pattern` removed from its schemas, in datapackage.json and in the
    code's copy alike (as if a maintainer had dropped them): only the rule in code is left."""
    loose = copy.deepcopy(pinned.pinned_copy("reform"))
    for resource in loose["resources"]:
        for each in resource["schema"]["fields"]:
            each.get("constraints", {}).pop("pattern", None)
    monkeypatch.setattr(pinned, "pinned_copy", lambda package: loose if package == "reform" else None)
    edit_descriptor(project, lambda d: d.update(resources=copy.deepcopy(loose["resources"])))
    return project


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (",kon-tum,", ",../../../../outside,"),
        (",kon-tum,", ",kon/tum,"),
        (",kon-tum,", ",Kon-Tum,"),
        (",kon-tum,", "," + "k" * 300 + ","),  # longer than a file name may be
        (",kon-tum,", ",kon--tum,"),
    ],
    ids=["dot-dot", "slash", "capitals", "too-long", "double-hyphen"],
)
def test_a_slug_is_held_to_its_pattern_even_without_one_in_the_schema(no_patterns, old, new):
    line = replace(no_patterns, "provinces.csv", old, new)
    problems = [p for p in found(no_patterns) if p.rule == "reform-identifier"]
    assert [(p.path, p.line, p.field) for p in problems] == [(PROVINCES, line, "slug")], problems


@pytest.mark.parametrize(
    ("file", "old", "new", "column"),
    [
        ("indicators.csv", "staff-positions,", "../staff-positions,", "id"),
        ("sources.csv", "article-en,", "Article EN,", "id"),
        ("provinces.csv", "p63-62,62,", "p63-62/..,62,", "id"),
    ],
    ids=["indicator-id", "source-id", "province-id"],
)
def test_an_id_is_held_to_its_pattern_even_without_one_in_the_schema(no_patterns, file, old, new, column):
    line = replace(no_patterns, file, old, new)
    problems = [p for p in found(no_patterns) if p.rule == "reform-identifier" and p.line == line]
    assert [p.field for p in problems] == [column], found(no_patterns)


def test_without_the_rule_in_code_the_loose_schema_would_let_them_through(no_patterns, monkeypatch):
    from site_builder.validate.checks import identifiers

    monkeypatch.setattr(identifiers.identifiers_match, "check_row", lambda self, row, cells: ())
    replace(no_patterns, "provinces.csv", ",kon-tum,", ",../../../../outside,")
    assert [p for p in found(no_patterns) if "outside" in p.message] == []


def test_a_province_id_with_the_schema_pattern_is_one_problem_not_two(project):
    line = replace(project, "provinces.csv", ",kon-tum,", ",kon tum,")
    assert [(p.line, p.rule) for p in found(project) if p.path == PROVINCES] == [(line, "reform-identifier")]


# Every path written lies inside its folder


@pytest.mark.parametrize("relative", ["../outside.md", "provinces/../../outside.md", "/tmp/outside.md"])
def test_a_page_path_outside_the_staging_folder_stops_the_build(tmp_path, relative):
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(BuildError, match="outside its folder"):
        write_pages(staging, {relative: "# x"}, [])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["staging"]


def test_a_symbolic_link_on_the_way_out_stops_the_build(tmp_path):
    staging, elsewhere = tmp_path / "staging", tmp_path / "elsewhere"
    staging.mkdir()
    elsewhere.mkdir()
    (staging / "provinces").symlink_to(elsewhere)
    with pytest.raises(BuildError, match="outside its folder"):
        write_pages(staging, {"provinces/kon-tum.md": "# x"}, [])
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("name", ["../figures.csv", "../../x/datapackage.json", "/etc/x.csv"])
def test_a_download_name_outside_the_data_folder_stops_the_build(tmp_path, name):
    folder = tmp_path / "docs" / "data"
    folder.mkdir(parents=True)
    with pytest.raises(BuildError, match="outside its folder"):
        write_download(folder, name, b"x", "", "csv", "figures")


@pytest.mark.parametrize("name", ["../evil.csv", "/evil.csv", "a/../../evil.csv", "a\\..\\evil.csv"])
def test_a_zip_entry_leaving_its_folder_stops_the_build(name):
    with pytest.raises(BuildError, match="leaves its folder"):
        zip_bytes({name: b"x"}, "2026-01-01")


def test_a_lookup_shard_outside_its_folder_stops_the_build(tmp_path):
    with pytest.raises(BuildError, match="outside its folder"):
        write_commune_lookup({"../../escape": []}, tmp_path / "lookup")


def test_a_path_inside_its_folder_is_kept(tmp_path):
    assert inside(tmp_path, "provinces/kon-tum.md") == (tmp_path / "provinces" / "kon-tum.md").resolve()


def test_the_slug_field_keeps_its_pattern_in_the_codes_schema():
    assert field(pinned.pinned_copy("reform"), "provinces", "slug")["constraints"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
