"""Where the two registry packages disagree about the commune-level units: one row per
disagreement (kind, codes, each package's value, explanation) for registry_disagreements.csv.

The units package is imported from vietnamadminunits; vietnam-provinces carries its own copy of
the official old -> new table and its own list of current units, compared here as published
(before corrections.csv is applied), so every correction also shows as a disagreement.
"""

from __future__ import annotations

import unicodedata

from site_builder.registry.corrections import Correction

DISAGREEMENT_COLUMNS = ["kind", "former_code", "current_code", "vietnamadminunits", "vietnam_provinces", "explanation"]
# vietnam-provinces' division types in vietnamadminunits' words
TYPE_WORDS = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}


def row(kind: str, former: str, current: str, ours: str, theirs: str, explanation: str) -> dict[str, str]:
    return {
        "kind": kind,
        "former_code": former,
        "current_code": current,
        "vietnamadminunits": ours,
        "vietnam_provinces": theirs,
        "explanation": explanation,
    }


def spelling_only(a: str, b: str) -> bool:
    """Same letters and the same marks, placed on different vowels (Hòa / Hoà)."""

    def parts(text: str) -> tuple[str, list[str]]:
        decomposed = unicodedata.normalize("NFD", text)
        return (
            "".join(c for c in decomposed if not unicodedata.combining(c)),
            sorted(c for c in decomposed if unicodedata.combining(c)),
        )

    return parts(a) == parts(b)


class Names:
    """'Phường Phúc Xá (00001)' for the codes of both eras and of districts."""

    def __init__(self, units: dict):
        self.before = {u["code"]: u["name"] for u in units["before"]}
        self.after = {u["code"]: u["name"] for u in units["after"]}
        self.districts = {d["code"]: d["name"] for d in units["districts"]}

    def former(self, code: str) -> str:
        return f"{self.before.get(code, 'a unit vietnamadminunits does not list')} ({code})"

    def current(self, codes) -> str:
        return ", ".join(f"{self.after.get(code, 'a unit vietnamadminunits does not list')} ({code})" for code in sorted(codes))


def former_unit_rows(registry: dict, names: Names, corrections: list[Correction]) -> list[dict[str, str]]:
    """Disagreements about where each former unit went, and where it was."""
    units = registry["units"]
    ours: dict[str, set[str]] = {}
    for change in units["changes"]:
        if change["old"]:
            ours.setdefault(change["old"], set()).add(change["new"])
    where = {u["code"]: u for u in units["before"]}
    theirs = {entry["code"]: entry for entry in registry["ward_conversion"]}
    corrected = {
        (c.record, c.field): c for c in corrections if c.registry == "vietnam-provinces" and c.table == "ward_conversion"
    }
    rows = []
    for code in sorted(set(ours) - set(theirs)):
        rows.append(
            row(
                "former_unit_missing",
                code,
                "",
                " ".join(sorted(ours[code])),
                "",
                f"{names.former(code)} is not in vietnam-provinces' old → new table; vietnamadminunits maps it to "
                f"{names.current(ours[code])}.",
            )
        )
    for code in sorted(set(theirs) - set(ours)):
        rows.append(
            row(
                "former_unit_unknown",
                code,
                "",
                "",
                " ".join(sorted(n["code"] for n in theirs[code]["new"])),
                f"vietnam-provinces' table has a former unit {code} that vietnamadminunits does not list.",
            )
        )
    for code in sorted(set(ours) & set(theirs)):
        rows += unit_table_rows(code, ours[code], theirs[code], where[code], names, corrected)
    return rows


def unit_table_rows(
    code: str, ours: set[str], entry: dict, unit: dict, names: Names, corrected: dict[tuple[str, str], Correction]
) -> list[dict[str, str]]:
    """The disagreements about one former unit that both packages list."""
    rows, who = [], names.former(code)
    theirs = {n["code"] for n in entry["new"]}
    if ours != theirs:
        rows.append(
            row(
                "successors_differ",
                code,
                "",
                " ".join(sorted(ours)),
                " ".join(sorted(theirs)),
                f"{who} went to {names.current(ours)} in vietnamadminunits, to {names.current(theirs)} in vietnam-provinces.",
            )
        )
    divided, partly = len(ours) > 1, entry["partly"] or len(theirs) > 1
    if divided != partly:
        ours_text = f"divides it between {names.current(ours)}" if divided else f"maps it whole to {names.current(ours)}"
        theirs_text = (
            f"marks it as partly merged into {names.current(theirs)}" if partly else f"maps it whole to {names.current(theirs)}"
        )
        rows.append(
            row(
                "divided_differs",
                code,
                "",
                "divided" if divided else "whole",
                "partly merged" if partly else "whole",
                f"{who}: vietnamadminunits {ours_text}; vietnam-provinces {theirs_text}.",
            )
        )
    for field, ours_value, kind in (
        ("province", unit["province"], "former_province_differs"),
        ("district", unit["district"], "former_district_differs"),
    ):
        if entry[field] != ours_value:
            correction = corrected.get((code, field))
            note = f" Corrected to {correction.new_value} on import (corrections.csv, {correction.id})." if correction else ""
            rows.append(
                row(
                    kind,
                    code,
                    "",
                    ours_value,
                    entry[field],
                    f"vietnamadminunits has {who} in {field} {ours_value}, vietnam-provinces' table in {field} "
                    f"{entry[field]} (with district {entry['district']}).{note}",
                )
            )
    return rows


def current_unit_rows(registry: dict, names: Names) -> list[dict[str, str]]:
    """Disagreements about the current units: missing from vietnam-provinces' table, or listed
    with another name, type or province."""
    units = registry["units"]
    ours = {u["code"]: u for u in units["after"]}
    theirs = {u["code"]: u for u in units["after_in_vietnam_provinces"]}
    successors = {n["code"] for entry in registry["ward_conversion"] for n in entry["new"]}
    rows = []
    for code in sorted(set(ours) ^ set(theirs)):
        listed, other = ("vietnamadminunits", "vietnam-provinces") if code in ours else ("vietnam-provinces", "vietnamadminunits")
        rows.append(
            row(
                "current_unit_unknown",
                "",
                code,
                ours.get(code, {}).get("name", ""),
                theirs.get(code, {}).get("name", ""),
                f"{listed} lists a current unit {code} that {other} does not.",
            )
        )
    for code in sorted(set(ours) - successors):
        sources = [c for c in units["changes"] if c["new"] == code]
        origin = ", ".join(
            names.former(c["old"])
            if c["old"]
            else f"the district {names.districts.get(c['old_district'], '')} ({c['old_district']}), which had no commune-level unit"
            for c in sources
        )
        rows.append(
            row(
                "current_unit_missing",
                "",
                code,
                " ".join(c["old"] or c["old_district"] for c in sources),
                "",
                f"{names.current([code])} is no unit's successor in vietnam-provinces' old → new table; "
                f"vietnamadminunits makes it from {origin or 'nothing'}.",
            )
        )
    for code in sorted(set(ours) & set(theirs)):
        rows += current_listing_rows(ours[code], theirs[code])
    return rows


def current_listing_rows(ours: dict, theirs: dict) -> list[dict[str, str]]:
    rows, code = [], ours["code"]
    if ours["name"] != theirs["name"]:
        why = (
            "Only the capitalisation differs."
            if ours["name"].casefold() == theirs["name"].casefold()
            else "The same name with a tone mark on another vowel (both spellings are in use)."
            if spelling_only(ours["name"], theirs["name"])
            else "The names differ."
        )
        rows.append(row("current_name_differs", "", code, ours["name"], theirs["name"], why))
    their_type = TYPE_WORDS.get(theirs["type"], theirs["type"])
    if ours["type"] != their_type:
        rows.append(
            row(
                "current_type_differs",
                "",
                code,
                ours["type"],
                their_type,
                f"vietnamadminunits' type column says {ours['type']} for {ours['name']} ({code}); its name and "
                f"vietnam-provinces say {their_type}. The units package takes the type from the name.",
            )
        )
    if ours["province"] != theirs["province"]:
        rows.append(
            row(
                "current_province_differs",
                "",
                code,
                ours["province"],
                theirs["province"],
                f"vietnamadminunits has {ours['name']} ({code}) in province {ours['province']}, "
                f"vietnam-provinces in {theirs['province']}.",
            )
        )
    return rows


def disagreement_rows(registry: dict, corrections: list[Correction]) -> list[dict[str, str]]:
    """Every disagreement between the packages about commune-level units, sorted by kind and code."""
    names = Names(registry["units"])
    rows = former_unit_rows(registry, names, corrections) + current_unit_rows(registry, names)
    return sorted(rows, key=lambda r: (r["kind"], r["former_code"], r["current_code"]))
