"""The site search index: Pagefind run over the built site, after MkDocs and before the checks.

Pagefind (the command line of the binary that the `pagefind_bin` package ships, so nothing is
downloaded) reads every page's `data-pagefind-body` (the article: theme/main.html)
and writes `pagefind/` into the site: a small script plus an index in pieces that a reader's
browser fetches only when they search (assets/search/site-search.js).

Pagefind ignores combining marks by itself ("nang" finds Nẵng, "phuc xa" finds Phúc Xá) but
treats đ as a letter of its own, so "da nang" would not find Đà Nẵng. So the copy of each
page that Pagefind reads (in a temporary folder; the published page is unchanged and a reader
loads none of it) carries an ASCII-folded copy of its words with đ/Đ ("da" for Đà).
Commune names are looked up apart, in the commune lookup (views/communes.py), which the
search box asks too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.publish.html_scan import BODY_START, PageScan, scan_html, scan_site

INDEX_FOLDER = "pagefind"
# Left out of the index besides `data-pagefind-ignore`: charts (their text is in the page's
# tables), and whatever the templates mark `data-search-exclude` (long tables, downloads and
# checksums, the coverage matrix, citation blocks).
EXCLUDE_SELECTORS = ("[data-search-exclude]", "figure.chart", ".chart-wrap", ".headerlink")
# Pagefind's ready-made interfaces; the site has its own search box, so they are not published.
UNUSED_BUNDLES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class SearchIndex:
    pages: int  # pages Pagefind indexed
    files: int  # files it wrote
    bytes: int  # their total size


def index_site(site_dir: Path, scans: dict[str, PageScan] | None = None) -> SearchIndex:
    """Index every page under `site_dir` into `site_dir/pagefind/`; BuildError when Pagefind is
    missing or fails. `scans` are the pages as html_scan read them (read here when not given)."""
    scans = scan_site(site_dir, skip=INDEX_FOLDER) if scans is None else scans
    # A page without the end marker has no indexed article (404.html): it stays out of the index.
    pages = {
        rel: inject((site_dir / rel).read_text(encoding="utf-8"), scan.folded_words)
        for rel, scan in sorted(scans.items())
        if scan.has_article and not rel.startswith(INDEX_FOLDER + "/")
    }
    output = site_dir / INDEX_FOLDER
    try:
        with tempfile.TemporaryDirectory(prefix="search-pages-") as copies:
            # Pagefind reads the pages as they are indexed (with their folded words) from a copy.
            for rel, html in pages.items():
                (Path(copies) / rel).parent.mkdir(parents=True, exist_ok=True)
                (Path(copies) / rel).write_text(html, encoding="utf-8")
            _write_index(Path(copies), output)
    except FileNotFoundError as error:
        raise BuildError(
            f"Pagefind is not installed ({error}); run `make .venv/bin/site-builder` to install "
            "requirements.lock, which pins pagefind and pagefind_bin."
        ) from None
    except (OSError, RuntimeError) as error:
        raise BuildError(f"Pagefind could not index the site in {site_dir}: {error!r}") from None
    for name in UNUSED_BUNDLES:
        (output / name).unlink(missing_ok=True)
    sort_entry_keys(output / "pagefind-entry.json")
    written = [p for p in output.rglob("*") if p.is_file()]
    return SearchIndex(pages=len(pages), files=len(written), bytes=sum(p.stat().st_size for p in written))


def sort_entry_keys(entry: Path) -> None:
    """Pagefind lists the languages of pagefind-entry.json in a different order from one run to
    the next; sorted keys make the same commit build the same bytes."""
    if entry.is_file():
        entry.write_text(
            json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")), encoding="utf-8"
        )


def inject(html: str, words: tuple[str, ...] | list[str] | None = None) -> str:
    """The page as Pagefind reads it: the folded copy of its đ-words first in the article (so
    Pagefind counts them in the page's own section, not in the last heading's)."""
    words = folded_words(html) if words is None else words
    folded = f"<p>{' '.join(words)}</p>" if words else ""  # folded words are [a-z0-9]: nothing to escape
    return html.replace(BODY_START, BODY_START + folded, 1)


def folded_words(html: str) -> list[str]:
    """The ASCII-folded form of every word with đ/Đ in the indexed text ("Đà" -> "da"), sorted."""
    return list(scan_html(html).folded_words)


def _write_index(pages: Path, output: Path) -> None:
    """Run Pagefind's command line over `pages`, writing the index into `output`.

    Not its Python service: that one answers "written" while the binary's writes may still be
    in flight and then kills the binary, which left pagefind-entry.json empty in a CI run. The
    command line exits only once every file is written. It runs in an empty folder with no
    PAGEFIND_ variables, so no pagefind.yml or environment setting from elsewhere can change it.
    """
    if importlib.util.find_spec("pagefind") is None or importlib.util.find_spec("pagefind_bin") is None:
        raise FileNotFoundError("the pagefind and pagefind_bin packages are not importable")
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    environment = {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND")}
    with tempfile.TemporaryDirectory(prefix="pagefind-cwd-") as cwd:
        done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"exit code {done.returncode}: {(done.stderr or done.stdout).strip()[-2000:]}")
