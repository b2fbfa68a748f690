"""The kiosk's touch layout at the screen sizes terminals have, and its cards and notices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.controller import KioskController
from reader.gui.kiosk.qr import CODE_SIZE
from tests.conftest import PACK_TOML, PackBuilder, article
from tests.gui.kiosk.conftest import KioskFactory
from tests.gui.test_accessibility import FakeEngine

SIZES = [(1024, 768), (1280, 800), (1920, 1080), (1080, 1920)]
LONG_WORD = "Nasopharyngeal"


@pytest.fixture
def clinic_pack(make_pack: PackBuilder) -> Path:
    """Categories with long words, long titles and summaries, a web address, a featured list."""
    toml = PACK_TOML.replace('name = "Category One"', f'name = "{LONG_WORD} cancer"').replace(
        'featured = ["alpha"]', 'featured = ["alpha", "beta"]'
    )
    toml += "".join(
        f'\n[[categories]]\nid = "c{i}"\nname = "{name}"\n'
        for i, name in enumerate(["Gastroenterology", "Skin, bones and joints", "Tests"])
    )
    summary = (
        "When chest tightness and back pain can be an emergency, what the more common harmless "
        "causes are, and when to get checked by a doctor or a nurse at this clinic."
    )
    files = {
        "one/alpha.md": article(
            "Tests that can find nasopharyngeal cancer early",
            summary=summary,
            category="one",
            url="https://example.org/alpha",
            tags=["shared"],
        ),
        "one/beta.md": article(
            "Beta", summary="About beta.", category="one", tags=["shared"], related=["alpha"]
        ),
        "two/gamma.md": article("Gamma", category="two", tags=["shared"]),
    }
    for i in range(3):
        files[f"c{i}/x{i}.md"] = article(f"Article {i}", category=f"c{i}", tags=["shared"])
    return make_pack(files, pack_toml=toml)


def sized(qtbot: QtBot, kiosk: KioskController, size: tuple[int, int]) -> None:
    kiosk.window.resize(*size)
    qtbot.waitUntil(lambda: kiosk.window.size().toTuple() == size)
    kiosk.fit_layout()


def rect_in_window(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_fits_and_no_label_is_cut(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack, window_kwargs={"speech": FakeEngine(can_pause=True)})
    sized(qtbot, kiosk, size)
    kiosk.window.open_article("beta")  # Previous and Next show while reading
    qtbot.wait(1)
    bar = kiosk.bar
    assert bar.minimum_width() <= size[0]
    assert rect_in_window(bar).right() < size[0]
    for key, button in bar.buttons.items():
        assert button.isVisible(), key
        assert button.width() >= button.sizeHint().width(), key  # nothing elided
        assert button.height() >= 60, key
        assert rect_in_window(button).right() < size[0], key


def test_previous_and_next_show_only_while_reading(kiosk: KioskController) -> None:
    buttons = kiosk.bar.buttons
    kiosk.window.show_home()
    assert buttons["previous"].isHidden() and buttons["next"].isHidden()
    kiosk.window.open_article("beta")
    assert not buttons["previous"].isHidden() and not buttons["next"].isHidden()


def test_text_size_and_colours_are_big_buttons(kiosk: KioskController) -> None:
    w = kiosk.window
    buttons = kiosk.bar.buttons
    buttons["larger"].click()
    assert w.look.text_size > 150
    buttons["smaller"].click()
    buttons["smaller"].click()
    assert w.look.text_size < 150
    buttons["colours"].click()
    assert w.look.theme == "dark"
    buttons["colours"].click()
    assert w.look.theme == "high-contrast"
    buttons["colours"].click()
    assert w.look.theme == "light"


@pytest.mark.parametrize(("size", "portrait"), [((1080, 1920), True), ((1280, 800), False)])
def test_portrait_puts_the_list_above_the_article(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    clinic_pack: Path,
    size: tuple[int, int],
    portrait: bool,
) -> None:
    kiosk = make_kiosk(clinic_pack)
    sized(qtbot, kiosk, size)
    sidebar, view = rect_in_window(kiosk.window.sidebar), rect_in_window(kiosk.window.view)
    if portrait:
        assert sidebar.bottom() < view.top() and view.width() > size[0] * 0.9
    else:
        assert sidebar.right() < view.left() and view.height() > size[1] * 0.7


def word_is_whole(kiosk: KioskController, word: str) -> bool:
    """Return whether ``word`` is laid out on one line in the page shown."""
    cursor = kiosk.window.view.document().find(word)
    assert not cursor.isNull(), word
    block = cursor.block()
    start = cursor.selectionStart() - block.position()
    line = block.layout().lineForTextPosition(start)
    return bool(line.textStart() + line.textLength() >= start + len(word))


@pytest.mark.parametrize("text_size", [150, 250])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_topic_tiles_keep_their_words_whole(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    clinic_pack: Path,
    size: tuple[int, int],
    text_size: int,
) -> None:
    kiosk = make_kiosk(clinic_pack, text_size=text_size)
    sized(qtbot, kiosk, size)
    kiosk.window.show_home()
    assert word_is_whole(kiosk, LONG_WORD)
    assert word_is_whole(kiosk, "Gastroenterology")
    assert 1 <= kiosk.window.renderer.tile_columns <= 3


def test_larger_text_gives_fewer_tiles_per_row(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path
) -> None:
    kiosk = make_kiosk(clinic_pack, text_size=100)
    sized(qtbot, kiosk, (1920, 1080))
    wide = kiosk.window.renderer.tile_columns
    for _ in range(6):
        kiosk.bar.buttons["larger"].click()
    qtbot.waitUntil(lambda: kiosk.window.renderer.tile_columns < wide)
    assert word_is_whole(kiosk, LONG_WORD)


@pytest.mark.parametrize("size", [(1024, 768), (1080, 1920)], ids=["small", "portrait"])
def test_qr_code_and_recommended_both_keep_a_readable_size(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack, qr_codes=True)
    sized(qtbot, kiosk, size)
    kiosk.window.open_article("alpha")
    qtbot.wait(1)
    sidebar = kiosk.window.sidebar
    assert kiosk.qr is not None and kiosk.qr.isVisible()
    assert sidebar.recommended_model.rowCount() >= 1
    assert sidebar.recommended.height() >= 150
    assert kiosk.qr.code.height() >= CODE_SIZE and kiosk.qr.code.width() >= CODE_SIZE


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attract_card_fits_without_overlap(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack, attract=True)
    sized(qtbot, kiosk, size)
    kiosk.reset()
    card = kiosk.attract_card
    assert card.isVisible()
    assert kiosk.window.rect().contains(card.geometry())
    title, body, action = card.title, card.body, card.action
    assert title.text().startswith("Tests that can find")
    for label in (title, body, action):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        assert card.rect().contains(label.geometry()), label.objectName()
    assert title.geometry().bottom() < body.geometry().top()
    assert body.geometry().bottom() < action.geometry().top()
    assert action.text() == "Touch to start"


def test_a_tap_on_the_attract_card_opens_its_article(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path
) -> None:
    kiosk = make_kiosk(clinic_pack, attract=True)
    kiosk.attract_timer.setInterval(60_000)
    kiosk.reset()
    kiosk.attract_timer.timeout.emit()  # the next featured article's card
    assert kiosk.attract_card.title.text() == "Beta"
    qtbot.mouseClick(kiosk.attract_card, Qt.MouseButton.LeftButton)
    assert not kiosk.attract_card.isVisible()
    assert kiosk.window.current == "beta"


def test_the_tap_that_dismisses_still_reading_activates_nothing(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    w = kiosk.window
    w.open_article("gamma")
    kiosk.start_countdown()
    home = kiosk.bar.buttons["home"]
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert not kiosk.countdown.isVisible()
    assert w.current == "gamma"  # the button under the finger did nothing
    # The rest of that touch is swallowed too (a text browser follows a link on a release).
    release = QMouseEvent(
        QEvent.Type.MouseButtonRelease,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    kiosk.start_countdown()
    qtbot.mousePress(home, Qt.MouseButton.LeftButton)
    assert kiosk.eventFilter(w.view.viewport(), release) is True
    assert kiosk.eventFilter(w.view.viewport(), release) is False  # that touch is over
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert w.current == ""  # the next tap works as usual: home


def test_the_keyboard_hides_when_a_result_is_opened(qtbot: QtBot, kiosk: KioskController) -> None:
    w = kiosk.window
    keyboard = kiosk.keyboard
    assert keyboard is not None
    qtbot.mouseClick(w.sidebar.search_field, Qt.MouseButton.LeftButton)
    assert keyboard.isVisible()
    w.sidebar.result_opened.emit("beta", "beta")
    assert not keyboard.isVisible() and w.current == "beta"
    qtbot.mouseClick(w.sidebar.search_field, Qt.MouseButton.LeftButton)
    assert keyboard.isVisible()
    w.sidebar.article_requested.emit("gamma")  # a row of the list
    assert not keyboard.isVisible()


def test_an_outside_link_gets_a_large_notice_that_a_tap_dismisses(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    w = kiosk.window
    w.open_article("epsilon")
    kiosk.show_link_refused("https://example.org/page")  # what following the link leads to
    notice = kiosk.link_notice
    assert notice.isVisible() and notice.title.text() == "Not available on this terminal"
    assert "https://example.org/page" in notice.body.text()
    assert notice.width() >= 280 and notice.action.text() == "OK"
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not notice.isVisible()


def test_an_outside_link_is_refused_and_the_controller_told(kiosk: KioskController) -> None:
    from PySide6.QtCore import QUrl

    kiosk.window.links.open(QUrl("https://example.org/page"))
    assert kiosk.link_notice.isVisible()
    assert "https://example.org/page" in kiosk.link_notice.body.text()


def test_no_shortcut_hints_and_no_status_bar(kiosk: KioskController) -> None:
    w = kiosk.window
    w.sidebar.set_search_index(_Index())  # as when the index thread is done
    w.act.find.trigger()
    assert not w.statusBar().isVisible()
    texts = [a.toolTip() for a in w.actions()]
    for widget in w.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    hints = [t for t in texts if any(k in t for k in ("Ctrl", "(Enter)", "(Esc)", "Shift+"))]
    assert hints == []


def test_listen_shows_only_where_it_can_work(make_kiosk: KioskFactory, small_pack: Path) -> None:
    silent = make_kiosk(small_pack)  # no speech module here: Listen cannot work
    assert silent.bar.buttons["listen"].isHidden()
    assert not silent.window.toolbar.isVisible()  # the desktop toolbar with its disabled button
    speaking = make_kiosk(small_pack, window_kwargs={"speech": FakeEngine(can_pause=True)})
    assert not speaking.bar.buttons["listen"].isHidden()


class _Index:
    """Enough of a search index for the window to take it as ready."""

    def search(self, _query: str, _limit: int) -> list[object]:
        return []

    def suggest(self, _query: str) -> list[str]:
        return []

    def terms(self, _query: str) -> list[str]:
        return []

    def close(self) -> None:
        pass


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_article_list_rows_are_tall_enough_for_their_wrapped_titles(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack)
    sized(qtbot, kiosk, size)
    qtbot.wait(1)
    tree = kiosk.window.sidebar.tree
    index = kiosk.window.sidebar.model.index_of("alpha")  # the longest title
    rect = tree.visualRect(index)
    text = str(index.data())
    lines = QFontMetrics(tree.font()).boundingRect(
        QRect(0, 0, rect.width() - 12, 10_000), Qt.TextFlag.TextWordWrap, text
    )
    assert rect.height() >= lines.height() + 4, (rect, lines)  # no "…" at the end


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_here_and_topic_tiles_are_on_the_first_screen(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack)
    sized(qtbot, kiosk, size)
    view = kiosk.window.view
    kiosk.window.show_home()
    text = view.toPlainText()
    assert text.index("Start here") < text.index("Browse by topic") < text.index("Important")
    cursor = view.document().find("Tests that can find")  # the first featured article
    assert view.cursorRect(cursor).bottom() < view.viewport().height()
    assert word_is_whole(kiosk, "nasopharyngeal")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_keyboard_fits_on_screen_over_an_article_with_a_qr_code(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clinic_pack, qr_codes=True)
    sized(qtbot, kiosk, size)
    kiosk.window.open_article("alpha")
    qtbot.mouseClick(kiosk.window.sidebar.search_field, Qt.MouseButton.LeftButton)
    keyboard = kiosk.keyboard
    assert keyboard is not None and keyboard.isVisible()
    qtbot.wait(1)
    assert kiosk.window.size().toTuple() == size
    assert rect_in_window(keyboard).bottom() < size[1]
    assert rect_in_window(kiosk.window.sidebar.search_field).top() > 0
    sidebar, qr = kiosk.window.sidebar, kiosk.qr
    assert qr is not None
    shown = [w for w in (sidebar.tree, sidebar.recommended, qr) if w.isVisible()]
    for i, widget in enumerate(shown):  # nothing squeezed over anything else
        assert widget.height() >= widget.minimumSizeHint().height() or widget is sidebar.tree
        for other in shown[i + 1 :]:
            assert not rect_in_window(widget).intersects(rect_in_window(other))
    if qr.isVisible():
        assert qr.height() >= qr.code.height() >= CODE_SIZE
    keyboard.key_buttons["done"].click()
    assert kiosk.qr is not None and kiosk.qr.isVisible()  # back once the keyboard is gone


def test_the_home_screen_shows_no_empty_recommended_panel(
    qtbot: QtBot, make_kiosk: KioskFactory, clinic_pack: Path
) -> None:
    kiosk = make_kiosk(clinic_pack)
    sized(qtbot, kiosk, (1280, 720))
    sidebar = kiosk.window.sidebar
    kiosk.window.open_article("beta")
    assert not sidebar.panel.isHidden()
    kiosk.window.show_home()
    assert sidebar.panel.isHidden()  # no "Recommended" heading over an empty list
