"""The fixed vocabulary of the reform data: the reform's dates, the kinds of number a figure can
be, and the characters that make a spreadsheet cell a formula. Every module takes these from here.
"""

from __future__ import annotations

# The day the 34-province map took effect; units valid to the day before are "former".
REFORM_DATE = "2025-07-01"
LAST_DAY_BEFORE_REFORM = "2025-06-30"

# What a figure's number is, in the order a table lists them.
MEASURES = ("count_before", "count", "count_after", "reduction", "increase", "percent", "rank", "duration")
# Measures that are the level of something on a date: a series of them is drawn as bars over
# time or before -> after. Other measures (reduction, rank ...) only chart against themselves.
LEVEL_MEASURES = ("count_before", "count", "count_after")
# The three measures that must add up: before − reduction = after.
BALANCE_MEASURES = ("count_before", "reduction", "count_after")

# What a figure's number stands for: an achieved result, or (never shown as one) a plan, a
# target, or a running total of a flow up to its date.
STATUSES = ("result", "plan", "target", "cumulative")
# What happened (a result, or a running total so far): never a plan or a target.
OUTCOMES = ("result", "cumulative")

# The place of national figures (figures.csv province_id): Vietnam as a whole.
COUNTRY_ID = "vn"

# A cell starting with one of these is run as a formula by Excel or LibreOffice (a tab or a
# carriage return before "=" is skipped by some of them, so those count too).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The package every page is built from (datapackages/reform/), and the commune-level units.
REFORM_PACKAGE = "reform"
UNITS_PACKAGE = "units"

# How many units the registry lists, per resource of the units package: vietnamadminunits 1.0.4
# (the version pinned in site_builder/registry/packages.py). `validate` checks the imported files
# against these, but only files whose descriptor names that registry and version as their source
# (the tests' small fixtures do not); a new registry version needs these totals checked again.
REGISTRY_TOTALS = {"districts": 696, "units_before": 10035, "units_after": 3321}
REGISTRY_TOTALS_SOURCE = ("vietnamadminunits", "1.0.4")
