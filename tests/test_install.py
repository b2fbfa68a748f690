"""A normal (non-editable) install carries the bundled pack and resources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_install_opens_the_bundled_pack(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(wheels.glob("offline_reader-*.whl"))
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    probe = (
        "from reader.paths import bundled_dir; from reader.library.loading import load_pack;"
        "p = load_pack(bundled_dir('content'));"
        "print(bundled_dir('content')); print(len(p.articles));"
        "print(bundled_dir('resources').joinpath('article.css').is_file());"
        "print(bundled_dir('resources').joinpath("
        "'desktop', 'io.github.offline_reader.OfflineReader.desktop').is_file());"
        # compiled by hatch_build.py: .qm files are not in git
        "print(bundled_dir('resources').joinpath('translations/offline_reader_zh_CN.qm').is_file())"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert Path(out[0]).is_relative_to(site)
    assert int(out[1]) >= 16
    assert out[2] == "True"
    assert out[3] == "True"  # the desktop files travel with the wheel
    assert out[4] == "True"  # and the compiled translations
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--screenshot",
            str(shot),
            "--settings",
            str(tmp_path / "s.ini"),
            "--article",
            "ringworm",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
