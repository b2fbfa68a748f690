"""Starting a kiosk from the command line: problems go to the log, and it ends cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from benchmarks import synth


@pytest.mark.slow
def test_a_bad_config_is_logged_and_a_screenshot_run_ends_cleanly(tmp_path: Path) -> None:
    pack = tmp_path / "big"  # big enough that its search index is still building at the end
    synth.generate(pack, 3000, words=300, clusters=10, seed=2)
    config = tmp_path / "kiosk.toml"
    config.write_text('kiosk = true\ntheme = "purple"\n', encoding="utf-8")
    shot = tmp_path / "kiosk.png"
    args = ["--config", str(config), "--content", str(pack), "--size", "1024x768"]
    args += ["--settings", str(tmp_path / "s.ini"), "--screenshot", str(shot)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "'theme' = 'purple' is not valid" in result.stderr  # in the log, for staff
    assert "QThread: Destroyed" not in result.stderr
    assert QImage(str(shot)).size().toTuple() == (1024, 768)
