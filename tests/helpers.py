"""Helpers shared by the tests: the repository's path, editing a fixture package and validating it."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from site_builder.validate import Problem, columnar, format_problem, large_package, validate_packages

REPO = Path(__file__).resolve().parents[1]
REFORM = REPO / "datapackages" / "reform"
FIGURES = "datapackages/reform/figures.csv"
SOURCES = "datapackages/reform/sources.csv"

# The columns of figures.csv, in order (ROW writes them all).
FIGURE_COLUMNS = (
    "id province_id area indicator_id measure value qualifier period_start period_end source_id quote quote_en notes status"
    " area_vi notes_vi"
).split()
# A figure of Quang Nam (which existed until 30 June 2025) with the fields a test varies.
ROW = '{id},p63-49,{area},{indicator},{measure},{value},exact,{start},{end},article-en,"{quote}",,,result,,\n'


def data_file(project: Path, name: str) -> Path:
    """A file of the reform package of a fixture project."""
    return project / "datapackages" / "reform" / name


def append(project: Path, name: str, text: str) -> int:
    """Append lines to a CSV; return the physical line number of the first one."""
    path = data_file(project, name)
    existing = path.read_text(encoding="utf-8")
    path.write_text(existing + text, encoding="utf-8")
    return existing.count("\n") + 1


def replace(project: Path, name: str, old: str, new: str) -> int:
    """Replace text in a CSV; return the line where it was."""
    path = data_file(project, name)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(project: Path) -> list[str]:
    """`site-builder validate`'s report lines for a project."""
    return [format_problem(p) for p in validate_packages(project / "datapackages")]


def only(project: Path) -> str:
    """The one problem of a project that must have exactly one."""
    found = problems(project)
    assert len(found) == 1, found
    return found[0]


def figure(id="f", area="", indicator="departments", measure="count", value="7", start="", end="2024", quote="Q."):
    """A row of figures.csv for a fixture project (see ROW)."""
    return ROW.format(id=id, area=area, indicator=indicator, measure=measure, value=value, start=start, end=end, quote=quote)


def found(project: Path) -> list[Problem]:
    """`site-builder validate`'s problems for a project."""
    return validate_packages(project / "datapackages")


def one(project: Path, rule: str, path: str, line: int) -> str:
    """The message of the project's only problem, which must be `rule`'s at path:line."""
    problems = found(project)
    assert [(p.rule, p.path, p.line) for p in problems] == [(rule, path, line)], [format_problem(p) for p in problems]
    return format_problem(problems[0])


def tree_hash(root: Path) -> str:
    """A hash of every file under `root`: its path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def slow_problems(data_dir: Path) -> list[str]:
    """A validator for the preview's data check (run in another process): slow, one problem
    naming the first line of the first CSV file, so a test can tell which data it saw."""
    import time

    time.sleep(1.5)
    first = sorted(data_dir.rglob("*.csv"))[0]
    return [f"{first.name}: {first.read_text(encoding='utf-8').splitlines()[0]}"]


def edit_notes(line: str, words: str) -> str:
    """A figures.csv row (one line) with `words` added to its notes."""
    cells = next(csv.reader([line.rstrip("\n")]))
    notes = FIGURE_COLUMNS.index("notes")
    cells[notes] = f"{cells[notes]} {words}".strip()
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue() + ("\n" if line.endswith("\n") else "")


def validated_by_path(data_dir, monkeypatch, columnar_on: bool):
    """The problems of `data_dir` by the exact path alone (`columnar_on` false) or with the
    columnar path forced on (its size threshold at 0), and whether DuckDB's scan was used."""
    used = []
    real = columnar.validate_large

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        used.append(result is not None)
        return result

    monkeypatch.setattr(columnar, "MIN_BYTES", 0 if columnar_on else 10**12)
    monkeypatch.setattr(large_package.columnar, "validate_large", spy)
    return validate_packages(data_dir), any(used)
