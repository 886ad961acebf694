"""The province registry: codes, names, successions and unit counts imported from registry
packages on PyPI (`site-builder import-registry`), never typed by hand.

extract.py runs in the registry environment (.venv-registry, Python >= 3.12) and prints JSON;
transform.py turns that JSON into the rows of provinces.csv, successions.csv, unit_counts.csv;
run.py runs the extractor and writes the files.
"""
