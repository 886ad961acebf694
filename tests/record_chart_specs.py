"""Write tests/fixtures/chart_specs.json: the SHA-256 of each seeded request's spec
(tests/chart_requests.py) as the installed site_builder writes it, by chart id. The fixture was
recorded at commit d02746c, main's last with hand-written Vega-Lite dicts (first at c3784d3; again
at d02746c because main's pinned chart font, issue 23, changed every spec's font on purpose and
nothing else), so the tests hold the Altair templates to those bytes. Recorded once more with
`"aria": false` in every spec's config (issue 21: no English ARIA text of Vega's own), after
checking that each spec without that key hashed to the d02746c digest. From a checkout of that
commit with its own .venv:

    git clone -q . /tmp/before && git -C /tmp/before checkout -q d02746c && make -C /tmp/before .venv/bin/site-builder
    cd /tmp/before && .venv/bin/python /path/to/repo/tests/record_chart_specs.py --output /path/to/repo/tests/fixtures/chart_specs.json

`--full FILE` writes the specs themselves instead (to diff two commits' specs when a test fails).
Record the fixture again only for a change of spec that is meant, and say why in the commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chart_requests import seeded_requests  # noqa: E402

from site_builder.charts.spec import canonical_json, chart_spec  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "chart_specs.json"


def spec_texts() -> dict[str, str]:
    """Each seeded request's spec as the build writes it (canonical JSON), by chart id."""
    return {request.chart_id: canonical_json(chart_spec(request)) for request in seeded_requests()}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=FIXTURE, help=f"where to write the digests (default {FIXTURE})")
    parser.add_argument("--full", type=Path, help="write the specs themselves to this file instead")
    args = parser.parse_args(argv)
    specs = spec_texts()
    path, content = (args.full, specs) if args.full else (args.output, {key: digest(text) for key, text in specs.items()})
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{len(specs)} specs from {Path(sys.modules['site_builder.charts.spec'].__file__).parents[2]} written to {path}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
