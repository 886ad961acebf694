"""One module per command line command; each exposes `add_parser(subparsers)` and `run(args) -> int`.

- validate.py: `site-builder validate`
- build.py: `site-builder build`
- serve.py: `site-builder serve` (the preview)
- project.py: the project folder the build commands work on
- import_registry.py: `site-builder import-registry`
- diff.py: `site-builder diff`
- release.py: `site-builder release` (dated releases of the data)
"""
