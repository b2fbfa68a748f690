"""Every action, menu and toolbar of the main window, built in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton

from reader.gui.language import interface_languages
from reader.themes import DARK, DEFAULT_TEXT_SIZE, HIGH_CONTRAST, LIGHT, SYSTEM

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMenu

    from reader.gui.window import MainWindow

#: A translation's shortcut letter in brackets, as Chinese and Japanese menus write it.
_KEY_IN_BRACKETS = re.compile(r"\(&\w\)")


#: An action's keys: a Qt standard key stands for the platform's keys for it (none on some).
Keys = list[str | QKeySequence.StandardKey]


def key_sequences(keys: Keys) -> list[QKeySequence]:
    """Return the key sequences of ``keys`` in order, each once."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        sequences += [k for k in found if k not in sequences]
    return sequences


def button_text(text: str) -> str:
    """Return a menu text as a button shows it, without its key letter ("朗读(&L)" → "朗读",
    "&Listen" → "Listen")."""
    return _KEY_IN_BRACKETS.sub("", text).replace("&", "")


class WindowActions(QObject):
    """The window's actions (standard shortcuts first), its menus and its toolbar.

    Each action is added to the window too, so its shortcut works with the menu bar hidden
    (a kiosk hides it).
    """

    home: QAction
    back: QAction
    forward: QAction
    previous: QAction
    next: QAction
    search: QAction
    copy: QAction
    select_all: QAction
    find: QAction
    larger: QAction
    smaller: QAction
    normal_size: QAction
    toggle_sidebar: QAction
    print: QAction
    save_pdf: QAction
    listen: QAction
    stop_listening: QAction
    slower: QAction
    faster: QAction
    problems: QAction
    shortcuts: QAction
    about: QAction
    quit: QAction
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
        self, text: str, tip: str, slot: Callable[[], object], keys: Keys, icon: str
    ) -> QAction:
        action = QAction(text, self.window)
        if "(&" in text:  # "首页(&H)": the key letter belongs in menus, not on the toolbar
            action.setIconText(_KEY_IN_BRACKETS.sub("", text))
        if icon:
            action.setProperty("icon_name", icon)
        if sequences := key_sequences(keys):
            action.setShortcuts(sequences)
            shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shown})")
        elif tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # slots take no "checked"
        self.window.addAction(action)  # shortcuts work even with the menu bar hidden
        self._made.append(action)
        return action

    def _texts(self) -> dict[str, tuple[str, str]]:
        """Return each action's menu text and tooltip, in the interface language."""
        return {
            "home": (self.tr("&Home"), self.tr("Go to the home page")),
            "back": (self.tr("&Back"), self.tr("Back to the page you read before")),
            "forward": (self.tr("&Forward"), self.tr("Forward again")),
            "previous": (self.tr("&Previous article"), self.tr("Previous article in the library")),
            "next": (self.tr("&Next article"), self.tr("Next article in the library")),
            "search": (self.tr("&Search articles"), self.tr("Search all articles")),
            "copy": (self.tr("&Copy"), self.tr("Copy the selected text")),
            "select_all": (self.tr("Select &all"), self.tr("Select the whole article")),
            "find": (self.tr("&Find in article…"), self.tr("Find words in this article")),
            "larger": (self.tr("&Larger text"), self.tr("Make the text larger")),
            "smaller": (self.tr("&Smaller text"), self.tr("Make the text smaller")),
            "normal_size": (self.tr("&Normal text size"), self.tr("Reset the text size")),
            "print": (self.tr("&Print…"), self.tr("Print this article")),
            "save_pdf": (self.tr("Save as P&DF…"), self.tr("Save this article as a PDF file")),
            "listen": (self.tr("&Listen"), self.tr("Read this article aloud; again to pause")),
            "stop_listening": (self.tr("S&top reading aloud"), self.tr("Stop reading aloud")),
            "slower": (self.tr("Read &slower"), self.tr("Read aloud more slowly")),
            "faster": (self.tr("Read &faster"), self.tr("Read aloud faster")),
            "shortcuts": (self.tr("&Keyboard shortcuts"), self.tr("The keys for every action")),
            "about": (self.tr("&About"), ""),
            "quit": (self.tr("&Quit"), ""),
            "toggle_sidebar": (
                self.tr("Show &sidebar"),
                self.tr("Show or hide the list of articles"),
            ),
            "problems": (
                self.tr("Content &problems…"),
                self.tr("Problems found in the content pack"),
            ),
        }

    def _build(self) -> None:
        w = self.window
        std = QKeySequence.StandardKey
        # What each action does, its keys and its toolbar icon. Print and Quit: some platforms
        # define no standard key; Ctrl+P and Ctrl+Q are what readers expect.
        table: dict[str, tuple[Callable[[], object], Keys, str]] = {
            "home": (w.show_home, ["Alt+Home"], "home"),
            "back": (w.go_back, [std.Back], "back"),
            "forward": (w.go_forward, [std.Forward], "forward"),
            "previous": (w.go_previous, ["Ctrl+PgUp", "Ctrl+Shift+Tab"], "previous"),
            "next": (w.go_next, ["Ctrl+PgDown", "Ctrl+Tab"], "next"),
            "search": (w.sidebar_search, ["Ctrl+K", "/"], ""),
            "copy": (self._copy_selection, [std.Copy], ""),
            "select_all": (self._select_all, [std.SelectAll], ""),
            "find": (lambda: w.find_bar.open_bar(), [std.Find], ""),
            "larger": (lambda: w.look.step_text_size(1), [std.ZoomIn, "Ctrl+="], "larger"),
            "smaller": (lambda: w.look.step_text_size(-1), [std.ZoomOut], "smaller"),
            "normal_size": (lambda: w.look.set_text_size(DEFAULT_TEXT_SIZE), ["Ctrl+0"], ""),
            "toggle_sidebar": (w.toggle_sidebar, ["F9"], "sidebar"),
            "print": (lambda: w.printing().print_article(), [std.Print, "Ctrl+P"], ""),
            "save_pdf": (lambda: w.printing().save_pdf(), ["Ctrl+Shift+S"], ""),
            "listen": (lambda: w.listening.toggle(), ["Ctrl+Shift+L"], "listen"),
            "stop_listening": (lambda: w.listening.stop(), ["Ctrl+Shift+."], ""),
            "slower": (lambda: w.listening.change_rate(-1), [], ""),
            "faster": (lambda: w.listening.change_rate(1), [], ""),
            "problems": (self.show_problems, [], ""),
            "shortcuts": (lambda: self.shortcuts_dialog().exec(), [], ""),
            "about": (self._show_about, [], "about"),
            "quit": (w.close, [std.Quit, "Ctrl+Q"], ""),
        }
        texts = self._texts()
        for name, (slot, keys, icon) in table.items():
            setattr(self, name, self._action(*texts[name], slot, keys, icon))
        self.themes = self._theme_actions()

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
            action.setChecked(name == self.window.look.theme)
            action.triggered.connect(lambda _checked=False, n=name: self.window.look.set_theme(n))
            actions[name] = action
        return actions

    def _build_menus(self) -> None:
        a = self
        w = self.window
        a.toggle_sidebar.setCheckable(True)
        a.toggle_sidebar.setChecked(True)
        menus = w.menuBar()
        add_all(menus.addMenu(self.tr("&File")), [a.print, a.save_pdf, None, a.quit])
        go = [a.home, a.back, a.forward, None, a.previous, a.next, None, a.search]
        add_all(menus.addMenu(self.tr("&Go")), go)
        add_all(menus.addMenu(self.tr("&Edit")), [a.copy, a.select_all, None, a.find])
        view_menu = menus.addMenu(self.tr("&View"))
        listen = [a.listen, a.stop_listening, a.slower, a.faster]
        size = [a.larger, a.smaller, a.normal_size]
        add_all(view_menu, [a.toggle_sidebar, None, *listen, None, *size])
        add_all(view_menu.addMenu(self.tr("&Theme")), a.themes.values())
        language_menu = view_menu.addMenu(self.tr("&Language"))
        languages = QActionGroup(self.window)
        self._made.append(languages)
        self.languages: dict[str, QAction] = {}
        for code, name in interface_languages():
            action = QAction(name, languages)  # each language named in itself
            action.setCheckable(True)
            action.setChecked(code == w.language)
            action.triggered.connect(lambda _checked=False, c=code: w.set_language(c))
            language_menu.addAction(action)
            self.languages[code] = action
        add_all(menus.addMenu(self.tr("&Help")), [a.shortcuts, a.problems, None, a.about])

    def _build_toolbar(self) -> QToolBar:
        a = self
        bar = QToolBar(self.tr("Navigation"), self.window)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # What does not fit a narrow window goes to the » menu at the toolbar's end.
        bar.setAccessibleName(self.tr("Navigation"))
        go = [a.home, a.back, a.forward, None, a.previous, a.next]
        add_all(bar, [*go, None, a.smaller, a.larger, None, a.listen])
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


def add_all(target: QMenu | QToolBar, actions: Iterable[QAction | None]) -> None:
    """Add ``actions`` to a menu or toolbar in order, a separator for each None."""
    for action in actions:
        if action is None:
            target.addSeparator()
        else:
            target.addAction(action)


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
