"""The one way the build writes a file it keeps across runs (site_builder/atomic_files.py)."""

from __future__ import annotations

import os

import pytest

from site_builder.atomic_files import read_or_none, write_atomically


def test_a_file_is_written_with_its_folder_and_no_temporary_file_left(tmp_path):
    target = tmp_path / "store" / "entry"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["entry"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_an_interrupted_write_leaves_the_old_bytes_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "entry"
    write_atomically(target, b"old")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["entry"]


def test_read_or_none_gives_none_for_a_missing_file(tmp_path):
    assert read_or_none(tmp_path / "missing") is None
    write_atomically(tmp_path / "there", b"x")
    assert read_or_none(tmp_path / "there") == b"x"
