"""Every theme meets WCAG 2.2 contrast; text sizes step within their range."""

from __future__ import annotations

import re

import pytest

from reader.paths import read_resource
from reader.themes import (
    CONTRAST_PAIRS,
    HIGH_CONTRAST,
    THEMES,
    contrast_ratio,
    fill,
    resolve_theme,
    scale_points,
    step_text_size,
)


def test_contrast_ratio_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize(("fg", "bg", "large"), CONTRAST_PAIRS)
def test_every_pair_meets_wcag(theme: str, fg: str, bg: str, large: bool) -> None:
    colours = THEMES[theme]
    needed = 7.0 if theme == HIGH_CONTRAST else (3.0 if large else 4.5)
    ratio = contrast_ratio(colours[fg], colours[bg])
    assert ratio >= needed, f"{theme}: {fg} on {bg} is {ratio:.2f}:1, needs {needed}:1"


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_templates_use_only_defined_colours(theme: str) -> None:
    for name in ("article.css", "styles/app.qss"):
        filled = fill(read_resource(name), THEMES[theme])
        assert "{{" not in filled.replace("{{colour-name}}", "")
    used = set(re.findall(r"\{\{(\w+)\}\}", read_resource("article.css")))
    assert used <= set(THEMES[theme])


def test_every_theme_defines_the_same_colours() -> None:
    names = {frozenset(colours) for colours in THEMES.values()}
    assert len(names) == 1


def test_system_theme_follows_the_platform() -> None:
    assert resolve_theme("system", system_is_dark=True) == "dark"
    assert resolve_theme("system", system_is_dark=False) == "light"
    assert resolve_theme("nonsense") == "light"


def test_text_size_steps_and_limits() -> None:
    assert step_text_size(100, 1) == 110
    assert step_text_size(100, -1) == 90
    assert step_text_size(250, 1) == 250
    assert step_text_size(80, -3) == 80
    assert step_text_size(133, 1) == 150  # from the nearest step


def test_scale_points() -> None:
    assert scale_points("h1 { font-size: 22pt; } p { margin: 4px }", 200) == (
        "h1 { font-size: 44.0pt; } p { margin: 4px }"
    )


@pytest.mark.parametrize("name", ["styles/app.qss", "styles/kiosk.qss"])
def test_chrome_colours_all_come_from_the_theme_table(name: str) -> None:
    # A colour written into the style sheet stays the same in every theme: white separators
    # in Dark, black status text on black in High contrast.
    qss = re.sub(r"/\*.*?\*/", "", read_resource(name), flags=re.DOTALL)
    literal = re.findall(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\b(?:white|black|gr[ae]y)\b", qss)
    assert literal == []


@pytest.mark.parametrize(
    "part",
    [
        ("chrome_text", "chrome_bg"),  # the status bar
        ("separator", "chrome_bg"),
        ("scrollbar", "chrome_bg"),
        ("link", "sidebar_bg"),  # did you mean
        ("focus", "bg"),
        ("focus", "sidebar_bg"),
    ],
)
def test_contrast_covers_the_chrome(part: tuple[str, str]) -> None:
    assert part in {(fg, bg) for fg, bg, _large in CONTRAST_PAIRS}
