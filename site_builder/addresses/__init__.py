"""Reading addresses as people write them: one matcher, in Python here and in the browser
(assets/search/address-matcher.js), both driven by the same rules (rules.json).

- rules.json: the normalisation table, the type words and their short forms, the provinces'
  short forms, the scores; the only copy (the build publishes it for the browser)
- rules.py: the rules loaded, and an address read into words (`read_address`)
- index.py: the units and places the matcher looks in, from the lookup's rows
- matcher.py: `match_address`: every candidate unit, ranked, and whether the answer is exact,
  likely, ambiguous or not found
- table.py: a CSV file read (encoding and delimiter detected) and converted row by row
"""
