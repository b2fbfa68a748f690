"""How long hostile articles take to render, against a bare Qt document showing the same text.

    python -m benchmarks.hostile

The test suite only asserts that each case of tests/corpus and of the pathological Markdown
list in tests/page/test_hostile_render.py finishes and shows its title; how long each takes is
measured here. For every case: the reader's ``Renderer.article_page`` followed by laying the
page out in a QTextDocument, against the floor — a QTextDocument laying out the same text with
``setPlainText`` (no Markdown, no sanitising) — in the same run. Prints a Markdown table.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.library.loading import load_pack  # noqa: E402
from reader.page.render import Renderer  # noqa: E402
from tests.page.test_hostile_render import PATHOLOGICAL  # noqa: E402

RUNS = 3


def cases() -> dict[str, str]:
    """Every hostile body: the corpus files (UTF-8 or not) and the pathological strings."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "tests" / "corpus").iterdir()):
        if path.name != "README.md":
            found[path.name] = path.read_bytes().decode("utf-8", "replace")
    found.update(PATHOLOGICAL)
    return found


def best(func: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    QApplication(sys.argv[:1])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases().items():
            folder = Path(tmp) / "pack"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            (folder / "pack.toml").write_text('title = "Bench"\n', encoding="utf-8")
            (folder / "case.md").write_text(text, encoding="utf-8", errors="replace")
            pack = load_pack(folder)
            article = pack.articles[0]

            def reader() -> None:
                doc = QTextDocument()
                doc.setHtml(Renderer(pack).article_page(article))  # noqa: B023
                doc.setTextWidth(800)

            def floor() -> None:
                doc = QTextDocument()
                doc.setPlainText(article.body)  # noqa: B023
                doc.setTextWidth(800)

            r, f = best(reader), best(floor)
            rows.append((name, r, f))
    print("| case | reader (s) | floor (s) | ratio |")
    print("|---|---|---|---|")
    for name, r, f in rows:
        print(f"| {name} | {r:.3f} | {f:.3f} | {r / f if f else float('inf'):.1f}× |")
    ratios = [r / f for _, r, f in rows if f]
    worst = max(r for _, r, _ in rows)
    print(f"\nmedian ratio {statistics.median(ratios):.1f}×, worst reader time {worst:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
