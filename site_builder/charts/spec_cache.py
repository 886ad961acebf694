"""Each chart request's spec: built once per distinct request from its kind's template, and kept
across builds by request (cache.py, in the memo store), so an unchanged request costs no spec work at all.

The templates come from the cache (a build of the same code compiled them), from the process
that compiled every layout beside validation (a first build's: workers.py), or else from
Altair in this process, imported when a layout is first needed (template.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Sequence

from site_builder import memo
from site_builder.charts.cache import read_requests, read_templates, write_requests, write_templates
from site_builder.charts.model import ChartRequest
from site_builder.charts.spec import TEMPLATES, chart_spec_json, json_key
from site_builder.errors import BuildError


class ChartSpecError(BuildError):
    """A chart request cannot be made into a spec; the message names the chart."""


def spec_code(folder: Path) -> str:
    """A hash of what turns a request into a spec: every .py and .csv file of the charts package
    (kinds.py, spec.py, stacked.py, tile_map.py, colours, the tile grid...) and the version of
    Altair, which compiles the kinds. Hashing a few files more than needed costs nothing; missing
    one would reuse stale specs."""
    files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".py", ".csv"))
    code = b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in files)
    return hashlib.sha256(code + f"altair {importlib.metadata.version('altair')}".encode()).hexdigest()


# A cached spec or template is reused only while this code is unchanged.
SPEC_CODE = spec_code(Path(__file__).parent)


def request_key(request: ChartRequest) -> str:
    """What a request asks for, whatever its id, together with the code that turns it into a spec."""
    # The fields' repr (strings, numbers, tuples of rows: all of them written out in full), five
    # times faster than dataclasses.asdict and JSON, which took 1.9 s at 100x today's data.
    asked = tuple((f.name, getattr(request, f.name)) for f in dataclasses.fields(request) if f.name != "chart_id")
    return hashlib.sha256((repr(asked) + SPEC_CODE).encode("utf-8")).hexdigest()[:24]


def request_specs(
    requests: Sequence[ChartRequest], cache: memo.MemoStore | None, compiled: Future | None = None
) -> list[tuple[str, str]]:
    """Each request's spec key and JSON; built once per distinct request, and taken from the cache
    when the same request was planned before (the cache then keeps this build's requests only).
    `compiled`: every template, being compiled beside validation (a first build's)."""
    stored = read_requests(cache, SPEC_CODE)
    found: dict[str, tuple[str, str]] = {}
    keys = [request_key(request) for request in requests]
    to_build = any(asked not in stored for asked in keys)
    if to_build:
        kept = read_templates(cache, SPEC_CODE)
        TEMPLATES.keep({**kept, **_early_templates(compiled)})
    for request, asked in zip(requests, keys, strict=True):
        if asked not in found:
            found[asked] = stored.get(asked) or _built_spec(request)
    if found != stored:
        write_requests(cache, SPEC_CODE, found)
    if to_build and TEMPLATES.texts() != kept:
        write_templates(cache, SPEC_CODE, TEMPLATES.texts())
    return [found[asked] for asked in keys]


def _early_templates(compiled: Future | None) -> dict[str, str]:
    """The templates a process compiled beside validation (compiled.every_template); {} when
    none was asked or its process died (they are then compiled here, as needed)."""
    try:
        return compiled.result() if compiled is not None else {}
    except BrokenProcessPool:
        return {}


def _built_spec(request: ChartRequest) -> tuple[str, str]:
    try:
        spec_json = chart_spec_json(request)
    except ValueError as error:
        raise ChartSpecError(str(error)) from None
    return json_key(spec_json), spec_json
