"""Lighthouse (exact version in package.json, installed by `npm ci`) scores accessibility and
performance at least 98 on one page of each kind, in both editions, with its default mobile
profile and simulated throttling, on Debian's Chromium (the CHROMIUM path, as the other browser
tests), the site served from 127.0.0.1 compressed as a static host serves it.

Performance is timed on a machine shared with other work, so a page gets up to RUNS runs and its
best performance score counts (accessibility does not vary between runs: the first run's counts).

Lighthouse missing is a failure with the fix in the message, not a skip: `make test` must run it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from checked_pages import EDITIONS, ISSUE_PAGES
from compressed_server import CompressedSiteServer

from fixtures.build.project import REPO

# make test runs these alone after the rest of the suite (-m lighthouse, no workers): anything
# beside Lighthouse on the machine would be timed with the page. (pytest-xdist's loadgroup does not
# group tests under pytest 9.2: it renames a node id pytest no longer reads.)
pytestmark = [pytest.mark.browser, pytest.mark.lighthouse]

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # as conftest.py finds it
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
MINIMUM = 0.98
RUNS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


@pytest.fixture(scope="module")
def lighthouse():
    if not LIGHTHOUSE.is_file():
        pytest.fail(
            f"The Lighthouse test needs Lighthouse at {LIGHTHOUSE}: run npm ci in {REPO} "
            "(package.json pins it; .ci/run does this), then run the tests again.",
            pytrace=False,
        )
    if not CHROMIUM.exists():
        pytest.fail(f"The Lighthouse test needs Chromium at {CHROMIUM} (see tests/e2e/conftest.py).", pytrace=False)
    return LIGHTHOUSE


@pytest.fixture(scope="module")
def compressed_server(real_site):
    server = CompressedSiteServer(real_site)
    yield server
    server.close()


def run_lighthouse(lighthouse, url: str, report) -> dict:
    """Lighthouse's JSON report on `url` (accessibility and performance only)."""
    command = [str(lighthouse), url, "--only-categories=accessibility,performance", "--output=json"]
    command += [f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"Lighthouse failed on {url} (exit {done.returncode}):\n{done.stderr[-2000:]}", pytrace=False)
    return json.loads(report.read_text(encoding="utf-8"))


def score(report: dict, category: str) -> float:
    return report["categories"][category]["score"] or 0.0


def failing_audits(report: dict, category: str) -> str:
    """The category's audits that did not pass, with Lighthouse's figure for each."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit.get("score") is None:  # an audit that failed makes the category's score null
            lines.append(f"  {audit['id']}: no score: {audit.get('errorMessage') or audit.get('explanation', '')}")
        elif ref["weight"] and audit["score"] < 1:
            lines.append(f"  {audit['id']}: score {audit['score']} {audit.get('displayValue', '')}")
    lines += [f"  Lighthouse's warning: {warning}" for warning in report.get("runWarnings", [])]
    return "\n".join(lines)


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
@pytest.mark.parametrize("path", ISSUE_PAGES, ids=lambda p: p.strip("/") or "home")
def test_lighthouse_scores_accessibility_and_performance_at_least_98(lighthouse, compressed_server, tmp_path, path, edition):
    url = compressed_server.url(edition + path)
    reports = [run_lighthouse(lighthouse, url, tmp_path / "run-1.json")]
    while score(reports[-1], "performance") < MINIMUM and len(reports) < RUNS:
        reports.append(run_lighthouse(lighthouse, url, tmp_path / f"run-{len(reports) + 1}.json"))
    if score(reports[0], "accessibility") < MINIMUM:
        pytest.fail(
            f"Lighthouse accessibility on {url}: {score(reports[0], 'accessibility'):.2f}\n"
            f"{failing_audits(reports[0], 'accessibility')}",
            pytrace=False,
        )
    best = max(reports, key=lambda report: score(report, "performance"))
    if score(best, "performance") < MINIMUM:
        scores = ", ".join(f"{score(r, 'performance'):.2f}" for r in reports)
        pytest.fail(
            f"Lighthouse performance on {url}: {scores} in {len(reports)} runs; the best run's audits:\n"
            f"{failing_audits(best, 'performance')}",
            pytrace=False,
        )
