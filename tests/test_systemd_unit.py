"""The shipped systemd user unit is one systemd accepts, and it says what docs/kiosk.md says."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest

from reader.gui.kiosk.controller import ADMIN_EXIT_CODE
from reader.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent
UNIT = "offline-reader-kiosk.service"
INSTALLED = "/opt/offline-reader/bin/offline-reader"  # where docs/kiosk.md installs the reader


def service_section() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(resource_path(f"systemd/{UNIT}").read_text(encoding="utf-8"))
    return parser["Service"]


def test_systemd_accepts_the_unit() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("needs systemd-analyze (apt install systemd; .ci/run installs it)")
    reader = Path(sys.executable).parent / "offline-reader"
    if not reader.is_file():
        pytest.skip(f"no {reader} to stand in for {INSTALLED}")
    text = resource_path(f"systemd/{UNIT}").read_text(encoding="utf-8")
    assert INSTALLED in text
    with tempfile.TemporaryDirectory() as folder:
        # verify checks that ExecStart= can run: point it at this venv's reader.
        unit = Path(folder) / UNIT
        unit.write_text(text.replace(INSTALLED, str(reader)), encoding="utf-8")
        runtime = Path(folder) / "run"
        runtime.mkdir(mode=0o700)
        result = subprocess.run(
            ["systemd-analyze", "--user", "verify", str(unit)],
            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
    # systemd only warns about an unknown key or a bad value and still exits with 0.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_unit_starts_the_kiosk_and_stops_after_the_admin_exit() -> None:
    service = service_section()
    assert service["ExecStart"].split()[:2] == [INSTALLED, "--kiosk"]
    assert service["RestartPreventExitStatus"] == str(ADMIN_EXIT_CODE)
    assert service["SuccessExitStatus"] == str(ADMIN_EXIT_CODE)
    assert service["Restart"] == "always"


def test_the_kiosk_doc_uses_the_shipped_unit() -> None:
    doc = (ROOT / "docs" / "kiosk.md").read_text(encoding="utf-8")
    assert f"resources/systemd/{UNIT}" in doc
    assert f"ExecStart={INSTALLED}" not in doc  # no second copy to drift from the file
    # The copy command finds the unit where a wheel puts resources/.
    force = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]
    installed_resources = force["build"]["targets"]["wheel"]["force-include"]["resources"]
    assert f"site-packages/{installed_resources}/systemd/{UNIT}" in doc
