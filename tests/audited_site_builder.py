"""`site-builder` run with a Python audit hook that writes every network connection and name
lookup the process tries to a log file: `python audited_site_builder.py LOG COMMAND [ARGS]`.
(Connections between its own processes, over Unix sockets, are not network and not logged.)"""

from __future__ import annotations

import sys

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "http.client.connect")


def main() -> int:
    log = open(sys.argv[1], "a", encoding="utf-8")  # noqa: SIM115  open for the process's whole life

    def hook(event: str, args: tuple) -> None:
        if event not in NETWORK_EVENTS:
            return
        if event == "socket.connect" and not isinstance(args[1], tuple):
            return  # a Unix socket: a path, not an address
        log.write(f"{event} {args[1:]!r}\n")
        log.flush()

    sys.addaudithook(hook)
    from site_builder.cli import main as site_builder

    return site_builder(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
