"""Runs vietnamadminunits for bench_addresses.py, in its own environment (Python 3.12, pandas):

    python vietnamadminunits_runner.py strings CASES.json   -> {"codes": [...], "seconds": s}
    python vietnamadminunits_runner.py pandas FILE.csv      -> {"rows": n, "seconds": s}

Its converter looks a divided ward's street up with a geocoding service; that lookup is replaced
by "not found" so that nothing reaches the network: it then takes the default new ward, as it
does for an address without a street.
"""

import json
import sys
import time

import vietnamadminunits.converter.converter_2025 as converter_2025

converter_2025.get_geo_location = lambda *args, **kwargs: None

from vietnamadminunits import ParseMode, convert_address, parse_address  # noqa: E402


def code_of(form: str, address: str) -> str:
    try:
        if form == "current_address":  # a 34-province address: its parser, not the converter
            return parse_address(address, mode=ParseMode.FROM_2025, level=2).ward_code or ""
        return convert_address(address).ward_code or ""
    except Exception:  # noqa: BLE001 - a string it cannot read counts as not found
        return ""


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "strings":
        cases = json.load(open(path, encoding="utf-8"))
        started = time.perf_counter()
        codes = [code_of(form, address) for form, address in cases]
        print(json.dumps({"codes": codes, "seconds": time.perf_counter() - started}))
        return
    import pandas as pd
    from vietnamadminunits.pandas import convert_address_column

    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    converted = convert_address_column(frame, address="address", show_progress=False)
    converted.to_csv(path + ".vietnamadminunits.csv", index=False)
    print(json.dumps({"rows": len(converted), "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
