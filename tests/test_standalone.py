"""The standalone build (PyInstaller) runs without Python: version, check, search, a window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "scripts" / "offline-reader.spec"


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the folder once (about 30 s on two cores) and return its program."""
    pytest.importorskip("PyInstaller", reason="pip install -e '.[standalone]'")
    if shutil.which("objdump") is None:
        pytest.skip("PyInstaller needs objdump (Debian package binutils; scripts/setup test)")
    work = tmp_path_factory.mktemp("standalone")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return work / "dist" / "offline-reader" / "offline-reader"


def run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # No PYTHONPATH, no virtual environment on PATH: only what the folder carries.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(program), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first test to run builds the folder: ~30 s, minutes on a busy CPU
def test_version(standalone: Path, tmp_path: Path) -> None:
    result = run(standalone, "--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "offline-reader 0.1.0\n"), result.stderr


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first test to run builds the folder: ~30 s, minutes on a busy CPU
def test_check_passes_on_the_bundled_pack(standalone: Path, tmp_path: Path) -> None:
    content = standalone.parent / "_internal" / "reader" / "_data" / "content"
    result = run(standalone, "check", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first test to run builds the folder: ~30 s, minutes on a busy CPU
def test_search_finds_a_bundled_article(standalone: Path, tmp_path: Path) -> None:
    # A sub-command module is imported by name: the build must carry it all the same.
    result = run(standalone, "search", "ringworm", "--limit", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ringworm" in result.stdout


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first test to run builds the folder: ~30 s, minutes on a busy CPU
def test_screenshot_of_a_bundled_article(standalone: Path, tmp_path: Path) -> None:
    shot = tmp_path / "out.png"
    result = run(
        standalone,
        "--screenshot",
        str(shot),
        "--settings",
        str(tmp_path / "s.ini"),
        "--article",
        "ringworm",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first test to run builds the folder: ~30 s, minutes on a busy CPU
def test_the_build_is_also_the_process_that_converts_pages_ahead(
    standalone: Path, tmp_path: Path
) -> None:
    from reader.library.catalog import Catalog
    from reader.page.ahead import WORKER_FLAG, PackLayout, PageFile, _write

    pack = Catalog(tmp_path / "catalog").load(ROOT / "content")
    article = pack.get("ringworm")
    assert article is not None
    folder = tmp_path / "bodies"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    with subprocess.Popen(
        [str(standalone), WORKER_FLAG, str(folder), pack.fingerprint],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    ) as worker:
        assert worker.stdin is not None and worker.stderr is not None
        _write(worker.stdin, PackLayout.of(pack))
        _write(worker.stdin, (["ringworm"], [PageFile.of(article)], False))
        end = time.monotonic() + 120  # waits for the page; times nothing
        while not list(folder.glob("*.json")) and time.monotonic() < end and worker.poll() is None:
            time.sleep(0.1)
        worker.stdin.close()  # the window's way of saying stop
        assert worker.wait(60) == 0, worker.stderr.read()
    (stored,) = folder.glob("*.json")
    assert "ringworm" in stored.read_text(encoding="utf-8").lower()
