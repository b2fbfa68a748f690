"""Apply a theme and a text size to the window: palette, chrome style sheet and article CSS."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

from reader.paths import read_resource

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
