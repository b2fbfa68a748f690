"""The README stays true: CI runs its test command, its options match --help."""

from __future__ import annotations

import re
from pathlib import Path

from reader.cli import gui_parser

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)[:2]


def test_ci_runs_the_readme_test_command() -> None:
    run, test = quick_start_commands()
    assert "offline-reader" in run and "pytest" in test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == test


def test_every_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for action in gui_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag not in {"--help", "--version"}:
                assert f"`{flag}" in readme, flag
