"""The build's stages, in the order `pipeline.STAGES` lists them, each a short function that takes
the build's state (`state.Build`), calls into the module that does the work, keeps what it made
on the state for the stages after it, and returns its one-line summary.

- runner.py: the stage table's entries, the runner (timing and one progress line per stage), the result
- state.py: what a build was asked for, what it knows of the last build, and each stage's product
- data.py: validate, load, derive
- docs.py: docs, charts, downloads, catalogue, pages, sync (build/staging/ -> build/docs/)
- site.py: config, copy, mkdocs (or Zensical), scan, check, search, publish
"""
