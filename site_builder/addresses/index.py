"""What the matcher looks in: the lookup's rows of units and its places (provinces, districts),
the very data the build publishes under communes/lookup/ (views/communes.py makes both).

A row is a list, as in the JSON files:
    [era "c"|"f", code, name, full name, type, district code, province id,
     targets [[code, full name, province id, main 1|0], ...] (the main part first; a current
     unit's only target is itself), context districts [code, ...], context provinces [id, ...]]
The context is where the unit was or went: a former unit's district and province and its
successors' provinces; a current unit's province and its predecessors' districts and provinces.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from site_builder.addresses.rules import Rules

ERA, CODE, NAME, FULL_NAME, TYPE, DISTRICT, PROVINCE, TARGETS, DISTRICTS, PROVINCES = range(10)


def shard_names(keys: list[str], rules: Rules) -> dict[str, str]:
    """Each name key's shard: its first `shard_letters` letters, or more where that many would hold
    more than `shard_rows` rows ("phucxa" -> "phuc" when "phu" is too big). `keys` has one entry
    per row, so a key's weight is its number of rows."""
    limits, shards = rules.limits, {}

    def split(group: list[str], letters: int) -> None:
        prefixes: dict[str, list[str]] = defaultdict(list)
        for key in group:
            prefixes[key[:letters]].append(key)
        for prefix, keys in prefixes.items():
            longer = [k for k in keys if len(k) > letters]
            if len(keys) > limits["shard_rows"] and letters < limits["shard_letters_most"] and longer:
                shards.update({k: prefix or "_" for k in keys if len(k) <= letters})
                split(longer, letters + 1)
            else:
                shards.update({k: prefix or "_" for k in keys})

    split(list(keys), limits["shard_letters"])
    return shards


def shard_of(key: str, shards: set[str], rules: Rules) -> str:
    """The shard a name key lives in, given the names of every shard (keys.json)."""
    for letters in range(rules.limits["shard_letters_most"], rules.limits["shard_letters"], -1):
        if len(key) >= letters and key[:letters] in shards:
            return key[:letters]
    return key[: rules.limits["shard_letters"]] or "_"


def deletions(key: str) -> list[str]:
    """The key with one letter left out, each way: "dakha" -> ["akha", "dkha", "daha", "daka", "dakh"]."""
    return [key[:i] + key[i + 1 :] for i in range(len(key))]


def one_edit_apart(a: str, b: str) -> bool:
    """True when one letter inserted, left out or changed makes `a` into `b` (not when equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


class Places:
    """Provinces (both eras, with their short forms) and districts, by the keys of their names."""

    def __init__(self, rules: Rules, data: dict):
        self.rules = rules
        self.provinces = {row[0]: row for row in data["provinces"]}  # id -> [id, name, slug, type]
        self.districts = {row[0]: row for row in data["districts"]}  # code -> [code, name, type, province id]
        self.province_keys = {pid: rules.key(row[1]) for pid, row in self.provinces.items()}
        self.district_keys = {code: rules.key(row[1]) for code, row in self.districts.items()}
        self.province_set = set(self.province_keys.values()) | set(rules.province_aliases)
        self.district_set = set(self.district_keys.values())


@dataclass
class UnitIndex:
    """Rows by the key of their name, and by every key one letter shorter (for misspellings)."""

    rules: Rules
    shards: set[str]  # the name of every shard (keys.json): a misspelling is looked for in its own shard
    by_key: dict[str, list[list]] = field(default_factory=lambda: defaultdict(list))
    by_deletion: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, rows) -> "UnitIndex":
        fuzzy_min = self.rules.limits["fuzzy_min_letters"]
        for row in rows:
            key = self.rules.key(row[NAME])
            if len(key) >= fuzzy_min and not key.isdigit():
                for shorter in deletions(key):
                    self.by_deletion[shorter].add(key)
            self.by_key[key].append(row)
        return self

    def exact(self, key: str) -> list[list]:
        return self.by_key.get(key, [])

    def one_edit(self, key: str) -> list[list]:
        """Rows whose name key is one edit from `key` and in the same shard (same first letters)."""
        near = set(self.by_deletion.get(key, ()))
        for shorter in deletions(key):
            if shorter in self.by_key:
                near.add(shorter)
            near |= self.by_deletion.get(shorter, set())
        shard = shard_of(key, self.shards, self.rules)
        keys = sorted(k for k in near if shard_of(k, self.shards, self.rules) == shard and one_edit_apart(k, key))
        return [row for k in keys for row in self.by_key[k]]
