"""data/catalog.jsonld: a DCAT-AP catalogue a data portal can harvest. One dcat:Dataset per package
(the reform figures, the units) and per indicator, each with its dcat:Distributions (address,
format, media type, size, checksum, licence); titles and descriptions in English and Vietnamese.

Addresses are relative to the catalogue's own (data/catalog.jsonld), as JSON-LD resolves them:
the site works at any address, and the catalogue with it.
"""

from __future__ import annotations

import json

from site_builder.catalogue.about import About

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPES = {"csv": "CSV", "excel-csv": "CSV", "json": "JSON", "zip": "ZIP", "changelog": "TXT", "checksums": "TXT"}
MEDIA_TYPES = {"csv": "text/csv", "excel-csv": "text/csv", "json": "application/json", "zip": "application/zip"}
LANGUAGES = {"en": "ENG", "vi": "VIE"}


def texts(by_lang: dict[str, str]) -> list[dict]:
    """Language-tagged literals, one per language that has the text."""
    return [{"@value": text, "@language": lang} for lang, text in sorted(by_lang.items()) if text]


def day(date: str) -> dict:
    return {"@value": date, "@type": "xsd:date"}


def distribution(download, about: About, title: str = "") -> dict:
    """A dcat:Distribution of one file (downloads.Download), addressed from data/."""
    address = {"@id": download.path.removeprefix("data/")}
    item = {
        "@id": f"#file-{download.path.removeprefix('data/')}",
        "@type": "dcat:Distribution",
        "dct:title": title or download.name,
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dct:format": {"@id": f"{EU}file-type/{FILE_TYPES.get(download.kind, 'TXT')}"},
        "dcat:byteSize": {"@value": str(download.size), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": download.sha256,
        },
        "dct:license": {"@id": about.licence_url},
    }
    if download.kind in MEDIA_TYPES:
        item["dcat:mediaType"] = {"@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[download.kind]}"}
    return item


def catalogue(
    *,
    names: dict[str, str],
    descriptions: dict[str, str],
    packages: list[dict],
    indicators: list[dict],
    about: About,
    date: str,
    contact: str,
    releases: tuple = (),
) -> bytes:
    """The catalogue's JSON-LD bytes: `packages` and `indicators` are the dcat:Datasets (dataset())."""
    publisher = {"@id": "#publisher", "@type": "foaf:Agent", "foaf:name": about.publisher.name}
    if about.publisher.url:
        publisher["foaf:homepage"] = {"@id": about.publisher.url}
    document = {
        "@context": CONTEXT,
        "@id": "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": texts(names),
        "dct:description": texts(descriptions),
        "dct:publisher": publisher,
        "dct:license": {"@id": about.licence_url},
        "dct:language": [{"@id": f"{EU}language/{code}"} for code in LANGUAGES.values()],
        "foaf:homepage": {"@id": "../"},
        "dct:modified": day(date),
        "dcat:dataset": [{**d, "dcat:contactPoint": contact_point(contact, about)} for d in packages + indicators],
    }
    if releases:
        document["dct:issued"] = day(releases[-1].date)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def contact_point(url: str, about: About) -> dict:
    """Where to report a problem with the data: the repository's issues."""
    return {"@type": "vcard:Organization", "vcard:fn": about.publisher.name, "vcard:hasURL": {"@id": url}}


def dataset(
    *,
    ident: str,
    titles: dict[str, str],
    descriptions: dict[str, str],
    page: str,
    files: list[dict],
    about: About,
    date: str,
    keywords: dict[str, list[str]] | None = None,
    period: tuple[str, str] | None = None,
    extra: dict | None = None,
) -> dict:
    """One dcat:Dataset; `page` is its landing page from data/ ("../indicators/wards/")."""
    item = {
        "@id": f"#{ident}",
        "@type": "dcat:Dataset",
        "dct:identifier": ident,
        "dct:title": texts(titles),
        "dct:description": texts(descriptions),
        "dct:publisher": {"@id": "#publisher"},
        "dct:creator": [{"@type": "foaf:Agent", "foaf:name": a.name} for a in about.creators],
        "dct:license": {"@id": about.licence_url},
        "dct:spatial": {"@id": f"{EU}country/VNM"},
        "dct:language": [{"@id": f"{EU}language/{code}"} for code in LANGUAGES.values()],
        "dct:modified": day(date),
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": files,
    }
    if keywords:
        item["dcat:keyword"] = [{"@value": k, "@language": lang} for lang, words in sorted(keywords.items()) for k in words]
    if period:
        item["dct:temporal"] = {"@type": "dct:PeriodOfTime", "dcat:startDate": period[0], "dcat:endDate": period[1]}
    return item | (extra or {})
