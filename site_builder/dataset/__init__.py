"""The data as the build and the validator read it. Nothing but this package reads `datapackages/`.

- vocabulary.py: the reform's dates, the measures, the formula characters, the package name
- reading.py: the one CSV reader (UTF-8, comma, '"') with physical line numbers; the descriptor
- safe_files.py: only regular files inside the repository, within the stated limits
- descriptor.py: datapackage.json, refused if it references anything outside itself, or is too large or deep
- descriptor_keys.py: the keys a descriptor may hold and their shapes; any other is refused, never published
- pinned.py: the schemas are the code's (pinned/<package>.json); datapackage.json's differences reported
- schema_diff.py: two descriptors' resources and schemas compared field by field, with JSON paths
- lookalikes.py: invisible format characters, and letters of several scripts in a name or an address's host
- schema_types.py: cell text to int / float / bool as the Table Schema declares each field
- model.py: the typed records (Source, Province, Succession, UnitCount, Indicator, Figure ...)
- load.py: the reform package as typed records plus the raw rows the downloads are made from
- changelog.py: CHANGELOG.md as plain entries
- dates.py: the build date (SOURCE_DATE_EPOCH, the last commit, the newest date in the data)
"""
