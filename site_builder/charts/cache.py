"""The chart cache across builds, in the build's memo store (memo.py): drawn SVGs by spec, each
request's spec (one table), the chart kinds' compiled templates (one table).

A drawing's key is its spec's key with the digest of what draws it: this module's neighbours
render.py (vl-convert's call and the SVG's clean-up) and typeface.py, the font files, and
vl-convert's version. Changing any of them draws every chart again; nothing is bumped by hand.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from site_builder import memo

DRAWINGS = "drawings"
SPECS = "chart-specs"
TEMPLATES = "chart-templates"
CHARTS_DIR = Path(__file__).resolve().parent


@functools.cache
def drawing_code() -> str:
    """The digest of what turns a spec into the SVG kept: the drawing code, fonts and vl-convert;
    once per process (`site-builder serve` is restarted after a change of Python code or fonts,
    which it does not watch)."""
    files = (CHARTS_DIR / "render.py", CHARTS_DIR / "typeface.py", CHARTS_DIR / "fonts")
    return memo.key(memo.source_digest(*files), memo.versions("vl-convert-python"))


def chart_store(cache_dir: Path | None) -> memo.MemoStore | None:
    """The memo store the charts keep their values in (None: no cache): that of the work folder
    `cache_dir` (the build's build/, whose store is build/memo/)."""
    return None if cache_dir is None else memo.MemoStore(Path(cache_dir))


def drawings(store: memo.MemoStore | None) -> memo.Namespace | None:
    return None if store is None else store.namespace(DRAWINGS)


def drawing_key(spec_key: str) -> str:
    return memo.key(drawing_code(), spec_key)


def is_cached(cache: memo.Namespace | None, key: str) -> bool:
    return cache is not None and cache.has(drawing_key(key))


def read_drawing(cache: memo.Namespace, key: str) -> str:
    data = cache.get(drawing_key(key))
    if data is None:
        raise FileNotFoundError(f"no drawing of chart {key} in {cache.folder}")
    return data.decode("utf-8")


def write_drawing(cache: memo.Namespace | None, key: str, svg: str) -> None:
    if cache is not None:
        cache.put(drawing_key(key), svg.encode("utf-8"))


# Each request's spec, by request key, in one entry: one file per request was 9,814 files to write
# in a clean build at 10,000 figure rows (some 4 s here), for specs that take 0.15 ms each to build.
def read_requests(store: memo.MemoStore | None, code: str) -> dict[str, tuple[str, str]]:
    """request key -> (spec key, spec JSON) as the last build of the same `code` left them; {} when none."""
    stored = _read_table(store, SPECS, code)
    try:
        return {request: (key, spec) for request, (key, spec) in stored.items()}
    except (ValueError, TypeError):  # not what this code writes: specs are built again
        return {}


def write_requests(store: memo.MemoStore | None, code: str, entries: dict[str, tuple[str, str]]) -> None:
    _write_table(store, SPECS, code, entries)


# The chart kinds' compiled templates (template.py), so that a build whose layouts were all
# compiled before does not import Altair (0.4 s) at all.
def read_templates(store: memo.MemoStore | None, code: str) -> dict[str, str]:
    """repr(layout) -> compiled template text, as kept by a build of the same `code`; {} otherwise."""
    return {str(layout): str(text) for layout, text in _read_table(store, TEMPLATES, code).items()}


def write_templates(store: memo.MemoStore | None, code: str, templates: dict[str, str]) -> None:
    _write_table(store, TEMPLATES, code, templates)


def _read_table(store: memo.MemoStore | None, name: str, code: str) -> dict:
    """The one entry of namespace `name` kept by this `code`; {} when none or not a JSON object.
    Every other entry of the namespace is removed: it was made by other code."""
    if store is None:
        return {}
    namespace = store.namespace(name)
    data = namespace.get(memo.key(code))
    namespace.forget_unused()
    try:
        stored = json.loads(data) if data is not None else {}
    except ValueError:
        return {}
    return stored if isinstance(stored, dict) else {}


def _write_table(store: memo.MemoStore | None, name: str, code: str, table: dict) -> None:
    if store is not None:
        data = json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0 if name == TEMPLATES else None)
        store.namespace(name).put(memo.key(code), data.encode("utf-8"))
