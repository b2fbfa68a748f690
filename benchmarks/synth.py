"""Write a synthetic content pack for benchmarks.

    python benchmarks/synth.py OUT_DIR --articles 10000 [--words 600] [--clusters 20] [--seed 1]

Words follow a Zipf distribution over common English words, some health words and a few
thousand pseudo-words. Each article belongs to one planted topic cluster: the cluster's ~30
distinctive words are mixed into its text, its tags come from the cluster's tag set and its
category from the cluster. ``clusters.json`` maps every slug to its cluster id, so
recommendation precision can be measured against the planted truth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from pathlib import Path

COMMON = (  # noqa: SIM905 - a word list reads best as text
    "the of and to a in is it you that he was for on are with as his they be at one have this "
    "from or had by not word but what some we can out other were all there when up use your how "
    "said an each she which do their time if will way about many then them write would like so "
    "these her long make thing see him two has look more day could go come did number sound no "
    "most people my over know water than call first who may down side been now find any new "
    "work part take get place made live where after back little only round man year came show "
    "every good me give our under name very through just form sentence great think say help low "
    "line differ turn cause much mean before move right boy old too same tell does set three "
    "want air well also play small end put home read hand port large spell add even land here "
    "must big high such follow act why ask men change went light kind off need house picture "
    "try us again animal point mother world near build self earth father head stand own page "
    "should country found answer school grow study still learn plant cover food sun four "
    "between state keep eye never last let thought city tree cross farm hard start might story "
    "saw far sea draw left late run while press close night real life few north"
).split()
HEALTH = (  # noqa: SIM905
    "cancer blood test treatment pain doctor symptom infection skin heart liver lung kidney "
    "stomach bone joint muscle fever cough rash tumour surgery radiotherapy chemotherapy "
    "screening diagnosis biopsy scan virus bacteria antibody vaccine medicine tablet dose "
    "nurse hospital clinic emergency breathing chest throat nose ear eye sleep diet exercise "
    "weight sugar pressure cholesterol allergy asthma diabetes stroke anaemia urine bladder "
    "prostate breast cervix bowel colon headache dizziness tiredness swelling itching bleeding "
    "recovery therapy risk family history smoking alcohol pregnancy child adult elderly"
).split()
ONSETS = (
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "pr",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "th",
    "tr",
    "v",
    "w",
    "z",
)
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "y")
CODAS = ("", "", "", "n", "r", "s", "l", "m", "x", "nd", "st", "th")


def pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Return ``count`` new pronounceable pseudo-words not in ``taken`` (which grows)."""
    out: list[str] = []
    while len(out) < count:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
        )
        if 3 <= len(word) <= 12 and word not in taken:
            taken.add(word)
            out.append(word)
    return out


def cumulative_zipf(n: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def generate(
    out: Path,
    articles: int,
    words: int = 600,
    clusters: int = 20,
    seed: int = 1,
    base_size: int = 4000,
) -> None:
    """Write a pack of ``articles`` articles into ``out``."""
    rng = random.Random(seed)
    taken = set(COMMON) | set(HEALTH)
    pseudo = pseudo_words(rng, base_size, taken)
    # Common words are the most frequent, health words next, pseudo-words form the long tail.
    vocab = COMMON + HEALTH + pseudo
    rng.shuffle(vocab_tail := vocab[len(COMMON) :])
    vocab = COMMON + vocab_tail
    pool_size = max(200_000, min(4_000_000, articles * words // 8))
    pool = rng.choices(vocab, cum_weights=cumulative_zipf(len(vocab)), k=pool_size)
    mid = vocab[len(COMMON) : len(COMMON) + 1500]

    categories = max(1, min(12, (clusters + 1) // 2))
    cluster_words = [pseudo_words(rng, 30, taken) for _ in range(clusters)]
    cluster_cum = cumulative_zipf(30, 0.8)
    cluster_tags = [
        [ws[0], ws[1], f"{ws[2]} {ws[3]}", ws[4], f"{ws[5]} {rng.choice(HEALTH)}"]
        for ws in cluster_words
    ]
    category_of = [c % categories for c in range(clusters)]

    out.mkdir(parents=True, exist_ok=True)
    cat_ids = [f"topic-{i + 1:02d}" for i in range(categories)]
    for cid in cat_ids:
        (out / cid).mkdir(exist_ok=True)
    with open(out / "pack.toml", "w", encoding="utf-8") as fh:
        fh.write(
            f'title = "Synthetic pack ({articles} articles)"\nlanguage = "en"\n'
            f'description = "Generated by benchmarks/synth.py (seed {seed})."\n'
        )
        for i, cid in enumerate(cat_ids):
            name = " ".join(cluster_words[i][:2]).capitalize()
            fh.write(f'\n[[categories]]\nid = "{cid}"\nname = "{name} topics"\n')

    by_cluster: list[list[str]] = [[] for _ in range(clusters)]
    order = [0] * categories
    slug_cluster: dict[str, int] = {}
    start_day = dt.date(2024, 1, 1).toordinal()
    randrange, random_ = rng.randrange, rng.random
    for i in range(articles):
        c = randrange(clusters)
        cw = cluster_words[c]
        picks = rng.choices(cw, cum_weights=cluster_cum, k=8)
        n_words = max(40, int(words * (0.5 + random_())))
        at = randrange(pool_size - n_words)
        body_words = pool[at : at + n_words]
        title_words = [picks[0], rng.choice(mid), picks[1]]
        if random_() < 0.5:
            title_words.insert(1, rng.choice(COMMON[:60]))
        title = " ".join(title_words).capitalize()
        slug = f"{picks[0]}-{title_words[1]}-{i}"
        summary = (
            " ".join(pool[at + n_words // 2 : at + n_words // 2 + 10])
            + f" {picks[2]} {picks[3]} "
            + " ".join(pool[at + 3 : at + 8])
        ).capitalize() + "."
        cat = category_of[c]
        order[cat] += 1
        tags = rng.sample(cluster_tags[c], rng.randint(2, 4))
        related = rng.sample(by_cluster[c], min(len(by_cluster[c]), rng.randint(2, 3)))
        by_cluster[c].append(slug)
        slug_cluster[slug] = c

        # Body: paragraphs of sentences, a cluster word in most sentences, some headings.
        parts: list[str] = []
        pos = 0
        sentence_count = 0
        paragraph: list[str] = []
        while pos < n_words:
            length = 6 + randrange(14)
            sentence = body_words[pos : pos + length]
            pos += length
            if random_() < 0.6:
                sentence.insert(randrange(len(sentence) + 1), picks[randrange(8)])
            paragraph.append(" ".join(sentence).capitalize() + ".")
            sentence_count += 1
            if sentence_count % 4 == 0:
                parts.append(" ".join(paragraph))
                paragraph = []
                if sentence_count % 12 == 0:
                    parts.append(f"## {picks[randrange(8)].capitalize()} {rng.choice(mid)}")
        if paragraph:
            parts.append(" ".join(paragraph))
        if related:
            parts.append(f"See also [{related[0].split('-')[0]}]({related[0]}.md).")
        reviewed = dt.date.fromordinal(start_day + randrange(900)).isoformat()
        text = (
            f"---\ntitle: {title}\nsummary: {summary}\ncategory: {cat_ids[cat]}\n"
            f"tags: [{', '.join(tags)}]\norder: {order[cat]}\nreviewed: {reviewed}\n"
            "reviewed_by: Dr Test, GP\n"
            f"related: [{', '.join(related)}]\n---\n\n" + "\n\n".join(parts) + "\n"
        )
        with open(out / cat_ids[cat] / f"{slug}.md", "w", encoding="utf-8") as fh:
            fh.write(text)
    with open(out / "clusters.json", "w", encoding="utf-8") as fh:
        json.dump(slug_cluster, fh, indent=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic content pack.")
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600, help="mean body length in words")
    parser.add_argument("--clusters", type=int, default=20, help="planted topic clusters")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    started = time.perf_counter()
    generate(options.out, options.articles, options.words, options.clusters, options.seed)
    print(
        f"wrote {options.articles} articles to {options.out} "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
