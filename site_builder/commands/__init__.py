"""One module per command line command; each exposes `add_parser(subparsers)` and `run(args) -> int`.

- validate.py: `site-builder validate`
- build.py: `site-builder build`
- import_registry.py: `site-builder import-registry`
- diff.py: `site-builder diff`
"""
