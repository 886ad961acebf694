"""The Zensical build of one edition, strict: `zensical build --strict --clean`, in its own process.

Zensical writes only inside its project (the folder of its configuration: build/), so each
edition is built into a folder there and then moved into the output (English at its root, the
other editions in their folders), after the hooks' work on its HTML (zensical_pages.py). Its configuration is the edition's, written beside it as
zensical*.yml with that folder as `site_dir`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from site_builder.dataset.dates import epoch_of
from site_builder.errors import BuildError
from site_builder.publish.zensical_pages import finish_pages

SHOWN_LINES = 30  # of Zensical's output, in the error of a failed build


def zensical_config(config_file: Path) -> tuple[Path, Path, dict]:
    """Write the Zensical copy of an edition's configuration; (its file, the folder it builds
    into, the configuration)."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    stem = config_file.stem.removeprefix("mkdocs")  # "" or ".vi"
    target = config_file.parent / f"zensical-site{stem}"
    config["site_dir"] = target.name
    copy = config_file.with_name(f"zensical{stem}.yml")
    copy.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy, target, config


def run_zensical(config_file: Path, output: Path, build_date: str) -> None:
    """Build one edition with Zensical into `output`; BuildError with Zensical's words if it fails."""
    copy, target, config = zensical_config(config_file)
    shutil.rmtree(target, ignore_errors=True)
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch_of(build_date))}
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(copy), "--strict", "--clean"]
    result = subprocess.run(command, cwd=copy.parent, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not target.is_dir():
        lines = (result.stdout + result.stderr).strip().splitlines()[-SHOWN_LINES:]
        raise BuildError(f"Zensical could not build the site from {copy}:" + "".join(f"\n  {line}" for line in lines))
    finish_pages(target, (config.get("extra") or {}).get("hand_written_pages") or [])
    output.mkdir(parents=True, exist_ok=True)
    for entry in sorted(target.iterdir()):
        destination = output / entry.name
        if destination.exists():
            raise BuildError(f"Zensical wrote {entry.name}, which another edition's build already wrote into {output}.")
        shutil.move(str(entry), destination)
    target.rmdir()
