"""What a rule of ours declares, side by side in its own module (as RULE): its message (the error
type and title), its fix, its row check (a frictionless Check), its columnar form (the SQL with
which validate/columnar/ clears figures.csv's rows of it) and an example of a fault, with which
tests/test_validate_rule_registry.py makes both paths report it. checks/__init__.py finds every
RULE by itself: a new rule is one new module, with no list to edit elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Columnar:
    """How the columnar path stands for a rule on figures.csv, whose rows DuckDB clears before
    the exact rules see the rest (see validate/columnar/). Each member is SQL true only where
    the rule has nothing to say (stricter than the rule is fine: the row is merely suspect).

    - cell(field, known, implied): conditions on one cell of `field` (true for an empty cell);
      `known`: the values a foreign key accepts, `implied`: the cell's number syntax is
      implied by another rule's condition (measure_values's value by measure)
    - row(): conditions on a figures row
    - bound(name, today, lifetimes): conditions on a filled period bound, over its first and
      last day (`<name>_first`, `<name>_last`); `lifetimes`: the province's lifetime is joined
    - period(lifetimes): conditions on a row's period as a whole, over the same days
    - suspects(): queries of row indexes (`idx` in `numbered`) a rule across rows must see
    - context(connection, tables): the context values the rule takes from the whole table
    - elsewhere: why the rule has nothing to clear on figures.csv (it reads other files only)
    """

    cell: Callable[[dict, set | None, bool], list[str]] | None = None
    row: Callable[[], list[str]] | None = None
    bound: Callable[[str, str, bool], list[str]] | None = None
    period: Callable[[bool], list[str]] | None = None
    suspects: Callable[[], list[str]] | None = None
    context: Callable[..., dict] | None = None
    elsewhere: str = ""


@dataclass(frozen=True)
class Fault:
    """An example that breaks a rule, made on a copy of the repository's data: `edit` changes the
    rows (dicts by field name, in file order) of `resource` in `package` in place; `also` edits
    other resources of the same package the same way (resource name -> edit)."""

    package: str
    resource: str
    edit: Callable[[list[dict[str, str]]], None]
    also: dict[str, Callable[[list[dict[str, str]]], None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """One rule of ours. `error`: its error class, whose type is the rule's code in every
    problem and whose title names the problem; `fix`: what a contributor does about it, in a
    line: the module's FIX where every message of the rule ends with that one fix, else what the
    fixes the messages give for the very value have in common; `check`: the frictionless check that reports it;
    `uses_context`: the check is given rule_context's values; `explains_the_value`: it says what
    is wrong with a cell's value better than frictionless's type or constraint error on the same
    cell, which is then left out (package.py)."""

    error: type
    fix: str
    check: type
    columnar: Columnar
    fault: Fault | None = None
    uses_context: bool = False
    explains_the_value: bool = False

    @property
    def code(self) -> str:
        return self.error.type

    @property
    def title(self) -> str:
        return self.error.title

    def make_check(self, context: dict):
        return self.check(context=context) if self.uses_context else self.check()


def rows_where(rows: list[dict[str, str]], **starts: str) -> dict[str, str]:
    """The first row whose cells start with the given text (for a fault's edit)."""
    return next(row for row in rows if all(row[name].startswith(text) for name, text in starts.items()))


# The SQL (DuckDB) the columnar forms are written in.


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def column(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def full_match(c: str, pattern: str) -> str:
    return f"regexp_full_match({c}, {literal(pattern)})"


def ascii_only(c: str) -> str:
    """The cell is ASCII (as many bytes as characters): cheaper than any regular expression."""
    return f"strlen({c}) = length({c})"


def repeated(names: list[str], value_as_number: bool = False) -> str:
    """Indexes (`idx` in the columnar scan's `numbered`) of rows whose cells `names` (and value, read as a number) repeat another row's."""
    keys = [column(n) for n in names]
    same = [f"numbered.{column(n)} IS NOT DISTINCT FROM k.{column(n)}" for n in names]
    if value_as_number:
        keys.append("try_cast(value AS DOUBLE) AS number")
        same.append("try_cast(numbered.value AS DOUBLE) IS NOT DISTINCT FROM k.number")
    return (
        f"SELECT idx FROM numbered JOIN (SELECT {', '.join(keys)} FROM numbered GROUP BY ALL HAVING count(*) > 1) AS k "
        f"ON {' AND '.join(same)}"
    )
