"""Recommend articles related by their content, each with the reason it is offered.

:class:`ContentRecommender` puts the author's explicit ``related`` articles first, then the
articles most similar in content. Similarity uses the key terms that the search index stores
for every article when it is built (:class:`reader.find.index.KeyTerm`: its ~12 most distinctive
stemmed words by tf-idf over the pack, common words discounted and stop words left out). Two
articles are similar when they share key terms: the score is the dot product of their
normalised key-term weights, found through the index's term → articles table (no pairs of
articles are ever precomputed), plus small boosts for shared tags and the same category.

The reason names what they share: "Also about: radiotherapy, metastasis". A content match is
offered only from a minimum score: an article shows fewer, better suggestions rather than
filler ("Also about: harmless, clot"), and the list is not topped up with weaker choices.
Packs without key terms (Chinese, Japanese or Korean text, which the index splits into
trigrams) fall back to shared tags and the same category. This module never imports Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reader.find.index import SearchIndex
from reader.find.recommend import (
    DEFAULT_LIMIT,
    Reasons,
    Recommendation,
    TagRecommender,
    teaser,
)
from reader.library.pack import Article, Pack

logger = logging.getLogger(__name__)

#: Articles read per key term: those in which the term weighs most.
PER_TERM = 100
#: Candidates kept by content score before the tag and category boosts re-rank them.
CANDIDATES = 40
#: Added to the content score (at most 1) for each shared tag (up to three), and for the
#: same category: they reorder close candidates but cannot lift an unrelated one.
TAG_BOOST = 0.05
MAX_TAG_BOOSTS = 3
CATEGORY_BOOST = 0.03
#: How many shared topics a reason names.
REASON_TOPICS = 3
#: A content match is offered only from this score (with its tag and category boosts): below
#: it, the shared words say little about what two articles are about ("colour", "diet, fish";
#: chest pain and pink urine share only "harmless, clot" at 0.156). In the bundled pack the
#: weakest match kept is NPC blood test → NPC spread ("nasopharyngeal cancer, ebv, dna",
#: 0.194): the threshold sits in that gap.
MIN_SCORE = 0.18


@dataclass(frozen=True, slots=True)
class Scored:
    """A recommendation with its score (None for the editors' and fallback choices)."""

    recommendation: Recommendation
    score: float | None


class ContentRecommender:
    """Explicit ``related`` first, then the articles most similar in content."""

    def __init__(self, pack: Pack, index: SearchIndex, reasons: Reasons | None = None) -> None:
        self.pack = pack
        self.index = index
        self.reasons = reasons or Reasons()
        self._fallback: TagRecommender | None = None

    def recommend(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Recommendation]:
        """Return up to ``limit`` articles for ``slug``, best first; [] if it is unknown."""
        return [s.recommendation for s in self.scored(slug, limit)]

    def scored(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Scored]:
        """Return :meth:`recommend`'s list with the score of each content match."""
        article = self.pack.get(slug)
        if article is None or limit <= 0:
            return []
        chosen: dict[str, Scored] = {}
        for other_slug in article.related:
            other = self.pack.get(other_slug)
            if other is not None and other.slug != slug and other.slug not in chosen:
                chosen[other.slug] = Scored(teaser(other, self.reasons.editors), None)
        has_terms = bool(self.index.key_terms(article.slug))
        if len(chosen) < limit and has_terms:
            for other, score, topics in self._similar(article, set(chosen)):
                reason = self.reasons.also_about.format(topics=", ".join(topics))
                chosen[other.slug] = Scored(teaser(other, reason), score)
                if len(chosen) >= limit:
                    break
        if len(chosen) < limit and not has_terms:  # e.g. a pack in Chinese
            if self._fallback is None:
                self._fallback = TagRecommender(self.pack, self.reasons)
            for rec in self._fallback.recommend(slug, limit + len(chosen)):
                if rec.slug != slug and rec.slug not in chosen and len(chosen) < limit:
                    chosen[rec.slug] = Scored(rec, None)
        return list(chosen.values())[:limit]

    def _similar(self, article: Article, skip: set[str]) -> list[tuple[Article, float, list[str]]]:
        """Return the best content matches with their score and shared topics, best first."""
        terms = self.index.key_terms(article.slug)
        if not terms:
            return []
        mine = {t.term: t for t in terms}
        scores: dict[str, float] = {}
        shared: dict[str, list[tuple[float, str]]] = {}
        for match in self.index.term_articles(list(mine), PER_TERM):
            if match.slug == article.slug or match.slug in skip:
                continue
            term = mine[match.term]
            part = term.weight * match.weight
            scores[match.slug] = scores.get(match.slug, 0.0) + part
            shared.setdefault(match.slug, []).append((part, term.word))
        found = [(o, s) for s, o in ((s, self.pack.get(slug)) for slug, s in scores.items()) if o]
        # Ties keep pack order, so the list is the same on every call and after a rebuild.
        found.sort(key=lambda pair: (-pair[1], pair[0].index))
        my_tags = {t.casefold(): t for t in article.tags}
        ranked = []
        for other, score in found[:CANDIDATES]:
            tags = [my_tags[t.casefold()] for t in other.tags if t.casefold() in my_tags]
            boost = TAG_BOOST * min(len(tags), MAX_TAG_BOOSTS)
            if other.category == article.category:
                boost += CATEGORY_BOOST
            if score + boost < MIN_SCORE:
                continue  # fewer, better suggestions: no filler
            topics = _topics(tags, shared[other.slug])
            ranked.append((other, round(score + boost, 6), topics))
        ranked.sort(key=lambda item: (-item[1], item[0].index))
        return ranked


def _topics(tags: list[str], shared: list[tuple[float, str]]) -> list[str]:
    """Return what two articles share, for a reason: their tags, then their heaviest words."""
    topics = list(dict.fromkeys(tags))[:REASON_TOPICS]
    said = {w for t in topics for w in t.casefold().split()}
    for _, word in sorted(shared, key=lambda p: (-p[0], p[1])):
        if len(topics) >= REASON_TOPICS:
            break
        if word not in said:
            topics.append(word)
            said.add(word)
    return topics
