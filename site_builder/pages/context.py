"""What every page of an edition shows besides its own data (PageContext), and the smaller part a
page rendered from its own data may see (OwnPageContext)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.dataset.model import RawPackage
from site_builder.pages.dictionary import package_texts
from site_builder.pages.formatting import format_date
from site_builder.pages.translations import Translations
from site_builder.releases.status import ReleaseStatus


@dataclass(frozen=True)
class PageContext:
    """What every page may show besides its own data."""

    build_date: str
    site_name: str
    repository_url: str
    licence_name: str
    licence_url: str
    citation: str = ""
    site_url: str = ""  # the edition's full address, ending in "/" (citations, figure links)
    descriptor: dict | None = None  # the parsed datapackage.json, for the data dictionary
    downloads: tuple = ()  # site_builder.downloads.Download, in write order
    province_downloads: dict | None = None  # province id -> Download of its figures CSV
    unit_downloads: dict | None = None  # province id -> Download of its units CSV
    other_descriptors: dict | None = None  # the other packages' datapackage.json by name (units)
    province_checksums: str = ""  # SHA256SUMS of the per-province files, from the site root
    release: str = ""  # the release this build's data is ("" when it has changes since, or none yet)
    release_note: str = ""  # the release as a citation names it ("release 2025-12-31", ...)
    about: object = None  # catalogue.about.About: creators, publisher, licence
    indicator_downloads: dict | None = None  # indicator id -> (CSV, metadata) Downloads
    province_metadata: dict | None = None  # province id -> Download of its metadata JSON
    releases: tuple = ()  # releases.publish.PublishedRelease, newest first
    catalogue: object = None  # downloads.Download of the DCAT catalogue (data/catalog.jsonld)


@dataclass(frozen=True)
class OwnPageContext:
    """What a page rendered from its own data may show of the whole site: no list of every
    download, so that one changed file does not change every province page's cache key (a
    template asking for more fails on the undefined attribute instead)."""

    build_date: str
    site_name: str
    repository_url: str
    licence_name: str
    licence_url: str
    citation: str
    site_url: str
    release: str = ""
    release_note: str = ""
    about: object = None

    @classmethod
    def of(cls, context: PageContext) -> "OwnPageContext":
        return cls(*(getattr(context, name) for name in cls.__dataclass_fields__))


def page_context(
    raw: RawPackage, repository_url: str, when: str, t: Translations, site_url: str = "", status: ReleaseStatus | None = None
) -> PageContext:
    """An edition's context: the build date, licence, citation (`site_url`: the edition's full
    address; naming the release the data is, releases/status.py)."""
    status = status or ReleaseStatus()
    if status.shown:
        note = t("release.note", date=status.shown)
    else:
        note = t("release.note_after", date=status.latest) if status.latest else t("release.note_none")
    package = package_texts(raw.descriptor, t.text)
    return PageContext(
        build_date=when,
        site_name=t("site.name"),
        repository_url=repository_url,
        licence_name=package["licence_name"],
        licence_url=package["licence_url"],
        citation=t(
            "cite.dataset",
            site=t("site.name"),
            name=raw.descriptor.get("name", ""),
            version=raw.descriptor.get("version", ""),
            release=note,
            date=format_date(when, t),
            url=site_url + "data/",
        ),
        site_url=site_url,
        descriptor=raw.descriptor,
        release=status.shown,
        release_note=note,
    )
