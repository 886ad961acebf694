"""Chart kinds defined once in Altair (site_builder/charts/kinds.py), compiled once per layout,
filled per chart without Altair: the same specs, byte for byte, as the hand-written Vega-Lite
dicts they replaced (tests/fixtures/chart_specs.json, recorded with tests/record_chart_specs.py at
d02746c, main's last commit with the dicts, which has the charts' pinned font of issue 23)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from chart_requests import seeded_requests

from site_builder.charts import ChartRequest, ChartRow, kinds
from site_builder.charts.compiled import Templates
from site_builder.charts.layouts import ChartConfig
from site_builder.charts.model import KINDS
from site_builder.charts.spec import PLANS, canonical_json, chart_spec_json
from site_builder.charts.template import Dataset, Encoded, Number, Template, TemplateError, Text, items, template_text

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "chart_specs.json"
SEEDED = seeded_requests()


@pytest.fixture(scope="module")
def recorded() -> dict[str, str]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("request_", SEEDED, ids=lambda r: f"{r.chart_id}-{r.kind}-{len(r.rows)}")
def test_each_kinds_spec_is_byte_for_byte_the_hand_written_dicts(request_, recorded):
    spec = chart_spec_json(request_)
    assert hashlib.sha256(spec.encode("utf-8")).hexdigest() == recorded[request_.chart_id], (
        f"The spec of {request_.chart_id} is not the one recorded (at d02746c, plus config.aria; to see the difference: "
        f"tests/record_chart_specs.py --full at both commits, then diff). Now: {spec}"
    )


def layout_of(request: ChartRequest):
    return PLANS[request.kind](request)[0]


def test_the_seeded_requests_reach_every_layout_of_every_kind():
    seen = {layout_of(r) for r in SEEDED} | {ChartConfig(r.number_symbols != (".", ",")) for r in SEEDED}
    assert seen == set(kinds.every_layout())
    assert {r.kind for r in SEEDED} == set(KINDS)


def test_every_kind_has_an_altair_definition_and_every_layout_one_template():
    assert set(PLANS) == set(KINDS)
    assert {type(layout_of(r)) for r in SEEDED} == set(kinds.DEFINITIONS)
    assert len(set(kinds.every_layout())) == len(kinds.every_layout())


def test_every_layout_is_valid_vega_lite_before_and_after_filling():
    import altair as alt

    for layout in kinds.every_layout():
        kinds.spec_dict(layout, validate=True)  # the compiled template, its slots as placeholders
    for request in {layout_of(r): r for r in SEEDED}.values():  # one chart of each layout
        spec = json.loads(chart_spec_json(request))
        (alt.LayerChart if "layer" in spec else alt.Chart).from_dict(spec, validate=True)


def test_only_the_kinds_module_imports_altair():
    importers = [
        path.relative_to(REPO).as_posix()
        for path in sorted((REPO / "site_builder").rglob("*.py"))
        if any(
            line.strip().startswith(("import altair", "from altair")) for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert importers == ["site_builder/charts/kinds.py"]


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_altair_is_imported_only_when_a_first_layout_is_compiled():
    out = run_python(
        "import sys\n"
        "import site_builder.pipeline, site_builder.charts.render, site_builder.charts.spec_cache\n"
        "from site_builder.charts import ChartRequest, ChartRow\n"
        "from site_builder.charts.spec import chart_spec_json\n"
        "print('altair' in sys.modules)\n"
        "chart_spec_json(ChartRequest('a', 't', 'd', 'ranking', (ChartRow('A', 1),), 'v', 'c'))\n"
        "print('altair' in sys.modules)\n"
    )
    assert out.split() == ["False", "True"]


def counting_compiles(monkeypatch) -> list:
    """Record every layout kinds.spec_dict compiles."""
    compiled = []
    original = kinds.spec_dict

    def spec_dict(layout, validate=False):
        compiled.append(layout)
        return original(layout, validate)

    monkeypatch.setattr(kinds, "spec_dict", spec_dict)
    return compiled


def test_each_layout_is_compiled_once_however_many_charts_use_it(monkeypatch):
    compiled = counting_compiles(monkeypatch)
    templates = Templates()
    for request in SEEDED + SEEDED:
        chart_spec_json(request, templates)
    layouts = {layout_of(r) for r in SEEDED} | {ChartConfig(r.number_symbols != (".", ",")) for r in SEEDED}
    assert sorted(map(repr, compiled)) == sorted(map(repr, layouts))


def test_a_compiled_layout_is_filled_with_each_charts_rows_and_text_without_altair(monkeypatch):
    import altair as alt

    templates = Templates()
    # The layout compiled once, by the English chart; the Vietnamese one has other rows and text.
    english = ChartRequest("en", "t", "d", "ranking", (ChartRow("A", 1, note="n"), ChartRow("B", 2.5)), "units", "Province")
    chart_spec_json(english, templates)
    chart_spec_json(
        ChartRequest("vi", "t", "d", "before_after", (ChartRow("A", 1),), "v", "c", number_symbols=(",", ".")), templates
    )
    monkeypatch.setattr(alt.TopLevelMixin, "to_dict", lambda *a, **k: pytest.fail("Altair was used to fill a template"))
    monkeypatch.setattr(kinds, "spec_dict", lambda *a, **k: pytest.fail("a layout was compiled again"))
    rows = (ChartRow("Quảng Ngãi", 272, note="Tuổi Trẻ"), ChartRow("Hà Nội", 1684.5, note="VnExpress"))
    request = ChartRequest("vi--x", "t", "Số đơn vị cấp xã giảm.", "ranking", rows, "Đơn vị", "Tỉnh", number_symbols=(",", "."))
    spec = json.loads(chart_spec_json(request, templates))
    assert spec["description"] == "Số đơn vị cấp xã giảm."
    assert [v["category"] for v in spec["data"]["values"]] == ["Quảng Ngãi", "Hà Nội"]
    bars = spec["layer"][0]["encoding"]
    assert (bars["x"]["title"], bars["y"]["title"], bars["y"]["sort"]) == ("Đơn vị", "Tỉnh", ["Hà Nội", "Quảng Ngãi"])
    assert spec["config"]["locale"]["number"]["decimal"] == "," and spec["height"] == 52


def test_text_that_looks_like_a_slot_stays_text():
    rows = (ChartRow('"\\u0000rows\\u0000"', 1), ChartRow("\\u0000config\\u0000", 2))
    request = ChartRequest("x", "t", '"\\u0000description\\u0000"', "before_after", rows, "\\u0000value_title\\u0000", "c")
    spec = json.loads(chart_spec_json(request))
    assert spec["description"] == '"\\u0000description\\u0000"'
    assert [v["category"] for v in spec["data"]["values"]] == ['"\\u0000rows\\u0000"', "\\u0000config\\u0000"]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "\\u0000value_title\\u0000" and "font" in spec["config"]


# The template itself -----------------------------------------------------------------------

SPEC_WITH_SLOTS = {
    "data": {"name": Dataset("rows")},
    "width": Number("width"),
    "layer": [{"encoding": {"y": {"title": Text("title"), "sort": items("order")}}}],
    "config": Text("config"),
    "zero": [0, Number("end")],
}


def test_a_filled_template_is_the_canonical_json_of_the_spec_with_its_values():
    values = {"rows": [{"b": 1.5, "a": "Hà Nội <&>"}], "width": 90, "title": None, "order": ["B", "A"], "end": 2.5}
    values["config"] = {"z": 1, "a": [True]}
    filled = Template(template_text(SPEC_WITH_SLOTS)).fill(values)
    expected = {
        "data": {"values": values["rows"]},
        "width": 90,
        "layer": [{"encoding": {"y": {"title": None, "sort": ["B", "A"]}}}],
        "config": values["config"],
        "zero": [0, 2.5],
    }
    assert filled == canonical_json(expected)
    encoded = Template(template_text(SPEC_WITH_SLOTS)).fill({**values, "config": Encoded('{"as":"is"}')})
    assert json.loads(encoded)["config"] == {"as": "is"}


def test_a_missing_value_is_named_and_items_must_stand_for_a_whole_list():
    with pytest.raises(TemplateError, match="'title'"):
        Template(template_text(SPEC_WITH_SLOTS)).fill({"rows": [], "width": 1, "order": [], "end": 1, "config": {}})
    with pytest.raises(TemplateError, match="whole list"):
        template_text({"sort": ["first", *items("order")]})


def test_a_layout_no_kind_draws_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="add its function to DEFINITIONS in site_builder/charts/kinds.py"):
        kinds.spec_dict(("pie", True))
