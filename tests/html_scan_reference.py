"""The page reading html_scan.py did with Python's html.parser until it moved to lexbor (an HTML5
parser, as browsers read): kept here as the reference the new reading is proved against
(tests/test_html_scan.py), as the Altair charts are for the plain chart specs."""

from __future__ import annotations

from html.parser import HTMLParser

from site_builder.publish.html_scan import (
    _IGNORING,
    _SKIPPED,
    BODY_END,
    CANONICAL,
    CSS_URL,
    LINK_ATTRIBUTES,
    LOADING_ATTRIBUTES,
    PageScan,
    navigation_tag,
    unsafe_scheme,
)
from site_builder.views.communes import fold

_VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"})


class ReferenceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []
        self.unsafe: list[str] = []
        self.article_text: list[str] = []
        self._open: list[tuple[str, bool, bool]] = []  # (tag, opens the article, opens an ignored part)
        self._in_body = 0
        self._ignored = 0

    def handle_starttag(self, tag, attrs):
        self._record_addresses(tag, attrs)
        if tag in _VOID:
            return
        names = {name for name, _ in attrs}
        body = "data-pagefind-body" in names
        ignored = bool(_IGNORING & names) or tag in _SKIPPED
        self._open.append((tag, body, ignored))
        self._in_body += body
        self._ignored += ignored

    def handle_startendtag(self, tag, attrs):
        self._record_addresses(tag, attrs)

    def _record_addresses(self, tag, attrs):
        tag = navigation_tag(tag, dict(attrs).get("rel"))
        for name, value in attrs:
            if name.startswith("on"):
                self.unsafe.append(f"<{tag} {name}=...> carries an event handler; generated pages run no inline script.")
            if value is None:
                continue
            if name in LINK_ATTRIBUTES and unsafe_scheme(value):
                self.unsafe.append(f'<{tag} {name}="{value[:60]}"> is a link that is neither http(s) nor relative.')
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if (tag in ("a", CANONICAL) and name == "href") or name in LOADING_ATTRIBUTES.get(tag, ()):
                self.links.append((tag, name, value))
            if name == "style":
                self.links += [(tag, "style", url) for url in CSS_URL.findall(value)]

    def handle_endtag(self, tag):
        while self._open:
            open_tag, body, ignored = self._open.pop()
            self._in_body -= body
            self._ignored -= ignored
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._in_body and not self._ignored:
            self.article_text.append(data)


def reference_scan(html: str) -> PageScan:
    parser = ReferenceParser()
    parser.feed(html)
    parser.close()
    words = {w for chunk in parser.article_text for w in chunk.split() if "đ" in w.lower()}
    return PageScan(
        ids=frozenset(parser.ids),
        links=tuple(parser.links),
        unsafe=tuple(parser.unsafe),
        folded_words=tuple(sorted({fold(w) for w in words} - {""})),
        has_article=BODY_END in html,
    )
