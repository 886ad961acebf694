"""Validate the Vietnam Apparatus Reform data packages and build the static site.

- cli.py, __main__.py: the `site-builder` command (one module per command in commands/)
- pipeline.py: `site-builder build`: the table of its stages (STAGES), in the order they run
- stages/: each stage, a short function calling into the package that does the work; the runner
- build_paths.py: where a build reads and writes (the project, build/, site/)
- errors.py: what every stage reports: Problem (file, line, sentence) and BuildError
- output_paths.py: every path the build writes is resolved and must lie inside its folder
- dataset/: reading datapackages/ (the only reader) into the typed model
- validate/: frictionless validation plus our rules, one check each
- views/: what the pages show, derived from the model
- pages/: the generated pages in each edition's language, and the chart plan
- charts/: drawing charts (Vega-Lite specs as Altair writes them, SVG by vl-convert, cached)
- downloads/: the data as CSV, the package zip, checksums
- publish/: MkDocs, Pagefind, the final checks and the atomic swap into site/
- registry/: `site-builder import-registry`
- review/: `site-builder diff`, the data change of a pull request
- templates/, theme/, translations/, assets/: markup, theme overrides, interface strings, scripts
"""

__version__ = "0.1.0"
