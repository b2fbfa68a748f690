"""The README stays true: CI runs its test command, its options match --help."""

from __future__ import annotations

import re
from pathlib import Path

from reader.cli import gui_parser

ROOT = Path(__file__).resolve().parent.parent


def quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def quick_start_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", quick_start(), re.S)


def test_quick_start_is_two_commands_of_the_setup_script() -> None:
    assert quick_start_commands() == ["sh scripts/setup run", "sh scripts/setup test"]
    assert quick_start().count("```") == 4  # nothing else to type


def test_ci_runs_the_readme_test_command() -> None:
    _run, test = quick_start_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == test


def test_the_library_list_lives_only_in_the_setup_script() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"\blibxcb-\w", text), doc.name


def test_every_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for action in gui_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag not in {"--help", "--version"}:
                assert f"`{flag}" in readme, flag
