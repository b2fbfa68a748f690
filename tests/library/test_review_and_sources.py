"""Front matter that cannot lie: updated, reviewed with reviewed_by, sources as entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.library.catalog import Catalog
from reader.library.loading import load_pack
from reader.library.pack import Source, contact_address, next_review_due, reviewed_only
from tests.conftest import PACK_TOML, PackBuilder, article

SOURCES = """\
---
title: Cited
updated: 2026-12-01
reviewed: 2026-11-02
reviewed_by: Dr Ada Lee, general practitioner
sources:
  - "NHS. Sore throat."
  - id: nhs
    title: Chest pain
    publisher: NHS
    url: https://www.nhs.uk/conditions/chest-pain/
    accessed: 2026-11-30
  - id: who
    title: Healthy diet
    publisher: World Health Organization
    published: 2020
  - id: bad-url
    title: Somewhere
    url: ftp://example.org/x
---

Text.[^nhs]
"""


def test_updated_reviewer_and_sources_are_read(make_pack: PackBuilder) -> None:
    pack = load_pack(make_pack({"cited.md": SOURCES}))
    a = pack.get("cited")
    assert a is not None
    assert (a.updated, a.reviewed) == (dt.date(2026, 12, 1), dt.date(2026, 11, 2))
    assert a.reviewed_by == "Dr Ada Lee, general practitioner"
    assert a.sources == (
        Source("NHS. Sore throat."),
        Source(
            "Chest pain",
            "nhs",
            "NHS",
            "https://www.nhs.uk/conditions/chest-pain/",
            "",
            "2026-11-30",
        ),
        Source("Healthy diet", "who", "World Health Organization", published="2020"),
        Source("Somewhere", "bad-url"),  # the address is refused, the entry kept
    )
    assert a.source_numbers == {"nhs": 2, "who": 3, "bad-url": 4}
    messages = [
        p.message for p in pack.problems if p.path == "cited.md" and "categ" not in p.message
    ]
    assert messages == [
        "'sources' should be entries whose 'url' starts with https:// (not 'ftp://example.org/x')"
    ]


def test_a_review_date_without_a_reviewer_is_an_error_and_not_shown(
    make_pack: PackBuilder,
) -> None:
    pack = load_pack(
        make_pack(
            {
                "a.md": article("A", reviewed="2026-01-02"),
                "b.md": article("B", reviewed_by="Dr B, nurse"),
            }
        )
    )
    a, b = pack.get("a"), pack.get("b")
    assert a is not None and b is not None
    assert (a.reviewed, b.reviewed, b.reviewed_by) == (None, None, "")
    found = {(p.path, p.line, p.severity) for p in pack.problems if "review" in p.message}
    assert found == {("a.md", 3, "error"), ("b.md", 3, "warning")}


@pytest.mark.parametrize(
    ("toml", "months"),
    [
        ("", 36),
        ("review_every_months = 18\n", 18),
        ("review_period_years = 2\n", 24),  # the older key still works
        ("review_period_years = 2\nreview_every_months = 6\n", 6),
    ],
)
def test_review_interval(make_pack: PackBuilder, toml: str, months: int) -> None:
    assert load_pack(make_pack({}, toml + PACK_TOML)).review_every_months == months


def test_emergency_number_and_contact(make_pack: PackBuilder) -> None:
    toml = 'emergency_number = " 112 "\ncontact = "help@clinic.example"\n' + PACK_TOML
    pack = load_pack(make_pack({}, toml))
    assert (pack.emergency_number, pack.contact) == ("112", "help@clinic.example")
    bad = load_pack(make_pack({}, "emergency_number = 999\n" + PACK_TOML))
    assert bad.emergency_number == ""
    assert [p.message for p in bad.problems if "emergency" in p.message] == [
        "'emergency_number' should be text"
    ]


@pytest.mark.parametrize(
    ("reviewed", "months", "due"),
    [
        ("2026-01-31", 1, "2026-02-28"),  # a shorter month: its last day
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-11-15", 36, "2029-11-15"),
        ("2026-12-01", 1, "2027-01-01"),
        ("2026-01-31", 2, "2026-03-31"),  # the day is kept when the month has it
    ],
)
def test_next_review_due(reviewed: str, months: int, due: str) -> None:
    assert next_review_due(dt.date.fromisoformat(reviewed), months).isoformat() == due


def test_the_catalog_keeps_the_new_fields(make_pack: PackBuilder, tmp_path: Path) -> None:
    toml = 'emergency_number = "999"\ncontact = "01234 567890"\nreview_every_months = 12\n'
    root = make_pack({"cited.md": SOURCES}, toml + PACK_TOML)
    eager = load_pack(root)
    Catalog(tmp_path / "cache").load(root)
    lazy = Catalog(tmp_path / "cache").load(root)
    assert lazy.articles[0].body_loaded is False  # really from the catalog
    assert (lazy.emergency_number, lazy.contact, lazy.review_every_months) == (
        "999",
        "01234 567890",
        12,
    )
    a, b = eager.get("cited"), lazy.get("cited")
    assert a is not None and b is not None
    assert (b.sources, b.updated, b.reviewed, b.reviewed_by) == (
        a.sources,
        a.updated,
        a.reviewed,
        a.reviewed_by,
    )


def test_reviewed_only_hides_every_unreviewed_article(make_pack: PackBuilder) -> None:
    done = {"reviewed": "2026-01-02", "reviewed_by": "Dr A, GP"}
    pack = load_pack(
        make_pack(
            {
                "one/alpha.md": article("Alpha", related=["beta", "gamma"], **done),
                "one/beta.md": article("Beta"),
                "two/gamma.md": article("Gamma", **done),
            }
        )
    )
    shown = reviewed_only(pack)
    assert [a.slug for a in shown.articles] == ["alpha", "gamma"]
    assert shown.hidden == {"beta"} and "beta" not in shown
    assert shown.featured == ("alpha",)
    alpha = shown.get("alpha")
    assert alpha is not None and alpha.related == ("gamma",)
    assert [a.index for a in shown.articles] == [0, 1]
    assert shown.neighbours("gamma")[0] is alpha


def test_reviewed_only_leaves_the_full_pack_untouched(make_pack: PackBuilder) -> None:
    done = {"reviewed": "2026-01-02", "reviewed_by": "Dr A, GP"}
    pack = load_pack(make_pack({"b.md": article("B"), "a.md": article("A", related=["b"], **done)}))
    reviewed_only(pack)
    a = pack.get("a")
    assert a is not None and a.related == ("b",) and a.index == 0


@pytest.mark.parametrize(
    ("contact", "address"),
    [
        ("library@clinic.example", "mailto:library@clinic.example"),
        (" +44 (0)1234 567-890 ", "tel:+4401234567890"),
        ("01234 567890", "tel:01234567890"),
        ("https://clinic.example/report", "https://clinic.example/report"),
        ("mailto:a@b.example", "mailto:a@b.example"),
        ("Reception, 1 High Street, Riverside", ""),  # a postal address: no code
        ("Room 12", ""),
        ("12 - 34 (5)", ""),  # too few digits for a phone number
        ("", ""),
    ],
)
def test_contact_address(contact: str, address: str) -> None:
    assert contact_address(contact) == address
