"""Address strings in every form the issue names, made from the units package with the answer
known: the benchmark's test set (bench_addresses.py). Deterministic: the same seed, the same
strings. Each is (form, address, expected current code)."""

from __future__ import annotations

import random

from site_builder.addresses.rules import load_rules

UNIT_WORD = {"commune": "Xã", "ward": "Phường", "township": "Thị trấn", "special_zone": "Đặc khu"}
UNIT_SHORT = {"commune": "X.", "ward": "P.", "township": "TT.", "special_zone": "ĐK."}
DISTRICT_SHORT = {"urban_district": "Q.", "rural_district": "H.", "town": "TX.", "city": "TP."}
PROVINCE_WORD = {"city": "Thành phố", "province": "Tỉnh"}
PROVINCE_SHORT = {"city": "TP.", "province": "T."}
STREETS = ("Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt")
SHORT_FORMS = {"Hà Nội": ("HN", "Hà Nội"), "Hồ Chí Minh": ("TP.HCM", "TPHCM", "HCM", "SG", "Sài Gòn")}
FORMS = (
    "official",
    "short_types",
    "short_types_unmarked",
    "house_and_street",
    "without_diacritics",
    "with_district_only",
    "reversed_with_dashes",
    "misspelled",
    "province_short_form",
    "current_address",
)


def address_cases(rows: list[list], places: dict, per_form: int = 200, seed: int = 20) -> list[tuple[str, str, str]]:
    """`per_form` strings of each form; rows and places as views/communes.py makes them."""
    rng = random.Random(seed)
    rules = load_rules()
    provinces = {p[0]: p for p in places["provinces"]}
    districts = {d[0]: d for d in places["districts"]}
    former = [r for r in rows if r[0] == "f" and r[7] and r[5] in districts]
    current = [r for r in rows if r[0] == "c"]
    cases = []
    for form in FORMS:
        pool = current if form == "current_address" else former
        if form == "province_short_form":
            pool = [r for r in former if provinces[r[6]][1] in SHORT_FORMS]
        for row in rng.sample(pool, per_form) if per_form <= len(pool) else rng.choices(pool, k=per_form):
            district = districts.get(row[5])
            if district:  # [code, name, full name, type]
                district = [district[0], district[1], f"{places['district_words'][district[2]]} {district[1]}", district[2]]
            text = _write(form, row, district, provinces[row[6]], rules, rng)
            cases.append((form, text, row[7][0][0]))
    return cases


def _write(form: str, row: list, district, province, rules, rng: random.Random) -> str:
    name, full, kind = row[2], row[3], row[4]
    if form == "current_address":
        return f"{full}, {PROVINCE_WORD[province[3]]} {province[1]}"
    d_name, d_full, d_type = district[1], district[2], district[3]
    p_name, p_full = province[1], f"{PROVINCE_WORD[province[3]]} {province[1]}"
    if form == "official":
        return f"{full}, {d_full}, {p_full}"
    if form == "short_types":
        return f"{UNIT_SHORT[kind]} {name}, {DISTRICT_SHORT[d_type]} {d_name}, {PROVINCE_SHORT[province[3]]} {p_name}"
    if form == "short_types_unmarked":
        text = f"{UNIT_SHORT[kind].lower()}{name} {DISTRICT_SHORT[d_type].lower()}{d_name} {p_name}"
        return " ".join(rules.fold(text).split())
    if form == "house_and_street":
        return f"{rng.randint(1, 250)} {rng.choice(STREETS)}, {full}, {d_full}, {p_name}"
    if form == "without_diacritics":
        return ", ".join(" ".join(rules.fold(part).split()) for part in (name, d_name, p_name))
    if form == "with_district_only":
        return f"{name} {d_name}"
    if form == "reversed_with_dashes":
        return f"{p_name} - {d_name} - {name}"
    if form == "misspelled":
        return f"{_misspell(name, rng)}, {d_name}, {p_name}"
    return f"{full}, {d_full}, {rng.choice(SHORT_FORMS[p_name])}"


def _misspell(name: str, rng: random.Random) -> str:
    """One letter of the name's last word changed (the first three letters of the name kept)."""
    words = name.split(" ")
    last = words[-1]
    if len(name.replace(" ", "")) < 5 or len(last) < 2:
        return name
    i = rng.randrange(1, len(last))
    words[-1] = last[:i] + rng.choice("aeiou") + last[i + 1 :] if last[i] not in "aeiou" else last[:i] + "n" + last[i + 1 :]
    return " ".join(words)
