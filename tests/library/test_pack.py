"""Loading a pack: good files, every kind of bad file, and the order of articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.loading import load_pack
from reader.library.pack import PackError
from tests.conftest import PackBuilder, article


def messages(pack_root: Path) -> list[str]:
    return [str(p) for p in load_pack(pack_root).problems]


def test_small_pack_loads_in_pack_order(small_pack: Path) -> None:
    pack = load_pack(small_pack)
    assert [a.slug for a in pack.articles] == ["alpha", "beta", "gamma", "delta", "epsilon"]
    assert pack.problems == []
    alpha = pack.get("alpha")
    assert alpha is not None
    assert alpha.summary == "About alpha."
    assert alpha.tags == ("shared", "first")
    assert alpha.reviewed is not None and alpha.reviewed.isoformat() == "2026-01-15"
    assert alpha.related == ("delta",)
    assert pack.title == "Test Pack"
    assert pack.featured == ("alpha",)


def test_order_is_category_then_order_then_title(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "b.md": article("Zulu", category="two"),
            "a.md": article("Yankee", category="two", order=1),
            "c.md": article("Bravo", category="one"),
            "d.md": article("Alpha", category="one"),
            "e.md": article("Charlie", category="one", order=5),
        }
    )
    pack = load_pack(root)
    assert [a.title for a in pack.articles] == ["Charlie", "Alpha", "Bravo", "Yankee", "Zulu"]
    prev, nxt = pack.neighbours("c")
    assert (prev and prev.title, nxt and nxt.title) == ("Alpha", "Yankee")
    assert pack.neighbours("e")[0] is None
    assert pack.neighbours("b")[1] is None


def test_invalid_yaml_keeps_article_and_names_the_line(make_pack: PackBuilder) -> None:
    text = "---\ntitle: Fine\nsummary: [unclosed\ncategory: one\n---\n\n# Heading here\n\nBody.\n"
    root = make_pack({"one/bad.md": text, "one/good.md": article("Good", category="one")})
    pack = load_pack(root)
    bad = pack.get("bad")
    assert bad is not None and bad.title == "Heading here"
    assert "Body." in bad.body
    assert pack.get("good") is not None
    yaml_problem = next(p for p in pack.problems if "invalid YAML" in p.message)
    assert yaml_problem.path == "one/bad.md"
    assert yaml_problem.line in (3, 4, 5)


def test_not_utf8_is_kept_with_replacement_and_line(make_pack: PackBuilder) -> None:
    raw = article("Latin", "first line\nsecond caf\xe9 line\n").encode("utf-8")
    raw = raw.replace("caf\xe9".encode(), b"caf\xe9")  # Latin-1 byte, invalid UTF-8
    root = make_pack({"latin.md": raw})
    pack = load_pack(root)
    latin = pack.get("latin")
    assert latin is not None and "caf\ufffd" in latin.body
    problem = next(p for p in pack.problems if "not UTF-8" in p.message)
    assert problem.line == 6


def test_empty_file_is_skipped(make_pack: PackBuilder) -> None:
    root = make_pack({"empty.md": "", "blank.md": "  \n\n", "ok.md": article("OK")})
    pack = load_pack(root)
    assert [a.slug for a in pack.articles] == ["ok"]
    assert sum("empty; skipped" in p.message for p in pack.problems) == 2


def test_same_file_name_in_two_folders_keeps_both(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"one/same.md": article("First", category="one"), "two/same.md": article("Second")}
    )
    pack = load_pack(root)
    assert sorted(a.slug for a in pack.articles) == ["one/same", "two/same"]
    assert not any("duplicate slug" in p.message for p in pack.problems)


def test_duplicate_explicit_slug_keeps_the_first(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"one/a.md": article("First", slug="same"), "two/b.md": article("Second", slug="same")}
    )
    pack = load_pack(root)
    assert [a.title for a in pack.articles] == ["First"]
    problem = next(p for p in pack.problems if "duplicate slug" in p.message)
    assert problem.path == "two/b.md" and "one/a.md" in problem.message


def test_unknown_category_is_listed_at_the_end(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"x.md": article("Stray", category="mystery"), "y.md": article("Home", category="one")}
    )
    pack = load_pack(root)
    assert [a.slug for a in pack.articles] == ["y", "x"]
    assert pack.category_name("mystery") == "Mystery"
    problem = next(p for p in pack.problems if "unknown category" in p.message)
    assert problem.path == "x.md" and problem.line == 3 and problem.severity == "warning"


def test_related_slug_that_does_not_exist_is_dropped(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A", related=["b", "ghost", "a"]), "b.md": article("B")})
    pack = load_pack(root)
    a = pack.get("a")
    assert a is not None and a.related == ("b",)
    assert any("'ghost'" in p.message and p.line == 3 for p in pack.problems)


@pytest.mark.parametrize(
    ("pack_toml", "expected"),
    [(None, "pack.toml is missing"), ("title = [broken", "not valid TOML")],
)
def test_missing_or_broken_pack_toml_uses_defaults(
    make_pack: PackBuilder, pack_toml: str | None, expected: str
) -> None:
    root = make_pack({"a.md": article("A")}, pack_toml=pack_toml)
    pack = load_pack(root)
    assert pack.title == "Health Library"
    assert [a.slug for a in pack.articles] == ["a"]
    assert any(expected in p.message and p.path == "pack.toml" for p in pack.problems)


def test_broken_toml_reports_its_line(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A")}, pack_toml='title = "ok"\n\nlanguage = = "en"\n')
    problem = next(p for p in load_pack(root).problems if p.path == "pack.toml")
    assert problem.line == 3


def test_missing_title_uses_heading_then_file_name(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "with-heading.md": "---\nsummary: s\n---\n# From The Heading\n\nText.\n",
            "no_heading-here.md": "Just text, no front matter.\n",
        }
    )
    pack = load_pack(root)
    assert pack.get("with-heading").title == "From The Heading"  # type: ignore[union-attr]
    assert pack.get("no_heading-here").title == "No Heading Here"  # type: ignore[union-attr]
    warned = [p.path for p in pack.problems if "title" in p.message]
    assert sorted(warned) == ["no_heading-here.md", "with-heading.md"]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("tags: 5", "tags"),
        ("order: first", "order"),
        ("reviewed: last week", "reviewed"),
        ("reviewed: [2020]", "reviewed"),
        ("related: {a: 1}", "related"),
        ("title: [a, list]", "title"),
        ("summary: 12", "summary"),
    ],
)
def test_wrong_types_are_warned_not_fatal(make_pack: PackBuilder, line: str, key: str) -> None:
    root = make_pack({"a.md": f"---\n{line}\n---\n\n# Fallback\n\nBody.\n"})
    pack = load_pack(root)
    assert pack.get("a") is not None
    assert any(f"'{key}'" in p.message and p.line == 2 for p in pack.problems)


def test_unclosed_front_matter_is_reported(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": "---\ntitle: Never closed\n\nBody\n"})
    pack = load_pack(root)
    assert pack.get("a") is not None
    assert any("no closing" in p.message for p in pack.problems)


def test_non_mapping_front_matter(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": "---\n- just\n- a list\n---\nBody\n"})
    pack = load_pack(root)
    assert pack.get("a") is not None
    assert any("key: value" in p.message for p in pack.problems)


def test_missing_folder_raises_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not found"):
        load_pack(tmp_path / "nope")


def test_category_from_folder_when_front_matter_has_none(make_pack: PackBuilder) -> None:
    root = make_pack({"two/x.md": "---\ntitle: X\n---\nBody\n"})
    assert load_pack(root).get("x").category == "two"  # type: ignore[union-attr]


def test_crlf_and_bom_are_accepted(make_pack: PackBuilder) -> None:
    text = "\ufeff" + article("Windows", category="one").replace("\n", "\r\n")
    root = make_pack({"w.md": text.encode("utf-8")})
    pack = load_pack(root)
    assert pack.get("w").title == "Windows"  # type: ignore[union-attr]
    assert [p for p in pack.problems if p.path == "w.md"] == []


def test_a_linked_article_from_outside_the_pack_is_skipped(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\nPrivate notes.\n", encoding="utf-8")
    root = make_pack({"one/a.md": article("A", "Fine.", category="one")})
    (root / "one" / "leak.md").symlink_to(secret)
    (root / "one" / "inside.md").symlink_to(root / "one" / "a.md")
    pack = load_pack(root)
    assert pack.get("leak") is None
    assert [p.path for p in pack.problems if "outside the content folder" in p.message] == [
        "one/leak.md"
    ]
    assert pack.get("inside") is not None  # a link within the pack is fine


def test_a_lazy_sequence_takes_negative_positions_and_slices_and_stops_at_its_end() -> None:
    from reader.library.pack import LazySequence

    class Squares(LazySequence[int]):
        def __len__(self) -> int:
            return 4

        def _item(self, i: int) -> int:
            assert 0 <= i < 4  # the base class hands over only real positions
            return i * i

    squares = Squares()
    assert squares[-1] == 9
    assert squares[1:3] == [1, 4]
    assert list(squares) == [0, 1, 4, 9]  # iteration stops at IndexError
    with pytest.raises(IndexError):
        squares[4]
    with pytest.raises(IndexError):
        squares[-5]
