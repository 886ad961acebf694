"""The same commit builds the same bytes on another machine (issue 23): the real site built again
in a new process by a user with a decoy font of the charts' family in ~/.fonts, another time
zone, locale and umask, and (as root, where `unshare` can) with the system's fonts hidden, is
byte for byte the session's build, file modes included."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from test_chart_fonts import decoy_font

from fixtures.build.project import REPO

BUILD = (
    "import sys; from pathlib import Path; from site_builder.pipeline import BuildPaths, build_site; "
    "build_site(BuildPaths.for_project(Path(sys.argv[1]), site_dir=Path(sys.argv[2]), work_dir=Path(sys.argv[3])), "
    "progress=lambda line: None)"
)
SYSTEM_FONTS = "/usr/share/fonts"


def can_hide_system_fonts() -> bool:
    """Root with a working `unshare -m`: the build's mount namespace gets an empty /usr/share/fonts."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and folder under `root`: its bytes (b"" for a folder) and its mode."""
    found = {}
    for path in sorted(root.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        found[path.relative_to(root).as_posix()] = (b"" if path.is_dir() else path.read_bytes(), mode)
    return found


def test_another_machine_builds_the_same_site_byte_for_byte(real_site, tmp_path):
    home = tmp_path / "home"
    decoy_font(home)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "TZ": "Pacific/Kiritimati",  # UTC+14: another date than UTC for ten hours a day
        "LANG": "vi_VN.UTF-8",
        "LC_ALL": "C",
    }
    env.pop("FONTCONFIG_FILE", None)
    command = [sys.executable, "-c", BUILD, str(REPO), str(tmp_path / "site"), str(tmp_path / "build")]
    shell = 'umask 077 && exec "$@"'
    hidden = can_hide_system_fonts()
    if hidden:
        shell = f"mount -t tmpfs tmpfs {SYSTEM_FONTS} && " + shell
        command = ["unshare", "-m", "sh", "-c", shell, "build", *command]
    else:
        command = ["sh", "-c", shell, "build", *command]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]

    ours, theirs = tree(real_site), tree(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:5]}"
    assert any(name.endswith(".svg") for name in ours)  # charts were drawn in both builds
