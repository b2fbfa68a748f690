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
from reader.commands.common import snippet_matches, snippet_text
from tests.locations import FIXTURES, ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = search_cli.main(list(argv))
    return status, capsys.readouterr().out


def test_json_output_parses_with_the_keys(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "spread during treatment", "--json", "--no-cache")
    rows = json.loads(out)
    assert status == 0
    assert rows and all(
        set(row) == {"slug", "title", "relevance", "snippet", "matches"} for row in rows
    )
    assert rows[0]["slug"] == "npc-spread-during-treatment"
    assert len(rows) <= 10


def test_json_snippets_are_plain_text_with_match_offsets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out = run(capsys, "ringworm", "--json", "--no-cache")
    rows = json.loads(out)
    assert all("<b>" not in row["snippet"] for row in rows)
    first = rows[0]
    assert first["matches"], first
    for start, end in first["matches"]:
        assert first["snippet"][start:end].casefold().startswith("ringworm")


def test_relevance_is_on_one_scale_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "blood", "--json", "--no-cache")
    relevance = [row["relevance"] for row in json.loads(out)]
    assert relevance[0] == 1.0
    assert relevance == sorted(relevance, reverse=True)
    assert all(0.0 <= r <= 1.0 for r in relevance)


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_a_limit_below_one_is_refused(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        search_cli.main(["blood", "--limit", limit])
    assert stopped.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_a_query_reads_the_pack_from_its_catalog(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "ringworm")  # the first query writes the catalog and the index
    assert list((tmp_path / "cache" / "offline-reader").glob("catalog-*.catalog"))
    from reader.library import loading

    def no_full_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("every file was read again")

    monkeypatch.setattr(loading, "load_files", no_full_read)
    monkeypatch.setattr("reader.library.catalog.load_files", no_full_read)
    status, out = run(capsys, "ringworm")
    assert status == 0 and out.split()[1] == "ringworm"


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        f"'{sys.executable}' -m reader search the --limit 50 | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=ROOT,
    )
    assert done.stdout.strip()
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_stderr_is_quiet_unless_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "ringworm", "--json")
    assert capsys.readouterr().err == ""


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
    assert snippet_text(snippet, bold=False) == "a fish & chips"
    assert snippet_text(snippet, bold=True) == "a \x1b[1mfish\x1b[0m & chips"
    assert snippet_matches(snippet) == ("a fish & chips", [(2, 6)])


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
