"""The shape of site_builder/: no module over 300 lines, no function over 60, and the build's
stages listed once in the code (pipeline.STAGES), which the README's list and `build --help` follow."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "site_builder"
MODULE_LINES, FUNCTION_LINES = 300, 60


def too_long(path: Path) -> list[str]:
    """What in one module is over the limits, as `path:line: what`."""
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    found = []
    if (lines := len(text.splitlines())) > MODULE_LINES:
        found.append(f"{where}: {lines} lines (at most {MODULE_LINES}): split the module")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > FUNCTION_LINES:
                found.append(f"{where}:{node.lineno}: {node.name}() is {length} lines (at most {FUNCTION_LINES})")
    return found


def test_no_module_or_function_of_site_builder_is_too_long():
    found = [problem for path in sorted(PACKAGE.rglob("*.py")) for problem in too_long(path)]
    assert found == [], "\n".join(found)


def test_a_long_function_and_a_long_module_are_found(tmp_path):
    long_function = tmp_path / "long_function.py"
    long_function.write_text("def f():\n" + "    x = 1\n" * 60, encoding="utf-8")
    assert too_long(long_function) == [f"{long_function}:1: f() is 61 lines (at most 60)"]
    long_module = tmp_path / "long_module.py"
    long_module.write_text("x = 1\n" * 301, encoding="utf-8")
    assert too_long(long_module) == [f"{long_module}: 301 lines (at most 300): split the module"]
    fine = tmp_path / "fine.py"
    fine.write_text("def f():\n" + "    x = 1\n" * 59 + "x = 1\n" * 200, encoding="utf-8")
    assert too_long(fine) == []


def stage_names() -> list[str]:
    from site_builder.pipeline import STAGES

    return [stage.name for stage in STAGES]


def test_the_readme_lists_the_stages_the_pipeline_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The build's stages", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^(\d+)\. `([a-z]+)`:", section, flags=re.MULTILINE)
    assert [name for _, name in listed] == stage_names()
    assert [int(number) for number, _ in listed] == list(range(1, len(listed) + 1))


def test_build_help_names_the_stages_in_order():
    from site_builder.commands.build import EXAMPLE

    line = EXAMPLE.split("Stages: ", 1)[1].split(". ", 1)[0]
    named = [re.sub(r"[()]|\s.*", "", part.strip()) for part in line.replace("\n", " ").split(",")]
    assert named == stage_names()


def test_each_stage_is_a_function_of_site_builder_stages():
    from site_builder.pipeline import STAGES

    assert len(set(stage_names())) == len(STAGES)
    assert all(stage.run.__module__.startswith("site_builder.stages.") for stage in STAGES)
