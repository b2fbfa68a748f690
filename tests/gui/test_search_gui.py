"""Search in the sidebar and find in page, as a reader types them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.models import SLUG_ROLE
from reader.gui.sidebar import TeaserDelegate
from reader.gui.window import MainWindow
from reader.paths import bundled_dir
from reader.themes import THEMES
from tests.gui.conftest import WindowFactory


def searchable(qtbot: QtBot, window: MainWindow, cache: Path) -> MainWindow:
    window.indexing.start(cache)
    qtbot.waitUntil(lambda: window.search_index is not None, timeout=20_000)
    return window


@pytest.fixture
def bundled(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> MainWindow:
    window = make_window(bundled_dir("content"))
    window.show_home()
    return searchable(qtbot, window, tmp_path / "cache")


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.sidebar.search_field
    qtbot.keyClicks(window.sidebar.search_field, text)
    model = window.sidebar.results_model
    qtbot.waitUntil(lambda: window.sidebar.stack.currentIndex() == 1, timeout=2000)
    return [model.index(i, 0).data(SLUG_ROLE) for i in range(model.rowCount())]


def test_typing_shows_ranked_results_and_enter_opens_the_first(
    qtbot: QtBot, bundled: MainWindow
) -> None:
    slugs = type_query(qtbot, bundled, "spread during treatment")
    assert slugs[0] == "npc-spread-during-treatment"
    first = bundled.sidebar.results_model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "spread" in first
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Return)
    assert bundled.current == "npc-spread-during-treatment"
    marked = [s.cursor.selectedText().lower() for s in bundled.view.extraSelections()]
    assert "spread" in marked and "treatment" in marked


def test_down_then_enter_opens_the_chosen_result(qtbot: QtBot, bundled: MainWindow) -> None:
    slugs = type_query(qtbot, bundled, "blood test")
    assert "npc-blood-test" in slugs[:3]
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is bundled.sidebar.results
    qtbot.keyClick(bundled.sidebar.results, Qt.Key.Key_Down)
    qtbot.keyClick(bundled.sidebar.results, Qt.Key.Key_Return)
    assert bundled.current == slugs[1]


def test_escape_clears_the_search_and_brings_back_the_list(
    qtbot: QtBot, bundled: MainWindow
) -> None:
    type_query(qtbot, bundled, "cough")
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Escape)
    assert bundled.sidebar.search_field.text() == ""
    assert bundled.sidebar.stack.currentIndex() == 0


def test_no_match_offers_a_clickable_suggestion(qtbot: QtBot, bundled: MainWindow) -> None:
    assert type_query(qtbot, bundled, "nasophryngeal") == []
    message = bundled.sidebar.message
    assert message.isVisible()
    assert "No articles match ‘nasophryngeal’" in message.text()
    assert '<a href="nasopharyngeal"' in message.text()
    message.linkActivated.emit("nasopharyngeal")
    qtbot.waitUntil(lambda: bundled.sidebar.results_model.rowCount() > 0, timeout=2000)


def test_slash_focuses_search(qtbot: QtBot, bundled: MainWindow) -> None:
    bundled.view.setFocus()
    qtbot.keyClick(bundled.view, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is bundled.sidebar.search_field
    qtbot.keyClicks(bundled.sidebar.search_field, "a/b")
    assert bundled.sidebar.search_field.text() == "a/b"  # '/' types normally once there


def test_articles_are_readable_before_the_index_is_ready(
    qtbot: QtBot, make_window: WindowFactory, small_pack: Path
) -> None:
    window = make_window(small_pack)
    window.show_home()
    window.sidebar.search_field.setText("alpha")
    window.sidebar.run_search()
    assert "getting ready" in window.sidebar.message.text()
    window.open_article("beta")
    assert window.current == "beta"
    searchable(qtbot, window, Path(str(small_pack) + "-cache"))
    assert window.sidebar.results_model.rowCount() >= 1  # the waiting query ran


def test_find_in_page_counts_and_steps(qtbot: QtBot, bundled: MainWindow) -> None:
    bundled.open_article("ringworm")
    text = bundled.view.toPlainText().lower()
    expected = text.count("skin")
    assert expected > 3
    qtbot.keyClick(bundled, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = bundled.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "skin")
    assert bar.count.text() == f"1 of {expected}"
    assert len(bundled.view.extraSelections()) == expected + 1  # all, plus the current one
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{expected} of {expected}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bundled.view.extraSelections() == []


def test_find_reports_no_matches(qtbot: QtBot, bundled: MainWindow) -> None:
    bundled.open_article("ringworm")
    bundled.act.find.trigger()
    qtbot.keyClicks(bundled.find_bar.field, "xylophone")
    assert bundled.find_bar.count.text() == "No matches"


def test_recommendations_become_content_based_once_the_index_is_ready(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(bundled_dir("content"))
    window.open_article("npc-spread-during-treatment")
    searchable(qtbot, window, tmp_path / "cache")
    items = window.sidebar.recommended_model.items()
    assert 0 < len(items) <= 5
    assert all(item.reason for item in items)
    assert items[0].reason == "Suggested by the editors"
    content_based = [i for i in items if i.reason != "Suggested by the editors"]
    assert any(i.reason.startswith("Also about:") for i in content_based)
    footer = window.view.toPlainText().split("Recommended", 1)[1]
    assert items[0].title in footer  # the footer shows the same list
    first = window.sidebar.recommended.visualRect(window.sidebar.recommended_model.index(0, 0))
    qtbot.mouseClick(
        window.sidebar.recommended.viewport(), Qt.MouseButton.LeftButton, pos=first.center()
    )
    assert window.current == items[0].slug


def test_teasers_are_laid_out_to_the_width_the_list_really_has(
    qtbot: QtBot, bundled: MainWindow
) -> None:
    from reader.gui.article_view import viewport_width

    results = bundled.sidebar.results
    type_query(qtbot, bundled, "zzzznothing")
    assert not results.verticalScrollBar().isVisible()
    assert viewport_width(results) == results.viewport().width()
    type_query(qtbot, bundled, "cancer")  # more results than fit: a scroll bar
    qtbot.waitUntil(results.verticalScrollBar().isVisible, timeout=2000)
    assert viewport_width(results) == results.viewport().width()


@pytest.mark.parametrize("rebuilt", [False, True], ids=["first-sidebar", "after-a-language"])
def test_escape_takes_the_query_marks_off_the_article(
    qtbot: QtBot, bundled: MainWindow, rebuilt: bool
) -> None:
    if rebuilt:  # a new language builds a new sidebar, which the window must follow too
        bundled.set_language("es")
        bundled.set_language("en")
    type_query(qtbot, bundled, "ringworm")
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Return)
    assert bundled.current == "ringworm"
    assert bundled.view.extraSelections()  # the query's words are marked
    bundled.sidebar.search_field.setFocus()
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Escape)
    assert bundled.view.extraSelections() == []


def test_clearing_the_search_leaves_find_in_page_marks(qtbot: QtBot, bundled: MainWindow) -> None:
    bundled.open_article("ringworm")
    bundled.find_bar.open_bar()
    qtbot.keyClicks(bundled.find_bar.field, "fungus")
    marks = len(bundled.view.extraSelections())
    assert marks > 0
    type_query(qtbot, bundled, "x")
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Escape)
    assert len(bundled.view.extraSelections()) == marks


def test_did_you_mean_is_reached_by_keyboard_in_the_theme_colour(
    qtbot: QtBot, bundled: MainWindow
) -> None:
    bundled.look.set_theme("dark")
    type_query(qtbot, bundled, "nasophryngeal")
    message = bundled.sidebar.message
    assert f'style="color: {THEMES["dark"]["link"]}"' in message.text()
    qtbot.keyClick(bundled.sidebar.search_field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is message
    assert message.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard


@pytest.mark.parametrize(("query", "count"), [("tinea", "1 article found:"), ("cancer", "")])
def test_results_are_counted(qtbot: QtBot, bundled: MainWindow, query: str, count: str) -> None:
    slugs = type_query(qtbot, bundled, query)
    message = bundled.sidebar.message
    assert message.isVisible()
    assert message.text() == (count or f"{len(slugs)} articles found:")


def test_a_query_in_another_script_says_why_nothing_matched(
    qtbot: QtBot, bundled: MainWindow
) -> None:
    bundled.sidebar.search_field.setText("血液检查")  # QTest types Latin-1 only
    bundled.sidebar.run_search()
    assert bundled.sidebar.results_model.rowCount() == 0
    text = bundled.sidebar.message.text()
    assert "No articles match" in text
    assert "This library is in English: try words in English." in text


def test_each_teaser_is_laid_out_once_for_its_size_and_its_paint(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Page turns: measuring a teaser at one width and painting it at another (the list has
    # no scroll bar) laid each out twice (benchmarks/).
    window.open_article("alpha")
    recommended = window.sidebar.recommended
    delegate = recommended.itemDelegate()
    assert isinstance(delegate, TeaserDelegate)
    qtbot.waitUntil(lambda: recommended.viewport().height() > 0)
    assert not recommended.verticalScrollBar().isVisible()
    recommended.viewport().repaint()
    rows = window.sidebar.recommended_model.rowCount()
    assert rows >= 1
    assert delegate.layouts() == rows
