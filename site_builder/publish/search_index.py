"""The site search index: Pagefind run over the built site, after MkDocs and before the checks.

Pagefind (the command line of the binary that the `pagefind_bin` package ships, so nothing is
downloaded) reads every page's `data-pagefind-body` (the article: theme/main.html)
and writes `pagefind/` into the site: a small script plus an index in pieces that a reader's
browser fetches only when they search (assets/search/site-search.js).

Pagefind ignores combining marks by itself ("nang" finds Nẵng, "phuc xa" finds Phúc Xá) but
treats đ as a letter of its own, so "da nang" would not find Đà Nẵng. So in the copy of each
page that Pagefind reads (in a temporary folder; the published page is unchanged and a reader
loads none of it) every word with đ/Đ of the article is followed by its ASCII-folded copy
("Đà da Nẵng"): the copy stands where the word does, so a page's own heading and sentences match
"da nang" (the heading, which Pagefind weighs most, too: its title is kept from an attribute),
and the search box drops each copy from the excerpts it shows (theme/assets/search/site-search.js).
Commune names are looked up apart, in the commune lookup (views/communes.py), which the
search box asks too.
"""

from __future__ import annotations

import html as html_text
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.publish.html_scan import BODY_END, BODY_START, PageScan, scan_html, scan_site
from site_builder.views.communes import fold

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


# A word with đ/Đ; the markup around text; the elements whose text is not prose.
_WORD_WITH_D_BAR = re.compile(r"\w*[đĐ]\w*")
_MARKUP = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)
_NOT_PROSE = frozenset({"script", "style", "svg", "template", "textarea", "noscript"})
_FIRST_H1 = re.compile(r"<h1\b([^>]*)>(.*?)</h1>", re.S)
_HEADERLINK = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_TAGS = re.compile(r"<[^>]*>")


def inject(html: str, words: tuple[str, ...] | list[str] | None = None) -> str:
    """The page as Pagefind reads it: each đ-word of the article followed by its folded copy, and
    the first heading's own text kept as the result's title (data-pagefind-meta). `words`: the
    page's folded đ-words as html_scan found them (none: the page is indexed as it is)."""
    words = folded_words(html) if words is None else words
    start, end = html.find(BODY_START), html.find(BODY_END)
    if not words or start < 0 or end < start:
        return html
    article = _title_from_attribute(html[start:end])
    return html[:start] + _fold_in_place(article) + html[end:]


def _title_from_attribute(article: str) -> str:
    """The first <h1> with its text in data-search-title, which Pagefind takes as the title, so
    the folded copies added to the heading never show in a result's title."""
    match = _FIRST_H1.search(article)
    if not match or "data-pagefind-meta" in match.group(1):
        return article
    title = html_text.unescape(_TAGS.sub("", _HEADERLINK.sub("", match.group(2)))).strip()
    if not _WORD_WITH_D_BAR.search(title):
        return article
    attributes = f' data-search-title="{html_text.escape(title)}" data-pagefind-meta="title[data-search-title]"'
    return article[: match.start()] + f"<h1{match.group(1)}{attributes}>" + article[match.start(2) :]


def _fold_in_place(article: str) -> str:
    """The article with every đ-word of its prose followed by the word's folded copy ("Đà da")."""
    parts, position, inside = [], 0, 0
    for markup in _MARKUP.finditer(article):
        text = article[position : markup.start()]
        parts.append(text if inside else _WORD_WITH_D_BAR.sub(_with_folded_copy, text))
        parts.append(markup.group(0))
        position = markup.end()
        if (markup.group(2) or "").lower() in _NOT_PROSE and not markup.group(0).endswith("/>"):
            inside = max(0, inside + (-1 if markup.group(1) else 1))
    parts.append(article[position:] if inside else _WORD_WITH_D_BAR.sub(_with_folded_copy, article[position:]))
    return "".join(parts)


def _with_folded_copy(match: re.Match) -> str:
    word = match.group(0)
    folded = fold(word)  # [a-z0-9] and spaces: nothing to escape
    return f"{word} {folded}" if folded and folded != word.lower() else word


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
