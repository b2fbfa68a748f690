"""Content-based recommendations: related by what articles say, explained, stable."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks import synth
from reader.commands import related as related_cli
from reader.find.index import SearchIndex
from reader.find.related import MIN_SCORE, ContentRecommender
from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.paths import bundled_dir
from tests.conftest import PackBuilder, article
from tests.locations import FIXTURES


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, Path]:
    return load_pack(bundled_dir("content")), tmp_path_factory.mktemp("related-cache")


def recommender(pack: Pack, cache: Path | None) -> ContentRecommender:
    return ContentRecommender(pack, SearchIndex.open(pack, cache))


def test_npc_articles_come_before_unrelated_ones(bundled: tuple[Pack, Path]) -> None:
    pack, cache = bundled
    found = recommender(pack, cache).scored("npc-spread-during-treatment", limit=8)
    by_content = [s.recommendation.slug for s in found if s.score is not None]
    assert by_content, "no content recommendations"
    npc = [i for i, slug in enumerate(by_content) if slug.startswith("npc-")]
    other = [i for i, slug in enumerate(by_content) if not slug.startswith("npc-")]
    assert npc and max(npc) < min(other, default=len(by_content))


def test_ringworm_is_not_followed_by_prostate_surgery(bundled: tuple[Pack, Path]) -> None:
    pack, cache = bundled
    top3 = [r.slug for r in recommender(pack, cache).recommend("ringworm", limit=3)]
    assert top3[:2] == ["itching-all-over", "bow-legs"]  # the editors' choices
    assert "incontinence-after-prostate-surgery" not in top3


@pytest.mark.parametrize(
    ("slug", "weak"),
    [
        ("chest-tightness-back-pain", "pink-or-red-urine"),  # "Also about: harmless, clot"
        ("ringworm", "cough-with-phlegm"),  # "Also about: infection" (one shared tag)
        ("cough-with-phlegm", "pink-or-red-urine"),  # "Also about: colour"
    ],
)
def test_weak_matches_are_left_out_not_used_as_filler(
    bundled: tuple[Pack, Path], slug: str, weak: str
) -> None:
    pack, cache = bundled
    found = recommender(pack, cache).scored(slug, limit=8)
    assert weak not in [s.recommendation.slug for s in found]
    assert all(s.score is None or s.score >= MIN_SCORE for s in found)
    assert all(s.recommendation.reason == "Suggested by the editors" for s in found)


def test_one_shared_common_word_is_not_a_reason(bundled: tuple[Pack, Path]) -> None:
    # Ringworm and eating after lung surgery share only the word "harder"; cough and pink
    # urine only "colour". Such matches are left out, with their weak reasons.
    pack, cache = bundled
    rec = recommender(pack, cache)
    ringworm = {r.slug: r.reason for r in rec.recommend("ringworm", limit=6)}
    assert "eating-after-lung-cancer-surgery" not in ringworm
    cough = rec.recommend("cough-with-phlegm", limit=6)
    assert all(r.reason != "Also about: colour" for r in cough)
    for one in pack.articles:
        for scored in rec.scored(one.slug, limit=6):
            if scored.score is not None:
                topics = scored.recommendation.reason.removeprefix("Also about: ")
                assert (
                    "," in topics
                    or scored.score >= 0.2
                    or any(t.casefold() in topics.casefold() for t in one.tags)
                ), (one.slug, scored)


def test_explicit_related_first_never_itself_no_duplicates(bundled: tuple[Pack, Path]) -> None:
    pack, cache = bundled
    rec = recommender(pack, cache)
    for a in pack.articles:
        recs = rec.recommend(a.slug, limit=6)
        slugs = [r.slug for r in recs]
        assert a.slug not in slugs
        assert len(slugs) == len(set(slugs))
        assert slugs[: len(a.related)] == list(a.related)[:6]
        assert all(r.reason == "Suggested by the editors" for r in recs[: len(a.related)])
        assert all(r.reason and r.title for r in recs)
        assert len(a.related) <= len(recs) <= 6


def test_reason_names_shared_topics(bundled: tuple[Pack, Path]) -> None:
    pack, cache = bundled
    recs = recommender(pack, cache).scored("npc-blood-test", limit=5)
    prevention = next(s for s in recs if s.recommendation.slug == "npc-prevention")
    assert prevention.score is not None and prevention.score > 0
    assert prevention.recommendation.reason.startswith("Also about: ")
    assert "ebv" in prevention.recommendation.reason


def test_order_is_stable_across_calls_and_rebuilds(
    bundled: tuple[Pack, Path], tmp_path: Path
) -> None:
    pack, cache = bundled
    first = recommender(pack, cache)
    rebuilt = recommender(pack, tmp_path / "fresh")
    in_memory = recommender(pack, None)
    for a in pack.articles:
        once = first.scored(a.slug, limit=10)
        assert once == first.scored(a.slug, limit=10)
        assert once == rebuilt.scored(a.slug, limit=10)
        assert once == in_memory.scored(a.slug, limit=10)


def test_unknown_slug_and_zero_limit(bundled: tuple[Pack, Path]) -> None:
    pack, cache = bundled
    rec = recommender(pack, cache)
    assert rec.recommend("no-such-article") == []
    assert rec.recommend("ringworm", limit=0) == []


def test_words_shown_as_written_and_shared(make_pack: PackBuilder) -> None:
    topics = {
        "metastasis": "Radiotherapy slows metastasis. Radiotherapy sessions and metastasis scans.",
        "ringworm": "Ringworm is a fungal rash. Fungal creams clear ringworm.",
    }
    files = {}
    for topic, text in topics.items():
        for n in range(3):
            files[f"{topic}-{n}.md"] = article(f"Note {n} on {topic}", f"{text} Filler {n}.")
    files["other.md"] = article("Other", "Nothing in common here at all.")
    pack = load_pack(make_pack(files))
    rec = ContentRecommender(pack, SearchIndex.open(pack, None))
    recs = rec.scored("metastasis-0", limit=2)
    assert {s.recommendation.slug for s in recs} == {"metastasis-1", "metastasis-2"}
    reason = recs[0].recommendation.reason
    assert reason.startswith("Also about: ")
    assert "radiotherapy" in reason or "metastasis" in reason


def test_pack_without_key_terms_falls_back_to_tags() -> None:
    pack = load_pack(FIXTURES / "cjk-pack")
    rec = ContentRecommender(pack, SearchIndex.open(pack, None))
    for a in pack.articles:
        slugs = [r.slug for r in rec.recommend(a.slug)]
        assert a.slug not in slugs
        assert len(slugs) == len(set(slugs))


def test_precision_on_planted_clusters(tmp_path: Path) -> None:
    root = tmp_path / "synth"
    synth.generate(root, 400, words=200, clusters=8, seed=3)
    truth = json.loads((root / "clusters.json").read_text(encoding="utf-8"))
    pack = load_pack(root)
    rec = ContentRecommender(pack, SearchIndex.open(pack, None))
    hits = total = 0
    for a in random.Random(1).sample(pack.articles, 100):
        content = [s.recommendation.slug for s in rec.scored(a.slug, 5 + len(a.related))]
        content = [slug for slug in content if slug not in a.related][:5]
        hits += sum(truth[slug] == truth[a.slug] for slug in content)
        total += 5
    assert hits / total >= 0.8


def test_cli(bundled: tuple[Pack, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert related_cli.main(["npc-spread-during-treatment", "--json", "--limit", "6"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # The editors' picks first, in their order (the article's 'related').
    assert [r["slug"] for r in rows[:2]] == ["npc-treatment", "npc-outlook-follow-up"]
    assert set(rows[0]) == {"slug", "title", "reason", "score"}
    assert [r["score"] for r in rows[:4]] == [None] * 4  # its four editors' picks
    assert rows[4]["score"] > 0  # then articles found by their words
    assert related_cli.main(["ringworm"]) == 0
    assert "1. itching-all-over" in capsys.readouterr().out
    assert related_cli.main(["no-such-article"]) == 1
    assert "no-such-article" in capsys.readouterr().err
