"""The kiosk's language: the language button, the kiosk.toml key and the reset back to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui import app
from reader.gui.kiosk.config import KioskConfig, load_config
from reader.gui.kiosk.controller import KioskController
from reader.gui.language import Translators
from tests.conftest import PackBuilder, article
from tests.gui.kiosk.conftest import KioskFactory
from tests.gui.test_accessibility import FakeEngine


@pytest.mark.parametrize(
    ("written", "read"), [("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("es", "es")]
)
def test_the_language_key_names_an_interface_language(
    tmp_path: Path, written: str, read: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'language = "{written}"\n', encoding="utf-8")
    config = load_config(path)
    assert config.language == read and not config.problems


@pytest.mark.parametrize(
    ("written", "shown"), [('"fr"', "'fr'"), ('"Chinese"', "'Chinese'"), ("1", "1")]
)
def test_a_bad_language_is_reported_and_the_default_used(
    tmp_path: Path, written: str, shown: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"language = {written}\n", encoding="utf-8")
    config = load_config(path)
    assert config.language == ""
    assert config.problems == (
        f"{path}: 'language' = {shown} is not valid (one of en, zh_CN, es); using the default ''",
    )


PACK = """title = "Library"
language = "en"
disclaimer = "General information only."
contact = "library@clinic.example"

[[categories]]
id = "symptoms"
name = "Symptoms"

[translations.zh-CN]
title = "健康图书馆"
categories = { symptoms = "症状" }
"""


@pytest.fixture
def two_languages(make_pack: PackBuilder) -> Path:
    """Cough in English and Chinese; Fever in English only."""
    return make_pack(
        {
            "symptoms/cough.md": article(
                "Cough", "A cough.", category="symptoms", url="https://example.org/cough"
            ),
            "symptoms/fever.md": article("Fever", "A fever.", category="symptoms"),
            "zh/symptoms/cough-zh.md": article(
                "咳嗽",
                "咳嗽很常见。",
                category="symptoms",
                language="zh-CN",
                translation_of="cough",
                url="https://example.org/cough-zh",
            ),
        },
        PACK,
    )


@pytest.fixture
def make_bilingual(
    make_kiosk: KioskFactory, two_languages: Path, translators: Translators
) -> Callable[..., KioskController]:
    """A kiosk over the two-language pack, its window started in English."""

    def build(**options: object) -> KioskController:
        window_kwargs = {
            "language": "en",
            "translators": translators,
            "speech": FakeEngine(can_pause=True),
        }
        kiosk = make_kiosk(two_languages, window_kwargs=window_kwargs, **options)
        # A switch rebuilds the window's chrome, slower than the fixture's 150 ms of idleness:
        # no "Still reading?" between two taps here (the reset is called by the test).
        kiosk.idle.setInterval(3_600_000)
        kiosk.idle.start()
        return kiosk

    return build


def tap(qtbot: QtBot, widget: QWidget) -> None:
    """A finger on ``widget``: pressed and released in its middle, no keyboard."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def choose(qtbot: QtBot, kiosk: KioskController, name: str) -> None:
    """Tap the Language button, then the language called ``name`` on the card."""
    tap(qtbot, kiosk.bar.buttons["language"])
    assert kiosk.language_picker.isVisible()
    (button,) = [b for b in kiosk.language_picker.buttons.values() if b.text() == name]
    tap(qtbot, button)
    qtbot.wait(20)  # as between two touches: the window's old actions and sidebar are gone


def bar_texts(kiosk: KioskController) -> dict[str, str]:
    return {key: button.text() for key, button in kiosk.bar.buttons.items()}


def test_the_language_button_names_the_language_in_itself(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual()
    button = kiosk.bar.buttons["language"]
    assert button.text() == "English" and button.accessibleName() == "Language: English"
    qtbot.waitUntil(button.isVisible)  # the bar is docked with a queued show
    assert kiosk.window.current == "" and button.height() >= 60  # home page; as big as Home


def test_the_card_offers_every_language_as_big_touch_targets(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual()
    w = kiosk.window
    tap(qtbot, kiosk.bar.buttons["language"])
    card = kiosk.language_picker
    assert card.isVisible() and card.parentWidget() is w  # in the window, no menu or dialog
    assert QApplication.activePopupWidget() is None and QApplication.activeModalWidget() is None
    assert card.title.text() == "Language"
    names = {code: b.text() for code, b in card.buttons.items()}
    assert names == {"en": "English", "zh_CN": "中文", "es": "Español"}
    assert card.buttons["en"].isChecked() and not card.buttons["zh_CN"].isChecked()
    inside = w.rect()
    for button in card.buttons.values():
        assert button.height() >= 60  # as tall as the bar's (48 px at the very least)
        assert button.fontInfo().pointSizeF() >= 20  # bigger than the kiosk's 15 pt text
        assert inside.contains(QRect(button.mapTo(w, QPoint(0, 0)), button.size()))


def test_a_visitor_switches_to_chinese_by_touch(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual()
    w = kiosk.window
    w.open_article("cough")

    choose(qtbot, kiosk, "中文")

    assert w.language == "zh_CN"
    assert w.current == "cough-zh" and "咳嗽很常见。" in w.view.toPlainText()
    assert not kiosk.language_picker.isVisible()
    assert bar_texts(kiosk) == {
        "home": "首页",
        "back": "后退",
        "previous": "上一篇",
        "next": "下一篇",
        "smaller": "缩小",
        "larger": "放大",
        "colours": "颜色",
        "listen": "朗读",
        "language": "中文",
    }
    assert kiosk.bar.buttons["language"].accessibleName() == "语言：中文"
    tap(qtbot, kiosk.bar.buttons["home"])  # the buttons press the window's new actions
    assert w.current == ""
    tap(qtbot, kiosk.bar.buttons["back"])
    assert w.current == "cough-zh"
    choose(qtbot, kiosk, "English")
    assert w.current == "cough" and bar_texts(kiosk)["home"] == "Home"


def test_without_a_version_in_the_language_the_kiosk_says_so(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual()
    w = kiosk.window
    w.open_article("fever")
    choose(qtbot, kiosk, "中文")
    assert w.current == ""
    assert kiosk.language_notice.isVisible()
    assert kiosk.language_notice.title.text() == "这篇文章没有中文版本。"
    tap(qtbot, w.view)  # any touch closes it, and does nothing else
    assert not kiosk.language_notice.isVisible() and w.current == ""


def test_a_touch_beside_the_card_closes_it(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual()
    w = kiosk.window
    tap(qtbot, kiosk.bar.buttons["language"])
    card = kiosk.language_picker
    assert card.isVisible()
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not card.isVisible() and w.language == "en"


def test_the_kiosks_own_widgets_follow_the_switch(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual(qr_codes=True)
    w = kiosk.window
    w.open_article("cough")
    choose(qtbot, kiosk, "中文")

    assert not w.toolbar.isVisible() and not w.menuBar().isVisible()
    assert kiosk.qr is not None and kiosk.qr.caption.text() == "扫码在手机上阅读"
    assert kiosk.qr.url() == "https://example.org/cough-zh" and kiosk.qr.isVisible()
    assert kiosk.report_qr is not None and kiosk.report_qr.url() == "mailto:library@clinic.example"
    assert kiosk.pin_pad.title.text() == "工作人员退出"
    keyboard = kiosk.keyboard
    assert keyboard is not None and keyboard.key_buttons["space"].text() == "空格"
    tap(qtbot, w.sidebar.search_field)  # the new sidebar's field brings up the keyboard
    qtbot.waitUntil(keyboard.isVisible)
    tap(qtbot, keyboard.key_buttons["c"])
    assert w.sidebar.search_field.text() == "c"


def test_the_idle_reset_returns_to_the_configured_language(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController]
) -> None:
    kiosk = make_bilingual(language="zh_CN")
    w = kiosk.window
    assert w.language == w.default_language == "zh_CN"  # the first visitor sees it
    assert bar_texts(kiosk)["home"] == "首页"
    choose(qtbot, kiosk, "Español")
    w.open_article("cough")
    assert w.language == "es" and bar_texts(kiosk)["home"] == "Inicio"
    tap(qtbot, kiosk.bar.buttons["language"])  # and walks away with the card open

    with qtbot.waitSignal(kiosk.reset_done):
        kiosk.reset()

    assert w.language == "zh_CN" and w.current == ""
    assert not kiosk.language_picker.isVisible()
    assert bar_texts(kiosk)["home"] == "首页" and bar_texts(kiosk)["language"] == "中文"


@pytest.mark.parametrize("language", ["en", "zh_CN", "es"])
def test_the_bar_fits_1024_pixels_in_every_language(
    qtbot: QtBot, make_bilingual: Callable[..., KioskController], language: str
) -> None:
    kiosk = make_bilingual(language=language)
    w = kiosk.window
    w.resize(1024, 768)
    qtbot.waitUntil(lambda: w.size().toTuple() == (1024, 768))
    w.open_article("cough-zh" if language == "zh_CN" else "cough")  # Previous and Next show
    qtbot.wait(1)
    assert kiosk.bar.minimum_width() <= 1024
    for key, button in kiosk.bar.buttons.items():
        if key == "listen" and button.isHidden():
            continue
        assert button.isVisible(), key
        assert button.width() >= button.sizeHint().width(), key  # nothing elided
        assert button.mapTo(w, QPoint(button.width(), 0)).x() <= 1024, key


@pytest.mark.parametrize(
    ("command_line", "configured", "started"),
    [("", "zh_CN", "zh_CN"), ("es", "zh_CN", "es"), ("", "", "en_GB")],
)
def test_lang_on_the_command_line_wins_over_kiosk_toml(
    monkeypatch: pytest.MonkeyPatch, command_line: str, configured: str, started: str
) -> None:
    monkeypatch.setattr(app, "system_language", lambda: "en_GB")
    kiosk = KioskConfig(kiosk=True, language=configured)
    assert app.start_language(command_line, kiosk, remembered="es") == started
    assert app.start_language("", None, remembered="es") == "es"  # a desktop's last choice
