"""What a person typed: telling a query the pack cannot match because of its script."""

from __future__ import annotations

import pytest

from reader.find.query import script_mismatch


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("血液检查", "en", True),
        ("血液检查", "zh-Hans", False),
        ("blood", "en", False),
        ("검사", "fr", True),
        ("blood 検査", "en-GB", True),
        ("blood", "zh", False),
    ],
)
def test_script_mismatch(query: str, language: str, expected: bool) -> None:
    assert script_mismatch(query, language) is expected
