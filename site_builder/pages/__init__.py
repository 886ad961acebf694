"""The generated pages, in the edition's language: what each page says and where it lives.

- translations.py: interface strings from translations/<lang>.yaml by dotted key
- editions.py: the editions (English at the root, Vietnamese under vi/) and names per language
- formatting.py: numbers, dates, periods, values and titles as a reader reads them
- paths.py: each page's Markdown path and URL, relative links between pages
- chart_plan.py: every chart of the site as a request for charts/ (titles, labels, rows);
  unit_charts.py the units-by-type chart of a province page, map_charts.py the home page maps
- dictionary.py: the data dictionary of the data page, from datapackage.json
- environment.py: the Jinja environment (autoescape on, formatting filters)
- render.py: every page rendered from its template, with its front matter
- context.py: what every page of an edition shows besides its own data (PageContext)
- front_matter.py: the page title as front matter that reads back exactly as written
"""
