"""The core never imports Qt."""

import subprocess
import sys

CORE = [
    "reader.library.pack",
    "reader.library.frontmatter",
    "reader.page.links",
    "reader.page.render",
    "reader.find.recommend",
    "reader.history",
    "reader.library.check",
    "reader.cli",
    "reader.paths",
    "reader.library.catalog",
    "reader.library.zim",
    "reader.library.zimcheck",
    "reader.page.zimpage",
    "reader.find.zimsearch",
]


def test_core_modules_do_not_import_pyside6() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + (
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "assert not bad, bad\n"
        )
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
