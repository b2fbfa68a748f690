"""Experiment: how much would a cached front-matter catalog with lazy bodies save at start-up?

    python -m benchmarks.catalog PACK_DIR [PACK_DIR ...]

For each pack, in a fresh process per measurement, it times today's ``load_pack`` (and where
the time goes), then a prototype of the proposed design: a fingerprint of the pack's files
(``reader.search.pack_fingerprint``: one ``os.scandir`` walk with ``stat``), and, when it
matches, the catalog (every article's front matter, problems and pack order, no bodies) read
from one JSON file and turned into ``Article`` objects with an empty body, as a lazily loaded
body would leave them. It also reports the RSS each way. Prints one JSON line.

Nothing here changes the reader; it measures the potential of a change to reader/pack.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import PYTHON, rss_kb

FIELDS = ("slug", "title", "rel_path", "body_line", "summary", "category", "tags", "order")
FIELDS_2 = ("reviewed", "related", "sources", "url", "key_lines")


def _measure_load(root: Path) -> dict[str, float]:
    """Time load_pack and its parts, in this (fresh) process."""
    import cProfile
    import pstats

    from reader import pack

    before = rss_kb()["vmrss"]
    started = time.perf_counter()
    loaded = pack.load_pack(root)
    total = time.perf_counter() - started
    after = rss_kb()["vmrss"]
    body_bytes = sum(sys.getsizeof(a.body) for a in loaded.articles)
    profile = cProfile.Profile()
    profile.enable()
    pack.load_pack(root)
    profile.disable()
    stats = pstats.Stats(profile)
    parts: dict[str, float] = {}
    for (filename, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        if name in {"_article_files", "_load_article", "split_front_matter"} or (
            name == "load" and "yaml" in filename
        ):
            parts[name] = parts.get(name, 0.0) + row[3]  # cumulative seconds (profiled)
    profiled_total = sum(r[3] for k, r in stats.stats.items() if k[2] == "load_pack")  # type: ignore[attr-defined]
    return {
        "articles": len(loaded.articles),
        "load_pack_s": total,
        "rss_delta_mb": (after - before) / 1024,
        "body_mb": body_bytes / 1024 / 1024,
        "share_listing": parts.get("_article_files", 0.0) / profiled_total,
        "share_yaml": parts.get("load", 0.0) / profiled_total,
        "share_read_and_parse": parts.get("_load_article", 0.0) / profiled_total,
    }


def _write_catalog(root: Path, out: Path) -> dict[str, float]:
    from reader.pack import load_pack
    from reader.search import pack_fingerprint

    loaded = load_pack(root)
    started = time.perf_counter()
    rows = []
    for a in loaded.articles:
        row = [getattr(a, f) for f in FIELDS + FIELDS_2]
        row[FIELDS.index("tags")] = list(a.tags)
        row[len(FIELDS)] = a.reviewed.isoformat() if a.reviewed else None
        rows.append(row)
    catalog = {
        "fingerprint": pack_fingerprint(root),
        "meta": {
            "title": loaded.title,
            "language": loaded.language,
            "description": loaded.description,
            "disclaimer": loaded.disclaimer,
            "featured": list(loaded.featured),
            "review_period_years": loaded.review_period_years,
            "categories": [[c.id, c.name] for c in loaded.categories],
        },
        "problems": [dataclasses.astuple(p) for p in loaded.problems],
        "articles": rows,
    }
    out.write_text(json.dumps(catalog, separators=(",", ":")), encoding="utf-8")
    return {"write_s": time.perf_counter() - started, "catalog_mb": out.stat().st_size / 2**20}


def _read_catalog(root: Path, path: Path) -> dict[str, float]:
    """The proposed start-up path: fingerprint, then the catalog, no article file opened."""
    from reader.pack import Article, Category, Pack, Problem
    from reader.search import pack_fingerprint

    before = rss_kb()["vmrss"]
    started = time.perf_counter()
    fingerprint = pack_fingerprint(root)
    fingerprint_s = time.perf_counter() - started
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["fingerprint"] == fingerprint
    meta = data["meta"]
    loaded = Pack(
        root=root.resolve(),
        title=meta["title"],
        language=meta["language"],
        description=meta["description"],
        disclaimer=meta["disclaimer"],
        featured=tuple(meta["featured"]),
        review_period_years=meta["review_period_years"],
        categories=[Category(*c) for c in meta["categories"]],
        problems=[Problem(*p) for p in data["problems"]],
    )
    base = loaded.root
    for row in data["articles"]:
        slug, title, rel, body_line, summary, category, tags, order = row[: len(FIELDS)]
        reviewed, related, sources, url, key_lines = row[len(FIELDS) :]
        loaded.articles.append(
            Article(
                slug=slug,
                title=title,
                path=base / rel,
                rel_path=rel,
                body="",  # loaded on first use
                body_line=body_line,
                summary=summary,
                category=category,
                tags=tuple(tags),
                order=order,
                reviewed=dt.date.fromisoformat(reviewed) if reviewed else None,
                related=tuple(related),
                sources=tuple(sources),
                url=url,
                key_lines=key_lines,
            )
        )
    loaded._index()
    total = time.perf_counter() - started
    return {
        "catalog_load_s": total,
        "fingerprint_s": fingerprint_s,
        "rss_delta_mb": (rss_kb()["vmrss"] - before) / 1024,
        "articles": len(loaded.articles),
    }


def _child(mode: str, root: Path, catalog: Path) -> dict[str, float]:
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom benchmarks import catalog as c\n"
        f"print(json.dumps(c.{mode}(Path(sys.argv[1]), Path(sys.argv[2]))))"
    )
    if mode == "_measure_load":
        code = code.replace("Path(sys.argv[1]), Path(sys.argv[2])", "Path(sys.argv[1])")
    done = subprocess.run(
        [PYTHON, "-c", code, str(root), str(catalog)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    roots = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    results: dict[str, object] = {}
    for root in roots:
        catalog = root.parent / f"{root.name}.catalog.json"  # outside the pack: no fingerprint
        load = _child("_measure_load", root, catalog)
        written = _child("_write_catalog", root, catalog)
        read = _child("_read_catalog", root, catalog)
        read_again = _child("_read_catalog", root, catalog)  # the figure that counts: best of 2
        if read_again["catalog_load_s"] < read["catalog_load_s"]:
            read = read_again
        results[root.name] = {"load": load, "write": written, "read": read}
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
