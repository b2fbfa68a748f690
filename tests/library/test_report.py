"""Grouped problem lists: counted, errors first, a few lines per file, quiet command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.library.pack import Problem
from reader.library.report import PER_FILE, summarize
from tests.conftest import PackBuilder, article


def test_a_problem_repeated_in_a_file_is_one_line() -> None:
    problems = [Problem("a.md", n, f"'<tag{n}>' is not HTML", "warning") for n in range(1000)]
    assert summarize(problems) == ["a.md:1: warning: '<tag0>' is not HTML (and 999 more like it)"]


def test_each_file_gets_a_few_lines_and_a_count_of_the_rest() -> None:
    problems = [Problem("a.md", n, f"problem number {chr(97 + n)}", "warning") for n in range(9)]
    lines = summarize(problems)
    assert len(lines) == PER_FILE + 1
    assert lines[-1] == f"a.md: … and {9 - PER_FILE} more problem(s) in this file"


def test_errors_come_first() -> None:
    problems = [
        Problem("a.md", 1, "no 'title'", "warning"),
        Problem("z.md", 1, "file is empty; skipped", "error"),
    ]
    assert summarize(problems) == [
        "z.md:1: error: file is empty; skipped",
        "a.md:1: warning: no 'title'",
    ]


def test_unknown_keys_are_one_line_for_the_pack() -> None:
    problems = [
        Problem(f"p{n:02}.md", 2, "unknown front matter keys: layout, permalink", "warning")
        for n in range(20)
    ] + [Problem("q.md", 2, "unknown front matter keys: layout", "warning")]
    assert summarize(problems) == [
        "p00.md:2: warning: unknown front matter keys are ignored, in 21 files: "
        "layout (21), permalink (20)"
    ]


def test_a_warning_in_many_files_is_one_line() -> None:
    problems = [
        Problem(f"f{n}.md", 1, "no 'title'; using the first heading", "warning") for n in range(8)
    ]
    problems.append(Problem("x.md", 4, "broken link 'a.md'", "error"))
    assert summarize(problems) == [
        "x.md:4: error: broken link 'a.md'",
        "f0.md:1: warning: no 'title'; using the first heading — also in 7 more files "
        "(f1.md, f2.md, f3.md and 4 others)",
    ]


def test_check_prints_the_summary_and_every_line_with_all(
    make_pack: PackBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "\n\n".join(f"Type <name {n}> here." for n in range(50))
    root = make_pack({"a.md": article("A", body)}, 'title = "T"\n')
    assert main(["check", str(root)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{root.as_posix()}/a.md:5: warning: '<name 0>' is not HTML; it is shown as text "
        "(write &lt; to say so) (and 49 more like it)"
    ]
    assert captured.err == "1 articles: 0 error(s), 50 warning(s)\n"
    main(["check", "--all", str(root)])
    assert len(capsys.readouterr().out.splitlines()) == 50


def test_search_json_keeps_stderr_quiet(make_pack: PackBuilder) -> None:
    files = {f"a{n}.md": f"---\ntitle: A{n}\nlayout: x\n---\n\nFlu text.\n" for n in range(5)}
    files["bad.md"] = "---\ntitle: [\n---\n\nBroken front matter, flu.\n"
    root = make_pack(files)
    command = [sys.executable, "-m", "reader", "search", "flu", "--json", "--no-cache"]
    result = subprocess.run(
        [*command, "--content", str(root)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and json.loads(result.stdout)
    assert result.stderr == ""
    verbose = subprocess.run(
        [*command, "-v", "--content", str(root)], capture_output=True, text=True, check=False
    )
    assert "invalid YAML" in verbose.stderr
