"""The chart scripts: the small loader is listed for every page; the Vega bundle is only written."""

from __future__ import annotations

from site_builder.charts import write_chart_assets


def test_chart_assets_write_bundle_and_loader_and_list_only_the_loader(tmp_path):
    assets = write_chart_assets(tmp_path)
    assert assets.scripts == ("assets/javascripts/charts.js",)
    loader = (tmp_path / "assets/javascripts/charts.js").read_text(encoding="utf-8")
    bundle = (tmp_path / "assets/javascripts/vega.bundle.js").read_text(encoding="utf-8")
    assert len(loader) < 10_000 < 500_000 < len(bundle)
    assert "window.vegaEmbed=" in bundle.replace(" ", "")


def test_loader_fetches_the_bundle_beside_itself_lazily_and_from_no_other_host(tmp_path):
    write_chart_assets(tmp_path)
    loader = (tmp_path / "assets/javascripts/charts.js").read_text(encoding="utf-8")
    assert 'new URL("vega.bundle.js", self && self.src' in loader
    assert "IntersectionObserver" in loader and "focusin" in loader and "mouseenter" in loader
    assert "http://" not in loader and "https://" not in loader
    assert "actions: false" in loader


def test_chart_assets_are_the_same_bytes_every_time(tmp_path):
    write_chart_assets(tmp_path / "a")
    write_chart_assets(tmp_path / "b")
    for name in ("charts.js", "vega.bundle.js"):
        assert (tmp_path / "a/assets/javascripts" / name).read_bytes() == (tmp_path / "b/assets/javascripts" / name).read_bytes()
