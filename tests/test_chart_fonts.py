"""The charts' font is part of the build (issue 23): pinned files of the project, the only fonts
vl-convert uses, and the same glyphs served to browsers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from helpers import REPO
from site_builder.charts import typeface, write_chart_assets
from site_builder.charts.render import render_spec
from site_builder.charts.spec import config_json

# The config every English chart has (the charts' font among it), as the kinds compile it.
CONFIG = json.loads(config_json((".", ",")))

# A chart with text in both weights and Vietnamese letters: its layout depends on the font's widths.
SPEC = {
    "config": CONFIG,
    "data": {"values": [{"name": "Thành phố Hồ Chí Minh", "value": 3}, {"name": "Quảng Ngãi", "value": 12}]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "name", "type": "nominal", "title": "Tỉnh, thành phố"},
        "x": {"field": "value", "type": "quantitative"},
    },
    "title": {"text": "Đơn vị hành chính cấp xã", "fontWeight": "bold"},
}


def declared_code_points() -> set[int]:
    points = set()
    for line in (typeface.FONT_FOLDER / "unicodes.txt").read_text(encoding="utf-8").split():
        first, _, last = line.removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


@pytest.mark.parametrize("weight", list(typeface.WEIGHTS.values()))
def test_the_served_font_has_the_glyphs_widths_and_kerning_the_charts_were_measured_with(weight):
    measured = TTFont(typeface.FONT_FOLDER / f"NotoSans-{weight}.ttf")
    served = TTFont(typeface.FONT_FOLDER / f"NotoSans-{weight}.woff2")
    assert served.flavor == "woff2"
    assert measured.getBestCmap() == served.getBestCmap()
    assert measured["hmtx"].metrics == served["hmtx"].metrics
    assert measured["GPOS"].compile(measured) == served["GPOS"].compile(served)
    assert set(measured.getBestCmap()) == declared_code_points()


def test_the_charts_ask_for_the_family_of_the_projects_font_files():
    for path in typeface.font_files("ttf"):
        assert TTFont(path)["name"].getDebugName(1) == typeface.FAMILY
    assert CONFIG["font"].split(",")[0] == typeface.FAMILY


def test_charts_are_drawn_with_the_projects_font_not_a_fallback():
    """Registration matters: the same chart asked in a family nobody has is laid out otherwise."""
    ours = render_spec(json.dumps(SPEC))
    fallback = render_spec(json.dumps({**SPEC, "config": {**CONFIG, "font": "No Such Family, sans-serif"}}))
    assert f'font-family="{typeface.FONT_STACK}"' in ours
    assert ours.replace(typeface.FONT_STACK, "") != fallback.replace("No Such Family, sans-serif", "")


def decoy_font(home: Path) -> None:
    """A font installed for the user (~/.fonts) that calls itself the charts' family: DejaVu Sans,
    wider than Noto Sans, renamed with fontTools."""
    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.fail(f"The decoy font is made from {source}: apt-get install fonts-dejavu-core (.ci/run does this).")
    font = TTFont(source)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = typeface.FAMILY
        elif record.nameID == 6:
            record.string = typeface.FAMILY.replace(" ", "") + "-Regular"
    (home / ".fonts").mkdir(parents=True)
    font.save(home / ".fonts" / "decoy.ttf")
    (home / ".fonts" / "decoy-bold.ttf").write_bytes((home / ".fonts" / "decoy.ttf").read_bytes())


DRAW = "import json, sys; from site_builder.charts.render import render_spec; sys.stdout.write(render_spec(sys.stdin.read()))"


def draw_in_new_process(home: Path) -> str:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share")}
    env.pop("FONTCONFIG_FILE", None)
    result = subprocess.run(
        [sys.executable, "-c", DRAW], input=json.dumps(SPEC), capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    return result.stdout


def test_a_font_of_the_same_family_installed_for_the_user_changes_no_chart(tmp_path):
    clean, decoyed = tmp_path / "clean", tmp_path / "decoyed"
    clean.mkdir()
    decoy_font(decoyed)
    assert draw_in_new_process(decoyed) == draw_in_new_process(clean)


def test_pages_link_a_stylesheet_that_serves_both_weights_from_the_site(tmp_path):
    assets = write_chart_assets(tmp_path)
    assert assets.stylesheets == (typeface.STYLESHEET,)
    css = (tmp_path / typeface.STYLESHEET).read_text(encoding="utf-8")
    for weight, name in typeface.WEIGHTS.items():
        assert f"font-weight: {weight};" in css
        assert f'url("../fonts/NotoSans-{name}.woff2")' in css
        served = tmp_path / typeface.SERVED_FOLDER / f"NotoSans-{name}.woff2"
        assert served.read_bytes() == (typeface.FONT_FOLDER / f"NotoSans-{name}.woff2").read_bytes()
    assert "local(" not in css and "://" not in css
    assert "SIL OPEN FONT LICENSE" in (tmp_path / typeface.SERVED_FOLDER / "OFL.txt").read_text(encoding="utf-8")
