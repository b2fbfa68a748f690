"""Every action, menu and toolbar of the main window, built in one place."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton

from reader.themes import DARK, DEFAULT_TEXT_SIZE, HIGH_CONTRAST, LIGHT, SYSTEM

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from reader.gui.window import MainWindow

#: A translation's shortcut letter in brackets, as Chinese and Japanese menus write it.
_KEY_IN_BRACKETS = re.compile(r"\(&\w\)")


def button_text(text: str) -> str:
    """Return a menu text as a button shows it, without its key letter ("朗读(&L)" → "朗读",
    "&Listen" → "Listen")."""
    return _KEY_IN_BRACKETS.sub("", text).replace("&", "")


class WindowActions(QObject):
    """The window's actions (standard shortcuts first), its menus and its toolbar.

    Each action is added to the window too, so its shortcut works with the menu bar hidden
    (a kiosk hides it).
    """

    themes: dict[str, QAction]

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: Everything built here, so that a new language can take it all away (``dispose``).
        self._made: list[QObject] = []
        self._build()
        self._build_menus()
        self.toolbar = self._build_toolbar()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence] | None = None,
        icon: str = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if "(&" in text:  # "首页(&H)": the key letter belongs in menus, not on the toolbar
            action.setIconText(_KEY_IN_BRACKETS.sub("", text))
        if icon:
            action.setProperty("icon_name", icon)
        if keys:
            action.setShortcuts(keys)
            shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shown})")
        elif tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # slots take no "checked"
        self.window.addAction(action)  # shortcuts work even with the menu bar hidden
        self._made.append(action)
        return action

    def _build(self) -> None:
        w = self.window
        std = QKeySequence.StandardKey
        key = QKeySequence
        self.home = self._action(
            self.tr("&Home"),
            w.show_home,
            [key("Alt+Home")],
            "home",
            self.tr("Go to the home page"),
        )
        self.back = self._action(
            self.tr("&Back"),
            w.go_back,
            key.keyBindings(std.Back),
            "back",
            self.tr("Back to the page you read before"),
        )
        self.forward = self._action(
            self.tr("&Forward"),
            w.go_forward,
            key.keyBindings(std.Forward),
            "forward",
            self.tr("Forward again"),
        )
        self.previous = self._action(
            self.tr("&Previous article"),
            w.go_previous,
            [key("Ctrl+PgUp"), key("Ctrl+Shift+Tab")],
            "previous",
            self.tr("Previous article in the library"),
        )
        self.next = self._action(
            self.tr("&Next article"),
            w.go_next,
            [key("Ctrl+PgDown"), key("Ctrl+Tab")],
            "next",
            self.tr("Next article in the library"),
        )
        self.search = self._action(
            self.tr("&Search articles"),
            w.sidebar_search,
            [key("Ctrl+K"), key("/")],
            "",
            self.tr("Search all articles"),
        )
        self.copy = self._action(
            self.tr("&Copy"),
            self._copy_selection,
            key.keyBindings(std.Copy),
            "",
            self.tr("Copy the selected text"),
        )
        self.select_all = self._action(
            self.tr("Select &all"),
            self._select_all,
            key.keyBindings(std.SelectAll),
            "",
            self.tr("Select the whole article"),
        )
        self.find = self._action(
            self.tr("&Find in article…"),
            lambda: w.find_bar.open_bar(),
            key.keyBindings(std.Find),
            "",
            self.tr("Find words in this article"),
        )
        self.larger = self._action(
            self.tr("&Larger text"),
            lambda: w.step_text_size(1),
            [*key.keyBindings(std.ZoomIn), key("Ctrl+=")],
            "larger",
            self.tr("Make the text larger"),
        )
        self.smaller = self._action(
            self.tr("&Smaller text"),
            lambda: w.step_text_size(-1),
            key.keyBindings(std.ZoomOut),
            "smaller",
            self.tr("Make the text smaller"),
        )
        self.normal_size = self._action(
            self.tr("&Normal text size"),
            lambda: w.set_text_size(DEFAULT_TEXT_SIZE),
            [key("Ctrl+0")],
            "",
            self.tr("Reset the text size"),
        )
        self.themes = self._theme_actions()
        self.toggle_sidebar = self._action(
            self.tr("Show &sidebar"),
            w.toggle_sidebar,
            [key("F9")],
            "sidebar",
            self.tr("Show or hide the list of articles"),
        )
        self.print = self._action(
            self.tr("&Print…"),
            w.print_article,
            key.keyBindings(std.Print) or [key("Ctrl+P")],
            "",
            self.tr("Print this article"),
        )
        self.save_pdf = self._action(
            self.tr("Save as P&DF…"),
            w.save_pdf,
            [key("Ctrl+Shift+S")],
            "",
            self.tr("Save this article as a PDF file"),
        )
        self.listen = self._action(
            self.tr("&Listen"),
            lambda: w.listening.toggle(),
            [key("Ctrl+Shift+L")],
            "listen",
            self.tr("Read this article aloud; again to pause"),
        )
        self.stop_listening = self._action(
            self.tr("S&top reading aloud"),
            lambda: w.listening.stop(),
            [key("Ctrl+Shift+.")],
            "",
            self.tr("Stop reading aloud"),
        )
        self.slower = self._action(
            self.tr("Read &slower"),
            lambda: w.listening.change_rate(-1),
            [],
            "",
            self.tr("Read aloud more slowly"),
        )
        self.faster = self._action(
            self.tr("Read &faster"),
            lambda: w.listening.change_rate(1),
            [],
            "",
            self.tr("Read aloud faster"),
        )
        self.problems = self._action(
            self.tr("Content &problems…"),
            self.show_problems,
            tip=self.tr("Problems found in the content pack"),
        )
        self.shortcuts = self._action(
            self.tr("&Keyboard shortcuts"),
            lambda: self.shortcuts_dialog().exec(),
            tip=self.tr("The keys for every action"),
        )
        self.about = self._action(self.tr("&About"), self._show_about, icon="about")
        # Some platforms define no standard Quit key; Ctrl+Q is what readers expect.
        self.quit = self._action(
            self.tr("&Quit"), w.close, key.keyBindings(std.Quit) or [key("Ctrl+Q")]
        )

    def _theme_actions(self) -> dict[str, QAction]:
        names = {
            LIGHT: self.tr("&Light"),
            DARK: self.tr("&Dark"),
            HIGH_CONTRAST: self.tr("&High contrast"),
            SYSTEM: self.tr("Follow &system"),
        }
        group = QActionGroup(self.window)
        self._made.append(group)
        actions: dict[str, QAction] = {}
        for name, label in names.items():
            action = QAction(label, group)
            action.setCheckable(True)
            action.setChecked(name == self.window.theme)
            action.triggered.connect(lambda _checked=False, n=name: self.window.set_theme(n))
            actions[name] = action
        return actions

    def _build_menus(self) -> None:
        a = self
        w = self.window
        a.toggle_sidebar.setCheckable(True)
        a.toggle_sidebar.setChecked(True)
        file_menu = w.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.print)
        file_menu.addAction(a.save_pdf)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        go_menu = w.menuBar().addMenu(self.tr("&Go"))
        for action in (a.home, a.back, a.forward):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(a.previous)
        go_menu.addAction(a.next)
        go_menu.addSeparator()
        go_menu.addAction(a.search)
        edit_menu = w.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(a.copy)
        edit_menu.addAction(a.select_all)
        edit_menu.addSeparator()
        edit_menu.addAction(a.find)
        view_menu = w.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a.toggle_sidebar)
        view_menu.addSeparator()
        for action in (a.listen, a.stop_listening, a.slower, a.faster):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(a.larger)
        view_menu.addAction(a.smaller)
        view_menu.addAction(a.normal_size)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for action in a.themes.values():
            theme_menu.addAction(action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        languages = QActionGroup(self.window)
        self._made.append(languages)
        self.languages: dict[str, QAction] = {}
        for code, name in w.interface_languages():
            action = QAction(name, languages)  # each language named in itself
            action.setCheckable(True)
            action.setChecked(code == w.language)
            action.triggered.connect(lambda _checked=False, c=code: w.set_language(c))
            language_menu.addAction(action)
            self.languages[code] = action
        help_menu = w.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a.shortcuts)
        help_menu.addAction(a.problems)
        help_menu.addSeparator()
        help_menu.addAction(a.about)

    def _build_toolbar(self) -> QToolBar:
        a = self
        bar = QToolBar(self.tr("Navigation"), self.window)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # What does not fit a narrow window goes to the » menu at the toolbar's end.
        bar.setAccessibleName(self.tr("Navigation"))
        for action in (a.home, a.back, a.forward):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(a.previous)
        bar.addAction(a.next)
        bar.addSeparator()
        bar.addAction(a.smaller)
        bar.addAction(a.larger)
        bar.addSeparator()
        bar.addAction(a.listen)
        self.window.addToolBar(bar)
        # Qt's » button, shown when the toolbar does not fit: named for screen readers.
        self.more_button = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if self.more_button is not None:
            self.more_button.setAccessibleName(self.tr("More actions"))
            self.more_button.setToolTip(self.tr("More actions"))
        self._made.append(bar)
        return bar

    def dispose(self) -> None:
        """Take every action, menu and the toolbar off the window (before building anew)."""
        for made in self._made:
            if isinstance(made, QAction):
                self.window.removeAction(made)
            elif isinstance(made, QToolBar):
                self.window.removeToolBar(made)
            made.deleteLater()
        self.window.menuBar().clear()
        self.deleteLater()

    # --- what the Edit and Help actions do ---------------------------------------------
    def _copy_selection(self) -> None:
        """Copy the selected text of the field or list with the focus, else of the article."""
        view = self.window.view
        focus = self.window.focusWidget()
        copy = getattr(focus, "copy", None) if focus is not view else None
        (copy or view.copy)()

    def _select_all(self) -> None:
        """Select all of the field with the focus, else the whole article."""
        focus = self.window.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.selectAll()
        else:
            self.window.view.selectAll()
            self.window.view.setFocus()

    def _show_about(self) -> None:
        from reader.gui.dialogs import AboutDialog  # dialogs: imported when opened

        AboutDialog(self.window.pack, self.window).exec()

    def shortcuts_dialog(self) -> QDialog:
        """Return the Keyboard shortcuts page, generated from the actions."""
        from reader.gui.dialogs import ShortcutsDialog

        return ShortcutsDialog(self.shortcut_rows(), self.window)

    def show_problems(self) -> None:
        """Show the pack's problems beside the window (not modal: a problem opens its
        article, which the reader can then see)."""
        from reader.gui.dialogs import ProblemsDialog

        dialog = ProblemsDialog(self.window.pack, self.window)
        dialog.article_requested.connect(self.window.open_article)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Return (action, keys) for every action with a shortcut, in menu order."""
        rows: list[tuple[str, str]] = []
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None:
                rows.extend(_rows(menu.actions()))  # type: ignore[attr-defined]
        seen = {name for name, _keys in rows}
        rows.extend(r for r in _rows(self.window.actions()) if r[0] not in seen)
        return rows


def _rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(text, keys) of each action with a shortcut, and of those in its submenus."""
    rows: list[tuple[str, str]] = []
    native = QKeySequence.SequenceFormat.NativeText
    for action in actions:
        if (sub := action.menu()) is not None:
            rows.extend(_rows(sub.actions()))  # type: ignore[attr-defined]
        elif action.shortcuts() and action.isVisible():
            keys = " / ".join(k.toString(native) for k in action.shortcuts())
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows
