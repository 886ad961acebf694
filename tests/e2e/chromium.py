"""The browser of the end-to-end tests and the benchmarks: Debian's Chromium (or $CHROMIUM),
headless, with nothing that would reach the network by itself."""

from __future__ import annotations

import os
from pathlib import Path

# Debian's Chromium by default; CI on GitHub's runners points CHROMIUM at Playwright's build.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """A headless Chromium browser started by `playwright` (sync API)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
