"""The schemas are the code's: a datapackage.json that differs from the copy the code holds is a
problem at the JSON path of each difference, and the package is read with the code's schema
(so loosening a constraint lets no bad row through). Keys outside the known list are refused
and never published. Descriptors too deep or too large get a sentence, never a traceback."""

from __future__ import annotations

import json
import re

import pytest

from helpers import append, figure, found, problems
from site_builder.dataset.pinned import pinned_copy, with_pinned_schemas
from site_builder.errors import BuildError
from trust_fixtures import descriptor_file, edit_descriptor, field, json_path, resource

DESCRIPTOR = "datapackages/reform/datapackage.json"
UNIT_COUNTS = "datapackages/reform/unit_counts.csv"


def messages(project) -> list[str]:
    return problems(project)


# Pinned schemas


def test_the_repositorys_descriptors_are_the_codes_schemas():
    from helpers import REPO

    for package in ("reform", "units"):
        descriptor = json.loads((REPO / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))
        assert with_pinned_schemas(descriptor, pinned_copy(package)) == descriptor


def test_the_units_descriptor_the_import_writes_is_the_codes_schema():
    from site_builder.registry.units_package import descriptor_text

    written = json.loads(descriptor_text())["resources"]
    pinned = pinned_copy("units")["resources"]
    assert [{k: r[k] for k in p} for r, p in zip(written, pinned, strict=True)] == pinned


def test_a_minimum_removed_is_a_difference_and_a_negative_count_is_still_refused(project):
    edit_descriptor(project, lambda d: field(d, "unit_counts", "communes")["constraints"].pop("minimum"))
    path = project / UNIT_COUNTS
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("communes")] = "-75"
    path.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    found_messages = messages(project)
    assert any(
        m.startswith(f"{DESCRIPTOR}: {json_path('unit_counts', 'communes')}.constraints.minimum: ")
        and 'constraint "minimum" removed (was 0)' in m
        and "site_builder/dataset/pinned/reform.json" in m
        for m in found_messages
    ), found_messages
    assert any(m.startswith(f"{UNIT_COUNTS}:2: ") and '"-75"' in m for m in found_messages), found_messages


def test_a_slug_pattern_removed_still_refuses_a_slug_that_leaves_the_folder(project):
    edit_descriptor(project, lambda d: field(d, "provinces", "slug")["constraints"].pop("pattern"))
    path = project / "datapackages" / "reform" / "provinces.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",quang-ngai,", ",../../../escape,", 1), encoding="utf-8")
    found_messages = messages(project)
    assert any(f"{json_path('provinces', 'slug')}.constraints.pattern" in m for m in found_messages), found_messages
    assert any("../../../escape" in m and m.startswith("datapackages/reform/provinces.csv:") for m in found_messages)


@pytest.mark.parametrize(
    ("edit", "path", "what"),
    [
        (
            lambda d: d["resources"].append({**resource(d, "sources"), "name": "extra"}),
            f"$.resources[{len(pinned_copy('reform')['resources'])}]",
            'resource "extra": resource added',
        ),
        (lambda d: resource(d, "figures").update(name="numbers"), json_path("figures"), 'resource "numbers": resource added'),
        (
            lambda d: d["resources"].remove(resource(d, "disagreements")),
            json_path("disagreements"),
            'resource "disagreements": resource removed',
        ),
        (lambda d: field(d, "figures", "value").update(type="string"), json_path("figures", "value") + ".type", "type changed"),
        (
            lambda d: resource(d, "figures")["schema"]["fields"].pop(),
            json_path("figures", resource(pinned_copy("reform"), "figures")["schema"]["fields"][-1]["name"]),
            "field removed",
        ),
        (lambda d: resource(d, "figures").update(path="../../figures.csv"), json_path("figures") + ".path", 'key "path" changed'),
        (lambda d: resource(d, "figures")["schema"].pop("foreignKeys"), json_path("figures") + ".schema.foreignKeys", "removed"),
        (lambda d: field(d, "sources", "url").update(format="default"), json_path("sources", "url") + ".format", "changed"),
        (lambda d: d.update(name="other"), "$.name", 'must be "reform"'),
    ],
    ids=["added", "renamed", "removed", "type", "field", "path", "keys", "format", "name"],
)
def test_every_difference_from_the_codes_schema_is_a_problem_at_its_json_path(project, edit, path, what):
    edit_descriptor(project, edit)
    found_messages = [m for m in messages(project) if m.startswith(f"{DESCRIPTOR}: {path}")]
    assert any(what in m for m in found_messages), messages(project)


def test_the_build_refuses_a_package_whose_schema_differs(project):
    from site_builder.dataset.load import load_package

    edit_descriptor(project, lambda d: field(d, "figures", "value")["constraints"].update(maximum=10**30))
    with pytest.raises(BuildError, match=re.escape(json_path("figures", "value") + ".constraints.maximum")):
        load_package(project / "datapackages")


def test_a_package_the_code_does_not_know_is_refused(project):
    other = project / "datapackages" / "evil"
    other.mkdir()
    descriptor_file(project).rename(other / "datapackage.json")
    descriptor_file(project).write_text(json.dumps(pinned_copy("reform") | {"name": "reform"}), encoding="utf-8")
    assert any(
        m.startswith('datapackages/evil/datapackage.json: "evil" is not a package the site knows (reform, units)')
        for m in messages(project)
    )


# Keys outside the known list


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (
            lambda d: resource(d, "figures").update(extrapaths=["https://example.org/more.csv"]),
            json_path("figures") + ".extrapaths",
        ),
        (lambda d: d.update(homepage="https://example.org"), "$.homepage"),
        (lambda d: d.update({"x-anything": {"deep": True}}), '$["x-anything"]'),
        (lambda d: resource(d, "sources").update(dialect={"csv": {"delimiter": ";"}}), json_path("sources") + ".dialect"),
        (lambda d: resource(d, "sources").update(compression="zip", innerpath="a.csv"), json_path("sources") + ".compression"),
        (lambda d: d["licenses"][0].update(email="x@example.org"), "$.licenses[0].email"),
        (lambda d: d["licenses"][0].update(path="http://creativecommons.org/licenses/by/4.0/"), "$.licenses[0].path"),
        (lambda d: d.update(title=["not", "text"]), "$.title"),
    ],
    ids=["extrapaths", "homepage", "x-key", "dialect", "compression", "licence-key", "licence-http", "title-shape"],
)
def test_a_key_outside_the_known_list_is_refused(project, edit, path):
    edit_descriptor(project, edit)
    assert [m for m in messages(project) if m.startswith(f"{DESCRIPTOR}: {path}")], messages(project)


def test_an_unknown_key_is_never_published():
    from helpers import REPO

    descriptor = json.loads((REPO / "datapackages" / "reform" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["extrapaths"] = ["https://example.org/x.csv"]
    resource(descriptor, "figures")["extrapaths"] = ["https://example.org/x.csv"]
    resource(descriptor, "figures")["x-note"] = "y"
    assert "extrapaths" not in json.dumps(with_pinned_schemas(descriptor, pinned_copy("reform")))
    assert "x-note" not in json.dumps(with_pinned_schemas(descriptor, pinned_copy("reform")))


def test_a_resource_name_is_checked_against_its_pattern_in_code(project):
    edit_descriptor(project, lambda d: resource(d, "figures").update(name="../../outside"))
    assert any(m.startswith(f"{DESCRIPTOR}: {json_path('figures')}.name: must be lower-case letters") for m in messages(project))


# Deep, huge: a sentence, never a traceback


@pytest.mark.parametrize(
    "text",
    [
        '{"resources": []' + ', "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"resources": [], "a": ' + '{"a": ' * 5_000 + "1" + "}" * 5_000 + "}",
        '{\n"resources": [\n' + '[{"x": ' * 40 + "0" + "}]" * 40 + "]}",
    ],
    ids=["arrays", "objects", "mixed"],
)
def test_a_descriptor_nested_too_deep_is_one_problem_at_its_line(project, text):
    descriptor_file(project).write_text(text, encoding="utf-8")
    [message] = messages(project)
    assert message.startswith(DESCRIPTOR + ":") and "nested more than 32 levels deep" in message
    if "\n" in text:
        assert message.startswith(f"{DESCRIPTOR}:3: ")


def test_a_descriptor_larger_than_the_limit_is_refused_unread(project):
    descriptor_file(project).write_text('{"resources": [], "description": "' + "x" * 2_000_000 + '"}', encoding="utf-8")
    [message] = messages(project)
    assert message.startswith(f"{DESCRIPTOR}: The package descriptor has 2,000,") and "the limit is 1,048,576" in message


def test_brackets_inside_strings_do_not_count_as_nesting(project):
    edit_descriptor(project, lambda d: d.update(description="[" * 1000 + "{" * 1000))
    assert messages(project) == []


def test_a_huge_cell_and_a_deep_number_get_a_message(project):
    line = append(project, "figures.csv", figure(id="huge", quote="q" * 20_000))
    assert any(
        m.startswith(f"datapackages/reform/figures.csv:{line}: ") and "limit is 10,000" in m for m in found_messages(project)
    )


def found_messages(project) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in found(project)]
