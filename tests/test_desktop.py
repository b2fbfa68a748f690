"""Desktop integration: the .desktop file, AppStream metainfo, icons and --version."""

from __future__ import annotations

import datetime
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parent.parent
DESKTOP_DIR = ROOT / "resources" / "desktop"
APP_ID = "io.github.offline_reader.OfflineReader"
DESKTOP_FILE = DESKTOP_DIR / f"{APP_ID}.desktop"
METAINFO = DESKTOP_DIR / f"{APP_ID}.metainfo.xml"


def validator(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian package {package}; scripts/setup test)")
    return path


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_file_is_valid() -> None:
    result = run(validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_the_desktop_file_starts_the_installed_program_with_its_icon() -> None:
    entry = desktop_entry()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert entry["Exec"] in project["gui-scripts"]
    assert entry["Icon"] == APP_ID


def test_the_metainfo_is_valid(tmp_path: Path) -> None:
    tool = validator("appstreamcli", "appstream")
    result = run(tool, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_screenshots_are_valid_once_given_a_web_address(tmp_path: Path) -> None:
    tool = validator("appstreamcli", "appstream")
    text = METAINFO.read_text(encoding="utf-8")
    block = re.search(
        r"  <!-- Screenshots .*?\n(  <screenshots>.*</screenshots>\n)  -->\n", text, re.S
    )
    assert block is not None
    for name in re.findall(r"DOCS_URL/([\w.-]+)", block[1]):
        assert (ROOT / "docs" / name).is_file(), name
    with_screenshots = tmp_path / METAINFO.name
    with_screenshots.write_text(
        text.replace(block[0], block[1].replace("DOCS_URL", "https://example.org/docs")),
        encoding="utf-8",
    )
    result = run(tool, "validate", "--no-net", str(with_screenshots))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<screenshots>" in with_screenshots.read_text(encoding="utf-8")


def test_the_metainfo_names_this_release_and_the_desktop_file() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("project_license") == "GPL-3.0-or-later"
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
    assert datetime.date.fromisoformat(newest.get("date", "")) <= datetime.date.today()
    assert newest.find("description") is not None


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [48, 64, 128, 256])
def test_the_icon_comes_in_bitmap_sizes(size: int) -> None:
    png = DESKTOP_DIR / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(png) == (size, size)


def test_the_scalable_icon_is_the_window_icon() -> None:
    scalable = DESKTOP_DIR / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    window_icon = ROOT / "resources" / "icons" / "offline-reader.svg"
    assert scalable.read_bytes() == window_icon.read_bytes()


def test_version() -> None:
    result = run(sys.executable, "-m", "reader", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "offline-reader 0.1.0\n"
