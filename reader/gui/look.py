"""The window's look: a theme and a text size applied to the palette, the chrome style sheet,
the icons and the article CSS."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

from reader.paths import read_resource
from reader.themes import (
    SYSTEM,
    TEXT_SIZES,
    THEME_NAMES,
    THEMES,
    clamp_text_size,
    fill,
    resolve_theme,
    scale_points,
    step_text_size,
)

if TYPE_CHECKING:
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow

#: The stroke colour the bundled icons are drawn with; replaced by the theme's text colour.
ICON_STROKE = "#24425e"


class Templates(NamedTuple):
    """The article CSS and chrome QSS templates (``{{colour}}`` placeholders)."""

    article_css: str
    app_qss: str

    @classmethod
    def load(cls) -> Templates:
        return cls(read_resource("article.css"), read_resource("styles/app.qss"))


def themed_icon(name: str, colour: str, disabled: str) -> QIcon:
    """Return the bundled line icon ``name`` drawn in ``colour`` (and ``disabled`` when off)."""
    svg = read_resource(f"icons/{name}.svg")
    icon = QIcon()
    for mode, stroke in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled)):
        pixmap = QPixmap()
        pixmap.loadFromData(svg.replace(ICON_STROKE, stroke).encode(), "SVG")
        icon.addPixmap(pixmap, mode)
    return icon


def system_is_dark() -> bool:
    """Return True if the platform asks for a dark colour scheme."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_for(colours: Mapping[str, str]) -> QPalette:
    """Return a widget palette built from a theme's colours."""
    c = {name: QColor(value) for name, value in colours.items()}
    palette = QPalette()
    role = QPalette.ColorRole
    roles_by_colour = {
        "chrome_bg": (role.Window, role.Button),
        "chrome_text": (role.WindowText, role.ButtonText),
        "bg": (role.Base, role.ToolTipBase),
        "text": (role.Text, role.ToolTipText),
        "sidebar_bg": (role.AlternateBase,),
        "selection_bg": (role.Highlight,),
        "selection_text": (role.HighlightedText,),
        "link": (role.Link,),
        "muted": (role.PlaceholderText,),
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for key, roles in roles_by_colour.items():
            for which in roles:
                palette.setColor(group, which, c[key])
    for which in (role.ButtonText, role.WindowText, role.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, which, c["disabled"])
    return palette


#: The article title in a narrow window: at its normal size (xx-large) a long word
#: ("nasopharyngeal") is wider than the column beside the sidebar, and Qt breaks it mid-word.
NARROW_TITLE_CSS = "h1 { font-size: x-large; }\n"


class Look(QObject):
    """The window's theme and text size: applied to the palette, the chrome, the icons and the
    article, and remembered in the settings (not in a kiosk, which keeps its own)."""

    def __init__(self, window: MainWindow, settings: Settings, templates: Templates) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.templates = templates
        self.theme = settings.theme
        self.text_size = settings.text_size
        #: False in a kiosk: a visitor's choice is not kept.
        self.persist = True
        #: Style sheet added to the theme's (a kiosk's big type and touch targets).
        self.extra_qss = ""
        #: The look a reset returns to.
        self.default = (self.theme, self.text_size)
        #: Toolbar icons by (name, colour, disabled colour). Qt keeps the pixmaps of every icon
        #: it has drawn in its pixmap cache (up to 10 MB), so drawing the same look again must
        #: reuse the same icons: a kiosk re-applies its look at every reset.
        self._icons: dict[tuple[str, str, str], QIcon] = {}
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    def colours(self) -> Mapping[str, str]:
        """Return the colours of the look in use (the theme, or the system's light or dark)."""
        return THEMES[resolve_theme(self.theme, system_is_dark())]

    def match_colours(self) -> tuple[QColor, QColor]:
        """Return the theme's colours for search matches and for the current match."""
        colours = self.colours()
        return QColor(colours["match_bg"]), QColor(colours["current_match_bg"])

    def apply(self) -> None:
        """Apply the theme and text size to the chrome and the article, keeping the place."""
        w = self.window
        colours = self.colours()
        w.setPalette(palette_for(colours))
        w.setStyleSheet(fill(self.templates.app_qss + self.extra_qss, colours))
        w.sidebar.set_link_colour(colours["link"])
        if (find_bar := w.find_bar_if_built()) is not None:
            find_bar.set_colours(*self.match_colours())
        w.view.set_text_size(self.text_size)
        w.view.set_style_sheet(self._article_css(colours))
        w.act.larger.setEnabled(self.text_size < TEXT_SIZES[-1])
        w.act.smaller.setEnabled(self.text_size > TEXT_SIZES[0])
        w.act.themes[self.theme].setChecked(True)
        # The window's own actions (each is added to it): findChildren() would also return
        # the actions Qt made for menus and fields, and wrapping those costs ~2 ms.
        for action in w.actions():
            if name := action.property("icon_name"):
                action.setIcon(self.icon(name, colours))
        if w.act.more_button is not None:  # Qt's own » is black, and gone in Dark
            w.act.more_button.setIcon(self.icon("more", colours))
        w.rerender()

    def _article_css(self, colours: Mapping[str, str]) -> str:
        css = self.templates.article_css
        if self.window.sizing.narrow:
            css += NARROW_TITLE_CSS
        return scale_points(fill(css, colours), self.text_size)

    def fit_title(self) -> None:
        """Size the article's title for the window's width (after it crossed the narrow line)."""
        self.window.view.set_style_sheet(self._article_css(self.colours()))
        self.window.rerender()

    def icon(self, name: str, colours: Mapping[str, str] | None = None) -> QIcon:
        """Return the icon ``name`` in ``colours`` (the look's), the same QIcon each time."""
        colours = colours or self.colours()
        key = (name, colours["chrome_text"], colours["disabled"])
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = themed_icon(*key)
        return icon

    def set_theme(self, name: str) -> None:
        self.theme = name if name in THEME_NAMES else SYSTEM
        if self.persist:
            self.settings.theme = self.theme
        self.apply()

    def set_text_size(self, percent: int) -> None:
        self.text_size = clamp_text_size(percent)
        if self.persist:
            self.settings.text_size = self.text_size
        self.apply()
        self.window.statusBar().showMessage(
            self.tr("Text size {n}%").format(n=self.text_size), 2000
        )

    def step_text_size(self, steps: int) -> None:
        self.set_text_size(step_text_size(self.text_size, steps))

    def keep(self, theme: str, text_size: int, extra_qss: str) -> None:
        """Use ``theme`` and ``text_size`` (and ``extra_qss``) from now on and after every
        reset, and remember no change in the settings (a kiosk's look)."""
        self.extra_qss = extra_qss
        self.default = (theme, text_size)
        self.theme, self.text_size = self.default
        self.persist = False
        self.apply()

    def reset(self) -> None:
        """Go back to the default look (a kiosk's next visitor)."""
        self.theme, self.text_size = self.default
        self.apply()

    def _on_system_scheme_changed(self) -> None:
        if self.theme == SYSTEM:
            self.apply()
