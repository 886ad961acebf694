"""The chart cache across builds: drawn SVGs by spec hash, each request's spec (one file), and the
chart kinds' compiled templates (one file).

One folder per vl-convert version, RENDER_VERSION and set of chart fonts, so a new renderer or
font never reuses old drawings. Every file is written under a temporary name and renamed: an interrupted build
leaves no half file.
"""

from __future__ import annotations

import json
from pathlib import Path

from site_builder.atomic_files import write_atomically
from site_builder.charts.typeface import fonts_digest

# Bump when the drawing changes without a change of spec (4: no PNG is drawn at build time).
RENDER_VERSION = 4


def cache_folder(cache_dir: Path | None) -> Path | None:
    """This renderer's folder in `cache_dir` (None: no cache)."""
    if cache_dir is None:
        return None
    import vl_convert

    version = getattr(vl_convert, "__version__", "unknown")
    return Path(cache_dir) / f"vl-convert-{version}-r{RENDER_VERSION}-fonts-{fonts_digest()}"


def is_cached(cache: Path | None, key: str) -> bool:
    return cache is not None and (cache / f"{key}.svg").is_file()


def read_drawing(cache: Path, key: str) -> str:
    return (cache / f"{key}.svg").read_bytes().decode("utf-8")


def write_drawing(cache: Path | None, key: str, svg: str) -> None:
    if cache is not None:
        write_atomically(cache / f"{key}.svg", svg.encode("utf-8"))


# Each request's spec, by request key, in one file: one file per request was 9,814 files to write
# in a clean build at 10,000 figure rows (some 4 s here), for specs that take 0.15 ms each to build.
REQUESTS_FILE = "requests.json"


def read_requests(cache: Path | None) -> dict[str, tuple[str, str]]:
    """request key -> (spec key, spec JSON) as the last build left them; {} when none or unreadable."""
    if cache is None or not (cache / REQUESTS_FILE).is_file():
        return {}
    try:
        stored = json.loads((cache / REQUESTS_FILE).read_text(encoding="utf-8"))
        return {request: (key, spec) for request, (key, spec) in stored.items()}
    except (ValueError, TypeError, AttributeError):  # cut short or from elsewhere: specs are built again
        return {}


def write_requests(cache: Path | None, entries: dict[str, tuple[str, str]]) -> None:
    if cache is not None:
        write_atomically(cache / REQUESTS_FILE, json.dumps(entries, ensure_ascii=False, sort_keys=True).encode("utf-8"))


# The chart kinds' compiled templates (template.py), so that a build whose layouts were all
# compiled before does not import Altair (0.4 s) at all.
TEMPLATES_FILE = "templates.json"


def read_templates(cache: Path | None, code: str) -> dict[str, str]:
    """repr(layout) -> compiled template text, as kept by a build of the same `code`; {} otherwise."""
    if cache is None or not (cache / TEMPLATES_FILE).is_file():
        return {}
    try:
        stored = json.loads((cache / TEMPLATES_FILE).read_text(encoding="utf-8"))
        if stored.get("code") != code:
            return {}
        return {str(layout): str(text) for layout, text in stored["templates"].items()}
    except (ValueError, TypeError, AttributeError, KeyError):  # cut short or from elsewhere: compiled again
        return {}


def write_templates(cache: Path | None, code: str, templates: dict[str, str]) -> None:
    if cache is not None:
        kept = {"code": code, "templates": templates}
        write_atomically(cache / TEMPLATES_FILE, json.dumps(kept, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8"))
