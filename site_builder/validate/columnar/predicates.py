"""SQL predicates that clear a row: true only where no check, frictionless's or ours, could find
anything wrong with it. Each is stricter than the rule it stands for (a plain number is
`-?[0-9]{1,15}(.[0-9]{1,15})?`, not every number frictionless reads), so a row it clears is
certainly clean; a row it does not clear is merely *suspect* and goes to the exact rules, which
decide. The predicates never report anything themselves: the exact rules write every problem.

Regular expressions are what costs, so a cell is only matched against one when nothing cheaper
settles it: a cell of an enum or a foreign key is one of a few known values, each checked here
once by the rules' own functions (`clean_value`); a multi-line cell is simply suspect.

A schema feature not listed here (another field type, a format, a constraint, a multi-field key)
makes the resource ineligible (`unsupported`), and it is validated by the exact path.
"""

from __future__ import annotations

import re
import unicodedata

from site_builder.dataset.vocabulary import FORMULA_START
from site_builder.validate.checks.control_characters import forbidden_kind
from site_builder.validate.checks.formula_cells import LINE_BREAK
from site_builder.validate.checks.measure_values import COUNT_MEASURES
from site_builder.validate.checks.partial_dates import MIN_YEAR, PERIOD_FIELDS
from site_builder.validate.checks.text_keys import text_key
from site_builder.validate.columnar.characters import plain_class, space_class

PLAIN_NUMBER = r"-?[0-9]{1,15}(\.[0-9]{1,15})?"
PLAIN_INTEGER = r"-?[0-9]{1,15}"
PERIOD_SHAPE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
# The schema's pattern for period bounds: every cell of PERIOD_SHAPE (ASCII digits) matches it.
PERIOD_PATTERNS = {r"^\d{4}(-\d{2}(-\d{2})?)?$"}
# Constraints the predicates stand in for; any other makes the resource ineligible.
SUPPORTED_CONSTRAINTS = {"required", "enum", "pattern", "minimum", "maximum"}
# A schema pattern is used in RE2 only if it is made of these pieces, whose RE2 meaning is the
# same as Python's or narrower (\d is ASCII in RE2, Unicode in Python), and which match only
# printable ASCII (no negated class, no dot), so a matching cell needs no character rule.
SIMPLE_PATTERN = re.compile(r"(?:[A-Za-z0-9 _,:/\-$()|?*+{}\]]|\[(?!\^)|\^|\\[d.\-])*")
FORMULA_FIRST = ", ".join("'" + s + "'" for s in FORMULA_START if s not in "\t\r")  # tab, CR: never plain
VALUE_BY_MEASURE = {
    **{m: r"[0-9]{1,15}" for m in COUNT_MEASURES},
    "percent": r"[0-9]{1,2}(\.[0-9]{1,15})?|100",
    "rank": r"[1-9][0-9]{0,14}",
    "duration": r"[0-9]{1,15}(\.[0-9]{1,15})?",
}


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def column(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def unsupported(fields: list[dict], missing_values) -> str | None:
    """Why the columnar engine cannot stand in for this schema, or None when it can."""
    if list(missing_values or [""]) != [""]:
        return "missing values other than the empty cell"
    for field in fields:
        kind, constraints = field.get("type", "string"), field.get("constraints") or {}
        if kind not in ("string", "number", "integer") or field.get("format", "default") != "default":
            return f"field {field.get('name')} is of type {kind} {field.get('format', '')}"
        if set(constraints) - SUPPORTED_CONSTRAINTS:
            return f"field {field.get('name')} has constraints {sorted(set(constraints) - SUPPORTED_CONSTRAINTS)}"
        if "pattern" in constraints and not SIMPLE_PATTERN.fullmatch(constraints["pattern"]):
            return f"field {field.get('name')} has a pattern RE2 may read differently"
        if field.get("name") == "url" or any(k in field for k in ("bareNumber", "groupChar", "decimalChar", "trueValues")):
            return f"field {field.get('name')} has options the predicates do not model"
    return None


def clean_value(text: str) -> bool:
    """No rule about a single text cell has anything to say about `text`, and text_keys.text_key
    leaves it as it is (the rules' own functions decide)."""
    return (
        all(forbidden_kind(c) is None for c in text)
        and unicodedata.is_normalized("NFC", text)
        and not any(line.startswith(FORMULA_START) for line in LINE_BREAK.split(text))
        and text_key(text) == text
    )


def _full(c: str, pattern: str) -> str:
    return f"regexp_full_match({c}, {literal(pattern)})"


def _free_text(c: str) -> list[str]:
    """A cell of free text: one line, not starting like a formula, only plain characters."""
    return [f"NOT contains({c}, chr(10))", f"left({c}, 1) NOT IN ({FORMULA_FIRST})", _full(c, plain_class() + "*")]


def is_free_text(field: dict, known: set[str] | None = None) -> bool:
    """A string field whose cells the character rules must look at: no enum, pattern or
    foreign key (`known`: the values it accepts) limits them to values known to be clean."""
    constraints = field.get("constraints") or {}
    if field.get("type", "string") != "string" or field["name"] in PERIOD_FIELDS or "pattern" in constraints:
        return False
    known = {str(v) for v in constraints["enum"]} if "enum" in constraints and known is None else known
    return not (known is not None and all(clean_value(v) for v in known))


def field_clear(field: dict, known: set[str] | None = None, implied: bool = False) -> str | None:
    """A cell no check of a single cell can fault, but for period bounds (`period_clear`);
    `known`: the values a foreign key accepts (checked apart), `implied`: its type check is
    implied by another predicate (figure_clear's value by measure). None: nothing to check."""
    c, kind = column(field["name"]), field.get("type", "string")
    constraints = field.get("constraints") or {}
    if field["name"] in PERIOD_FIELDS:
        return None
    value, text = [], []
    if kind in ("number", "integer") and not implied:
        value.append(_full(c, PLAIN_NUMBER if kind == "number" else PLAIN_INTEGER))
    for bound, compare in (("minimum", ">"), ("maximum", "<")):
        if bound in constraints:
            value.append(f"try_cast({c} AS DOUBLE) {compare} {float(constraints[bound])!r}")
    if "enum" in constraints:
        value.append(f"{c} IN ({', '.join(literal(str(v)) for v in constraints['enum'])})")
    if "pattern" in constraints:
        value.append(_full(c, constraints["pattern"]))
        text.append(f"left({c}, 1) NOT IN ({FORMULA_FIRST})")
    elif is_free_text(field, known):
        text += _free_text(c)
    parts = [f"({c} = '' OR ({' AND '.join(value)}))"] if value else []
    parts += [f"{c} <> ''"] if constraints.get("required") else []
    parts += text
    return " AND ".join(parts) or None


def first_day(c: str) -> str:
    """The first day a period bound (YYYY, YYYY-MM, YYYY-MM-DD) spans, NULL if not a date."""
    return (
        f"(CASE length({c}) WHEN 4 THEN try_cast({c} || '-01-01' AS DATE) "
        f"WHEN 7 THEN try_cast({c} || '-01' AS DATE) ELSE try_cast({c} AS DATE) END)"
    )


def last_day(c: str) -> str:
    return (
        f"(CASE length({c}) WHEN 4 THEN try_cast({c} || '-12-31' AS DATE) "
        f"WHEN 7 THEN last_day(try_cast({c} || '-01' AS DATE)) ELSE try_cast({c} AS DATE) END)"
    )


def period_days(fields: list[dict]) -> str:
    """SELECT items: each period bound's first and last day (`<name>_first`, `<name>_last`)."""
    names = [f["name"] for f in fields if f["name"] in PERIOD_FIELDS]
    return ", ".join(
        f"{first_day(column(n))} AS {column(n + '_first')}, {last_day(column(n))} AS {column(n + '_last')}" for n in names
    )


def period_clear(fields: list[dict], today: str, lifetimes: bool) -> str | None:
    """Period bounds (over `period_days`): real dates from 1900 on, in ASCII digits, not after
    today, in order, and (figures, `lifetimes` joined) within the province's lifetime."""
    parts, names = [], [f["name"] for f in fields]
    for field in (f for f in fields if f["name"] in PERIOD_FIELDS):
        n, constraints = field["name"], field.get("constraints") or {}
        c, first, last = column(n), column(n + "_first"), column(n + "_last")
        pattern = constraints.get("pattern")
        shape = [_full(c, PERIOD_SHAPE)] + ([_full(c, pattern)] if pattern and pattern not in PERIOD_PATTERNS else [])
        if "enum" in constraints:
            shape.append(f"{c} IN ({', '.join(literal(str(v)) for v in constraints['enum'])})")
        dated = (
            f"{first} IS NOT NULL AND {last} IS NOT NULL AND left({c}, 4) >= '{MIN_YEAR}' AND {first} <= DATE {literal(today)}"
        )
        if lifetimes:
            dated += f" AND {last} >= lifetimes.first AND {first} <= lifetimes.last"
        filled = f"({' AND '.join(shape)} AND {dated})"
        parts.append(f"({c} <> '' AND {filled})" if constraints.get("required") else f"({c} = '' OR {filled})")
    if set(PERIOD_FIELDS) <= set(names):
        start, end = PERIOD_FIELDS
        parts.append(f"({column(start)} = '' OR {column(end)} = '' OR {column(end + '_last')} >= {column(start + '_first')})")
    if lifetimes:
        parts.append("lifetimes.id IS NOT NULL")
    return " AND ".join(parts) or None


def single_spaced(name: str) -> str:
    """A cell that text_keys.text_key leaves as it is: no white space but single inner spaces."""
    c, space, others = column(name), space_class(), space_class(with_blank=False)
    ascii_case = (
        f"(strlen({c}) = length({c}) AND NOT contains({c}, '  ') AND NOT starts_with({c}, ' ') AND NOT ends_with({c}, ' '))"
    )
    return f"({ascii_case} OR NOT regexp_matches({c}, {literal('^' + space + '|' + space + '$|' + space + '{2}|' + others)}))"


def figure_clear() -> list[str]:
    """The rules only figures.csv has, on one row: quote_present and measure_values."""
    q = column("quote")
    # A quote whose first character is printable ASCII but the blank is not blank once stripped.
    quote = f"(ord(left({q}, 1)) BETWEEN 33 AND 126 OR regexp_matches({q}, {literal('[^' + space_class()[1:])}))"
    value = " ".join(f"WHEN {literal(m)} THEN {_full(column('value'), p)}" for m, p in VALUE_BY_MEASURE.items())
    return [quote, f"(CASE {column('measure')} {value} ELSE false END)"]
