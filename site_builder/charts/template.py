"""Chart templates: a chart kind's Vega-Lite spec compiled once by Altair (kinds.py), then filled
with each chart's rows and text without Altair.

A kind's Altair definition marks with a slot each value a chart brings: `Text("value_title")`
for a text (or any one value, null included), `Number("height")` for a number, `items("series")`
for a whole list, `Dataset("rows")` as the name of its `alt.Data` (the chart's rows then replace
the named dataset: `{"values": [...]}`). The slots are strings and integers, so Altair checks the
spec against the Vega-Lite schema as usual.

Compiling (`to_dict()` once per kind and layout) writes the spec as canonical JSON (sorted keys,
compact) with a token where each slot is; filling puts each value's JSON in its token's place.
The result is the very text `canonical_json` gives for the whole spec, byte for byte, without a
spec dict to build and serialise per chart (a few microseconds instead of Altair's 10–35 ms).
"""

from __future__ import annotations

import json
import re

# The spec's JSON as the site writes it (spec.canonical_json): sorted keys, compact, UTF-8 text.
_encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
# A slot in a compiled template's text: its name between NUL characters, which JSON writes as
# \u0000 and no constant of a chart kind contains.
_TOKEN = re.compile(r'"\\u0000([A-Za-z_][A-Za-z0-9_]*)\\u0000"')


class Slot:
    """A value each chart fills in; `name` says which."""

    name: str


class Text(str, Slot):
    """A slot for a text (or any other single value): written in Altair as the string `name`."""

    def __new__(cls, name: str) -> "Text":
        slot = super().__new__(cls, name)
        slot.name = name
        return slot


class Items(Text):
    """A slot for a whole list: `items(name)`, a list whose only element is this."""


class Dataset(Text):
    """The name of a kind's `alt.Data`: the chart's rows go in its place, inline."""


class Number(int, Slot):
    """A slot for a number (a chart's width or height, a scale's end): written in Altair as 0."""

    def __new__(cls, name: str) -> "Number":
        slot = super().__new__(cls, 0)
        slot.name = name
        return slot


def items(name: str) -> list:
    """A slot for a whole list (a sort order, a scale's domain or range, a legend's values)."""
    return [Items(name)]


class Encoded(str):
    """A value already written as canonical JSON (the filled config): put in its slot as it is."""


class TemplateError(ValueError):
    """A chart kind's definition or a chart's values do not fit its template; the message says how."""


class Template:
    """A compiled spec: its canonical JSON text, cut at the slots' tokens."""

    def __init__(self, text: str):
        self.text = text  # what a cache keeps
        parts = _TOKEN.split(text)
        self.pieces, self.slots = tuple(parts[0::2]), tuple(parts[1::2])  # one piece more than slots
        self._names = tuple(dict.fromkeys(self.slots))

    def fill(self, values: dict) -> str:
        """The spec's canonical JSON with `values` (slot name -> value) in the slots."""
        try:
            encoded = {name: _encoded(values[name]) for name in self._names}
        except KeyError as missing:
            raise TemplateError(f"No value for the slot {missing} of the chart's template; give every slot a value.") from None
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:], strict=True):
            out.append(encoded[slot])
            out.append(piece)
        return "".join(out)


def _encoded(value) -> str:
    return value if isinstance(value, Encoded) else _encode(value)


def template_text(spec: dict) -> str:
    """A compiled spec (an Altair chart's `to_dict()`, slots in it) as canonical JSON with tokens."""
    return _encode(_with_tokens(spec))


def _with_tokens(node):
    if isinstance(node, dict):
        if len(node) == 1 and isinstance(node.get("name"), Dataset):
            return {"values": f"\0{node['name'].name}\0"}
        return {key: _with_tokens(value) for key, value in node.items()}
    if isinstance(node, list):
        if len(node) == 1 and isinstance(node[0], Items):
            return f"\0{node[0].name}\0"
        if any(isinstance(value, Items) for value in node):
            raise TemplateError("items() stands for a whole list: use it alone, not inside another list.")
        return [_with_tokens(value) for value in node]
    if isinstance(node, Slot):
        return f"\0{node.name}\0"
    return node
