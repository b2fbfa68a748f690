"""The window over a pack built from its catalog: lazy bodies show, changes are noticed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.gui.app import verify_pack_later
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.catalog import Catalog


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
