"""The synthetic data generator (benchmarks/synthetic.py): its copies of datapackages/ validate
with no problem at any scale, have the rows asked for, and are the same bytes for the same seed."""

from __future__ import annotations

import csv
import importlib.util
import sys

import pytest

from helpers import REPO
from site_builder.validate import validate_packages

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow


def load_synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module
    spec.loader.exec_module(module)
    return module


synthetic = load_synthetic()


def figure_rows(data_dir):
    with (data_dir / "reform" / "figures.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_ten_times_todays_figures_validate_with_no_problem(tmp_path):
    today = synthetic.today_figures()
    synthetic.main(["--scale", "10", "--out", str(tmp_path / "data")])
    rows = figure_rows(tmp_path / "data")
    assert len(rows) == 10 * today
    assert len({row["id"] for row in rows}) == len(rows)
    assert validate_packages(tmp_path / "data") == []


def test_the_copy_keeps_todays_figures_first(tmp_path):
    synthetic.generate(synthetic.today_figures() + 5, tmp_path / "data")
    real = figure_rows(REPO / "datapackages")
    assert figure_rows(tmp_path / "data")[: len(real)] == real


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_values(tmp_path):
    rows = synthetic.today_figures() + 200
    first = synthetic.generate(rows, tmp_path / "a", seed=7).read_bytes()
    assert synthetic.generate(rows, tmp_path / "b", seed=7).read_bytes() == first
    assert synthetic.generate(rows, tmp_path / "c", seed=8).read_bytes() != first


def test_a_project_folder_validates_from_its_root(tmp_path):
    synthetic.main(["--scale", "2", "--out", str(tmp_path / "p"), "--project"])
    assert (tmp_path / "p" / "mkdocs.yml").is_file() and (tmp_path / "p" / "docs").is_dir()
    assert len(figure_rows(tmp_path / "p" / "datapackages")) == 2 * synthetic.today_figures()
    assert validate_packages(tmp_path / "p" / "datapackages") == []


def test_fewer_rows_than_today_or_a_folder_with_data_is_refused(tmp_path):
    with pytest.raises(SystemExit, match="--rows must be between"):
        synthetic.main(["--rows", "3", "--out", str(tmp_path / "few")])
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    with pytest.raises(SystemExit, match="not empty"):
        synthetic.main(["--scale", "1", "--out", str(tmp_path / "full")])
