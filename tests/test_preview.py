"""The preview's pieces: what it watches, and how it serves pages that reload themselves."""

from __future__ import annotations

import os
import urllib.request

from site_builder.preview.server import RELOAD_SCRIPT, VERSION_PATH, PreviewState, start_server
from site_builder.preview.watch import Watcher


def test_the_watcher_sees_a_changed_file_but_not_one_saved_unchanged(tmp_path):
    data, docs, config = tmp_path / "data", tmp_path / "docs", tmp_path / "mkdocs.yml"
    data.mkdir(), docs.mkdir()
    (data / "figures.csv").write_text("id\n1\n", encoding="utf-8")
    config.write_text("site_name: x\n", encoding="utf-8")
    watcher = Watcher(data, docs, config)
    assert not watcher.changed()
    os.utime(data / "figures.csv", ns=(1, 1))  # saved again, same bytes
    assert not watcher.changed()
    (data / "figures.csv").write_text("id\n2\n", encoding="utf-8")
    assert watcher.changed() and not watcher.changed()
    (docs / "new.md").write_text("# New\n", encoding="utf-8")
    assert watcher.changed()


def test_pages_are_served_with_the_reload_script_and_files_as_they_are(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><body><p>page</p></body></html>", encoding="utf-8")
    (tmp_path / "data.csv").write_text("id\n</body>\n", encoding="utf-8")
    state = PreviewState()
    server = start_server(tmp_path, 0, state)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = urllib.request.urlopen(base + "/a/").read().decode()
        assert page == "<html><body><p>page</p>" + RELOAD_SCRIPT + "</body></html>"
        assert urllib.request.urlopen(base + "/data.csv").read().decode() == "id\n</body>\n"
        assert urllib.request.urlopen(base + VERSION_PATH).read() == b"0"
        state.bump()
        assert urllib.request.urlopen(base + VERSION_PATH).read() == b"1"
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.shutdown()
        server.server_close()
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8").count("<script>") == 0  # never written to the site


def test_the_data_is_checked_apart_and_only_findings_on_the_current_data_are_said(tmp_path):
    import time

    from helpers import slow_problems
    from site_builder.preview.data_check import DataCheck

    (tmp_path / "a.csv").write_text("first version\n", encoding="utf-8")
    said: list[str] = []
    checks = DataCheck(tmp_path, said.append, slow_problems)
    try:
        started = time.perf_counter()
        checks.start()
        checks.report()
        assert time.perf_counter() - started < 1.0 and said == []  # the preview goes on meanwhile
        (tmp_path / "a.csv").write_text("second version\n", encoding="utf-8")  # an edit during the check
        checks.start()  # one check at a time: the edit is checked when the first ends
        deadline = time.monotonic() + 120
        while not said and time.monotonic() < deadline:
            checks.report()
            time.sleep(0.05)
        assert said == ["a.csv: second version", "The data has 1 problem(s); fix them before you open a pull request."]
        checks.start()  # the same data again: nothing more to check
        assert checks.running is None
    finally:
        checks.close()
