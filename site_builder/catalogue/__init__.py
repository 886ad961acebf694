"""What tells search engines and data portals that the site publishes data.

- about.py: who made and publishes the data, under which licence (from the package descriptor)
- jsonld.py: schema.org `Dataset` of each page that presents data, and its safe <script> text
- dcat.py: data/catalog.jsonld, a DCAT-AP catalogue: one dcat:Dataset per package and per indicator
"""
