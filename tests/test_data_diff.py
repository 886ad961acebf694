"""`site-builder diff`: the comment a pull request gets, rendered from two versions of a package.

Each test builds a small git repository in a temporary folder: one commit with a package,
then a change to it in the working tree. The fixtures here are shared with
test_data_diff_cli.py (the command line) and test_data_diff_text.py (escaping and matching).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from site_builder.review import (
    RevisionFiles,
    WorkingTreeFiles,
    load_snapshot,
    render_diff,
)
from site_builder.review.totals import headline_totals

REPO = Path(__file__).resolve().parents[1]
SITE_BUILDER = REPO / ".venv" / "bin" / "site-builder"


def resource(name: str, fields: list[str], key: list[str]) -> dict:
    return {
        "name": name,
        "path": f"{name}.csv",
        "schema": {"fields": [{"name": f, "type": "string"} for f in fields], "primaryKey": key},
    }


DESCRIPTOR = {
    "name": "reform",
    "resources": [
        resource("sources", ["id", "title", "publisher", "url", "published"], ["id"]),
        resource("provinces", ["id", "name_vi", "name_en", "valid_to"], ["id"]),
        resource("indicators", ["id", "name_en"], ["id"]),
        resource(
            "figures",
            ["id", "province_id", "indicator_id", "measure", "value", "period_start", "period_end", "source_id", "quote"],
            ["id"],
        ),
        resource("unit_counts", ["province_id", "as_of", "total"], ["province_id", "as_of"]),
    ],
}

BASE_FILES = {
    "sources.csv": "id,title,publisher,url,published\n"
    "tq-2024,Tuyen Quang merges communes,Tuyen Quang Newspaper,https://example.org/tq,2024-12-13\n",
    "provinces.csv": "id,name_vi,name_en,valid_to\n"
    "p63-08,Tuyên Quang,Tuyen Quang,2025-06-30\n"
    "p63-02,Hà Giang,Ha Giang,2025-06-30\n"
    "p34-08,Tuyên Quang,Tuyen Quang,\n",
    "indicators.csv": "id,name_en\ncommune-level-units,Commune-level units\ndepartments,Departments\n",
    "figures.csv": "id,province_id,indicator_id,measure,value,period_start,period_end,source_id,quote\n"
    "tq-units-2024,p63-08,commune-level-units,count,138,,2024-12-13,tq-2024,the province has 138 units\n"
    "tq-departments,p63-08,departments,reduction,5,2020,2025,tq-2024,five departments fewer\n"
    "hg-units,p63-02,commune-level-units,count,193,,2024-12-13,tq-2024,Ha Giang has 193 units\n",
    "unit_counts.csv": "province_id,as_of,total\np63-08,2025-06-30,137\np63-02,2025-06-30,192\np34-08,2025-07-01,124\n",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def write_package(repo: Path, files: dict[str, str]) -> None:
    package = repo / "datapackages" / "reform"
    package.mkdir(parents=True, exist_ok=True)
    (package / "datapackage.json").write_text(json.dumps(DESCRIPTOR, indent=2), encoding="utf-8")
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")


def change(files: dict[str, str]) -> dict[str, str]:
    """The reviewed change: a figure added, one corrected, one removed, a source added; rows re-ordered."""
    changed = dict(files)
    changed["sources.csv"] = files["sources.csv"] + (
        "tq-2025,Tuyen Quang after the merger,Tuyen Quang Newspaper,https://example.org/tq-2025,2025-07-02\n"
    )
    changed["figures.csv"] = (
        "id,province_id,indicator_id,measure,value,period_start,period_end,source_id,quote\n"
        "tq-units-after,p34-08,commune-level-units,count_after,124,,2025-07-01,tq-2025,124 units from 1 July\n"
        "tq-departments,p63-08,departments,reduction,6,2020,2025,tq-2024,six departments fewer\n"
        "tq-units-2024,p63-08,commune-level-units,count,138,,2024-12-13,tq-2024,the province has 138 units\n"
    )
    return changed


def make_repo(tmp_path: Path) -> Path:
    """A git repository on branch main with one commit of the base package."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    write_package(repo, BASE_FILES)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "base")
    return repo


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repo(tmp_path)


def snapshots(repo: Path):
    """The last commit and the working tree."""
    return load_snapshot(RevisionFiles(repo, "HEAD")), load_snapshot(WorkingTreeFiles(repo))


EXPECTED = """\
## Data changes

From main (abc) to the working tree.

| headline total | before | after | change |
|---|--:|--:|--:|
| figures | 3 | 3 | — |
| sources | 1 | 2 | +1 |
| current provinces | 1 | 1 | — |
| former provinces | 2 | 2 | — |
| commune-level units, former provinces (before) | 329 | 329 | — |
| commune-level units, current provinces (after) | 124 | 124 | — |

### Figures: 1 added, 1 changed, 1 removed

#### Ha Giang (Hà Giang), until 2025-06-30 (p63-02) · Commune-level units (commune-level-units)

| change | figure | measure | value | period | source | quote, or what else changed |
|---|---|---|--:|---|---|---|
| removed | hg-units | count | 193 | 2024-12-13 | tq-2024 |  |

#### Tuyen Quang (Tuyên Quang) (p34-08) · Commune-level units (commune-level-units)

| change | figure | measure | value | period | source | quote, or what else changed |
|---|---|---|--:|---|---|---|
| added | tq-units-after | count\\_after | 124 | 2025-07-01 | tq-2025 | 124 units from 1 July |

#### Tuyen Quang (Tuyên Quang), until 2025-06-30 (p63-08) · Departments (departments)

| change | figure | measure | value | period | source | quote, or what else changed |
|---|---|---|--:|---|---|---|
| changed | tq-departments | reduction | 5 → 6 | 2020 – 2025 | tq-2024 | quote: five departments fewer → six departments fewer |

### Sources (datapackages/reform/sources.csv): 1 added, 0 changed, 0 removed

| change | source | title | publisher | published | address, or what changed |
|---|---|---|---|---|---|
| added | tq-2025 | Tuyen Quang after the merger | Tuyen Quang Newspaper | 2025-07-02 | https://example.org/tq-2025 |
"""


def test_figures_added_corrected_and_removed_are_listed_by_province_and_indicator(repo):
    write_package(repo, change(BASE_FILES))
    base = load_snapshot(RevisionFiles(repo, git(repo, "rev-parse", "HEAD")))
    head = load_snapshot(WorkingTreeFiles(repo))
    assert render_diff(base, head, "main (abc)", "the working tree") == EXPECTED


def test_rows_are_matched_by_primary_key_not_line_position(repo):
    files = dict(BASE_FILES)
    header, *rows = files["figures.csv"].splitlines(keepends=True)
    files["figures.csv"] = header + "".join(reversed(rows))
    write_package(repo, files)
    base = load_snapshot(RevisionFiles(repo, "HEAD"))
    assert render_diff(base, load_snapshot(WorkingTreeFiles(repo)), "a", "b").endswith("No changes to the data.\n")


def test_registry_changes_are_counted_and_totals_follow_unit_counts(repo):
    files = dict(BASE_FILES)
    files["unit_counts.csv"] = "province_id,as_of,total\np63-08,2025-06-30,137\np63-02,2025-06-30,190\np34-08,2025-07-01,124\n"
    files["provinces.csv"] = BASE_FILES["provinces.csv"] + "p34-04,Cao Bằng,Cao Bang,\n"
    write_package(repo, files)
    markdown = render_diff(load_snapshot(RevisionFiles(repo, "HEAD")), load_snapshot(WorkingTreeFiles(repo)), "a", "b")
    assert "| current provinces | 1 | 2 | +1 |" in markdown
    assert "| commune-level units, former provinces (before) | 329 | 327 | -2 |" in markdown
    assert (
        "### Registry and other resources\n\n"
        "| file | rows before | rows after | added | changed | removed | columns |\n"
        "|---|--:|--:|--:|--:|--:|---|\n"
        "| datapackages/reform/provinces.csv | 3 | 4 | 1 | 0 | 0 |  |\n"
        "| datapackages/reform/unit\\_counts.csv | 3 | 3 | 0 | 1 | 0 |  |\n"
    ) in markdown
    assert "### Figures" not in markdown


HOSTILE = [
    "a | b",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://example.org/track.png)",
    "line one\nline two\r\nline three",
    "bell\x07 escape\x1b[31m nul\x00",
    "right-to-left \u202eoverride",
    "@octocat and @org/team",
    "**bold** _em_ ~~gone~~ $x^2$ \\",
    "&lt;already escaped&gt;",
]


def test_hostile_values_stay_in_their_table_cell(repo):
    from markdown_it import MarkdownIt

    files = change(BASE_FILES)
    for n, value in enumerate(HOSTILE):
        value = value.replace('"', "'")
        files["figures.csv"] += f'hostile-{n:02d},p34-08,commune-level-units,count,1,,2025-07-01,tq-2025,"{value}"\n'
        files["sources.csv"] += f'evil-{n:02d},"{value}","{value}",javascript:alert(1),2025-01-01\n'
    write_package(repo, files)
    markdown = render_diff(load_snapshot(RevisionFiles(repo, "HEAD")), load_snapshot(WorkingTreeFiles(repo)), "a", "b")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    for tag in ("<script", "<img", "<a ", "<code", "<strong", "<em", "<s>", "<br"):
        assert tag not in html, tag
    assert "\x1b" not in html and "\x00" not in html and "\u202e" not in html
    rows = [line for line in markdown.splitlines() if line.startswith(("| added | hostile-", "| added | evil-"))]
    assert len(rows) == 2 * len(HOSTILE)
    for line in rows:  # a table row has exactly as many cells as its header
        assert len(line.replace("\\|", "").split("|")) == (9 if "hostile-" in line else 8), line
    assert html.count("<tr>") == markdown.count("\n| ")  # every table line is one row, none broken


def test_a_long_diff_is_summarised_per_province_and_indicator(repo):
    files = dict(BASE_FILES)
    files["figures.csv"] = BASE_FILES["figures.csv"] + "".join(
        f"extra-{n:04d},p34-08,commune-level-units,count,{n},,2025-07-01,tq-2024,{'quote ' * 30}\n" for n in range(400)
    )
    write_package(repo, files)
    base, head = load_snapshot(RevisionFiles(repo, "HEAD")), load_snapshot(WorkingTreeFiles(repo))
    full = render_diff(base, head, "a", "b", max_chars=10**9)
    assert len(full) > 60_000 and "extra-0399" in full
    markdown = render_diff(base, head, "a", "b")
    assert len(markdown) <= 60_000
    assert "more than the 60,000 a comment holds" in markdown
    assert "extra-0001" not in markdown
    assert (
        "| province | indicator | added | changed | removed |\n|---|---|--:|--:|--:|\n"
        "| Tuyen Quang (Tuyên Quang) (p34-08) | Commune-level units (commune-level-units) | 400 | 0 | 0 |"
    ) in markdown


def test_headline_totals_use_the_latest_count_of_each_province(repo):
    files = dict(BASE_FILES)
    files["unit_counts.csv"] = BASE_FILES["unit_counts.csv"] + "p63-08,2024-01-01,150\n"
    write_package(repo, files)
    totals = headline_totals(load_snapshot(WorkingTreeFiles(repo)))
    assert (totals.figures, totals.sources, totals.current_provinces, totals.former_provinces) == (3, 1, 1, 2)
    assert (totals.units_former, totals.units_current) == (329, 124)


def test_a_file_that_cannot_be_parsed_is_one_note_not_a_crash(repo):
    files = dict(BASE_FILES)
    files["figures.csv"] += 'broken,p34-08,commune-level-units,count,1,,2025-07-01,tq-2024,"a quote never closed\n'
    write_package(repo, files)
    markdown = render_diff(*snapshots(repo), "a", "b")
    notes = [line for line in markdown.splitlines() if line.startswith("- after: ")]
    assert notes == [
        (
            "- after: datapackages/reform/figures.csv:5: The row starting here cannot be read: "
            'a quoted cell is never closed. Close the quote (") or double quotes inside a quoted '
            'cell (""). Counted as empty.'
        )
    ]
    assert "### Figures: 0 added, 0 changed, 3 removed" in markdown


def test_a_file_that_is_not_utf8_is_one_note_naming_its_line(repo):
    write_package(repo, BASE_FILES)
    path = repo / "datapackages" / "reform" / "sources.csv"
    path.write_bytes(path.read_bytes() + b"caf\xe9,Caf\xe9,x,https://example.org,2025-01-01\n")
    markdown = render_diff(*snapshots(repo), "a", "b")
    assert "- after: datapackages/reform/sources.csv:3: This line is not UTF-8 (byte 0xe9)" in markdown
    assert "Counted as empty." in markdown


def test_cells_past_the_header_show_as_a_change(repo):
    files = dict(BASE_FILES)
    files["provinces.csv"] = BASE_FILES["provinces.csv"].replace(
        "p34-08,Tuyên Quang,Tuyen Quang,\n", "p34-08,Tuyên Quang,Tuyen Quang,,stray\n"
    )
    write_package(repo, files)
    markdown = render_diff(*snapshots(repo), "a", "b")
    assert "| datapackages/reform/provinces.csv | 3 | 3 | 0 | 1 | 0 |  |" in markdown
