"""Text size and themes, as a reader changes them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from reader.gui.article_view import BASE_POINT_SIZE
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.paths import bundled_dir
from reader.themes import THEMES, contrast_ratio
from tests.gui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier


def body_point_size(window: MainWindow) -> float:
    return window.view.document().defaultFont().pointSizeF()


def test_text_size_keys_step_and_persist(
    qtbot: QtBot, window: MainWindow, settings_path: Path
) -> None:
    window.open_article("alpha")
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert window.look.text_size == 110
    assert body_point_size(window) == pytest.approx(BASE_POINT_SIZE * 1.1)
    assert "15.4pt" in window.view.document().defaultStyleSheet()  # the lede's 14pt too
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert window.look.text_size == 90
    window.close()
    assert Settings.at(settings_path).text_size == 90


def test_text_size_limits_disable_the_buttons(window: MainWindow) -> None:
    for _ in range(20):
        window.act.larger.trigger()
    assert window.look.text_size == 250
    assert not window.act.larger.isEnabled()
    window.act.normal_size.trigger()
    assert window.look.text_size == 100
    for _ in range(20):
        window.act.smaller.trigger()
    assert window.look.text_size == 80
    assert not window.act.smaller.isEnabled()


def test_theme_changes_palette_and_article_css(window: MainWindow, settings_path: Path) -> None:
    window.open_article("alpha")
    window.act.themes["dark"].trigger()
    dark = THEMES["dark"]
    assert window.palette().color(window.palette().ColorRole.Text).name() == dark["text"]
    assert f"background: {dark['bg']}" in window.styleSheet()
    assert f"color: {dark['text']}" in window.view.document().defaultStyleSheet()
    assert window.current == "alpha"
    window.act.themes["high-contrast"].trigger()
    assert THEMES["high-contrast"]["link"] in window.view.document().defaultStyleSheet()
    window.close()
    assert Settings.at(settings_path).theme == "high-contrast"


def test_nothing_is_cut_off_at_250_percent(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(bundled_dir("content"))
    window.resize(1024, 768)
    window.look.set_text_size(250)
    for slug in [a.slug for a in window.pack.articles]:
        window.open_article(slug)
        qtbot.wait(10)
        assert window.view.horizontalScrollBar().maximum() == 0, slug
        assert window.view.document().size().width() <= window.view.viewport().width() + 1


def test_applying_the_same_look_again_reuses_the_icons(window: MainWindow) -> None:
    # Qt keeps the pixmaps of every icon it has drawn in its pixmap cache (up to 10 MB); a
    # kiosk applies its look again at every reset, so new icons for it would pile up there.
    start = window.look.theme
    home = window.act.home.icon().cacheKey()
    window.look.apply()
    window.look.set_text_size(150)
    assert window.act.home.icon().cacheKey() == home
    window.look.set_theme("dark")
    assert window.act.home.icon().cacheKey() != home
    window.look.set_theme(start)
    assert window.act.home.icon().cacheKey() == home


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_selected_rows_in_the_sidebar_use_the_themes_readable_colours(
    window: MainWindow, theme: str
) -> None:
    # The sidebar's style sheet gives its lists their own palette; the text drawn on a selected
    # search result or recommendation must still be the theme's, not Qt's white.
    window.look.set_theme(theme)
    colours = THEMES[theme]
    for view in (window.sidebar.tree, window.sidebar.results, window.sidebar.recommended):
        palette = view.palette()
        background = palette.color(QPalette.ColorRole.Highlight).name()
        text = palette.color(QPalette.ColorRole.HighlightedText).name()
        assert (background, text) == (colours["selection_bg"], colours["selection_text"])
        assert contrast_ratio(text, background) >= 4.5, view.objectName()


def _colours(image: QImage) -> Counter[str]:
    return Counter(
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    )


def _text_contrast(image: QImage) -> float:
    """Contrast of the text drawn in ``image`` against its background (its commonest colour)."""
    colours = _colours(image)
    background = colours.most_common(1)[0][0]
    return max(contrast_ratio(c, background) for c in colours)


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_status_bar_separators_and_scroll_bars_follow_the_theme(
    qtbot: QtBot, make_window: WindowFactory, theme: str
) -> None:
    window = make_window(bundled_dir("content"))
    window.look.set_theme(theme)
    window.open_article("ringworm")
    colours = THEMES[theme]
    needed = 7.0 if theme == "high-contrast" else 4.5
    assert window.position_label.text().startswith("Article ")
    qtbot.waitUntil(lambda: window.position_label.width() > 100)  # laid out with its text
    status = window.statusBar()
    assert _text_contrast(status.grab().toImage()) >= needed  # "Article 15 of 18 · …"
    status.showMessage("Search is ready")
    assert _text_contrast(status.grab().toImage()) >= needed
    separator = next(a for a in window.toolbar.actions() if a.isSeparator())
    drawn = _colours(window.toolbar.widgetForAction(separator).grab().toImage())
    assert colours["separator"] in drawn
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    drawn = _colours(bar.grab().toImage())
    assert colours["scrollbar"] in drawn  # the handle
    assert drawn.most_common(1)[0][0] == colours["chrome_bg"]  # the track
    if theme == "dark":
        assert "#ffffff" not in drawn


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_first_tab_stops_show_a_focus_outline(qtbot: QtBot, window: MainWindow, theme: str) -> None:
    window.look.set_theme(theme)
    focus = THEMES[theme]["focus"]
    window.show_home()
    for widget in (window.sidebar.tree, window.view):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        image = widget.grab().toImage()
        assert image.pixelColor(0, image.height() // 2).name() == focus, widget.objectName()
    window.sidebar.tree.setFocus()
    qtbot.waitUntil(window.sidebar.tree.hasFocus)
    image = window.view.grab().toImage()
    assert image.pixelColor(0, image.height() // 2).name() != focus  # only with the focus
