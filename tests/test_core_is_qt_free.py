"""The core never imports Qt."""

import subprocess
import sys

CORE = [
    "reader.pack",
    "reader.frontmatter",
    "reader.links",
    "reader.render",
    "reader.recommend",
    "reader.history",
    "reader.check",
    "reader.cli",
    "reader.paths",
    "reader.catalog",
    "reader.platform_check",
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
