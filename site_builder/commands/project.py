"""The project folder a command works on, checked once for every command that builds."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root(root: Path) -> Path | None:
    """`root` resolved, or None (with the reason on stderr) when it holds no datapackages/ or mkdocs.yml."""
    root = root.resolve()
    if not (root / "datapackages").is_dir() or not (root / "mkdocs.yml").is_file():
        print(
            f"{root}: not the project folder (no datapackages/ or mkdocs.yml); run from the project root or pass --root.",
            file=sys.stderr,
        )
        return None
    return root
