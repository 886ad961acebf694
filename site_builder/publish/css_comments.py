"""A MkDocs hook (`hooks:` of build/mkdocs.yml): the stylesheets of docs/stylesheets/ published
without their comments.

The comments say why a rule is there, for whoever edits the file; a reader's browser has no use
for them, and they are a third of extra.css, which every page loads first (the first-load budget
of tests/e2e/test_e2e_first_load.py). Strings are kept as they are: a comment marker inside one
("/*" in `content: "/*"`) is text, not a comment.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.publish.docs_files import STYLESHEET_FOLDER

# A string (kept) or a comment (dropped), read left to right so that neither hides in the other.
_STRING_OR_COMMENT = re.compile(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|/\*.*?\*/""", re.DOTALL)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def without_comments(css: str) -> str:
    """`css` without its comments and the blank lines they leave."""
    kept = _STRING_OR_COMMENT.sub(lambda m: m.group(1) or "", css)
    return _BLANK_LINES.sub("\n", kept).strip() + "\n"


def on_post_build(config) -> None:
    """Rewrite each published stylesheet of docs/stylesheets/ (the site root's; an edition below
    it links the root's) without its comments."""
    for path in sorted((Path(config["site_dir"]) / STYLESHEET_FOLDER).glob("*.css")):
        text = path.read_text(encoding="utf-8")
        stripped = without_comments(text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
