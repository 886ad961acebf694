"""The build's memo store (site_builder/memo.py): keys, entries, and what a build did not use."""

from __future__ import annotations

import platform

from site_builder import memo


def test_a_key_tells_apart_inputs_that_run_together():
    assert memo.key("ab", "c") != memo.key("a", "bc")
    assert memo.key("a", b"b") == memo.key(b"a", "b")
    assert len(memo.key("x")) == 64


def test_an_entry_is_read_as_it_was_put_and_unused_entries_are_removed(tmp_path):
    store = memo.MemoStore(tmp_path)
    pages = store.namespace("pages")
    assert store.namespace("pages") is pages and pages.folder == tmp_path / "memo" / "pages"
    assert pages.get(memo.key("a")) is None and pages.is_empty()
    pages.put(memo.key("a"), b"page a")
    pages.put(memo.key("b"), b"page b")
    later = memo.MemoStore(tmp_path).namespace("pages")  # the next build
    assert later.get(memo.key("a")) == b"page a" and later.has(memo.key("a"))
    (later.folder / ".left-by-an-interrupted-write.tmp").write_bytes(b"part")
    later.forget_unused()
    assert sorted(p.name for p in later.folder.iterdir()) == [memo.key("a")]
    assert memo.MemoStore(tmp_path).namespace("drawings").is_empty()  # namespaces are apart


def test_the_source_digest_follows_names_and_bytes_and_leaves_compiled_caches_out(tmp_path):
    code = tmp_path / "code"
    (code / "__pycache__").mkdir(parents=True)
    (code / "a.py").write_text("x = 1\n", encoding="utf-8")
    first = memo.source_digest(code)
    (code / "__pycache__" / "a.pyc").write_bytes(b"compiled")
    assert memo.source_digest(code) == first
    (code / "a.py").write_text("x = 2\n", encoding="utf-8")
    edited = memo.source_digest(code)
    assert edited != first
    (code / "a.py").rename(code / "b.py")
    assert memo.source_digest(code) != edited
    assert memo.source_digest(code / "b.py") != memo.source_digest(code)


def test_versions_name_the_interpreter_and_each_package():
    found = memo.versions("jinja2", "no-such-package-here")
    assert found.startswith(f"python=={platform.python_version()},jinja2==")
    assert found.endswith("no-such-package-here missing")
