"""scripts/setup installs the right system packages, the right way, and names them elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.platform_check import FONT_PACKAGES, GUI_LIBRARIES, LIBRARIES

ROOT = Path(__file__).resolve().parent.parent
SETUP = ROOT / "scripts" / "setup"


def setup(*args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path} if path else None
    return subprocess.run(
        ["sh", str(SETUP), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def packages(step: str) -> list[str]:
    result = setup("packages", step)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_window_gets_every_library_the_platform_check_knows() -> None:
    assert sorted(set(packages("run"))) == sorted({*LIBRARIES.values(), *FONT_PACKAGES})


def test_the_tests_get_the_gui_libraries_and_the_validators_of_the_desktop_files() -> None:
    needed = {
        *GUI_LIBRARIES.values(),
        *FONT_PACKAGES,
        "desktop-file-utils",
        "appstream",
        "binutils",
    }
    assert sorted(needed - set(packages("test"))) == []
    assert "libxcb-keysyms1" not in packages("test")  # no window in the tests


def test_an_unknown_step_fails() -> None:
    result = setup("system", "everything")
    assert result.returncode == 2
    assert "unknown step" in result.stderr


def fake_system(tmp_path: Path, *, uid: int, sudo: bool, apt: bool = True) -> tuple[str, Path]:
    """Return a PATH whose apt-get, dpkg-query, id and sudo only log, and the log file."""
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    for tool in ("sh", "grep", "sed", "cat", "dirname"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    stubs = {
        "python3": f'exec {sys.executable} "$@"',
        "id": f"echo {uid}",
        "dpkg-query": "exit 1",  # nothing is installed yet
    }
    if apt:
        stubs["apt-get"] = f'echo "apt-get $*" >> {log}'
    if sudo:
        stubs["sudo"] = f'echo sudo >> {log}; "$@"'
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return str(bin_dir), log


def test_root_installs_with_apt_get(tmp_path: Path) -> None:
    path, log = fake_system(tmp_path, uid=0, sudo=True)
    assert setup("system", "test", path=path).returncode == 0
    lines = log.read_text().splitlines()
    assert lines[0] == "apt-get update -qq"
    assert lines[1].startswith("apt-get install -y -qq --no-install-recommends ")
    assert set(packages("test")) <= set(lines[1].split())
    assert "sudo" not in lines


def test_a_user_installs_through_sudo(tmp_path: Path) -> None:
    path, log = fake_system(tmp_path, uid=1000, sudo=True)
    result = setup("system", "run", path=path)
    assert result.returncode == 0
    assert log.read_text().splitlines()[:3] == ["sudo", "apt-get update -qq", "sudo"]
    assert "installing system packages with sudo:" in result.stderr


@pytest.mark.parametrize(
    ("uid", "apt", "said"),
    [(1000, True, "not root and no sudo"), (0, False, "no apt-get here")],
)
def test_otherwise_it_names_the_packages_and_carries_on(
    tmp_path: Path, uid: int, apt: bool, said: str
) -> None:
    path, log = fake_system(tmp_path, uid=uid, sudo=False, apt=apt)
    result = setup("system", "run", path=path)
    assert result.returncode == 0
    assert said in result.stderr
    assert "libxcb-keysyms1" in result.stderr
    assert not log.exists()
