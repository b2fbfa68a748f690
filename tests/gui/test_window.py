"""The window as a reader uses it: clicks, keys, links, history and remembered state."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.app import start_page
from reader.gui.dialogs import ProblemsDialog
from reader.gui.models import SLUG_ROLE
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.catalog import Catalog
from reader.library.loading import load_pack
from reader.library.pack import Article
from reader.paths import bundled_dir
from tests.conftest import PackBuilder, article
from tests.gui.conftest import WindowFactory


def shown_title(window: MainWindow) -> str:
    return window.view.toPlainText().splitlines()[0]


def click_tree_row(qtbot: QtBot, window: MainWindow, slug: str) -> None:
    tree = window.sidebar.tree
    index = window.sidebar.model.index_of(slug)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot: QtBot, window: MainWindow, href: str) -> None:
    """Click the first link to ``href`` in the article view, where it is drawn."""
    view = window.view
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                point = view.cursorRect(cursor).center() - QPoint(2, 0)
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} on the page")


def test_starts_on_home(window: MainWindow) -> None:
    assert window.windowTitle() == "Home — Test Pack"
    assert shown_title(window) == "Test Pack"
    assert not window.act.previous.isEnabled()
    assert window.act.next.isEnabled()
    assert window.sidebar.current_slug() is None


def test_clicking_a_sidebar_row_opens_the_article(qtbot: QtBot, window: MainWindow) -> None:
    click_tree_row(qtbot, window, "gamma")
    assert shown_title(window) == "Gamma"
    assert window.windowTitle() == "Gamma — Test Pack"
    assert window.sidebar.current_slug() == "gamma"
    assert window.position_label.text() == "Article 3 of 5 · Category Two"


def test_keyboard_in_the_tree_follows_the_article(qtbot: QtBot, window: MainWindow) -> None:
    click_tree_row(qtbot, window, "alpha")
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Down)
    assert shown_title(window) == "Beta"


def test_clicking_a_recommendation_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    panel = window.sidebar.recommended
    first = panel.model().index(0, 0)
    assert first.data(SLUG_ROLE) == "delta"  # the author's explicit `related` comes first
    qtbot.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualRect(first).center()
    )
    assert shown_title(window) == "Delta"
    assert window.sidebar.current_slug() == "delta"


def test_recommended_panel_follows_the_article(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    before = [window.sidebar.recommended_model.index(i, 0).data(SLUG_ROLE) for i in range(2)]
    window.open_article("gamma")
    qtbot.waitUntil(lambda: not window.sidebar.recommendations_pending())  # turned in a burst
    after = window.sidebar.recommended_model.items()
    assert before != [r.slug for r in after[:2]]
    assert "gamma" not in [r.slug for r in after]


def test_in_article_link_opens_the_article_at_its_anchor(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    click_link(qtbot, window, "article:gamma#details")
    assert shown_title(window) == "Gamma"
    window.act.back.trigger()
    assert shown_title(window) == "Alpha"


def test_previous_next_shortcuts_and_their_ends(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    assert not window.act.previous.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert shown_title(window) == "Beta"
    assert window.act.previous.isEnabled()
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert shown_title(window) == "Epsilon"
    assert not window.act.next.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert shown_title(window) == "Delta"


def test_next_from_home_opens_the_first_article(window: MainWindow) -> None:
    window.act.next.trigger()
    assert shown_title(window) == "Alpha"


def test_history_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    for slug in ("beta", "gamma", "delta"):
        window.open_article(slug)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    assert shown_title(window) == "Gamma"
    qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    assert shown_title(window) == "Test Pack"  # home, where we started
    assert not window.act.back.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, alt)
    assert shown_title(window) == "Beta"
    assert window.sidebar.current_slug() == "beta"
    window.open_article("epsilon")
    assert not window.act.forward.isEnabled()


def test_home_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("beta")
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle() == "Home — Test Pack"


def test_shortcuts_are_shown_in_tooltips(window: MainWindow) -> None:
    assert "Ctrl+PgDown" in window.act.next.toolTip()
    assert "Alt+Left" in window.act.back.toolTip()


def test_images_load_from_the_pack_only(window: MainWindow, tmp_path: Path) -> None:
    window.open_article("alpha")
    image = window.view.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("pack:one/square.png")
    )
    assert isinstance(image, QImage) and image.width() == 8
    outside = tmp_path / "outside.png"
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(outside))
    for url in (
        f"file://{outside}",
        "pack:../outside.png",
        "https://example.org/x.png",
        str(outside),
    ):
        resource = window.view.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(url)
        )
        assert resource is None, url
    assert "[Lost picture]" in window.view.toPlainText()


def test_settings_restore_the_last_article(make_window: WindowFactory, small_pack: Path) -> None:
    first = make_window(small_pack)
    start_page(first, None, home=False)
    assert first.windowTitle() == "Home — Test Pack"  # a fresh run starts at home
    first.open_article("gamma")
    first.resize(700, 500)
    first.close()
    second = make_window(small_pack)
    start_page(second, None, home=False)
    assert shown_title(second) == "Gamma"
    assert second.size().width() == 700
    third = make_window(small_pack)
    start_page(third, "delta", home=False)
    assert shown_title(third) == "Delta"


def test_the_next_page_is_rendered_while_the_reader_reads(
    make_window: WindowFactory, small_pack: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(small_pack)
    window._prefetch.setInterval(10)
    converted: list[str] = []
    convert = window.renderer.convert
    monkeypatch.setattr(
        window.renderer, "convert", lambda a, t: converted.append(a.slug) or convert(a, t)
    )
    window.open_article("beta")
    assert converted == ["beta"]
    qtbot.waitUntil(lambda: converted == ["beta", "gamma", "alpha"], timeout=2000)
    window.act.next.trigger()  # Gamma is ready: nothing is converted while turning
    assert shown_title(window) == "Gamma" and converted == ["beta", "gamma", "alpha"]


def test_sidebar_can_be_hidden_and_stays_hidden(
    qtbot: QtBot, make_window: WindowFactory, small_pack: Path
) -> None:
    first = make_window(small_pack)
    start_page(first, None, home=True)
    qtbot.keyClick(first, Qt.Key.Key_F9)
    assert not first.sidebar.isVisible()
    first.close()
    assert not make_window(small_pack).sidebar.isVisible()


def test_unknown_article_is_refused_politely(window: MainWindow) -> None:
    assert window.open_article("no-such-thing") is False
    assert "No article called" in window.statusBar().currentMessage()
    assert window.windowTitle() == "Home — Test Pack"


def test_problems_dialog_lists_what_check_finds_grouped_by_file(
    qtbot: QtBot, make_window: WindowFactory, make_pack: PackBuilder
) -> None:
    root = make_pack(
        {
            "alpha.md": article("A", "[x](gone.md)\n\n![pic](nowhere.png)", category="one"),
            "b.md": "---\ntitle: [\n---\n",
            "c.md": article("C", "Fine.", category="one"),
        }
    )
    window = make_window(root)
    window.announce_problems()
    message = window.statusBar().currentMessage()
    # "5 problems" with the English plural catalogue installed, "5 problem(s)" without one
    assert re.match(r"\d+ problem", message), message
    assert message.endswith(" in the content pack — see Help › Content problems")
    window.act.problems.trigger()  # not modal: shown beside the window
    dialog = window.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.checked, timeout=10_000)
    rows = dialog.rows()
    a = rows.index("alpha.md (2)")  # grouped by file, each file's problems under it
    assert "broken link 'gone.md'" in rows[a + 1] and rows[a + 1].startswith("  line 6: error:")
    assert "missing image 'nowhere.png'" in rows[a + 2]
    b = next(i for i, row in enumerate(rows) if row.startswith("b.md ("))
    assert any("invalid YAML" in row for row in rows[b + 1 :])
    assert not any(r.startswith("c.md") for r in rows)
    assert dialog.summary.text().endswith(". Open one to see its article.")
    groups = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    group = next(g for g in groups if g is not None and g.text(0) == "alpha.md (2)")
    dialog.tree.itemActivated.emit(group.child(1), 0)
    assert window.current == "alpha"


def test_closing_the_window_stops_a_check_under_way(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(bundled_dir("content"))
    window.act.problems.trigger()
    dialog = window.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible()
    window.close()  # must not destroy a running QThread (which aborts the process)
    assert not dialog.isVisible()


def test_about_shows_the_disclaimer(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or 0)
    window.act.about.trigger()
    assert "General information only." in seen[0]


def test_screenshot_option_saves_a_png(small_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--content",
            str(small_pack),
            "--article",
            "alpha",
            "--settings",
            str(tmp_path / "s.ini"),
            "--screenshot",
            str(out),
            "--size",
            "800x600",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 800 and image.height() == 600


def test_home_offers_continue_reading_after_reading(window: MainWindow) -> None:
    assert "Continue reading" not in window.view.toPlainText()
    window.open_article("alpha")
    window.act.home.trigger()
    text = window.view.toPlainText()
    assert "Continue reading" in text
    assert "Because you read Alpha" in text
    section = text.split("Because you read Alpha", 1)[1]
    assert "Delta" in section.split("Start here")[0]  # alpha's editor-suggested article


def test_turning_a_page_lays_it_out_once(make_window: WindowFactory, small_pack: Path) -> None:
    # Replacing the page must not hide and re-show the scroll bar: each viewport resize is a
    # full relayout of the new page.
    window = make_window(small_pack)
    window.resize(900, 300)  # every test article is longer than this
    window.open_article("alpha")
    QApplication.processEvents()
    assert window.view.verticalScrollBar().isVisible()
    resizes: list[QSize] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Resize:
                resizes.append(window.view.viewport().size())
            return False

    watch = Watch()
    window.view.viewport().installEventFilter(watch)
    window.act.next.trigger()
    QApplication.processEvents()
    assert shown_title(window) == "Beta" and resizes == []
    assert window.view.verticalScrollBar().isVisible()


def _start_reader(
    script: str, small_pack: Path, tmp_path: Path, *page: str
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (which calls ``reader.cli.main``) on ``small_pack`` in a fresh process
    that exits after the first paint; the cache folder is kept across calls."""
    options = ["--content", str(small_pack), "--settings", str(tmp_path / "s.ini"), *page]
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, *options, "--exit-after-paint"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result


#: The start of a script for _start_reader(): run the reader to its exit after the first paint.
_RUN_MAIN = (
    "import sys\nfrom reader.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
)


@pytest.mark.parametrize(
    ("start", "runs", "expected"),
    [
        ("--home", 1, "no markdown"),
        ("alpha", 1, "markdown"),
        ("alpha", 2, "no markdown"),  # the second time, its body comes from the disk cache
    ],
)
def test_start_up_imports_only_what_the_first_page_needs(
    small_pack: Path, tmp_path: Path, start: str, runs: int, expected: str
) -> None:
    script = _RUN_MAIN + (
        "late = ['multiprocessing', 'reader.gui.speech', 'reader.gui.find_bar',"
        " 'reader.find.index', 'sqlite3', 'reader.gui.splash', 'reader.gui.kiosk.config',"
        " 'reader.find.query', 'reader.page.ahead', 'queue']\n"
        "print('early:', [m for m in late if m in sys.modules])\n"
        "print('no markdown' if 'markdown' not in sys.modules else 'markdown')\n"
    )
    page = ["--home"] if start == "--home" else ["--article", start]
    for _ in range(runs):
        result = _start_reader(script, small_pack, tmp_path, *page)
    assert "early: []" in result.stdout
    assert result.stdout.strip().endswith(expected)


def test_start_up_sets_up_no_qt_class_it_does_not_use(small_pack: Path, tmp_path: Path) -> None:
    """PySide6 sets up a Qt class's Python type the first time Python meets it. Asking Qt for a
    widget it made (viewport()) sets up every widget class, an event filter every event class,
    setStyle() the QStyle class: none of that may happen before the first paint."""
    script = _RUN_MAIN + (
        "import PySide6.QtWidgets as W\n"
        "costly = ['QStyle', 'QCalendarWidget', 'QGraphicsSceneWheelEvent', 'QMessageBox']\n"
        "print('set up:', [name for name in costly if name in W.__dict__])\n"
        "print('style:', W.QApplication.instance().style().name())\n"
    )
    result = _start_reader(script, small_pack, tmp_path, "--article", "alpha")
    assert "set up: []" in result.stdout
    assert "style: fusion" in result.stdout


def test_pictures_are_decoded_once_until_the_file_changes(
    make_window: WindowFactory, small_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtGui

    decoded: list[str] = []

    def counting(path: str) -> QImage:
        decoded.append(path)
        return QImage(path)

    monkeypatch.setattr(PySide6.QtGui, "QImage", counting)  # the view imports it when needed
    window = make_window(small_pack)
    for slug in ("alpha", "beta", "alpha", "beta", "alpha"):
        window.open_article(slug)
    assert [Path(p).name for p in decoded] == ["square.png"]
    picture = small_pack / "one" / "square.png"
    stat = picture.stat()
    __import__("os").utime(picture, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    window.open_article("beta")
    window.open_article("alpha")
    assert [Path(p).name for p in decoded] == ["square.png", "square.png"]


def test_only_real_overflow_gets_a_horizontal_scroll_bar(
    make_pack: PackBuilder, make_window: WindowFactory
) -> None:
    root = make_pack(
        {
            "plain.md": article("Plain", "Short words only. " * 50),
            "wide.md": article("Wide", "```\n" + "x " * 200 + "\n```"),  # code does not wrap
        }
    )
    window = make_window(root)
    window.resize(900, 600)
    window.open_article("plain")
    QApplication.processEvents()
    assert not window.view.horizontalScrollBar().isVisible()
    # What Qt reports after laying out a table a pixel wider than the column:
    window.view.horizontalScrollBar().rangeChanged.emit(0, 1)
    assert window.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    window.open_article("wide")
    QApplication.processEvents()
    assert window.view.horizontalScrollBar().isVisible()
    assert window.view.horizontalScrollBar().maximum() > 100


def test_a_failure_while_rendering_ahead_goes_unnoticed(
    make_window: WindowFactory,
    small_pack: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = make_window(small_pack)
    window._prefetch.setInterval(10)
    tried: list[str] = []

    def explode(article: object) -> bool:
        tried.append("x")
        raise RuntimeError("boom")

    monkeypatch.setattr(window.renderer, "prefetch", explode)
    window.open_article("beta")
    qtbot.waitUntil(lambda: bool(tried), timeout=2000)
    assert shown_title(window) == "Beta"
    assert "could not render the next page ahead" in caplog.text
    window.act.next.trigger()
    assert shown_title(window) == "Gamma"


def test_the_start_article_is_centred_in_the_tree(
    make_pack: PackBuilder, settings_path: Path, qtbot: QtBot
) -> None:
    files = {f"one/a{i:02}.md": article(f"Article {i}", category="one", order=i) for i in range(60)}
    pack = load_pack(make_pack(files))
    window = MainWindow(pack, Settings.at(settings_path))  # as run() does: opened, then shown
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.open_article("a30")
    window.show()
    qtbot.waitExposed(window)
    tree = window.sidebar.tree
    qtbot.wait(50)  # the event loop runs, as after a real start
    row = tree.visualRect(tree.currentIndex())
    height = tree.viewport().height()
    assert height / 4 < row.center().y() < height * 3 / 4, (row, height)


def test_a_long_first_load_says_how_far_it_has_got(
    qtbot: QtBot, make_pack: PackBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import splash
    from reader.gui.app import load_progress

    root = make_pack({f"a{i:03}.md": article(f"Article {i}") for i in range(450)})
    said: list[tuple[int, int, bool]] = []
    set_progress = splash.LoadingSplash.set_progress

    def record(self: splash.LoadingSplash, done: int, total: int) -> None:
        set_progress(self, done, total)
        said.append((done, total, self.isVisible()))
        assert self.detail.text() == f"{done:,} of {total:,} articles read"

    monkeypatch.setattr(splash.LoadingSplash, "set_progress", record)
    progress, close = load_progress(show_after=0)
    pack = Catalog(tmp_path / "cache").load(root, progress=progress)
    close()
    assert len(pack.articles) == 450
    assert said == [(0, 450, True), (200, 450, True), (400, 450, True)]
    QApplication.processEvents()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "loadingSplash" and w.isVisible()
    ]
    # From its catalog the next load reads no files, and says nothing.
    said.clear()
    progress, close = load_progress(show_after=0)
    Catalog(tmp_path / "cache").load(root, progress=progress)
    close()
    assert said == []


def test_a_quick_load_shows_no_progress_window(
    qtbot: QtBot, small_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import splash
    from reader.gui.app import load_progress

    built: list[object] = []
    monkeypatch.setattr(splash, "LoadingSplash", lambda: built.append(1))
    progress, close = load_progress()  # 0.4 s: far longer than five small files take
    load_pack(small_pack, progress=progress)
    close()
    assert built == []
    progress, close = load_progress(show_after=0)  # the same load, if it had been slow
    with pytest.raises(AttributeError):  # the stand-in above has no set_progress
        load_pack(small_pack, progress=progress)
    assert built == [1]


def test_the_article_view_knows_its_viewport_width(
    make_window: WindowFactory, small_pack: Path
) -> None:
    from reader.gui.article_view import viewport_width

    window = make_window(small_pack)
    window.open_article("alpha")
    QApplication.processEvents()
    assert window.view.verticalScrollBar().isVisible()
    assert viewport_width(window.view) == window.view.viewport().width()


def test_a_picture_on_its_own_leaves_no_blank_band_below_it(
    make_window: WindowFactory, make_pack: PackBuilder
) -> None:
    root = make_pack({"one/a.md": article("A", "Before.\n\n![Tall](tall.png)\n\nAfter.")})
    QImage(200, 300, QImage.Format.Format_RGB32).save(str(root / "one" / "tall.png"))
    window = make_window(root)
    window.open_article("a")
    QApplication.processEvents()
    block = window.view.document().begin()
    while block.isValid() and "\ufffc" not in block.text():  # the picture's placeholder
        block = block.next()
    assert block.isValid()
    # Body paragraphs have 150 % line height; on an X11 display Qt applied it to the picture's
    # line too and left a band of blank page below it.
    fmt = block.blockFormat()
    assert (fmt.lineHeightType(), fmt.lineHeight()) == (1, 100.0)  # 1: a percentage
    height = window.view.document().documentLayout().blockBoundingRect(block).height()
    assert 300 <= height < 330


# --- Recommended -----------------------------------------------------------------------------
def test_recommended_gets_its_share_and_starts_at_the_top(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(bundled_dir("content"))
    window.show_home()  # the panel is hidden on the home page …
    assert window.sidebar.panel.isHidden()
    window.open_article("npc-blood-test")  # … and comes back at its share
    split = window.sidebar.split
    assert split.sizes()[1] >= 0.38 * sum(split.sizes())
    recommended = window.sidebar.recommended
    qtbot.waitUntil(lambda: recommended.viewport().height() > 0)
    first = recommended.visualRect(window.sidebar.recommended_model.index(0, 0))
    assert first.bottom() <= recommended.viewport().height()  # title, teaser and reason
    recommended.verticalScrollBar().setValue(recommended.verticalScrollBar().maximum())
    window.open_article("npc-early-detection")
    qtbot.waitUntil(lambda: not window.sidebar.recommendations_pending())  # turned in a burst
    assert recommended.verticalScrollBar().value() == 0


def test_home_gives_the_panels_room_to_the_article_list(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    window.sidebar.split.setSizes([100, 300])  # as if the reader dragged the divider
    window.show_home()
    assert window.sidebar.panel.isHidden()
    split = window.sidebar.split
    qtbot.waitUntil(lambda: window.sidebar.tree.height() >= split.height() - 10, timeout=2000)


# --- places ----------------------------------------------------------------------------------
def test_back_and_forward_return_to_the_place_left(make_window: WindowFactory) -> None:
    window = make_window(bundled_dir("content"))
    bar = window.view.verticalScrollBar()
    window.open_article("ringworm")
    bar.setValue(bar.maximum() // 2)
    ringworm_at = bar.value()
    window.open_article("itching-all-over")
    assert bar.value() == 0  # a new page starts at the top
    bar.setValue(bar.maximum() // 3)
    itching_at = bar.value()
    window.act.back.trigger()
    assert window.current == "ringworm"
    assert abs(bar.value() - ringworm_at) <= 2
    window.act.forward.trigger()
    assert window.current == "itching-all-over"
    assert abs(bar.value() - itching_at) <= 2


# --- Edit and Help ---------------------------------------------------------------------------
def test_edit_menu_copies_and_selects_all(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("beta")
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert [a.text() for a in edit.actions()][:2] == ["&Copy", "Select &all"]
    window.view.setFocus()
    window.act.select_all.trigger()
    assert "Beta body." in window.view.textCursor().selectedText()
    window.act.copy.trigger()
    assert "Beta body." in QApplication.clipboard().text()


def test_keyboard_shortcuts_page_lists_every_action_with_keys(window: MainWindow) -> None:
    dialog = window.act.shortcuts_dialog()
    rows = dict(dialog.rows())  # type: ignore[attr-defined]
    assert rows["Find in article"].startswith("Ctrl+F")
    assert rows["Show sidebar"] == "F9"
    assert rows["Next article"] == "Ctrl+PgDown / Ctrl+Tab"
    expected = {
        a.text().replace("&", "").rstrip("…")
        for a in window.actions()
        if a.shortcuts() and a.isVisible()
    }
    assert expected <= set(rows)


def shown_on_first_article(root: Path, settings_path: Path, qtbot: QtBot) -> MainWindow:
    """A 900×600 window on the pack in ``root``, shown on its article ``a00``."""
    window = MainWindow(load_pack(root), Settings.at(settings_path))
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.open_article("a00")
    window.show()
    qtbot.waitExposed(window)
    return window


def test_next_past_the_last_row_in_view_centres_the_new_row(
    make_pack: PackBuilder, settings_path: Path, qtbot: QtBot
) -> None:
    files = {f"one/a{i:02}.md": article(f"Article {i}", category="one", order=i) for i in range(60)}
    window = shown_on_first_article(make_pack(files), settings_path, qtbot)
    tree, model = window.sidebar.tree, window.sidebar.model
    viewport = tree.viewport().rect()
    qtbot.waitUntil(lambda: viewport.contains(tree.visualRect(model.index_of("a00"))))
    inside = [
        f"a{i:02}"
        for i in range(60)
        if viewport.contains(tree.visualRect(model.index_of(f"a{i:02}")))
    ]
    bar = tree.verticalScrollBar()
    scrolled = bar.value()
    window.open_article(inside[-1])  # in view: the list stays where it is
    assert bar.value() == scrolled
    window.open_article(f"a{int(inside[-1][1:]) + 1:02}")  # the row just below the view
    row = tree.visualRect(tree.currentIndex())
    height = viewport.height()
    assert height / 4 < row.center().y() < height * 3 / 4, (row, height)


def test_one_page_turn_shows_its_recommendations_at_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import sidebar as sidebar_module

    monkeypatch.setattr(sidebar_module, "BURST_MS", 0)  # no turn here is in a burst
    window.open_article("alpha")
    window.act.next.trigger()
    shown = [r.slug for r in window.sidebar.recommended_model.items()]
    assert shown == [r.slug for r in window.recommender.recommend(window.current or "")]


def test_holding_next_rebuilds_the_panel_once_the_turns_stop(
    qtbot: QtBot, make_pack: PackBuilder, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import sidebar as sidebar_module

    monkeypatch.setattr(sidebar_module, "BURST_MS", 60_000)  # every turn here is in the burst
    files = {
        f"one/a{i:02}.md": article(f"Article {i}", category="one", order=i, tags=["fever"])
        for i in range(12)
    }
    window = shown_on_first_article(make_pack(files), settings_path, qtbot)
    sidebar = window.sidebar
    rebuilt: list[int] = []
    sidebar.recommended_model.modelReset.connect(lambda: rebuilt.append(1))
    bar = sidebar.recommended.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    for _ in range(5):
        window.act.next.trigger()
    assert window.current == "a05"
    assert rebuilt == [] and sidebar.recommendations_pending()
    qtbot.waitUntil(lambda: not sidebar.recommendations_pending())
    assert rebuilt == [1]  # once, for the last page
    shown = [r.slug for r in sidebar.recommended_model.items()]
    assert shown and shown == [r.slug for r in window.recommender.recommend("a05")]
    assert bar.value() == 0
    assert window.sidebar.current_slug() == "a05"
    assert window.position_label.text().startswith("Article 6 of 12")
    assert window.act.next.isEnabled() and window.act.previous.isEnabled()


def test_the_view_calls_back_once_after_its_next_paint(qtbot: QtBot, window: MainWindow) -> None:
    calls: list[int] = []
    window.view.after_paint(lambda: calls.append(1))
    qtbot.wait(20)
    assert calls == []  # nothing painted yet: the page is unchanged
    window.view.viewport().repaint()
    qtbot.waitUntil(lambda: calls == [1])
    window.view.viewport().repaint()
    qtbot.wait(20)
    assert calls == [1]


def test_turns_in_a_burst_render_the_next_page_once_the_page_is_painted(
    qtbot: QtBot, make_pack: PackBuilder, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import window as window_module

    monkeypatch.setattr(window_module, "PREFETCH_DELAY_MS", 600_000)  # no idle moment comes
    files = {f"one/a{i:02}.md": article(f"Article {i}", category="one", order=i) for i in range(6)}
    window = MainWindow(load_pack(make_pack(files)), Settings.at(settings_path))
    qtbot.addWidget(window)
    rendered: list[str] = []
    real = window.renderer.prefetch

    def prefetch(article: Article) -> bool:
        rendered.append(article.slug)
        return real(article)

    monkeypatch.setattr(window.renderer, "prefetch", prefetch)
    window.open_article("a00")
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert rendered == []  # one page shown: its neighbours wait for an idle moment
    window.act.next.trigger()  # a turn soon after: a burst
    assert rendered == []  # not before the new page is painted
    qtbot.waitUntil(lambda: "a02" in rendered)


def test_rendering_ahead_for_a_page_already_left_is_skipped(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    monkeypatch.setattr(window.renderer, "prefetch", lambda a: rendered.append(a.slug) or True)
    window.open_article("alpha")
    window.act.next.trigger()  # turned again before alpha's paint could ask (back to back)
    shown = window.current or ""
    window._prefetch_neighbours("alpha")  # what alpha's paint asked for: left to the new page
    assert rendered == []
    window._prefetch_neighbours(shown)
    assert rendered and "alpha" in rendered
