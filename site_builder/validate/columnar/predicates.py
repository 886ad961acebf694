"""SQL predicates that clear a row: true only where no check, frictionless's or ours, could find
anything wrong with it. Each is stricter than the rule it stands for (a plain number is
`-?[0-9]{1,15}(.[0-9]{1,15})?`, not every number frictionless reads), so a row it clears is
certainly clean; a row it does not clear is merely *suspect* and goes to the exact rules, which
decide. The predicates never report anything themselves: the exact rules write every problem.
Frictionless's own checks (types, constraints) are stood for here; each rule of ours declares its
SQL in its own module (RULE.columnar, see checks/rule.py), and this module puts them together.

Regular expressions are what costs, so a cell is only matched against one when nothing cheaper
settles it: a cell of an enum or a foreign key is one of a few known values, each checked here
once by the rules' own functions (`clean_value`); a multi-line cell is simply suspect.

A schema feature not listed here (another field type, a format, a constraint, a multi-field key)
makes the resource ineligible (`unsupported`), and it is validated by the exact path.
"""

from __future__ import annotations

import re
import unicodedata

from site_builder.dataset.lookalikes import describe_invisible, describe_mixed_scripts
from site_builder.dataset.vocabulary import FORMULA_START
from site_builder.validate.checks import rules
from site_builder.validate.checks.characters import forbidden_kind
from site_builder.validate.checks.formula_cells import LINE_BREAK
from site_builder.validate.checks.partial_dates import PERIOD_FIELDS
from site_builder.validate.checks.rule import column, full_match, literal
from site_builder.validate.checks.text_keys import text_key

__all__ = ["column", "literal"]

# The schema's pattern for period bounds: every cell of calendar_dates.py's shape (ASCII digits) matches it.
PERIOD_PATTERNS = {r"^\d{4}(-\d{2}(-\d{2})?)?$"}
# Constraints the predicates stand in for; any other makes the resource ineligible.
SUPPORTED_CONSTRAINTS = {"required", "enum", "pattern", "minimum", "maximum"}
# A schema pattern is used in RE2 only if it is made of these pieces, whose RE2 meaning is the
# same as Python's or narrower (\d is ASCII in RE2, Unicode in Python), and which match only
# printable ASCII (no negated class, no dot), so a matching cell needs no character rule.
SIMPLE_PATTERN = re.compile(r"(?:[A-Za-z0-9 _,:/\-$()|?*+{}\]]|\[(?!\^)|\^|\\[d.\-])*")


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
        and (text.isascii() or not (describe_invisible(text) or describe_mixed_scripts(text)))
    )


def one_of(c: str, values) -> str:
    """The cell is one of `values` (an enum's)."""
    return f"{c} IN ({', '.join(literal(str(v)) for v in values)})"


def _each(conditions) -> list[str]:
    """Each condition once (two rules may stand on the same one: a plain character is both
    free of control characters and in NFC), in the order first given."""
    return list(dict.fromkeys(conditions))


def is_free_text(field: dict, known: set[str] | None = None) -> bool:
    """A string field whose cells the character rules must look at: no enum, pattern or
    foreign key (`known`: the values it accepts) limits them to values known to be clean."""
    constraints = field.get("constraints") or {}
    if field.get("type", "string") != "string" or field["name"] in PERIOD_FIELDS or "pattern" in constraints:
        return False
    known = {str(v) for v in constraints["enum"]} if "enum" in constraints and known is None else known
    return not (known is not None and all(clean_value(v) for v in known))


def field_clear(field: dict, known: set[str] | None = None, implied: bool = False) -> str | None:
    """A cell no check of a single cell can fault, but for period bounds (`period_clear`):
    frictionless's constraints here, our rules' cell forms from each RULE (frictionless's type
    check is implied by number_syntax.py's). `known`: the values a foreign key accepts
    (checked apart), `implied`: its number syntax is implied by another rule's condition
    (measure_values.py's value by measure). None: nothing to check."""
    c = column(field["name"])
    constraints = field.get("constraints") or {}
    if field["name"] in PERIOD_FIELDS:
        return None
    value = []
    for bound, compare in (("minimum", ">"), ("maximum", "<")):
        if bound in constraints:
            value.append(f"try_cast({c} AS DOUBLE) {compare} {float(constraints[bound])!r}")
    if "enum" in constraints:
        value.append(one_of(c, constraints["enum"]))
    if "pattern" in constraints:
        value.append(full_match(c, constraints["pattern"]))
    parts = [f"({c} = '' OR ({' AND '.join(value)}))"] if value else []
    parts += [f"{c} <> ''"] if constraints.get("required") else []
    free = is_free_text(field, known)
    parts += _each(sql for rule in rules() if rule.columnar.cell for sql in rule.columnar.cell(field, free, implied))
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
    """Period bounds (over `period_days`): frictionless's constraints here, and our rules'
    forms on each filled bound and on the period (calendar dates, not after today, in order
    and, for figures with `lifetimes` joined, within the province's lifetime)."""
    parts, names = [], [f["name"] for f in fields]
    for field in (f for f in fields if f["name"] in PERIOD_FIELDS):
        n, constraints = field["name"], field.get("constraints") or {}
        c = column(n)
        pattern = constraints.get("pattern")
        shape = [full_match(c, pattern)] if pattern and pattern not in PERIOD_PATTERNS else []
        if "enum" in constraints:
            shape.append(one_of(c, constraints["enum"]))
        shape += _each(sql for rule in rules() if rule.columnar.bound for sql in rule.columnar.bound(n, today, lifetimes))
        filled = f"({' AND '.join(shape)})"
        parts.append(f"({c} <> '' AND {filled})" if constraints.get("required") else f"({c} = '' OR {filled})")
    parts += _each(sql for rule in rules() if rule.columnar.period for sql in rule.columnar.period(names, lifetimes))
    return " AND ".join(parts) or None


def rows_clear() -> list[str]:
    """Our rules' conditions on a whole figures row (quote_present.py, measure_values.py ...)."""
    return _each(sql for rule in rules() if rule.columnar.row for sql in rule.columnar.row())


def across_rows() -> list[str]:
    """Our rules' queries of the figures rows a rule across rows must see (duplicates, sums)."""
    return _each(sql for rule in rules() if rule.columnar.suspects for sql in rule.columnar.suspects())


def whole_table_context(connection, tables: dict) -> dict:
    """The context values our rules take from the whole figures table (disagreements' figure ids)."""
    found = {}
    for rule in rules():
        if rule.columnar.context:
            found.update(rule.columnar.context(connection, tables))
    return found
