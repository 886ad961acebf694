"""How the duplicate rules compare cells (not a rule itself): text as a reader sees it, numbers
by value, addresses by the document they name."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

from site_builder.dataset.schema_types import is_plain_number

WHITESPACE_RUN = re.compile(r"\s+")
DEFAULT_PORTS = {"https": "443", "http": "80"}


def text_key(text: str) -> str:
    """NFC, each run of whitespace one space, none at the ends: "Quảng  Nam " (NFD) = "Quảng Nam"."""
    return WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


def number_key(text: str):
    """A plain number by its value ("11" = "11.0"); other text as text."""
    return Decimal(text.strip()) if is_plain_number(text.strip()) else text_key(text)


def url_key(text: str) -> str:
    """The document an address names: scheme and host in lower case, no default port, no
    fragment, no trailing slash ("HTTPS://Example.org:443/a/#top" = "https://example.org/a")."""
    text = text_key(text)
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    netloc = host if port is None or str(port) == DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        return text  # not an address we would accept anyway; compare it as typed
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))
