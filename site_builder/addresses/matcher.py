"""`match_address`: the current unit(s) an address string leads to, best first.

1. The address is read into words (rules.py) and every run of up to `limits.name_words` words
   inside one part is a span; spans naming a province (or its short form) or a district are found.
2. A unit's name may start only where an address puts one (`name_starts`): at the start of a
   part, after a type word, a number or a place; anywhere in a part without any type word.
   The lookup fetches only the shards of those spans (`wanted_shards`): the same rule in the
   browser, so both see the same candidates.
3. Each unit whose name is such a span (or one letter off, in the same shard, when no name is
   exactly it) is scored: its district and province found elsewhere in the address, the type
   word before it, its marks as written, the words left unexplained before and after it, and the
   era the address reads in (with a district: the old one).
4. The best score wins; several units with the best score that lead to different current units
   make the answer ambiguous. assets/search/address-matcher.js is this module in JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.addresses.index import CODE, DISTRICTS, ERA, NAME, PROVINCES, TARGETS, TYPE, Places, UnitIndex, shard_of
from site_builder.addresses.rules import Rules, Word


@dataclass(frozen=True)
class Candidate:
    row: list
    start: int
    end: int
    fuzzy: bool
    score: int
    unexplained: int

    @property
    def outcome(self) -> str:
        """The current unit the address most likely is in now (a divided unit's main part)."""
        targets = self.row[TARGETS]
        return targets[0][0] if targets else ""


@dataclass(frozen=True)
class AddressMatch:
    status: str  # exact, likely, ambiguous, not_found
    candidates: tuple[Candidate, ...]  # best first

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates and self.status != "ambiguous" else None

    def top(self) -> tuple[Candidate, ...]:
        """The candidates with the best score."""
        return tuple(c for c in self.candidates if c.score == self.candidates[0].score)

    def current_codes(self) -> list[str]:
        """The current units of the best candidates, each divided unit's main part first."""
        codes: list[str] = []
        for candidate in self.top():
            codes.extend(t[0] for t in candidate.row[TARGETS] if t[0] not in codes)
        return codes


@dataclass(frozen=True)
class Reading:
    """An address read for matching: its words, spans by key, and the places found in it."""

    words: tuple[Word, ...]
    spans: dict[str, list[tuple[int, int]]]  # key -> [(start, end)], provinces' short forms under the full key
    provinces: tuple[tuple[int, int], ...]
    districts: tuple[tuple[int, int], ...]


def read_address(text: str, rules: Rules, places: Places) -> Reading:
    words = rules.read(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    provinces, districts = [], []
    for start, end in all_spans(words, rules.limits["name_words"]):
        key = "".join(w.text for w in words[start:end])
        spans.setdefault(key, []).append((start, end))
        if key in rules.province_aliases:
            spans.setdefault(rules.province_aliases[key], []).append((start, end))
        if key in places.province_set:
            provinces.append((start, end))
        if key in places.district_set and (not key.isdigit() or _number_allowed(words, start, end, "district")):
            districts.append((start, end))
    return Reading(words, spans, tuple(provinces), tuple(districts))


def all_spans(words: tuple[Word, ...], longest: int) -> list[tuple[int, int]]:
    """Every run of words that may be a name: within one part, of type words only one-word ones."""
    spans = []
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + longest) + 1):
            last = words[end - 1]
            if last.part != words[start].part or not last.in_names:
                break
            spans.append((start, end))
    return spans


def name_starts(reading: Reading) -> list[int]:
    """Where a unit's name may start (see the module's docstring, step 2)."""
    words = reading.words
    place_ends = {end for _, end in reading.provinces + reading.districts}
    inside_province = {i for start, end in reading.provinces for i in range(start, end)}
    typed_parts = {w.part for w in words if w.type_word}
    starts = []
    for i, word in enumerate(words):
        if not word.in_names:
            continue
        before = words[i - 1] if i else None
        if (
            before is None
            or before.part != word.part
            or before.type_word is not None
            or before.is_number
            or i in place_ends
            or (word.part not in typed_parts and i not in inside_province)
        ):
            starts.append(i)
    return starts


def name_spans(reading: Reading, longest: int) -> list[tuple[int, int, str]]:
    """The spans a unit's name may be: (start, end, key)."""
    starts = set(name_starts(reading))
    return [
        (start, end, "".join(w.text for w in reading.words[start:end]))
        for start, end in all_spans(reading.words, longest)
        if start in starts
    ]


def wanted_shards(text: str, rules: Rules, places: Places, shards: set[str]) -> list[str]:
    """The lookup's shards an address needs: those of the spans its unit's name may be."""
    reading = read_address(text, rules, places)
    return sorted({shard_of(key, shards, rules) for _, _, key in name_spans(reading, rules.limits["name_words"])})


def match_address(text: str, rules: Rules, places: Places, units: UnitIndex) -> AddressMatch:
    """Every unit the address may name, best first, and how sure the answer is."""
    reading = read_address(text, rules, places)
    best: dict[tuple[str, str], Candidate] = {}
    for start, end, key in name_spans(reading, rules.limits["name_words"]):
        if key.isdigit() and not _number_allowed(reading.words, start, end, "unit"):
            continue  # "76" is a house number unless a type word says it is Phường 76 or it stands alone
        rows, fuzzy = units.exact(key), False
        if not rows and len(key) >= rules.limits["fuzzy_min_letters"] and not key.isdigit():
            rows, fuzzy = units.one_edit(key), True
        for row in rows:
            candidate = score(row, start, end, fuzzy, reading, rules, places)
            known = best.get((row[ERA], row[CODE]))
            if known is None or _order(candidate) < _order(known):
                best[(row[ERA], row[CODE])] = candidate
    ranked = tuple(sorted(best.values(), key=_order))
    return AddressMatch(_status(ranked), ranked)


def score(row: list, start: int, end: int, fuzzy: bool, reading: Reading, rules: Rules, places: Places) -> Candidate:
    """How well the address reads as naming this unit at words [start, end)."""
    points, words = rules.scores, reading.words
    total = points["per_word"] * (end - start) + (points["fuzzy"] if fuzzy else 0)
    if "".join(w.marked for w in words[start:end]) == _marked_key(rules, row[NAME]):
        total += points["marks_agree"]
    explained = set(range(start, end))
    before = words[start - 1] if start and words[start - 1].part == words[start].part else None
    if before is not None and before.type_word is not None:
        if "unit" in before.type_word.levels:
            explained.add(start - 1)
            total += points["type_agrees"] if before.type_word.type == row[TYPE] else 0
        else:
            total += points["other_level_type"]
    keys = [places.district_keys.get(code, "") for code in row[DISTRICTS]]
    if _place(reading, keys, "district", explained):
        total += points["district"]
    province = _place(reading, [places.province_keys.get(pid, "") for pid in row[PROVINCES]], "province", explained)
    if province:
        total += points["province"]
    # An address with a district is written the old way: it names a former unit; one without, a current unit.
    named = set(range(start, end)) | set(range(*(province or (0, 0))))
    with_district = any(not named.intersection(range(s, e)) for s, e in reading.districts)
    if (row[ERA] == "f") == with_district:
        total += points["era_fits"]
    first = min(explained)
    unexplained = sum(1 for i in range(first + 1, len(words)) if i not in explained)
    total += points["unexplained_word"] * unexplained + points["leading_word"] * first
    return Candidate(row, start, end, fuzzy, total, unexplained)


def _place(reading: Reading, keys: list[str], level: str, explained: set[int]) -> tuple[int, int] | None:
    """Find one of `keys` (a district's or province's) in a span not yet explained; mark it and return it."""
    for key in keys:
        for start, end in reading.spans.get(key, ()):
            if any(i in explained for i in range(start, end)):
                continue
            if level == "district" and key.isdigit() and not _number_allowed(reading.words, start, end, "district"):
                continue
            explained.update(range(start, end))
            if _type_before(reading.words, start, level):
                explained.add(start - 1)
            return start, end
    return None


def _type_before(words: tuple[Word, ...], start: int, level: str) -> bool:
    before = words[start - 1] if start else None
    return (
        before is not None
        and before.part == words[start].part
        and before.type_word is not None
        and level in before.type_word.levels
    )


def _number_allowed(words: tuple[Word, ...], start: int, end: int, level: str) -> bool:
    """A name that is a number ("Phường 15", "Quận 8"): after its type word, or alone in its part."""
    alone = (start == 0 or words[start - 1].part != words[start].part) and (
        end == len(words) or words[end].part != words[start].part
    )
    return alone or _type_before(words, start, level)


_MARKED: dict[str, str] = {}


def _marked_key(rules: Rules, name: str) -> str:
    if name not in _MARKED:
        _MARKED[name] = rules.marked_key(name)
    return _MARKED[name]


def _order(candidate: Candidate) -> tuple:
    return (-candidate.score, candidate.fuzzy, candidate.row[ERA], candidate.row[CODE], candidate.start)


def _status(ranked: tuple[Candidate, ...]) -> str:
    if not ranked:
        return "not_found"
    best = ranked[0]
    outcomes = {c.outcome for c in ranked if c.score == best.score}
    if len(outcomes) > 1:
        return "ambiguous"
    if best.fuzzy or best.unexplained or len(best.row[TARGETS]) > 1:
        return "likely"
    return "exact"
