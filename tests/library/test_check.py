"""`python -m reader check`: one line per problem, exit status."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.library.check import check_pack
from tests.conftest import PackBuilder, article


def test_bad_pack_lists_problems_with_lines(make_pack: PackBuilder, capsys: object) -> None:
    root = make_pack(
        {
            "a.md": article(
                "A",
                "Intro.\n\nSee [b](b.md), [gone](gone.md).\n\n![pic](missing.png)\n\n"
                "![evil](../../etc/passwd)\n",
            ),
            "b.md": article("B"),
            "c.md": "---\ntitle: [oops\n---\nBody\n",
        }
    )
    code = main(["check", str(root)])
    out = capsys.readouterr().out.splitlines()  # type: ignore[attr-defined]
    assert code == 1
    assert (
        f"{root.as_posix()}/a.md:7: error: broken link 'gone.md': no article 'gone.md' in this pack"
        in out
    )
    assert any(
        line.startswith(f"{root.as_posix()}/a.md:9: error: missing image 'missing.png'")
        for line in out
    )
    assert any(
        line.startswith(f"{root.as_posix()}/a.md:11: error: image '../../etc/passwd' refused")
        for line in out
    )
    assert any(line.startswith(f"{root.as_posix()}/c.md:2: error: invalid YAML") for line in out)


def test_clean_pack_exits_zero(small_pack: Path, capsys: object) -> None:
    # small_pack has one deliberately missing image; remove it to get a clean pack.
    alpha = small_pack / "one" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("![Lost picture](nowhere.png)", ""))
    assert main(["check", str(small_pack)]) == 0
    assert capsys.readouterr().out == "5 articles, no problems.\n"  # type: ignore[attr-defined]


def test_warnings_fail_only_when_strict(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A", related=["ghost"])})
    assert main(["check", str(root)]) == 0
    assert main(["check", "--strict", str(root)]) == 1


def test_stale_review_is_listed(make_pack: PackBuilder) -> None:
    root = make_pack({"old.md": article("Old", reviewed="2019-02-01", reviewed_by="Dr A, GP")})
    _pack, problems = check_pack(root, today=dt.date(2026, 11, 27))
    assert [(p.line, p.message) for p in problems if "review" in p.message] == [
        (3, "review due since 2022-02-01 (last reviewed on 2019-02-01; review_every_months = 36)")
    ]
    _pack, problems = check_pack(root, today=dt.date(2022, 1, 31))
    assert not [p for p in problems if "review" in p.message]  # one day before it is due
    _pack, problems = check_pack(root, today=dt.date(2022, 2, 1))
    assert [p for p in problems if "review due since 2022-02-01" in p.message]  # the day itself


def test_missing_folder(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nothing")]) == 1


def test_check_runs_as_a_module_without_qt(small_pack: Path) -> None:
    code = (
        "import runpy, sys; sys.argv = ['reader', 'check', sys.argv[1]];"
        "\ntry: runpy.run_module('reader', run_name='__main__')"
        "\nexcept SystemExit: pass"
        "\nassert 'PySide6' not in sys.modules, 'check imported Qt'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(small_pack)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "nowhere.png" in result.stdout


def test_urgency_boxes_sources_and_references_are_checked(make_pack: PackBuilder) -> None:
    body = "\n".join(
        [
            "Text with a reference.[^nhs] And a footnote.[^1] And a typo.[^nsh]",
            "",
            '!!! urgent "My own title"',
            "    Same day.",
            "",
            "More text.",
            "",
            "!!! emergency",
            "    Call now.",
            "",
            "[^1]: A footnote.",
            "",
            "```",
            "!!! emergency",
            "[^inside-code]",
            "```",
        ]
    )
    text = (
        "---\ntitle: A\nsources:\n  - id: nhs\n    title: Chest pain\n    publisher: NHS\n"
        "  - id: vague\n    title: A book somebody read\n---\n\n" + body + "\n"
    )
    root = make_pack({"a.md": text})
    _pack, problems = check_pack(root)
    found = [(p.line, p.severity, p.message) for p in problems if p.path == "a.md" and p.line != 1]
    assert found == [
        (
            7,
            "warning",
            "source 'A book somebody read' has neither a 'url' nor a 'publisher'; readers "
            "cannot check it (write it as an entry with 'title', 'publisher' and 'url')",
        ),
        (
            11,
            "warning",
            "reference [^nsh] names no source: add a source with 'id: nsh' "
            "(or a footnote '[^nsh]: ...')",
        ),
        (
            13,
            "warning",
            "the reader writes the heading of a 'urgent' box; the title \"My own title\" "
            "is not shown",
        ),
        (
            18,
            "warning",
            "the emergency box starts on line 9 of 17 of the text, after its first third; "
            "put emergency signs near the top",
        ),
    ]


def test_an_emergency_box_in_the_first_third_is_fine(make_pack: PackBuilder) -> None:
    body = "Intro.\n\n!!! emergency\n    Call now.\n\n" + "More.\n\n" * 3
    _pack, problems = check_pack(make_pack({"a.md": article("A", body, category="one")}))
    assert [p for p in problems if p.path == "a.md"] == []


def test_a_review_without_a_reviewer_fails_check(make_pack: PackBuilder, capsys: object) -> None:
    root = make_pack({"a.md": article("A", category="one", reviewed="2026-01-02")})
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"{root.as_posix()}/a.md:4: error: 'reviewed' without 'reviewed_by'" in out


def test_readability_grades_are_printed(small_pack: Path, capsys: object) -> None:
    main(["check", "--readability", str(small_pack)])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "Flesch–Kincaid grade" in out
    assert re.search(
        rf"{re.escape(small_pack.as_posix())}/one/alpha\.md: text -?\d+\.\d, summary", out
    )


def test_readability_without_textstat_says_how_to_install(
    small_pack: Path, capsys: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "textstat", None)  # import fails
    assert main(["check", "--readability", str(small_pack)]) == 1
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "pip install 'offline-reader[readability]'" in err
