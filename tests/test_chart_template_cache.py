"""The chart kinds' compiled templates across builds and processes: a build keeps them in its
chart cache, so the next compiles none and imports no Altair; a first build takes them from a
process that compiled every layout beside validation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from site_builder import memo
from site_builder.charts import kinds
from site_builder.charts.cache import TEMPLATES, chart_store, read_templates, write_templates
from site_builder.charts.compiled import Templates, every_template
from site_builder.charts.spec_cache import SPEC_CODE

REPO = Path(__file__).resolve().parents[1]

REQUESTS = """
import sys
from site_builder.charts import ChartRequest, ChartRow
def requests(value):
    rows = (ChartRow("Before", value, "Before", "a note"), ChartRow("After", 96, "After"))
    return [
        ChartRequest("a", "t", "d", "before_after", rows, "units", "date"),
        ChartRequest("b", "t", "d", "series", rows + (ChartRow("Later", 90, "After"),), "units", "date", number_symbols=(",", ".")),
    ]
"""


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", REQUESTS + code], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_build_keeps_its_templates_so_the_next_one_imports_no_altair(tmp_path):
    draw = "from site_builder.charts import render_charts\nrender_charts(requests({value}), r'{docs}', workers=1, cache_dir=r'{cache}')\n"
    run_python(draw.format(value=272, docs=tmp_path / "first", cache=tmp_path / "cache"))
    kept = read_templates(chart_store(tmp_path / "cache"), SPEC_CODE)
    assert len(kept) == 4  # two kinds' layouts and two configs (English, Vietnamese numbers)
    # Other rows, the same layouts: new specs, from the kept templates.
    second = run_python(
        draw.format(value=298, docs=tmp_path / "second", cache=tmp_path / "cache") + "print('altair' in sys.modules)"
    )
    assert second == "False"
    from site_builder.charts.spec import chart_spec_json

    exec(REQUESTS, namespace := {})
    for request in namespace["requests"](298):
        assert any(
            chart_spec_json(request) + "\n" == p.read_text(encoding="utf-8") for p in (tmp_path / "second").rglob("*.vl.json")
        )


def test_a_first_build_fills_the_templates_compiled_beside_validation(tmp_path):
    out = run_python(
        "from site_builder.charts import ChartWorkers, start_charts\n"
        f"with ChartWorkers(2) as workers:\n"
        f"    workers.start(r'{tmp_path / 'cache'}')\n"
        "    workers.templates.result()\n"
        f"    start_charts(requests(272), r'{tmp_path / 'docs'}', workers, cache_dir=r'{tmp_path / 'cache'}').finish()\n"
        "print('altair' in sys.modules)\n"
    )
    assert out == "False"
    kept = read_templates(chart_store(tmp_path / "cache"), SPEC_CODE)
    assert sorted(kept) == sorted(map(repr, kinds.every_layout()))


def test_the_worker_compiles_every_layout_as_this_process_does():
    templates = Templates()
    assert every_template() == {repr(layout): templates[layout].text for layout in kinds.every_layout()}


def test_templates_kept_by_other_code_or_cut_short_are_compiled_again(tmp_path):
    store = memo.MemoStore(tmp_path)
    write_templates(store, "other code", {"BarLayout()": "{}"})
    later = memo.MemoStore(tmp_path)  # another build's
    assert read_templates(later, SPEC_CODE) == {}
    assert later.namespace(TEMPLATES).is_empty()  # other code's entry is removed once read past
    write_templates(store, SPEC_CODE, {"BarLayout()": "{}"})
    assert read_templates(store, SPEC_CODE) == {"BarLayout()": "{}"}
    kept = store.namespace(TEMPLATES).path(memo.key(SPEC_CODE))
    text = kept.read_text(encoding="utf-8")
    kept.write_text(text[: len(text) // 2], encoding="utf-8")
    assert read_templates(store, SPEC_CODE) == {}
    kept.write_text(json.dumps(["not", "a", "mapping"]), encoding="utf-8")
    assert read_templates(store, SPEC_CODE) == {}
