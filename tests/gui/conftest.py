"""Fixtures that build the real main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.language import Translators
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.loading import load_pack
from scripts import translations

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that opens a real modal dialog fails at once instead of hanging."""

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a real dialog was opened; patch it in the test")

    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QInputDialog, "getText", refuse)
    for name in ("about", "critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path) -> WindowFactory:
    """Build a shown main window over a pack folder; external opens are recorded, not run."""

    def build(root: Path, **kwargs: object) -> MainWindow:
        opened: list[str] = []
        window = MainWindow(
            load_pack(root),
            Settings.at(settings_path),
            open_external=lambda url: opened.append(url.toString()) or True,
            **kwargs,  # type: ignore[arg-type]
        )
        window.opened_externally = opened  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return build


@pytest.fixture
def window(make_window: WindowFactory, small_pack: Path) -> MainWindow:
    w = make_window(small_pack)
    w.show_home()
    return w


@pytest.fixture(scope="session")
def qm_folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The catalogues compiled as the build does, into a folder of the tests' own."""
    folder = tmp_path_factory.mktemp("qm")
    translations.compile_all(folder)
    return str(folder)


@pytest.fixture
def translators(qapp: QApplication, qm_folder: str) -> Iterator[Translators]:
    """The interface in English, switchable (``set_language``); English again afterwards."""
    installed = Translators(qapp, qm_folder)
    installed.install("en")
    yield installed
    for translator in installed.installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))
