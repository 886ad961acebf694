"""`site-builder serve` in a browser: an edit of the data shows on the open page by itself."""

from __future__ import annotations

import threading

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.preview.loop import serve


@pytest.fixture
def preview(tmp_path):
    paths = make_fixture_project(tmp_path)
    ready, stop, lines, ports = threading.Event(), threading.Event(), [], []
    thread = threading.Thread(
        target=serve,
        args=(paths, 0),
        kwargs={"say": lines.append, "stop": stop, "on_ready": lambda p: (ports.append(p), ready.set())},
        daemon=True,
    )
    thread.start()
    assert ready.wait(300), lines
    yield paths, f"http://127.0.0.1:{ports[0]}/", lines
    stop.set()
    thread.join(60)


def test_an_edited_figure_shows_on_the_open_page_without_reloading_by_hand(preview, page):
    paths, address, lines = preview
    page.goto(address + "provinces/former/quang-nam/")
    assert "ranked 30th" in page.inner_text("article")
    figures = paths.data_dir / "reform" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("In 2021 Quang Nam ranked 30th", "In 2021 Quang Nam ranked 31st", 1), encoding="utf-8")
    # A function, not an expression: Playwright evaluates an expression with eval, which the
    # pages' Content-Security-Policy forbids.
    page.wait_for_function("() => document.body.innerText.includes('ranked 31st')", timeout=120_000)
    assert any(line.startswith("Rebuilt in") for line in lines), lines
