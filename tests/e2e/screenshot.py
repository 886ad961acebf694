"""Screenshot of a province page for the README, and the page's weight on first load.

Not a test: run it after `make site` to refresh docs/assets/screenshot-province.png.

    .venv/bin/python tests/e2e/screenshot.py            # site/ -> docs/assets/screenshot-province.png
    .venv/bin/python tests/e2e/screenshot.py site provinces/quang-ngai/ /tmp/shot.png
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import launch  # noqa: E402
from local_server import LocalServer  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else REPO / "site"
    path = argv[1] if len(argv) > 1 else "provinces/quang-ngai/"
    out = Path(argv[2]) if len(argv) > 2 else REPO / "docs" / "assets" / "screenshot-province.png"
    from playwright.sync_api import sync_playwright

    server = LocalServer(site)
    sizes: Counter = Counter()
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(server.url(path), wait_until="networkidle")
            for response in responses:
                kind = response.request.resource_type
                sizes[kind] += len(response.body())
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=False)
            browser.close()
    finally:
        server.close()
    total = sum(sizes.values())
    print(
        f"{path}: {total:,} bytes on first load over {len(responses)} responses: "
        + ", ".join(f"{kind} {size:,}" for kind, size in sorted(sizes.items()))
    )
    print(f"screenshot: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
