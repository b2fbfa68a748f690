"""The window on a ZIM archive: main page, sidebar, links, images, search, kiosk, bad files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.app import open_archive, start_page
from reader.gui.kiosk.config import KioskConfig
from reader.gui.kiosk.controller import KioskController
from reader.gui.models import REASON_ROLE
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.zim import open_zim
from reader.page.zimpage import MAX_TABLE_DEPTH
from tests.zimfiles import CORNER_CASES, WIKIPEDIA, ZIM_DATA, png, write_zim

ZimWindow = Callable[..., MainWindow]


@pytest.fixture
def zim_window(qtbot: QtBot, settings_path: Path) -> ZimWindow:
    """Build a shown window over an archive, as ``app.run`` does; outside links are recorded."""

    def build(path: Path, **kwargs: object) -> MainWindow:
        opened: list[str] = []
        pack = open_zim(path)
        window = MainWindow(
            pack,
            Settings.at(settings_path),
            open_external=lambda url: opened.append(url.toString()) or True,
            **kwargs,  # type: ignore[arg-type]
        )
        window.view.set_resource_reader(pack.read_resource)
        window.opened_externally = opened  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


def test_starts_on_the_main_page(zim_window: ZimWindow) -> None:
    window = zim_window(WIKIPEDIA)
    start_page(window, None, home=False)
    assert window.current == "A/index"
    assert window.windowTitle() == "Main Page — Ray Charles"


def test_the_sidebar_lists_the_articles(zim_window: ZimWindow) -> None:
    window = zim_window(WIKIPEDIA)
    model = window.sidebar.tree.model()
    assert model.rowCount() == 1  # one list: a small archive
    assert model.rowCount(model.index(0, 0)) == 129
    first = model.index(0, 0, model.index(0, 0))
    assert first.data() == "A Fool for You"


def test_a_link_between_entries_opens_the_entry(zim_window: ZimWindow) -> None:
    window = zim_window(WIKIPEDIA)
    assert window.open_article("A/Ray_Charles")
    assert "due to glaucoma" in window.view.toPlainText()
    window.links.open(QUrl("article:A/The_Raelettes"))
    assert window.current == "A/The_Raelettes"
    assert window.sidebar.tree.currentIndex().data() == "The Raelettes"


def test_an_encoded_path_opens_through_the_router(zim_window: ZimWindow) -> None:
    window = zim_window(CORNER_CASES)
    window.links.open(QUrl("article:c%23.html"))
    assert window.pack.get(window.current or "") is not None
    assert window.windowTitle().startswith("C# — ")


def test_outside_links_open_outside(zim_window: ZimWindow) -> None:
    window = zim_window(WIKIPEDIA)
    window.open_article("A/Ray_Charles")
    window.links.open(QUrl("http://raycharles.com"))
    assert window.opened_externally == ["http://raycharles.com"]  # type: ignore[attr-defined]


def test_images_load_from_the_archive(zim_window: ZimWindow, tmp_path: Path) -> None:
    path = write_zim(
        tmp_path / "img.zim",
        {"a.html": ("Picture page", '<p><img src="pic.png" alt="red"></p>')},
        {"pic.png": ("image/png", png(4, 3))},
    )
    window = zim_window(path)
    assert window.open_article("a.html")
    image = window.view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("pack:pic.png"))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (4, 3)
    missing = window.view.loadResource(
        QTextDocument.ResourceType.ImageResource, QUrl("pack:none.png")
    )
    assert missing is None


def test_search_and_explained_recommendations(
    qtbot: QtBot, zim_window: ZimWindow, tmp_path: Path
) -> None:
    window = zim_window(WIKIPEDIA)
    window.open_article("A/Ray_Charles")
    window.indexing.start(tmp_path / "cache")
    qtbot.waitUntil(lambda: window.search_index is not None, timeout=20000)
    window.sidebar.search_field.setText("glaucoma")
    window.sidebar.run_search()
    assert window.sidebar.results_model.index(0, 0).data() == "Ray Charles"

    def explained() -> bool:
        items = window.sidebar.recommended_model
        reasons = [str(items.index(i, 0).data(REASON_ROLE)) for i in range(items.rowCount())]
        return bool(reasons) and all(r.startswith("Also about:") for r in reasons[:3])

    qtbot.waitUntil(explained, timeout=60000)
    window.indexing.stop()


def test_the_kiosk_runs_on_an_archive(qtbot: QtBot, zim_window: ZimWindow) -> None:
    window = zim_window(WIKIPEDIA)
    start_page(window, None, home=True)
    assert window.current == "A/index"  # the main page, not the last visitor's article
    controller = KioskController(window, KioskConfig(kiosk=True))
    try:
        window.open_article("A/Ray_Charles")
        window.links.open(QUrl("http://raycharles.com"))
        assert window.opened_externally == []  # type: ignore[attr-defined]
        assert controller.link_notice.isVisible()  # a large card, not status-bar text
        assert "raycharles.com" in controller.link_notice.body.text()
        controller.reset()
        assert window.current == ""  # the generated home page with every title A–Z
        assert "All articles A–Z" in window.view.toPlainText()
        assert "Ray Charles" in window.view.toPlainText()
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(controller)


def test_a_broken_archive_is_reported_once_and_the_reader_goes_on(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    path = ZIM_DATA / "withns_invalid.outofbounds_urlptrpos.zim"
    assert open_archive(app, path, kiosk=False) is None
    assert shown == [
        "The archive could not be opened:\n"
        "withns_invalid.outofbounds_urlptrpos.zim: not a readable ZIM archive: "
        "Dirent pointer table outside (or not fully inside) ZIM file.\n\n"
        "The bundled library opens instead."
    ]
    shown.clear()
    assert open_archive(app, path, kiosk=True) is None
    assert shown == []  # a kiosk shows visitors no error dialog


def test_a_kiosk_configuration_may_name_an_archive(tmp_path: Path) -> None:
    from reader.gui.kiosk.config import load_config

    path = tmp_path / "kiosk.toml"
    path.write_text(f'kiosk = true\ncontent = "{WIKIPEDIA}"\n')
    assert load_config(path).content == str(WIKIPEDIA)
    path.write_text(f'kiosk = true\ncontent = "{tmp_path / "missing.zim"}"\n')
    config = load_config(path)
    assert config.content == "" and "an existing folder or .zim file" in config.problems[0]


def test_a_page_of_deeply_nested_tables_is_flattened_and_shown(
    zim_window: ZimWindow, tmp_path: Path
) -> None:
    """Qt needs ~20 s for 20 nested tables and far longer for 40: the page is shown with its
    nesting cut (pytest-timeout is the watchdog; how long it takes is not asserted here)."""
    html = "<table><tr><td>" * 40 + "inside" + "</td></tr></table>" * 40
    window = zim_window(write_zim(tmp_path / "deep.zim", {"t": ("Deep", html)}, index=False))
    assert window.open_article("t")
    window.view.document().size()
    assert "inside" in window.view.toPlainText()
    article = window.pack.get("t")
    assert article is not None
    tables = window.renderer.render_body(article).html.count("<table")
    assert tables <= MAX_TABLE_DEPTH < 40  # the 40 levels were cut, their text kept
