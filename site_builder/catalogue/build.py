"""Assemble data/catalog.jsonld from what the build wrote: the packages' files, each indicator's
CSV and metadata, the releases."""

from __future__ import annotations

from pathlib import Path

from site_builder.catalogue import dcat
from site_builder.catalogue.about import About
from site_builder.dataset.vocabulary import OUTCOMES
from site_builder.downloads.package import DATA_FOLDER, Download, write_download

CATALOGUE_NAME = "catalog.jsonld"


def write_catalogue(
    *,
    descriptors: dict[str, dict],
    downloads: tuple,
    indicator_files: dict,
    indicator_rows: list[dict[str, str]],
    figure_rows: list[dict[str, str]],
    about: About,
    date: str,
    releases: tuple,
    site_names: dict[str, str],
    repository: str,
    docs_dir: Path,
) -> Download:
    """Write the catalogue into docs_dir/data/; the file written. `descriptors` by package name
    ("" for the reform package), `downloads` every package file (downloads.Download)."""
    packages = package_datasets(descriptors, downloads, about, date, releases)
    indicators = indicator_datasets(indicator_rows, indicator_files, figure_rows, about, date)
    text = dcat.catalogue(
        names=site_names,
        descriptions={lang: descriptors[""].get("description_vi" if lang == "vi" else "description", "") for lang in site_names},
        packages=packages,
        indicators=indicators,
        about=about,
        date=date,
        contact=f"{repository}/issues",
        releases=releases,
    )
    return write_download(docs_dir / DATA_FOLDER, CATALOGUE_NAME, text, "DCAT-AP catalogue (JSON-LD)", "jsonld", "")


def package_datasets(descriptors: dict[str, dict], downloads: tuple, about: About, date: str, releases: tuple) -> list[dict]:
    """One dcat:Dataset per package, its files the distributions; the reform package's releases its versions."""
    packages = []
    for name, descriptor in sorted(descriptors.items()):
        extra = {"owl:versionInfo": descriptor["version"]} if descriptor.get("version") else {}
        if not name and releases:
            extra["dct:hasVersion"] = [{"@id": f"releases/{r.date}/"} for r in releases]
        packages.append(
            dcat.dataset(
                ident=f"package-{name or descriptor.get('name', 'reform')}",
                titles={"en": descriptor.get("title", ""), "vi": descriptor.get("title_vi", "")},
                descriptions={"en": descriptor.get("description", ""), "vi": descriptor.get("description_vi", "")},
                page="./",
                files=[dcat.distribution(d, about) for d in downloads if d.package == name],
                about=about,
                date=date,
                extra=extra,
            )
        )
    return packages


def indicator_datasets(rows: list[dict], files: dict, figure_rows: list[dict], about: About, date: str) -> list[dict]:
    """One dcat:Dataset per indicator: its CSV and metadata, the period its results cover (not
    its plans' and targets' dates)."""
    periods: dict[str, list[str]] = {}
    for figure in (f for f in figure_rows if f.get("status", "result") in OUTCOMES):
        dates = [d for d in (figure.get("period_start"), figure.get("period_end")) if d]
        periods.setdefault(figure.get("indicator_id", ""), []).extend(dates)
    datasets = []
    for row in rows:
        csv, meta = files[row["id"]]
        dates = sorted(periods.get(row["id"], []))
        datasets.append(
            dcat.dataset(
                ident=f"indicator-{row['id']}",
                titles={"en": row.get("name_en", ""), "vi": row.get("name_vi", "")},
                descriptions={"en": row.get("definition", ""), "vi": row.get("definition_vi", "")},
                page=f"../indicators/{row['id']}/",
                files=[dcat.distribution(csv, about), dcat.distribution(meta, about)],
                about=about,
                date=date,
                keywords={"en": [row.get("name_en", "")], "vi": [row.get("name_vi", "")]},
                period=(dates[0], dates[-1]) if dates else None,
                extra={"dct:isPartOf": {"@id": "#package-reform"}},
            )
        )
    return datasets
