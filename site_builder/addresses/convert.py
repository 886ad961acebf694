"""The matcher for scripts: `AddressMatcher.from_data()` reads datapackages/ (through dataset/,
as the build does) and answers one address (`match`) or converts a CSV file's bytes
(`convert_csv`), exactly as the site's lookup and bulk conversion do.

    >>> matcher = AddressMatcher.from_data(Path("datapackages"))
    >>> matcher.match("P. Phúc Xá, Q. Ba Đình, TP. Hà Nội").current_codes()
    ['00097']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from site_builder.addresses.index import NAME, Places, UnitIndex, shard_names
from site_builder.addresses.matcher import AddressMatch, match_address
from site_builder.addresses.rules import Rules, load_rules
from site_builder.addresses.table import OUTPUT_COLUMNS, TableError, address_column, output_cells, read_table, write_table


@dataclass
class AddressMatcher:
    rules: Rules
    places: Places
    units: UnitIndex

    @classmethod
    def from_lookup(cls, rows: list[list], places: dict) -> "AddressMatcher":
        """From the lookup's rows and places (views/communes.py; the site's _all.json and _places.json)."""
        rules = load_rules()
        shards = set(shard_names([rules.key(row[NAME]) for row in rows], rules).values())
        return cls(rules, Places(rules, places), UnitIndex(rules, shards).add(rows))

    @classmethod
    def from_data(cls, data_dir: Path) -> "AddressMatcher":
        """From the packages in `data_dir` (the project's datapackages/)."""
        from site_builder.dataset.load import load_package
        from site_builder.views.communes import lookup_places, lookup_rows

        dataset, _ = load_package(data_dir)
        units = dataset.units
        return cls.from_lookup(lookup_rows(dataset.provinces, units), lookup_places(dataset.provinces, units))

    def match(self, address: str) -> AddressMatch:
        return match_address(address, self.rules, self.places, self.units)

    def convert_csv(self, data: bytes, column: str | None = None) -> tuple[bytes, Counter]:
        """The converted file's bytes and how many rows got each answer; TableError for a file it
        cannot read or a column it does not have (`column`: its name; None: the address-like one)."""
        table = read_table(data, self.rules)
        index = self._column(table.header, column)
        answers: Counter = Counter()
        rows = []
        for row in table.rows:
            match = self.match(row[index])
            answers[match.status] += 1
            rows.append(row + output_cells(match, self.places))
        return write_table(table.header + list(OUTPUT_COLUMNS), rows, table.delimiter), answers

    def _column(self, header: list[str], column: str | None) -> int:
        if column is None:
            found = address_column(header, self.rules)
            if found is None:
                raise TableError(f"No column looks like an address ({', '.join(header)}): name one with --column.")
            return found
        if column not in header:
            raise TableError(f'The file has no column "{column}"; its columns are: {", ".join(header)}.')
        return header.index(column)
