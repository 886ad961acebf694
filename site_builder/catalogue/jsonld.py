"""schema.org `Dataset` JSON-LD for every page that presents data (what Google Dataset Search
reads), and the text of its <script type="application/ld+json"> element.

The builders take what the page shows and return plain dicts whose own addresses are relative
to the edition's root for pages (`url`: "provinces/hue/", the Vietnamese one under vi/) and to
the site root for files (`contentUrl`: "data/provinces/p34-46.csv", served once for every
edition); `script_text` makes them relative to the page (the site works at any address) and
escapes the JSON so no contributed text can end the element.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from markupsafe import Markup

from site_builder.catalogue.about import About, Agent

# Keys whose relative values are addresses in the site: of a page of the edition, of a file.
PAGE_KEYS = frozenset({"url"})
FILE_KEYS = frozenset({"contentUrl"})
# What the JSON may not hold inside <script>: "</script", "<!--" and the line separators that
# older JavaScript parsers end a string at. Escaped as JSON escapes, so the data stays the same.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
MEDIA_TYPES = {
    "csv": "text/csv",
    "excel-csv": "text/csv",
    "json": "application/json",
    "jsonld": "application/ld+json",
    "zip": "application/zip",
}


def is_web_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)


def script_text(data: dict, root: str, site_root: str = "") -> Markup:
    """`data` as JSON for a <script type="application/ld+json"> element of a page `root` below its
    edition's root and `site_root` below the site's: relative addresses made relative to the
    page, <, >, & and U+2028/9 escaped."""
    text = json.dumps(_from_page(data, root, site_root), ensure_ascii=False, separators=(",", ":"))
    for char, escape in _UNSAFE.items():
        text = text.replace(char, escape)
    return Markup(text)


def _from_page(value, root: str, site_root: str, key: str = ""):
    if isinstance(value, dict):
        return {k: _from_page(v, root, site_root, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_page(v, root, site_root, key) for v in value]
    if isinstance(value, str) and key in PAGE_KEYS | FILE_KEYS and not urlsplit(value).scheme:
        return ((root if key in PAGE_KEYS else site_root) + value) or "./"
    return value


def agent(who: Agent) -> dict:
    return {"@type": "Organization", "name": who.name, "url": who.url or ""}


def distribution(download, name: str = "") -> dict:
    """A schema.org DataDownload of one file the build wrote (downloads.Download)."""
    return {
        "@type": "DataDownload",
        "name": name or download.name,
        "contentUrl": download.path,
        "encodingFormat": MEDIA_TYPES.get(download.kind, "text/plain"),
        "contentSize": f"{download.size} B",
    }


def source_work(source) -> dict:
    """A source a figure is based on (dataset.model.Source), as a schema.org CreativeWork: its
    title and address (its publisher, date and language are in sources.csv and each page's CSV,
    kept out of the page's first load)."""
    work = {"@type": "CreativeWork", "name": source.title}
    if is_web_url(source.url):
        work["url"] = source.url
    return work


def temporal_coverage(figures) -> str:
    """The ISO 8601 interval from the earliest to the latest date of the figures (FigureView) that
    are results or running totals: a plan's or a target's date is not a time the data covers."""
    dates = sorted({d for fv in figures if fv.is_outcome for d in (fv.figure.period_start, fv.figure.period_end) if d})
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]}/{dates[-1]}"


def place(province, country_name: str) -> dict:
    """A province (or the whole country, id vn) as a schema.org place."""
    if province.is_country:
        return {"@type": "Country", "name": province.name_vi, "alternateName": province.name_en}
    area = {"@type": "AdministrativeArea", "name": province.name_vi, "alternateName": province.name_en}
    if province.gso_code:
        area["identifier"] = province.gso_code
    area["containedInPlace"] = {"@type": "Country", "name": country_name}
    return area


def dataset(
    *,
    name: str,
    description: str,
    page: str,
    lang: str,
    about: About,
    facts: dict,
    figures=(),
    spatial=None,
    files=(),
    keywords=(),
    based_on: list | None = None,
) -> dict:
    """A schema.org Dataset; `facts` holds the build date, the release shown and the catalogue's
    name (`date`, `release`, `catalogue`). No `citation`: schema.org's means the works the dataset
    cites (isBasedOn here); how to cite the page is on the page. `based_on` replaces the list of
    the figures' sources (the data page names the sources table instead of all of them)."""
    sources = {fv.source.id: fv.source for fv in figures}
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": page,
        "inLanguage": lang,
        "license": about.licence_url,
        "creator": [agent(a) for a in about.creators],
        "publisher": agent(about.publisher),
        "dateModified": facts["date"],
        "includedInDataCatalog": {"@type": "DataCatalog", "name": facts["catalogue"], "url": "data/"},
        "distribution": list(files),
        "isBasedOn": based_on if based_on is not None else [source_work(sources[s]) for s in sorted(sources)],
    }
    if facts.get("release"):
        data["version"] = facts["release"]
    coverage = temporal_coverage(figures)
    if coverage:
        data["temporalCoverage"] = coverage
    if spatial:
        data["spatialCoverage"] = spatial
    if keywords:  # what the figures measure (schema.org's keywords would repeat the same list)
        data["variableMeasured"] = sorted(set(keywords))
    return data
