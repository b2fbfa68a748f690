"""The kiosk's language: the language button, the kiosk.toml key and the reset back to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.kiosk.config import load_config


@pytest.mark.parametrize(
    ("written", "read"), [("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("es", "es")]
)
def test_the_language_key_names_an_interface_language(
    tmp_path: Path, written: str, read: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'language = "{written}"\n', encoding="utf-8")
    config = load_config(path)
    assert config.language == read and not config.problems


@pytest.mark.parametrize(
    ("written", "shown"), [('"fr"', "'fr'"), ('"Chinese"', "'Chinese'"), ("1", "1")]
)
def test_a_bad_language_is_reported_and_the_default_used(
    tmp_path: Path, written: str, shown: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"language = {written}\n", encoding="utf-8")
    config = load_config(path)
    assert config.language == ""
    assert config.problems == (
        f"{path}: 'language' = {shown} is not valid (one of en, zh_CN, es); using the default ''",
    )
