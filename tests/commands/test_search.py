"""``offline-reader search`` on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.commands import search as search_cli
from tests.locations import FIXTURES, ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = search_cli.main(list(argv))
    return status, capsys.readouterr().out


def test_json_output_parses_with_the_keys(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "spread during treatment", "--json", "--no-cache")
    rows = json.loads(out)
    assert status == 0
    assert rows and all(set(row) == {"slug", "title", "score", "snippet"} for row in rows)
    assert rows[0]["slug"] == "npc-spread-during-treatment"
    assert len(rows) <= 10


def test_plain_output_lists_the_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "blood test", "--limit", "3")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split()[:2] == ["1.", "understanding-blood-test-results"]
    assert sum(1 for line in lines if line[:3].strip().rstrip(".").isdigit()) == 3
    assert "<b>" not in out and "\x1b[" not in out  # not a terminal: plain text


def test_no_results_prints_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "nasophryngeal", "--no-cache")
    assert status == 0
    assert "No articles match" in out
    assert "Did you mean: nasopharyngeal" in out


def test_json_with_no_results_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "zzzqqq", "--json", "--no-cache")
    assert json.loads(out) == []


def test_other_content_folder(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "鼻咽癌", "--content", str(FIXTURES / "cjk-pack"), "--json")
    assert json.loads(out)[0]["slug"] == "npc-early-signs"


def test_missing_content_folder_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status = search_cli.main(["x", "--content", str(tmp_path / "nowhere")])
    assert status == 1
    assert "not found" in capsys.readouterr().err


def test_cache_is_written_to_the_user_cache(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "ringworm")
    # conftest points XDG_CACHE_HOME into tmp_path.
    assert list((tmp_path / "cache" / "offline-reader").glob("search-*.sqlite3"))


def test_dispatched_from_the_main_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["search", "ringworm", "--limit", "1", "--no-cache"]) == 0
    assert capsys.readouterr().out.split()[1] == "ringworm"


def test_snippet_text_bold_only_when_asked() -> None:
    snippet = "a <b>fish</b> &amp; chips"
    assert search_cli.snippet_text(snippet, bold=False) == "a fish & chips"
    assert search_cli.snippet_text(snippet, bold=True) == "a \x1b[1mfish\x1b[0m & chips"


def test_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "ringworm", "--json", "--limit", "2"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    assert json.loads(done.stdout)[0]["slug"] == "ringworm"
