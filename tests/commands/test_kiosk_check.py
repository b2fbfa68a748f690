"""``offline-reader kiosk-check``: every problem of a kiosk.toml, and the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.gui.kiosk.config import hash_pin


def check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    status = main(["kiosk-check", str(path)])
    return status, capsys.readouterr().out


def test_each_problem_is_printed_and_the_status_is_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = check(tmp_path, 'kiosk = true\ntheme = "purple"\nmystery = 1\n', capsys)
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'kiosk.toml'}: error: 'theme' = 'purple'")
    assert "unknown option 'mystery'" in lines[1]


def test_a_good_file_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = f'kiosk = true\ntheme = "dark"\nadmin_pin = "{hash_pin("2468")}"\n'
    status, out = check(tmp_path, text, capsys)
    assert (status, out) == (0, "")


def test_no_pin_is_a_warning_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = check(tmp_path, "kiosk = true\n", capsys)
    assert status == 0
    assert out.strip().endswith("warning: no 'admin_pin': the staff exit is disabled")


def test_a_missing_or_broken_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kiosk-check", str(tmp_path / "nowhere.toml")]) == 1
    assert "file not found" in capsys.readouterr().out
    status, out = check(tmp_path, "kiosk = = true", capsys)
    assert status == 1 and "cannot read it" in out
