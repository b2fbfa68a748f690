"""Colour themes and text sizes, defined once for the window chrome and the article CSS.

Each theme is a mapping of named colours. ``resources/article.css`` and
``resources/styles/app.qss`` are templates that use the names as ``{{name}}``; sizes in
``pt`` in the article CSS are scaled by the text size. Qt-free, so the contrast of every
pair a theme shows can be tested without a window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LIGHT = "light"
DARK = "dark"
HIGH_CONTRAST = "high-contrast"
SYSTEM = "system"
THEME_NAMES = (LIGHT, DARK, HIGH_CONTRAST, SYSTEM)

#: Text size steps in percent; 100 is the default on the desktop.
TEXT_SIZES = (80, 90, 100, 110, 125, 150, 175, 200, 250)
DEFAULT_TEXT_SIZE = 100

THEMES: dict[str, dict[str, str]] = {
    LIGHT: {
        "bg": "#ffffff",
        "text": "#1f2328",
        "heading": "#12263a",
        "lede": "#3b4652",
        "muted": "#545e69",
        "link": "#0b5cad",
        "chrome_bg": "#eef1f4",
        "chrome_text": "#1f2328",
        "sidebar_bg": "#f6f8fa",
        "sidebar_text": "#1f2328",
        "selection_bg": "#cfe2f7",
        "selection_text": "#12263a",
        "note_bg": "#e8f1fb",
        "warning_bg": "#fff4dc",
        "danger_bg": "#fde8e8",
        "danger_heading": "#8a1c1c",
        "tile_bg": "#eef4fa",
        "toc_bg": "#f4f6f8",
        "code_bg": "#f1f3f5",
        "th_bg": "#eef2f6",
        "border": "#b8c2cc",
        "match_bg": "#fff1a8",
        "current_match_bg": "#ffb84d",
        "focus": "#0b5cad",
        "separator": "#7b8794",
        "scrollbar": "#7b8794",
        "disabled": "#9aa3ad",
    },
    DARK: {
        "bg": "#1b1e23",
        "text": "#e4e7eb",
        "heading": "#f2f4f7",
        "lede": "#c3cad3",
        "muted": "#a9b1bb",
        "link": "#8cc4ff",
        "chrome_bg": "#25292f",
        "chrome_text": "#e4e7eb",
        "sidebar_bg": "#22262c",
        "sidebar_text": "#e4e7eb",
        "selection_bg": "#2f4d6d",
        "selection_text": "#ffffff",
        "note_bg": "#1f3147",
        "warning_bg": "#3a3020",
        "danger_bg": "#452426",
        "danger_heading": "#ffb3b3",
        "tile_bg": "#253140",
        "toc_bg": "#242a31",
        "code_bg": "#2a2f36",
        "th_bg": "#2a313a",
        "border": "#5a6573",
        "match_bg": "#6b5a12",
        "current_match_bg": "#8a4a10",
        "focus": "#8cc4ff",
        "separator": "#6f7a87",
        "scrollbar": "#7d8896",
        "disabled": "#68717c",
    },
    HIGH_CONTRAST: {
        "bg": "#000000",
        "text": "#ffffff",
        "heading": "#ffffff",
        "lede": "#ffffff",
        "muted": "#e6e6e6",
        "link": "#ffff00",
        "chrome_bg": "#000000",
        "chrome_text": "#ffffff",
        "sidebar_bg": "#000000",
        "sidebar_text": "#ffffff",
        "selection_bg": "#ffff00",
        "selection_text": "#000000",
        "note_bg": "#0a1a33",
        "warning_bg": "#2b2000",
        "danger_bg": "#330000",
        "danger_heading": "#ffffff",
        "tile_bg": "#101010",
        "toc_bg": "#101010",
        "code_bg": "#1a1a1a",
        "th_bg": "#1a1a1a",
        "border": "#ffffff",
        "match_bg": "#00519e",
        "current_match_bg": "#a30000",
        "focus": "#ffff00",
        "separator": "#ffffff",
        "scrollbar": "#ffffff",
        "disabled": "#8c8c8c",
    },
}

#: (foreground, background, large?) pairs that appear on screen; checked for contrast. "Large"
#: is large text or a part that is not text (a separator, a scroll bar's handle, a focus
#: outline), which WCAG asks 3:1 of. ("disabled" is left out: WCAG exempts inactive controls,
#: and they must look inactive.)
CONTRAST_PAIRS: tuple[tuple[str, str, bool], ...] = (
    ("text", "bg", False),
    ("heading", "bg", True),
    ("lede", "bg", False),
    ("muted", "bg", False),
    ("link", "bg", False),
    ("text", "note_bg", False),
    ("text", "warning_bg", False),
    ("text", "danger_bg", False),
    ("heading", "note_bg", False),
    ("heading", "warning_bg", False),
    ("danger_heading", "danger_bg", False),
    ("link", "tile_bg", False),
    ("muted", "tile_bg", False),
    ("link", "toc_bg", False),
    ("lede", "toc_bg", False),
    ("text", "code_bg", False),
    ("text", "th_bg", False),
    ("chrome_text", "chrome_bg", False),  # menus, toolbar, the status bar and its labels
    ("separator", "chrome_bg", True),
    ("scrollbar", "chrome_bg", True),  # the handle on its track
    ("focus", "bg", True),  # focus outlines around the article, the lists and the fields
    ("focus", "sidebar_bg", True),
    ("focus", "chrome_bg", True),
    ("link", "sidebar_bg", False),  # "Did you mean …?" under the search field
    ("sidebar_text", "sidebar_bg", False),
    ("muted", "sidebar_bg", False),
    ("selection_text", "selection_bg", False),
    ("text", "match_bg", False),
    ("text", "current_match_bg", False),
)

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def resolve_theme(name: str, system_is_dark: bool = False) -> str:
    """Return the concrete theme for ``name`` ("system" follows the platform's colour scheme)."""
    if name == SYSTEM:
        return DARK if system_is_dark else LIGHT
    return name if name in THEMES else LIGHT


def fill(template: str, colours: Mapping[str, str]) -> str:
    """Replace ``{{name}}`` with the theme's colour; unknown names are an error."""
    return _PLACEHOLDER.sub(lambda m: colours[m.group(1)], template)


def scale_points(css: str, percent: int) -> str:
    """Scale every ``NNpt`` size in ``css`` by ``percent``."""
    factor = percent / 100
    return _POINTS.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", css)


def step_text_size(current: int, steps: int) -> int:
    """Return the text size ``steps`` steps away from ``current`` (clamped to the range)."""
    sizes = TEXT_SIZES
    nearest = min(range(len(sizes)), key=lambda i: abs(sizes[i] - current))
    return sizes[max(0, min(len(sizes) - 1, nearest + steps))]


def clamp_text_size(percent: int) -> int:
    return max(TEXT_SIZES[0], min(TEXT_SIZES[-1], percent))


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG 2.2 contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
