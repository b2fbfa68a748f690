"""The simple recommendation engine: explicit first, never itself, no duplicates."""

from __future__ import annotations

from pathlib import Path

from reader.find.recommend import TagRecommender
from reader.library.catalog import Catalog, CatalogArticles
from reader.library.loading import load_pack
from tests.conftest import PackBuilder, article


def test_explicit_then_tags_then_category(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "a.md": article("A", category="one", tags=["x", "y"], related=["d", "a", "d"]),
            "b.md": article("B", category="two", tags=["x", "y"]),
            "c.md": article("C", category="one", tags=["x"]),
            "d.md": article("D", category="two"),
            "e.md": article("E", category="one"),
            "f.md": article("F", category="two"),
        }
    )
    recs = TagRecommender(load_pack(root)).recommend("a")
    assert [r.slug for r in recs] == ["d", "b", "c", "e"]
    assert recs[0].reason == "Suggested by the editors"
    assert recs[1].reason == "Also about: x, y"
    assert recs[3].reason == "More in Category One"


def test_limit_unknown_and_self(small_pack: Path) -> None:
    rec = TagRecommender(load_pack(small_pack))
    assert rec.recommend("nope") == []
    assert len(rec.recommend("alpha", limit=1)) == 1
    for slug in ("alpha", "beta", "gamma", "delta", "epsilon"):
        slugs = [r.slug for r in rec.recommend(slug)]
        assert slug not in slugs
        assert len(slugs) == len(set(slugs))


def test_a_pack_from_its_catalog_gets_the_same_answers_and_builds_only_those(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    files = {
        f"a{i}.md": article(
            f"A{i}", category=("one", "two")[i % 2], tags=["X", "y", "z"][: 1 + i % 3][::-1]
        )
        for i in range(24)
    }
    root = make_pack(files)
    eager = load_pack(root)
    Catalog(tmp_path / "cache").load(root)  # writes the catalog
    lazy = Catalog(tmp_path / "cache").load(root)
    table = lazy.articles
    assert isinstance(table, CatalogArticles)
    answer = TagRecommender(lazy).recommend("a2", limit=3)
    built = {a.slug for a in table._built if a is not None}
    assert built == {"a2"} | {r.slug for r in answer}  # nothing else was built
    expected = {a.slug: TagRecommender(eager).recommend(a.slug, limit=30) for a in eager.articles}
    assert {s: TagRecommender(lazy).recommend(s, limit=30) for s in expected} == expected
    assert any("Also about: z, y" in r.reason for r in expected["a2"])


def test_the_same_category_fills_up_nearest_first(make_pack: PackBuilder) -> None:
    files = {f"a{i}.md": article(f"A{i}", category="one", order=i) for i in range(9)}
    recs = TagRecommender(load_pack(make_pack(files))).recommend("a4", limit=5)
    assert [r.slug for r in recs] == ["a3", "a5", "a2", "a6", "a1"]
