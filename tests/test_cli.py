"""The main command line: options are checked, never silently changed."""

from __future__ import annotations

import pytest

from reader.cli import gui_parser


@pytest.mark.parametrize("value", ["300", "10", "big"])
def test_a_text_size_out_of_range_is_refused_not_capped(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        gui_parser().parse_args(["--text-size", value])
    assert stopped.value.code == 2
    assert "--text-size" in capsys.readouterr().err


def test_a_text_size_in_range_is_kept() -> None:
    assert gui_parser().parse_args(["--text-size", "150"]).text_size == 150
