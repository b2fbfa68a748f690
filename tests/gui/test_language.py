"""The language switch: interface and library in the reader's language, kept article, fonts."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui import language
from reader.gui.language import Translators, interface_language
from reader.gui.window import MainWindow
from tests.conftest import PackBuilder, article
from tests.gui.conftest import WindowFactory

PACK_TOML = """title = "Library"
language = "en"
disclaimer = "General information only."

[[categories]]
id = "symptoms"
name = "Symptoms"

[translations.zh-CN]
title = "健康图书馆"
disclaimer = "仅供一般参考。"
categories = { symptoms = "症状" }
"""


@pytest.fixture
def two_languages(make_pack: PackBuilder) -> Path:
    return make_pack(
        {
            "symptoms/cough.md": article("Cough", "A cough.", category="symptoms", order=1),
            "symptoms/fever.md": article("Fever", "A fever.", category="symptoms", order=2),
            "zh/symptoms/cough-zh.md": article(
                "咳嗽",
                "咳嗽很常见。",
                category="symptoms",
                language="zh-CN",
                translation_of="cough",
                tags=["咳嗽"],
            ),
        },
        PACK_TOML,
    )


@pytest.fixture
def window(make_window: WindowFactory, two_languages: Path, translators: Translators) -> MainWindow:
    return make_window(two_languages, language="en", translators=translators)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_codes_choose_a_shipped_interface() -> None:
    assert interface_language("zh-CN") == interface_language("zh_Hans_CN") == "zh_CN"
    assert interface_language("es_MX") == "es"
    assert interface_language("fr_FR") == interface_language("") == "en"


def test_the_language_menu_names_each_language_in_itself(window: MainWindow) -> None:
    names = {code: action.text() for code, action in window.act.languages.items()}
    assert names == {"en": "English", "zh_CN": "中文", "es": "Español"}
    assert window.act.languages["en"].isChecked()


def test_english_plurals_come_from_the_english_catalogue(window: MainWindow) -> None:
    window.show_home()
    assert window.position_label.text() == "2 articles"
    assert window.renderer.text.count_articles(1) == "1 article"
    assert window.renderer.text.count_articles(3) == "3 articles"
    assert window.renderer.text.count_minutes(2) == "2 min read"


def test_switching_keeps_the_article_in_its_translation(window: MainWindow, qtbot: QtBot) -> None:
    window.open_article("cough")
    with qtbot.waitSignal(window.language_changed) as changed:
        window.act.languages["zh_CN"].trigger()
    assert changed.args == ["zh_CN"]
    assert window.current == "cough-zh"
    assert menu_titles(window) == ["文件(&F)", "转到(&G)", "编辑(&E)", "查看(&V)", "帮助(&H)"]
    assert window.windowTitle() == "咳嗽 — 健康图书馆"
    assert "症状" in window.view.toPlainText()
    assert window.act.languages["zh_CN"].isChecked()
    assert window.settings.language == "zh_CN"
    window.set_language("en")
    assert window.current == "cough"
    assert menu_titles(window) == ["&File", "&Go", "&Edit", "&View", "&Help"]


def test_the_library_shows_only_the_readers_language(window: MainWindow) -> None:
    window.set_language("zh_CN")
    assert [a.slug for a in window.pack.articles] == ["cough-zh"]
    assert window.sidebar.tree.model().rowCount() == 1  # one category
    window.show_home()
    assert window.position_label.text() == "1 篇文章"
    assert "健康图书馆" in window.view.toPlainText()
    assert window.library.get("fever") is not None  # hidden, not lost


def test_without_a_translation_the_home_page_opens_with_a_notice(window: MainWindow) -> None:
    window.open_article("fever")
    window.set_language("zh_CN")
    assert window.current == ""
    assert window.statusBar().currentMessage() == "这篇文章没有中文版本。"


def test_spanish_interface_keeps_the_english_library(window: MainWindow) -> None:
    window.open_article("fever")
    window.set_language("es")
    assert window.current == "fever"
    assert menu_titles(window)[0] == "&Archivo"
    assert "1 min de lectura" in window.view.toPlainText()


def test_a_kiosk_reset_returns_to_the_default_language(window: MainWindow) -> None:
    from reader.gui.kiosk.config import KioskConfig

    frame = window.enter_kiosk(KioskConfig())
    window.set_language("zh_CN")
    assert window.settings.language == ""  # a kiosk remembers nothing
    frame.reset_for_next_visitor()
    assert window.language == "en"
    assert window.act.languages["en"].isChecked()


def test_the_chrome_is_built_once_after_switching(window: MainWindow) -> None:
    count = len(window.actions())
    window.set_language("zh_CN")
    window.set_language("es")
    assert len(window.actions()) == count
    assert len(window.menuBar().actions()) == 5


def test_a_cjk_font_covers_the_articles_words(qapp: QApplication) -> None:
    families = language.cjk_font_families()
    if not families:
        pytest.skip("no CJK font installed (Debian: apt install fonts-noto-cjk)")
    assert language.warn_if_no_cjk_font()


def test_a_missing_cjk_font_is_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(language, "cjk_font_families", list)
    monkeypatch.setattr(language, "_warned_no_cjk_font", False)
    with caplog.at_level(logging.WARNING, logger="reader.gui.language"):
        assert not language.warn_if_no_cjk_font()
        assert not language.warn_if_no_cjk_font()
    assert [r.getMessage() for r in caplog.records if "fonts-noto-cjk" in r.getMessage()] != []
    assert len(caplog.records) == 1


def _visible_rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("code", ["zh_CN", "es"])
def test_right_to_left_and_translated_layouts_clip_nothing(
    window: MainWindow, qtbot: QtBot, qapp: QApplication, code: str
) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window.resize(1000, 700)
        window.set_language(code)
        window.open_article("cough-zh" if code == "zh_CN" else "cough")
        qtbot.wait(50)
        area = window.rect()
        buttons = [
            w for w in window.toolbar.findChildren(QWidget) if w.isVisible() and w.width() > 8
        ]
        assert buttons
        for button in buttons:
            rect = _visible_rect(button, window)
            assert area.contains(rect), button
            assert button.width() >= button.sizeHint().width() or button.objectName().startswith(
                "qt_toolbar_ext"
            ), button
        sidebar, view = _visible_rect(window.sidebar, window), _visible_rect(window.view, window)
        assert not sidebar.intersects(view)
        assert sidebar.left() > view.left()  # mirrored: the sidebar is on the right
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_toolbar_labels_leave_out_the_bracketed_key_letter(window: MainWindow) -> None:
    window.set_language("zh_CN")
    assert window.act.home.text() == "首页(&H)"  # the menu keeps Alt+H
    assert window.act.home.iconText() == "首页"
    assert window.act.previous.iconText() == "上一篇"


def test_a_kiosk_home_offers_common_search_words(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.kiosk = True  # what enter_kiosk sets; the rest of the kiosk is not needed here
    window.set_language("zh_CN")
    window.show_home()
    html = window.renderer.home_page((), True, ["咳嗽"])
    assert "常用搜索词" in window.view.toPlainText()
    assert 'href="search:%E5%92%B3%E5%97%BD"' in html
    searched: list[str] = []
    monkeypatch.setattr(window.sidebar, "search_for", searched.append)
    window.links.open(QUrl("search:%E5%92%B3%E5%97%BD"))
    assert searched == ["咳嗽"]


def test_chinese_lines_break_between_characters_not_before_punctuation(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.set_language("zh_CN")
    text = "咳嗽很常见，大多数是感冒引起的。" * 30
    window.view.show_html(f"<p>{text}</p>")
    starts = []
    for width in range(720, 920, 8):  # where the lines end moves (all wider than narrow)
        window.resize(width, 600)
        qtbot.wait(5)
        block = window.view.document().findBlock(0)
        while block.isValid():
            layout = block.layout()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                starts.append(block.text()[line.textStart() : line.textStart() + 1])
            block = block.next()
    assert len(starts) > 100  # a long paragraph with no spaces is broken into lines
    assert not [s for s in starts if s in "，。、；：？！）」』”"]


def test_call_out_headings_and_image_words_follow_a_language_switch(
    make_window: WindowFactory, make_pack: PackBuilder, translators: Translators
) -> None:
    box = "![](missing.png)\n\n!!! emergency\n    {}\n"
    root = make_pack(
        {
            "cough.md": article("Cough", box.format("Call now.")),
            "zh/cough-zh.md": article(
                "咳嗽", box.format("立即拨打。"), language="zh-CN", translation_of="cough"
            ),
        },
        PACK_TOML,
    )
    window = make_window(root, language="en", translators=translators)
    window.open_article("cough")  # builds the converter with the English words
    assert "Emergency: call" in window.view.toPlainText()
    window.set_language("zh_CN")
    assert window.current == "cough-zh"
    text = window.view.toPlainText()
    assert "危急：请立即拨打" in text and "Emergency" not in text
    assert "[图片]" in text or "图片" in text
