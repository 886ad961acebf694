"""A MkDocs hook (`hooks:` of build/mkdocs.yml, last): every page's Content-Security-Policy.

The theme writes `<meta http-equiv="Content-Security-Policy">` with the site's policy first in
<head> (theme/main.html, from `extra.content_security_policy`): everything from the site itself
('self'), no plugin, no <base>, forms posting only to the site. Scripts are the site's files,
plus WebAssembly for Pagefind's search ('wasm-unsafe-eval'). The few inline scripts the
theme writes itself (mkdocs-material's storage helpers, the colour scheme before paint, the
script that loads the theme's bundle later) are allowed by their SHA-256 hashes, taken here
from the page MkDocs wrote, outside the page's own content: a script in the content (a
hand-written page's, which sanitise.py removes anyway, or text the data turned into markup)
is never allowed, so it would not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

# The policy of every page (theme/main.html writes it; on_post_page adds the inline scripts' hashes).
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
SCRIPT_SOURCES = "script-src 'self' 'wasm-unsafe-eval'"
_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
# Types a browser runs; any other (application/json) is data.
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def script_hashes(html: str) -> list[str]:
    """The CSP hash source of every inline script the browser would run in `html`, sorted."""
    found = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = _TYPE.search(attributes)
        if re.search(r"\ssrc\s*=", attributes, re.IGNORECASE) or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


def with_policy(output: str, content: str, where: str) -> str:
    """`output` with the policy's meta completed by the hashes of the inline scripts outside `content`."""
    if output.count(_META) != 1:
        raise PluginError(f"{where}: the page lacks the Content-Security-Policy the theme writes (theme/main.html).")
    outside = output.replace(content, "", 1) if content else output
    hashes = script_hashes(outside)
    policy = POLICY.replace(SCRIPT_SOURCES, " ".join([SCRIPT_SOURCES, *hashes]))
    return output.replace(_META, f'<meta http-equiv="Content-Security-Policy" content="{policy}">', 1)


def on_post_page(output: str, page, config) -> str:  # noqa: ARG001  MkDocs' hook signature
    return with_policy(output, page.content or "", page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ARG001
    """Pages MkDocs renders from a template alone (404.html): no content of their own."""
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, "", template_name)
