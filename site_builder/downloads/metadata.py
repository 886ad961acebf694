"""The metadata published beside a slice of the figures (one indicator's, one province's):
<name>.metadata.json, what OWID calls a chart's metadata: what the file holds, where every
figure comes from, under which licence, how to cite it and when it last changed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from site_builder.dataset.vocabulary import OUTCOMES, STATUSES
from site_builder.downloads.package import Download

# The columns the per-indicator CSV adds to the figures' own (described here, in English).
ADDED_COLUMNS = {
    "province_name_vi": "The province's name in Vietnamese, with diacritics (provinces.name_vi).",
    "province_name_en": "The province's name in English (provinces.name_en).",
    "source_title": "The title of the source the figure and its quote come from (sources.title).",
    "source_publisher": "Who published the source (sources.publisher).",
    "source_url": "The address of the source (sources.url).",
}

STATUS_NOTE = (
    "The status column says what each number is: result (achieved, in force), cumulative (a running total so far), "
    "plan or target (not achieved: a plan or a goal). period covers the results and running totals only; "
    "plans_and_targets_until is the latest date a plan or a target names."
)


@dataclass(frozen=True)
class SliceFacts:
    """What every metadata file says besides its own subject."""

    licence: dict  # the package's first licence: name, title, path
    citations: dict  # language -> how to cite the data
    release: str  # the release this build's data is ("" when it has changes since, or none yet)
    latest_release: str  # the newest release ("" when none)
    build_date: str


def metadata_json(
    subject: dict,
    rows: list[dict[str, str]],
    sources: dict[str, dict[str, str]],
    data: Download,
    columns: list[tuple[str, str]],
    facts: SliceFacts,
    last_change: str,
    links: dict[str, str],
) -> bytes:
    """The metadata of one CSV slice: `subject` (the indicator's or province's own fields) first,
    then the file, its columns, coverage, sources, licence, citation and dates."""
    outcomes = [row for row in rows if row.get("status", "result") in OUTCOMES]
    periods = sorted({d for row in outcomes for d in (row.get("period_start", ""), row.get("period_end", "")) if d})
    ahead = sorted({row.get("period_end", "") for row in rows if row.get("status", "result") not in OUTCOMES} - {""})
    used = sorted({row.get("source_id", "") for row in rows} - {""})
    document = {
        **subject,
        "data": {
            "path": data.name,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": data.size,
            "sha256": data.sha256,
            "rows": len(rows),
        },
        "columns": [{"name": name, "description": description} for name, description in columns],
        "figures": len(rows),
        "figures_by_status": {status: sum(row.get("status", "result") == status for row in rows) for status in STATUSES},
        "status_note": STATUS_NOTE,
        "places": sorted({row.get("province_id", "") for row in rows} - {""}),
        "period": {"start": periods[0], "end": periods[-1]} if periods else None,
        "plans_and_targets_until": ahead[-1] if ahead else None,
        "sources": [_source(sources[s]) for s in used if s in sources],
        "licence": facts.licence,
        "licence_note": "The quotes are short extracts of the sources named beside them; the sources keep their own rights.",
        "citation": facts.citations,
        "release": facts.release or None,
        "latest_release": facts.latest_release or None,
        "last_change": last_change,
        "date_modified": facts.build_date,
        "links": links,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _source(row: dict[str, str]) -> dict[str, str]:
    keys = ("id", "title", "publisher", "url", "published", "language")
    return {key: row.get(key, "") for key in keys}


def figure_columns(descriptor: dict) -> list[tuple[str, str]]:
    """(name, description) of the figures resource's fields, from its schema."""
    resource = next((r for r in descriptor.get("resources", []) if r.get("name") == "figures"), {})
    return [(f["name"], f.get("description", "")) for f in resource.get("schema", {}).get("fields", [])]
