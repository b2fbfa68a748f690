"""``check``, ``search`` and ``related`` on a ZIM archive."""

from __future__ import annotations

import json

import pytest

from reader.cli import main as cli_main
from reader.find import zimsearch
from tests.zimfiles import POOR, WIKIPEDIA, ZIM_DATA


def test_search_finds_a_word_in_the_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zimsearch, "SNIPPET_BUDGET_S", 60.0)  # however busy the machine is
    status = cli_main(["search", "glaucoma", "--content", str(WIKIPEDIA), "--json", "--no-cache"])
    rows = json.loads(capsys.readouterr().out)
    assert status == 0
    assert rows[0]["slug"] == "A/Ray_Charles"
    first = rows[0]
    assert any(first["snippet"][a:b] == "glaucoma" for a, b in first["matches"])


def test_search_says_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli_main(["search", "bluse", "--content", str(WIKIPEDIA), "--no-cache"])
    assert status == 0
    assert "Did you mean: blues?" in capsys.readouterr().out


def test_related_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli_main(["related", "A/Ray_Charles", "--content", str(WIKIPEDIA), "--no-cache"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith(" 1. ") and "Also about:" in out


def test_check_reports_warnings_of_a_good_archive(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli_main(["check", str(POOR)])
    captured = capsys.readouterr()
    assert status == 0
    assert "warning: the archive has no main page" in captured.out
    assert "dangling_link.html:1: warning: broken link 'A/non_existent.html'" in captured.out


def test_check_names_the_file_and_libzims_reason(capsys: pytest.CaptureFixture[str]) -> None:
    path = ZIM_DATA / "nons_invalid.smaller_than_header.zim"
    status = cli_main(["check", str(path)])
    assert status == 1
    assert capsys.readouterr().err == (
        f"{path}: error: nons_invalid.smaller_than_header.zim: not a readable ZIM archive: "
        "zim-file is too small to contain a header\n"
    )


def test_check_finds_an_unreadable_entry(capsys: pytest.CaptureFixture[str]) -> None:
    path = ZIM_DATA / "withns_invalid.outofbounds_first_clusterptr.zim"
    assert cli_main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "A/main.html:1: error: cannot be read: Cannot read after the end of the reader" in out


@pytest.mark.parametrize("name", ["nons_small.zim.embedded", "withns_small.zim.embedded.multi"])
def test_check_opens_any_file_as_an_archive(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert cli_main(["check", str(ZIM_DATA / name)]) == 1
    assert f"{name}: not a readable ZIM archive: Invalid magic number" in capsys.readouterr().err


def test_search_gives_snippets_on_its_first_and_only_search(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = cli_main(["search", "glaucoma", "--content", str(WIKIPEDIA), "--no-cache"])
    assert status == 0
    assert "due to glaucoma" in capsys.readouterr().out
