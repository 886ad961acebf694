"""The GitHub workflows and issue forms: valid against GitHub's schemas, and no finding above
"low" from zizmor's security audit. Both tools are pinned in requirements.lock; missing is a
failure with the fix, not a skip, so `make test` always runs these.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / ".github"
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if path.stem != "config")


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `make .venv/bin/site-builder` (it installs requirements.lock, "
            f"which pins {name}), then run the tests again.",
            pytrace=False,
        )
    return str(path)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)


def test_there_are_workflows_and_issue_forms():
    assert {path.name for path in WORKFLOWS} >= {"checks.yml", "pages.yml"}
    assert {path.name for path in ISSUE_FORMS} == {"report-a-figure.yml", "report-an-error.yml"}


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("custom.github-workflows-require-timeout", WORKFLOWS),
        ("vendor.github-issue-forms", ISSUE_FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
    ids=["workflows", "workflow-timeouts", "issue-forms", "issue-config"],
)
def test_files_match_githubs_schema(schema, files):
    result = run(tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_above_low():
    result = run(tool("zizmor"), "--offline", "--no-progress", "--min-severity", "medium", str(GITHUB))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_by_commit_with_its_version():
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), start=1):
            if "uses:" in line:
                reference = line.split("uses:", 1)[1].strip()
                _action, _, rest = reference.partition("@")
                commit, _, comment = rest.partition(" # v")
                assert len(commit) == 40 and all(c in "0123456789abcdef" for c in commit), f"{workflow.name}:{number}"
                assert comment and comment[0].isdigit(), f"{workflow.name}:{number}: add `# vX.Y.Z` after the commit"


def test_every_checkout_keeps_no_credentials():
    for workflow in WORKFLOWS:
        steps = workflow.read_text(encoding="utf-8").split("- uses: ")
        for step in steps[1:]:
            if step.startswith("actions/checkout@"):
                assert "persist-credentials: false" in step.split("\n      - ")[0], workflow.name
