"""A library installed while the reader runs is picked up: Reload on a desktop, at the next
idle reset on a kiosk; the article on screen stays if the new library has it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.config import KioskConfig
from reader.gui.kiosk.controller import KioskController
from reader.gui.library_watch import LibraryWatcher, ReloadOffer, follow_updates
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.archive import build, install
from reader.library.catalog import Catalog
from tests.conftest import PackBuilder, article


@pytest.fixture
def versions(make_pack: PackBuilder, tmp_path: Path) -> tuple[Path, Path]:
    """Two archives of a library: the second changes alpha and adds gamma."""
    first = make_pack({"one/alpha.md": article("Alpha", "Old text.", category="one")})
    build(first, tmp_path / "v1.zip")
    (first / "one" / "alpha.md").write_text(article("Alpha", "New text.", category="one"))
    (first / "one" / "gamma.md").write_text(article("Gamma", "Added.", category="one"))
    build(first, tmp_path / "v2.zip")
    return tmp_path / "v1.zip", tmp_path / "v2.zip"


def open_window(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, v1: Path, kiosk: bool
) -> tuple[MainWindow, Path, LibraryWatcher]:
    install(v1, tmp_path / "lib")
    link = tmp_path / "lib" / "current"
    catalog = Catalog(tmp_path / "cache")
    window = MainWindow(catalog.load(link), Settings.at(settings_path))
    qtbot.addWidget(window)
    if kiosk:
        window.kiosk_controller = KioskController(  # type: ignore[attr-defined]
            window, KioskConfig(kiosk=True, on_screen_keyboard=False)
        )
    window.show()
    watcher = follow_updates(window, link, catalog, tmp_path / "cache", kiosk)
    window.open_article("alpha")
    return window, link, watcher


def test_the_desktop_offers_reload_and_keeps_the_article(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, versions: tuple[Path, Path]
) -> None:
    window, link, _watcher = open_window(qtbot, tmp_path, settings_path, versions[0], False)
    assert "Old text." in window.view.toPlainText()
    install(versions[1], tmp_path / "lib")  # while the page is open
    qtbot.waitUntil(lambda: window.findChild(ReloadOffer) is not None, timeout=10_000)
    assert "Old text." in window.view.toPlainText()  # nothing changes under the reader
    offer = window.findChild(ReloadOffer)
    assert offer is not None
    offer.click()
    assert window.pack.root == link.resolve()
    assert window.current == "alpha" and "New text." in window.view.toPlainText()
    assert window.pack.get("gamma") is not None


def test_the_kiosk_changes_library_at_the_next_reset(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, versions: tuple[Path, Path]
) -> None:
    window, link, watcher = open_window(qtbot, tmp_path, settings_path, versions[0], True)
    old_root = window.pack.root
    with qtbot.waitSignal(watcher.updated, timeout=10_000):
        install(versions[1], tmp_path / "lib")
    qtbot.wait(100)
    # A visitor may be reading: nothing changes until the terminal resets.
    assert window.pack.root == old_root and window.findChild(ReloadOffer) is None
    window.kiosk_controller.reset()  # type: ignore[attr-defined]
    assert window.pack.root == link.resolve()
    assert window.pack.get("gamma") is not None
