"""Hostile text in a chart reaches the page only as text: in the SVG vl-convert draws, and in
the chart partial (autoescaped Jinja; the SVG is the one part inserted with |safe)."""

from __future__ import annotations

import re

import jinja2
import pytest

from site_builder.charts import ChartRequest, ChartRow, render_charts

HOSTILE = "<script>alert(1)</script>"
QUOTES = '"&<>'


@pytest.fixture(scope="module")
def hostile_chart(tmp_path_factory):
    request = ChartRequest(
        chart_id="p34-51--units",
        title=f"Title {HOSTILE}",
        description=f"Description {QUOTES}",
        kind="before_after",
        rows=(ChartRow(HOSTILE, 3.0, QUOTES, f"note {HOSTILE}"), ChartRow(QUOTES, 5.0, "After", "=1+1")),
        value_title=f"value {HOSTILE}",
        category_title=f"category {QUOTES}",
    )
    return render_charts([request], tmp_path_factory.mktemp("docs"), workers=1)["p34-51--units"]


def render_partial(chart, root: str = "../../", **more) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("site_builder", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = lambda key, **kwargs: f"[{key}]"
    env.filters["num"] = lambda value: f"{value:g}"
    env.filters["vi_terms"] = lambda text: text  # escaped by autoescape, as the site's filter escapes it
    return env.get_template("partials/chart.html").render(chart=chart, root=root, site_root=root, **more)


def test_hostile_category_is_escaped_in_the_svg_vl_convert_draws(hostile_chart):
    svg = hostile_chart.svg
    assert "<script" not in svg.lower()
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;</text>" in svg
    assert '>"&amp;&lt;&gt;</text>' in svg or ">&quot;&amp;&lt;&gt;</text>" in svg


def test_the_svg_has_no_markup_but_its_own_elements(hostile_chart):
    tags = set(re.findall(r"<([a-zA-Z][\w:-]*)", hostile_chart.svg))
    assert tags <= {"svg", "g", "path", "rect", "text", "line", "defs", "clipPath", "title", "desc", "circle", "tspan"}


def test_hostile_text_is_escaped_everywhere_in_the_partial(hostile_chart):
    html = render_partial(hostile_chart)
    assert "<script" not in html.lower()
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title twice, row header, note, axis text
    assert "Description &#34;&amp;&lt;&gt;" in html


def test_partial_links_the_svg_to_its_caption_with_ids_from_the_chart_id(hostile_chart):
    html = render_partial(hostile_chart)
    assert '<figure class="chart" id="chart-p34-51--units" data-spec="../../assets/charts/' in html
    assert '<figcaption id="chart-p34-51--units-caption">' in html
    assert 'role="img" aria-labelledby="chart-p34-51--units-caption"' in html


def test_partial_data_table_has_a_caption_and_scoped_headers(hostile_chart):
    html = render_partial(hostile_chart)
    table = html[html.index("<table>") : html.index("</table>")]
    assert "<caption>Title &lt;script&gt;" in table
    assert table.count('<th scope="col"') == 2 and table.count('<th scope="row">') == 2
    assert "<summary>[chart.data_table]</summary>" in html


def test_partial_offers_the_csv_relative_to_the_page_and_names_the_images_for_charts_js(hostile_chart):
    html = render_partial(hostile_chart, root="../")
    assert f'<a href="../{hostile_chart.csv_path}" download>[chart.download_csv]</a>' in html
    # The PNG and SVG are made in the browser, framed by the title, source and licence: charts.js
    # adds their buttons under these labels. No image without them is offered.
    assert '<p class="chart-downloads" data-png="[chart.download_png]" data-svg="[chart.download_svg]">' in html
    assert ".png" not in html and f'href="../{hostile_chart.svg_path}"' not in html


def test_partial_gives_the_source_line_of_a_download_escaped(hostile_chart):
    html = render_partial(hostile_chart, chart_source=f"Source: {HOSTILE} {QUOTES}")
    assert 'data-source="Source: &lt;script&gt;alert(1)&lt;/script&gt; &#34;&amp;&lt;&gt;"' in html


def test_partial_has_no_blank_line_that_would_end_the_html_block_in_markdown(hostile_chart):
    assert "\n\n" not in render_partial(hostile_chart).strip()


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\r", "\n", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\u2028", "\u2029"],
)
def test_control_characters_in_chart_text_are_removed_before_drawing(control):
    from site_builder.charts.model import ChartRequest, ChartRow

    row = ChartRow(category=f"a{control}b", value=1.0, series=f"s{control}", note=f"n{control}")
    request = ChartRequest("x", f"t{control}t", f"d{control}", "series", (row,), f"v{control}", f"c{control}")
    texts = [row.category, row.series, row.note, request.title, request.description, request.value_title, request.category_title]
    assert all(control not in text for text in texts), texts


def loop_chart_text(text: str) -> str:
    """The reference: chart_text as it was, one character at a time through `drawable`."""
    from site_builder.charts.model import drawable

    return "".join(c for c in re.sub("[\r\n\t\u2028\u2029]+", " ", text) if drawable(c))


def test_chart_text_removes_exactly_what_drawable_refuses_at_every_code_point():
    from site_builder.charts.model import chart_text

    everything = "".join(map(chr, range(0x110000)))
    assert chart_text(everything) == loop_chart_text(everything)
    assert len(chart_text(everything)) < 0x110000 - 2048  # the surrogates alone are 2,048


def test_chart_text_agrees_with_the_loop_on_mixed_text():
    import random

    from site_builder.charts.model import chart_text

    rng = random.Random(20251126)
    alphabet = "aĐà \r\n\t\u2028\u2029\x00\x1b\x7f\x85\ufffe\uffff\ufdd0\U0001fffe\U0010ffff\ud800<>&\"'"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert chart_text(text) == loop_chart_text(text), repr(text)
