"""`make test` installs what the tests need that pip cannot (issue 23): tests/install-test-tools.sh
run with stand-ins for id, sudo, apt-get and npm on PATH, so no package is really installed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import REPO

SCRIPT = REPO / "tests" / "install-test-tools.sh"


def fake_bin(folder: Path, uid: str, sudo: bool, npm: bool) -> Path:
    """A PATH folder with `id` saying `uid`, `apt-get` that logs its arguments, and, as asked,
    `sudo` that lets anything through and `npm`."""
    folder.mkdir()
    log = folder / "apt.log"
    scripts = {
        "id": f"#!/bin/sh\necho {uid}\n",
        "apt-get": f'#!/bin/sh\necho "$@" >> {log}\n',
    }
    if sudo:
        scripts["sudo"] = '#!/bin/sh\n[ "$1" = "-n" ] && shift\n[ "$1" = "true" ] && exit 0\nexec "$@"\n'
    if npm:
        scripts["npm"] = "#!/bin/sh\nexit 0\n"
    for name, text in scripts.items():
        (folder / name).write_text(text)
        (folder / name).chmod(0o755)
    return folder


def run(tmp_path: Path, uid: str, sudo: bool, npm: bool, chromium: Path) -> tuple[subprocess.CompletedProcess, str]:
    folder = fake_bin(tmp_path / "bin", uid, sudo, npm)
    env = {"PATH": f"{folder}:/usr/bin:/bin", "CHROMIUM": str(chromium), "HOME": str(tmp_path)}
    if not npm:  # hide a real npm under /usr/bin by listing only what the script needs from there
        only = tmp_path / "only"
        only.mkdir()
        for tool in ("sh", "cat", "echo", "true"):
            real = next((Path(d) / tool for d in ("/usr/bin", "/bin") if (Path(d) / tool).exists()), None)
            if real:
                os.symlink(real, only / tool)
        env["PATH"] = f"{folder}:{only}"
    result = subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    log = folder / "apt.log"
    return result, log.read_text() if log.exists() else ""


def test_nothing_is_installed_when_everything_is_there(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    result, apt = run(tmp_path, "1000", sudo=False, npm=True, chromium=chromium)
    assert result.returncode == 0, result.stderr
    assert apt == ""


def test_as_root_the_missing_debian_packages_are_installed(tmp_path):
    result, apt = run(tmp_path, "0", sudo=False, npm=False, chromium=tmp_path / "no-chromium")
    assert result.returncode == 0, result.stderr
    assert "update" in apt
    assert "install -y -q --no-install-recommends" in apt and "chromium" in apt and "nodejs npm" in apt


def test_with_sudo_a_user_gets_them_installed_too(tmp_path):
    result, apt = run(tmp_path, "1000", sudo=True, npm=True, chromium=tmp_path / "no-chromium")
    assert result.returncode == 0, result.stderr
    assert "chromium" in apt and "nodejs" not in apt


def test_without_root_or_sudo_the_one_command_to_run_is_named(tmp_path):
    result, apt = run(tmp_path, "1000", sudo=False, npm=True, chromium=tmp_path / "no-chromium")
    assert result.returncode == 1
    assert apt == ""
    assert "sudo apt-get install -y --no-install-recommends chromium" in result.stderr
