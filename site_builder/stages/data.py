"""The data stages: validate the packages, load them into the model, derive the views and each
edition's chart plan."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from site_builder.dataset.dates import build_date
from site_builder.dataset.load import load_package
from site_builder.errors import ValidationFailed
from site_builder.incremental import digest_text
from site_builder.pages.chart_plan import plan_charts
from site_builder.stages.state import Build
from site_builder.views import derive_site


def validate(build: Build) -> str:
    """Validate the data unless this very data (and validator) passed the project's validation last
    time; remembers the hash of what passed (empty when nothing is to be remembered)."""
    validator = validate_data if build.validator == "project" else build.validator
    passed = digest_text(build.data, build.code) if validator is validate_data else ""
    if passed and build.record.validated == passed:
        build.validated = passed
        return "no problems (the same data passed last time)"
    check_data(build.paths.data_dir, validator)
    build.validated = passed
    return "no problems" if validator else "skipped"


def validate_data(data_dir: Path) -> list[str]:
    """Run the project's validator; return its report lines (empty when the data is valid)."""
    from site_builder.validate import format_problem, validate_packages

    return [format_problem(problem, "text") for problem in validate_packages(data_dir)]


def check_data(data_dir: Path, validator: Callable[[Path], list[str]] | None) -> None:
    lines = validator(data_dir) if validator else []
    if lines:
        raise ValidationFailed(lines)


def load(build: Build) -> str:
    build.dataset, build.raw = load_package(build.paths.data_dir, build.packages)
    build.when = build.date or build_date(build.paths.root, build.dataset)
    dataset = build.dataset
    return f"{len(dataset.provinces)} provinces, {len(dataset.figures)} figures, {len(dataset.sources)} sources"


def derive(build: Build) -> str:
    """The views of the site, once, and each edition's charts (their text is in its language)."""
    site = build.site = derive_site(build.dataset)
    build.plans = {e.lang: plan_charts(site, e.t) for e in build.editions}
    charts = sum(len(plan.requests) for plan in build.plans.values())
    return f"{len(site.current)} current, {len(site.former)} former provinces, {charts} charts in {len(build.plans)} edition(s)"
