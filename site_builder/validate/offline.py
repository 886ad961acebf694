"""Frictionless without a network: while it validates, it has no way to open an address.

The descriptor frictionless sees is ours (the code's schemas and paths, pinned.py), so it has
nothing to fetch. This is the second wall: its HTTP session refuses every request, and a
plugin consulted before its own refuses every loader but local files (remote, S3, SQL ...),
so a reference that slipped through is an error in the report, never a request.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import requests
from frictionless import FrictionlessException, Plugin, errors, system

PLUGIN_NAME = "site-builder-offline"
LOCAL_SCHEMES = ("file", "")


class NoNetworkSession(requests.Session):
    """An HTTP session that refuses every request before any connection is made."""

    def request(self, method, url, *args, **kwargs):  # noqa: ARG002  the signature requests calls
        raise requests.ConnectionError(f"site-builder opens no network connection (asked for {str(url)[:200]})")

    def send(self, request, **kwargs):
        raise requests.ConnectionError(f"site-builder opens no network connection (asked for {str(request.url)[:200]})")


class OfflinePlugin(Plugin):
    """Refuses to load a resource from anywhere but a local file or memory."""

    def create_loader(self, resource):
        scheme = (resource.scheme or "").lower()
        if resource.memory or scheme in LOCAL_SCHEMES:
            return None  # frictionless's own local loader takes it
        note = f'"{scheme}" addresses are not read: site-builder reads only files of the package, never the network'
        raise FrictionlessException(errors.SchemeError(note=note))


@contextmanager
def offline() -> Iterator[None]:
    """Frictionless with the refusing session, untrusted (paths stay inside the package's
    folder), restored afterwards; and the offline plugin, registered once for the process (a
    registration makes frictionless look for plugins again, which takes a while)."""
    if PLUGIN_NAME not in system.plugins:
        system.register(PLUGIN_NAME, OfflinePlugin())
        # register() forgets the plugins it found only once their methods were asked for.
        for cached in ("plugins", "methods"):
            vars(system).pop(cached, None)
    with system.use_context(http_session=NoNetworkSession(), trusted=False):
        yield
