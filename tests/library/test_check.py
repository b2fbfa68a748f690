"""`python -m reader check`: one line per problem, exit status."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

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
    root = make_pack({"old.md": article("Old", reviewed="2019-02-01")})
    _pack, problems = check_pack(root, today=dt.date(2026, 11, 27))
    assert any("last reviewed on 2019-02-01" in p.message for p in problems)


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
