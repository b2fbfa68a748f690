"""The window over a pack built from its catalog: lazy bodies show, changes are noticed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.app import verify_pack_later
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.catalog import Catalog
from reader.page import ahead
from reader.page.bodycache import BodyCache


def _window(qtbot: QtBot, root: Path, cache: Path, settings_path: Path) -> MainWindow:
    Catalog(cache).load(root)  # writes the catalog
    pack = Catalog(cache).load(root, full_check=False)
    assert not any(a.body_loaded for a in pack.articles)
    window = MainWindow(pack, Settings.at(settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_lazily_loaded_article_is_shown(
    qtbot: QtBot, small_pack: Path, tmp_path: Path, settings_path: Path
) -> None:
    window = _window(qtbot, small_pack, tmp_path / "cache", settings_path)
    assert window.open_article("gamma")
    assert "The details." in window.view.toPlainText()


def test_a_file_edited_in_place_is_noticed_after_the_first_paint(
    qtbot: QtBot, small_pack: Path, tmp_path: Path, settings_path: Path
) -> None:
    cache = tmp_path / "cache"
    window = _window(qtbot, small_pack, cache, settings_path)
    (small_pack / "two" / "delta.md").write_text(
        "---\ntitle: Delta, edited\ncategory: two\n---\n\nNew delta body.\n", encoding="utf-8"
    )
    verify_pack_later(window, Catalog(cache))
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("The content pack has changed"),
        timeout=5000,
    )
    fresh = Catalog(cache).load(small_pack, full_check=False)
    assert not any(a.body_loaded for a in fresh.articles)  # the catalog was rebuilt
    assert fresh.get("delta") is not None and fresh.get("delta").title == "Delta, edited"  # type: ignore[union-attr]


def test_the_first_start_writes_the_catalog_after_the_first_paint(
    qtbot: QtBot, small_pack: Path, tmp_path: Path, settings_path: Path
) -> None:
    from reader.library import catalog

    cache = tmp_path / "cache"
    service = Catalog(cache)
    pack = service.load(small_pack, full_check=False, defer_save=True)
    window = MainWindow(pack, Settings.at(settings_path))
    qtbot.addWidget(window)
    assert not catalog.catalog_path(small_pack, cache).exists()
    verify_pack_later(window, service)
    qtbot.waitUntil(catalog.catalog_path(small_pack, cache).exists, timeout=5000)
    qtbot.waitUntil(lambda: not service.has_pending, timeout=5000)


def test_pages_turned_back_to_back_were_converted_by_the_other_process(
    qtbot: QtBot,
    small_pack: Path,
    tmp_path: Path,
    settings_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ahead, "cores", lambda: 2)
    cache = tmp_path / "cache"
    window = _window(qtbot, small_pack, cache, settings_path)
    window.renderer.use_disk_cache(cache)
    assert window.open_article("alpha")  # a cold cache: the window converts it
    window.start_reading_ahead()  # as after the first paint
    assert window.ahead is not None and window.ahead.running
    stored = BodyCache(window.renderer.disk_folder or cache, window.pack.fingerprint)
    later = window.pack.following("alpha", 10)
    assert [a.slug for a in later[:3]] == ["beta", "gamma", "delta"]
    qtbot.waitUntil(
        lambda: all(stored.get(stored.key(a.slug, a.body)) for a in later), timeout=120_000
    )
    converted = window.renderer.conversions
    for a in later[:3]:  # Next, Next, Next (Ctrl+PgDown), as fast as the keys go
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert window.current == a.slug
        assert f"{a.title.split()[0]} body." in window.view.toPlainText()
    assert window.renderer.conversions == converted
    window.stop_workers()
    assert not window.ahead.running
