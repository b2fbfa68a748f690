"""The window's search index: built in a thread, its progress and failure in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.find import zimsearch
from reader.gui.window import MainWindow


def test_building_says_how_far_then_that_search_is_ready(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    window.open_article("alpha")
    before = window.recommender
    window.indexing.start(tmp_path / "cache")
    qtbot.waitUntil(lambda: window.search_index is not None, timeout=20_000)
    assert any(m.startswith("Preparing search: ") for m in seen)
    assert window.statusBar().currentMessage() == "Search is ready"
    assert window.recommender is not before  # recommendations now come from the index
    assert [r.slug for r in window.search_index.search("alpha")][:1] == ["alpha"]
    window.indexing.stop()
    assert window.search_index is None


def test_a_failed_index_is_said_and_the_reader_goes_on(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
        raise OSError("disk full")
        yield  # a generator, as the real one is

    monkeypatch.setattr(zimsearch, "open_indexes", broken)
    window.indexing.start(tmp_path / "cache")
    qtbot.waitUntil(lambda: "disk full" in window.statusBar().currentMessage(), timeout=5000)
    assert window.statusBar().currentMessage() == "Search is not available: disk full"
    assert window.search_index is None
    assert window.open_article("beta")
