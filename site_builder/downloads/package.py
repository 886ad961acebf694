"""Write data/: the CSVs, datapackage.json, the zip and SHA256SUMS. Deterministic bytes."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from site_builder.downloads.csv_files import table_csv
from site_builder.downloads.readme import readme, readme_name
from site_builder.errors import BuildError
from site_builder.incremental import write_fresh
from site_builder.output_paths import inside
from site_builder.pages.translations import load_translations

DATA_FOLDER = "data"
ZIP_NAME = "reform-data.zip"
CHANGELOG_NAME = "CHANGELOG.txt"  # not .md: MkDocs would make a page of it
NUMERIC_TYPES = ("number", "integer")


@dataclass(frozen=True)
class Download:
    name: str  # file name, e.g. "figures.csv"
    path: str  # relative to the site root, e.g. "data/figures.csv"
    size: int
    sha256: str
    description: str  # English; the pages translate by kind
    kind: str  # "csv" | "excel-csv" | "zip" | "checksums" | "json"
    resource: str  # resource name, "" for package-level files
    package: str = ""  # "" for the reform package (and package-level files); else the other package's name and folder


def _columns(resource: dict) -> tuple[list[str], frozenset[str]]:
    fields = resource.get("schema", {}).get("fields", [])
    return [f["name"] for f in fields], frozenset(f["name"] for f in fields if f.get("type") in NUMERIC_TYPES)


def _title(resource: dict) -> str:
    return resource.get("title") or resource["name"].replace("_", " ").capitalize()


def published_descriptor(descriptor: dict) -> dict:
    """The descriptor as published beside the CSVs: resource paths point at the files in data/."""
    published = copy.deepcopy(descriptor)
    for resource in published.get("resources", []):
        resource["path"] = f"{resource['name']}.csv"
    return published


def checksums(files: dict[str, bytes]) -> bytes:
    """`sha256sum -c` format, sorted by name."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())).encode("utf-8")


def write_folder_checksums(docs_dir: Path, downloads: dict) -> str:
    """SHA256SUMS beside files written into one folder of the site (the per-province CSVs), in
    `sha256sum -c` format: one file of checksums instead of one per row of the data page; its
    path from the site root ("" when there are no files)."""
    if not downloads:
        return ""
    folder = Path(next(iter(downloads.values())).path).parent
    lines = "".join(f"{d.sha256}  {d.name}\n" for d in sorted(downloads.values(), key=lambda d: d.name))
    write_fresh(Path(docs_dir) / folder / "SHA256SUMS", lines.encode("utf-8"))
    return (folder / "SHA256SUMS").as_posix()


def zip_bytes(files: dict[str, bytes], build_date: str) -> bytes:
    """A zip whose bytes depend only on the files and the build date (sorted, fixed times and modes)."""
    year, month, day = (int(part) for part in build_date[:10].split("-"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            if not _is_plain_entry(name):
                raise BuildError(f"The zip would hold the entry {name!r}, which leaves its folder; run `site-builder validate`.")
            info = zipfile.ZipInfo(f"reform-data/{name}", date_time=(year, month, day, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


def _is_plain_entry(name: str) -> bool:
    """A zip entry name that stays inside the archive's folder: relative, no `..`, no backslash."""
    parts = name.split("/")
    return bool(name) and "\\" not in name and not name.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def package_files(
    descriptor: dict, tables: dict[str, list[dict[str, str]]], prefix: str = ""
) -> list[tuple[str, bytes, str, str, str]]:
    """One package's files as (name, bytes, description, kind, resource): each resource as CSV and
    CSV for Excel, then its datapackage.json; names start with `prefix` (a folder, e.g. "units/")."""
    files = []
    for resource in descriptor.get("resources", []):
        name = resource["name"]
        columns, numeric = _columns(resource)
        rows = tables.get(name, [])
        files.append((f"{prefix}{name}.csv", table_csv(rows, columns, numeric), f"{_title(resource)} (UTF-8 CSV)", "csv", name))
        files.append(
            (
                f"{prefix}{name}.excel.csv",
                table_csv(rows, columns, numeric, excel=True),
                f"{_title(resource)} (CSV for Excel)",
                "excel-csv",
                name,
            )
        )
    descriptor_bytes = (
        json.dumps(published_descriptor(descriptor), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    ).encode("utf-8")
    files.append(
        (f"{prefix}datapackage.json", descriptor_bytes, "Package descriptor with the schemas (Frictionless)", "json", "")
    )
    return files


def write_downloads(
    descriptor: dict,
    tables: dict[str, list[dict[str, str]]],
    docs_dir: Path,
    build_date: str,
    citation: str,
    others: dict[str, tuple[dict, dict]] | None = None,
    citations: dict[str, str] | None = None,
    changelog: str = "",
    translations: dict | None = None,
) -> list[Download]:
    """Write docs_dir/data/ and describe every file written (package order, then package-level files).

    `others` are further packages by name -> (descriptor, tables), e.g. the units package: each
    is written into its own folder, data/<name>/, and into the zip under <name>/, with its own
    datapackage.json; SHA256SUMS and the zip cover them too. The zip's README is in English
    (README.md) and in every other language of `citations` (language -> how to cite, e.g.
    README.vi.md). `changelog`, when given, is published as CHANGELOG.txt and goes into the zip."""
    folder = Path(docs_dir) / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = package_files(descriptor, tables)
    if changelog:
        written.append(
            (CHANGELOG_NAME, changelog.encode("utf-8"), "What changed in the data, release by release", "changelog", "")
        )
    for name, (other_descriptor, other_tables) in sorted((others or {}).items()):
        (folder / name).mkdir(exist_ok=True)
        written += package_files(other_descriptor, other_tables, prefix=f"{name}/")
    # The zip holds the plain CSVs and the descriptors, not the Excel variants.
    in_zip = {name: data for name, data, _, kind, _ in written if kind in ("csv", "json", "changelog")}
    data_files = dict(in_zip)
    cited = {"en": citation} | (citations or {})
    for lang, citation_text in cited.items():
        t = (translations or {}).get(lang) or load_translations(lang)  # the editions' own, read once
        in_zip[readme_name(lang)] = readme(descriptor, data_files, build_date, citation_text, others, t, tuple(cited))
    in_zip["SHA256SUMS"] = checksums(in_zip)
    written.append(
        (ZIP_NAME, zip_bytes(in_zip, build_date), "The whole package: CSVs, datapackage.json, README, checksums", "zip", "")
    )
    sums = checksums({name: data for name, data, *_ in written})
    written.append(("SHA256SUMS", sums, "SHA-256 checksums of the files above", "checksums", ""))
    return [
        write_download(folder, name, data, description, kind, resource, package=name.rpartition("/")[0])
        for name, data, description, kind, resource in written
    ]


def write_download(
    folder: Path, name: str, data: bytes, description: str, kind: str, resource: str, package: str = ""
) -> Download:
    """Write one file into `folder` (a folder of docs_dir/data/) and describe it."""
    write_fresh(inside(folder, name), data)
    path = (folder / name).as_posix()
    site_path = path[path.rindex(f"/{DATA_FOLDER}/") + 1 :]
    return Download(
        name=name,
        path=site_path,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        description=description,
        kind=kind,
        resource=resource,
        package=package,
    )
