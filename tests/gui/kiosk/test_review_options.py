"""kiosk.toml: only_reviewed hides unreviewed articles; emergency_number overrides the pack's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.config import KioskConfig, kiosk_pack, load_config
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.loading import load_pack


def test_options_are_read_and_off_by_default(tmp_path: Path) -> None:
    assert (KioskConfig().only_reviewed, KioskConfig().emergency_number) == (False, "")
    path = tmp_path / "kiosk.toml"
    path.write_text('only_reviewed = true\nemergency_number = " 112 "\n', encoding="utf-8")
    config = load_config(path)
    assert (config.only_reviewed, config.emergency_number, config.problems) == (True, "112", ())
    path.write_text('only_reviewed = "yes"\n', encoding="utf-8")
    assert load_config(path).only_reviewed is False


def test_kiosk_pack_overrides_the_number_and_hides_unreviewed(small_pack: Path) -> None:
    pack = kiosk_pack(load_pack(small_pack), KioskConfig(emergency_number="999"))
    assert pack.emergency_number == "999" and len(pack.articles) == 5 and not pack.hidden
    shown = kiosk_pack(load_pack(small_pack), KioskConfig(only_reviewed=True))
    assert [a.slug for a in shown.articles] == ["alpha"]  # the one with a review
    assert shown.hidden == {"beta", "gamma", "delta", "epsilon"}


def test_a_terminal_with_only_reviewed_never_shows_an_unreviewed_article(
    qtbot: QtBot, small_pack: Path, settings_path: Path
) -> None:
    pack = kiosk_pack(
        load_pack(small_pack), KioskConfig(only_reviewed=True, emergency_number="112")
    )
    window = MainWindow(pack, Settings.at(settings_path))
    qtbot.addWidget(window)
    window.show()
    assert not window.open_article("beta")
    assert window.statusBar().currentMessage() == (
        "This article is not shown here: no clinician has reviewed it yet."
    )
    assert window.open_article("alpha")
    html = window.renderer.article_page(pack.get("alpha"))  # type: ignore[arg-type]
    # Its links to unreviewed articles are plain text that says why.
    assert (
        '<span class="broken-link" title="not shown here: no clinician has reviewed it yet">'
        in html
    )
    assert 'href="article:beta"' not in html
    assert "In an emergency call 112." in html
    window.show_home()
    home = window.view.toPlainText()
    assert "Beta" not in home and "Alpha" in home


def test_the_contact_is_a_qr_code_on_article_pages(
    qtbot: QtBot, small_pack: Path, settings_path: Path
) -> None:
    from reader.gui.kiosk.controller import KioskController
    from reader.gui.kiosk.qr import qr_modules

    pack = load_pack(small_pack)
    pack.contact = "library@clinic.example"
    window = MainWindow(pack, Settings.at(settings_path))
    qtbot.addWidget(window)
    window.show()
    controller = KioskController(window, KioskConfig(kiosk=True, qr_codes=True))
    try:
        report = controller.report_qr
        assert report is not None
        assert report.caption.text() == "Scan to report a problem with this page"
        window.open_article("beta")  # no article url: only the report code
        assert report.isVisibleTo(window) and report.url() == "mailto:library@clinic.example"
        assert report.modules() == qr_modules("mailto:library@clinic.example")
        window.show_home()
        assert not report.isVisibleTo(window)
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(controller)


def test_no_report_code_for_a_postal_address_or_without_qr_codes(
    qtbot: QtBot, small_pack: Path, settings_path: Path
) -> None:
    from reader.gui.kiosk.controller import KioskController

    app = QApplication.instance()
    assert app is not None
    for contact, qr_codes in (("1 High Street, Riverside", True), ("a@b.example", False)):
        pack = load_pack(small_pack)
        pack.contact = contact
        window = MainWindow(pack, Settings.at(settings_path))
        qtbot.addWidget(window)
        controller = KioskController(window, KioskConfig(kiosk=True, qr_codes=qr_codes))
        assert controller.report_qr is None
        app.removeEventFilter(controller)
