"""One module per command line command; each exposes `add_parser(subparsers)` and `run(args) -> int`."""
