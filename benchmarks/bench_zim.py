"""ZIM archives: start-up, page turns, search and memory, against the floor in the same run.

    python -m benchmarks.bench_zim [--sizes 10000,100000] [--runs 5] [--turns 100]
                                   [--work DIR] [--out docs/performance-zim.md]

Archives of synthetic articles are written once with libzim's writer, full-text index on
(benchmarks/zimsynth.py), and reused from the work folder. Then, for each size:

- *page turns and memory*: one process builds the real window over the archive, shows its first
  article in title order, turns pages with Next and records RSS; the floor (benchmarks/inproc.py
  ``floor``) replays the same pages, exported as HTML with the article style sheet;
- *search*: in the same reader process, queries as typed into the sidebar (words of the text,
  two-word queries, word beginnings, titles) through :class:`reader.find.zimsearch.ArchiveSearch`
  with the sidebar's limit of 50 results, each timed;
- *start-up*: new processes, alternately ``offline-reader --content X.zim --article SLUG
  --exit-after-paint`` (with an empty cache folder every time) and benchmarks/floor.py with
  the same page and the archive's titles, spawn → first paint.

The report (docs/performance-zim.md) is pasted into docs/performance.md by
benchmarks/report.py; this script pastes it there too, so one run updates both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    DEFAULT_WORK,
    ROOT,
    Export,
    bench_env,
    compile_bytecode,
    log,
    machine,
    read_ahead_peak,
    rss_kb,
    run_child,
    settle,
    summary,
    wait_events,
)
from benchmarks.inproc import SETTLE_S
from benchmarks.run import merged

#: Back-to-back runs made, their turns put together (benchmarks.run does the same).
REPEATS = 3
SEARCH_LIMIT = 50  # the sidebar's (reader.gui.sidebar.SEARCH_LIMIT)
#: Turns with this many seconds of event loop between them, as someone reads (benchmarks/run.py).
READING_PAUSE = 0.5
PACED_TURNS = 40
TARGETS = {"start": 1.3, "turn": 1.3, "search_ms": 25.0, "rss_mb": 60.0}
REPORT = ROOT / "docs" / "performance-zim.md"
#: Hand-written analysis, pasted at the end of the report.
FINDINGS = ROOT / "benchmarks" / "findings-zim.md"
PERFORMANCE = ROOT / "docs" / "performance.md"
SECTION = "## ZIM archives"


def ensure_zim(work: Path, articles: int) -> tuple[Path, float | None]:
    """Return the archive of ``articles`` articles and the seconds it took to write (None if
    it was already there)."""
    path = work / f"synth-{articles}.zim"
    if path.exists():
        return path, None
    started = time.perf_counter()
    run_child(
        [str(ROOT / "benchmarks" / "zimsynth.py"), str(path), "--articles", str(articles)],
        bench_env(work / "xdg-gen"),
        timeout=6 * 3600,
    )
    seconds = time.perf_counter() - started
    log(f"wrote {path} in {seconds:.0f} s")
    return path, seconds


# --------------------------------------------------------------------- in the reader's process


def _queries(pages: list[str], titles: list[str], rng: random.Random) -> list[str]:
    """Queries as people type them: words of the text, two words, beginnings, titles."""
    words = [w for page in pages for w in re.findall(r"[a-z]{4,}", page.lower())]
    out: list[str] = []
    for _ in range(30):
        out.append(rng.choice(words))
    for _ in range(20):
        out.append(f"{rng.choice(words)} {rng.choice(words)}")
    for _ in range(20):
        word = rng.choice(words)
        out.append(word[: rng.randint(3, len(word))])  # still typing
    for _ in range(10):
        out.append(rng.choice(titles).rsplit(" ", 1)[0])
    return out


def run_reader(options: argparse.Namespace) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.inproc import panel_catch_up
    from reader import APP_NAME, ORG_NAME
    from reader.gui.app import freeze_startup_objects
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.library.zim import open_zim

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    started = time.perf_counter()
    pack = open_zim(options.zim)
    open_s = time.perf_counter() - started
    settings_file = options.export / "settings.ini"
    settings_file.unlink(missing_ok=True)
    window = MainWindow(pack, Settings.at(settings_file))
    # As the reader does, rendered pages are kept in a cache folder: emptied first, as on an
    # archive's first reading.
    bodies = options.export / "bodies"
    shutil.rmtree(bodies, ignore_errors=True)
    window.renderer.use_disk_cache(bodies)
    window.view.set_resource_reader(pack.read_resource)
    window.open_article(pack.articles[0].slug)
    window.show()
    view = window.view
    painted: list[bool] = []
    view.first_painted.connect(lambda: painted.append(True))
    wait_events(app, lambda: bool(painted), 60)
    freeze_startup_objects()  # as reader.gui.app does after the first paint
    if not options.no_read_ahead:
        window.start_reading_ahead()  # likewise (reader.page.ahead)
    read_ahead_kb = settle(app, window, SETTLE_S)  # a reader looks at the first page first
    result: dict[str, object] = {"open_s": open_s, "rss_start": rss_kb()}

    order: list[str] = [window.current or ""]
    turns: list[tuple[str, float, float]] = []
    deferred = 0
    converted = 0  # turns whose page the window read from the archive and cleaned itself
    for _ in range(options.turns):
        conversions = window.renderer.conversions
        c0, t0 = time.process_time(), time.perf_counter()
        window.act.next.trigger()
        view.document().size()
        t1 = time.perf_counter()
        app.processEvents()
        t2, c2 = time.perf_counter(), time.process_time()
        turns.append(("next", (t1 - t0) * 1000, (t2 - t0) * 1000, (c2 - c0) * 1000))
        deferred += window.sidebar.recommendations_pending()  # rebuilt once the burst ends
        converted += window.renderer.conversions > conversions
        read_ahead_kb = read_ahead_peak(window, read_ahead_kb)
        order.append(window.current or "")
        if options.pause:  # as someone reads: the next page is rendered ahead meanwhile
            wait_events(app, lambda: False, options.pause)
    result["turns"] = turns
    result["panel_deferred_turns"] = deferred
    result.update(panel_catch_up(app, window))
    result["rss_after_turns"] = rss_kb()
    result["converted_turns"] = converted
    if read_ahead_kb:  # the read-ahead process's peak while it ran (reader.page.ahead)
        result["rss_read_ahead"] = {"vmrss": read_ahead_kb, "vmhwm": read_ahead_kb}
    if options.pause:
        _export(window, pack, order, Export(options.export))
        window.close()
        return result

    from reader.find.zimsearch import ArchiveSearch

    search = ArchiveSearch(pack)
    rng = random.Random(7)
    sample = [pack.articles[rng.randrange(len(pack.articles))] for _ in range(40)]
    queries = _queries([a.body for a in sample], [a.title for a in sample], rng)
    search.search("warm up", SEARCH_LIMIT)  # opens the Xapian databases once
    times: list[float] = []
    hits: list[int] = []
    cpu: list[float] = []
    for query in queries:
        c0, t0 = time.process_time(), time.perf_counter()
        found = search.search(query, SEARCH_LIMIT)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        hits.append(len(found))
    result["search_ms"] = times
    result["search_cpu_ms"] = cpu
    result["search_hits"] = hits
    result["queries"] = queries
    result["rss_after_search"] = rss_kb()

    _export(window, pack, order, Export(options.export))
    window.close()
    return result


def _export(window: Any, pack: Any, order: list[str], export: Export) -> None:
    """Write what the floor replays: the pages shown, the style sheet and every title."""
    (export.folder / "pages").mkdir(parents=True, exist_ok=True)
    view = window.view
    for slug in dict.fromkeys(order):
        article = pack.get(slug)
        assert article is not None
        page = window.renderer.article_page(article, window.recommender.recommend(slug))
        export.page(slug).write_text(page, encoding="utf-8")
    export.css.write_text(view.document().defaultStyleSheet(), encoding="utf-8")
    titles = pack.articles.column("title")
    export.titles.write_text("\n".join(titles) + "\n", encoding="utf-8")
    (export.folder / "pages.json").write_text(json.dumps(order), encoding="utf-8")


# --------------------------------------------------------------------- the parent


def startup(zim: Path, export: Export, work: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    """Alternate the reader and the floor, ``runs`` rounds after one discarded warm-up."""
    from benchmarks.startup import run_once

    slug = export.order()[0]
    settings = work / f"settings-{zim.stem}.ini"
    commands = {
        "reader-first": [
            "-m", "reader", "--content", str(zim), "--article", slug,
            "--settings", str(settings), "--exit-after-paint",
        ],
        "floor": [
            str(ROOT / "benchmarks" / "floor.py"), "--titles", str(export.titles),
            "--html", str(export.page(slug)), "--css", str(export.css), "--exit-after-paint",
        ],
    }  # fmt: skip
    commands["reader"] = commands["reader-first"]  # with the cache an earlier start left
    names = list(commands)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        order = names[round_ % 3 :] + names[: round_ % 3]
        for name in order:
            settings.unlink(missing_ok=True)
            cache = work / f"xdg-{zim.stem}-{name}"
            if name == "reader-first":
                shutil.rmtree(cache / "OfflineReader", ignore_errors=True)
            result = run_once(commands[name], bench_env(cache))
            if round_:
                results[name].append(result)
        if round_:
            log(
                f"start-up {zim.name} round {round_}/{runs}: "
                + ", ".join(f"{n} {results[n][-1]['paint_ms']:.0f} ms" for n in names)
            )
    return results


def turns_and_floor(
    zim: Path, export: Export, work: Path, turns: int, pause: float
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Page turns (and, without ``pause``, searches) in the reader; the floor on its pages."""
    env = bench_env(work / f"xdg-{zim.stem}-inproc")
    args = ["-m", "benchmarks.bench_zim", "--inproc", str(zim), "--export", str(export.folder)]
    args += ["--turns", str(turns), "--pause", str(pause)]
    reader = json.loads(run_child(args, env).splitlines()[-1])
    floor_args = ["-m", "benchmarks.inproc", "floor", "--export", str(export.folder)]
    floor = json.loads(run_child([*floor_args, "--pause", str(pause)], env).splitlines()[-1])
    log(f"page turns on {zim.name} (pause {pause} s) done")
    return reader, floor


def measure(zim: Path, work: Path, runs: int, turns: int) -> dict[str, Any]:
    export = Export(work / f"export-{zim.stem}")
    paced = Export(work / f"export-{zim.stem}-paced")

    def repeated(into: Export, count: int, pause: float) -> dict[str, Any]:
        """Three runs, the floor after each, their turns put together (as benchmarks.run)."""
        made = []
        for _ in range(REPEATS):
            reader, floor = turns_and_floor(zim, into, work, count, pause)
            made.append({"reader": reader, "floor": floor})
        return merged(made)

    both = repeated(export, turns, 0.0)
    return {
        "reader": both["reader"],
        "floor": both["floor"],
        "paced": repeated(paced, PACED_TURNS, READING_PAUSE),
        "startup": startup(zim, export, work, runs),
    }


def _ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def _figures(r: dict[str, Any], key: str) -> dict[str, float]:
    """Start (median), page turns (p95, back to back and paced), search and memory of one
    archive, by wall time (``key`` "wall") or by CPU time of the process ("cpu")."""
    wall = key == "wall"

    def start(variant: str) -> float:
        return summary([x["paint_ms" if wall else "cpu_ms"] for x in r["startup"][variant]])[
            "median"
        ]

    def turn(turns: list[list[Any]]) -> float:
        return summary([t[2] if wall else t[3] for t in turns])["p95"]

    search = r["reader"]["search_ms" if wall else "search_cpu_ms"]
    return {
        "start": start("reader"),
        "start_first": start("reader-first"),
        "start_floor": start("floor"),
        "turn": turn(r["reader"]["turns"]),
        "turn_floor": turn(r["floor"]["turns"]),
        "paced": turn(r["paced"]["reader"]["turns"]),
        "paced_floor": turn(r["paced"]["floor"]["turns"]),
        "search_median": summary(search)["median"],
        "search_p95": summary(search)["p95"],
    }


def write_report(data: dict[str, Any], out: Path) -> None:
    m = data["machine"]
    lines = [
        "# ZIM archives",
        "",
        "<!-- Generated by benchmarks/bench_zim.py; edit the generator, not this file. -->",
        "",
        f"Synthetic archives written with libzim's writer, full-text index on "
        f"(`benchmarks/zimsynth.py`: ~600 words an article, three links and a title each, a "
        f"picture every 50 articles), measured against the floor in the same run. Command: "
        f"`{data['command']}`; {data['date']}; {m['cpu']}, {m['cores']} cores shared with other "
        f"work (load average {data['load']} when the run started); Python {m['python']}, "
        f"PySide6 {m['pyside6']}, libzim {data['libzim']}, `QT_QPA_PLATFORM=offscreen`.",
        "",
        "- *Start to first paint*: spawn → first paint of the article view, median of "
        f"{data['runs']} runs each, in rotating order with the floor (benchmarks/floor.py with "
        "the same page and every title of the archive in its list), after one discarded round. "
        "*Later start*: with the cache folder an earlier start left (the rendered first page); "
        "*first start*: the cache folder emptied before every run.",
        "- *Page turn*: Next in title order, until the following `processEvents()` returns "
        "(*settled*); the floor replays the same pages with `setHtml`. As in the reader, "
        "rendered pages are kept in a cache folder (emptied before each run, as at an "
        "archive's first reading), and after the first paint a second process reads, "
        "decompresses and cleans the entries after the one shown into it. The turns start "
        f"{SETTLE_S:g} s after the first paint, for the reader and the floor alike (someone "
        "looks at the first page first, and a held key repeats only after a delay); each "
        f"run is made {REPEATS} times, the floor's after each, and their turns are put "
        "together. *Back to back*: turns "
        f"with no pause; *at reading pace*: {PACED_TURNS} turns with {READING_PAUSE} s of event "
        "loop between them, in which the reader renders the next page ahead (each new page of an "
        "archive means decompressing a cluster, which the floor, given finished HTML, never "
        "does). Back to back, the turns are a burst (closer together than 150 ms, as when Next "
        "is held down): the reader rebuilds the Recommended panel once, 50 ms after the last "
        "turn, instead of within each turn; "
        + "; ".join(
            f"{name}: {r['reader']['panel_deferred_turns']} of {len(r['reader']['turns'])} "
            f"turns left it for later, and it showed the last page's list "
            f"{_ms(r['reader']['panel_catch_up_ms'])} ms after the last turn"
            for name, r in data["sizes"].items()
            if "panel_catch_up_ms" in r["reader"]
        )
        + ". At reading pace it is rebuilt within each turn, and timed with it.",
        "- *Search*: 80 queries as typed (single words of the text, two words, word beginnings, "
        "titles) through `ArchiveSearch.search(query, 50)`: libzim's title suggestions and "
        "Xapian full text, results mapped to articles, snippets cut while the search has taken "
        "under 8 ms (later results show their title alone).",
        "- *Memory*: RSS after the turns and the searches, against the floor after its turns. "
        "The read-ahead process (`reader.page.ahead`: it reads, decompresses and cleans the "
        "next entries while pages are turned back to back) is a second process: its peak RSS "
        "while it ran (read after every turn) is in its own column; it ends 30 s after the "
        "last turn.",
        "- Each figure is given twice: by the clock (*wall*) and by the CPU time the process used "
        "(*CPU*, user + system, from `time.process_time()` and the first-paint line). The "
        "machine was shared with other work during the run; CPU time is what the reader itself "
        "costs and varies far less, wall time is what someone would wait on this machine.",
        "",
        "| Archive | By | Start, later: reader / floor | Start, first | Page turn p95, back to "
        "back: reader / floor | Page turn p95, reading pace | Search median / p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    verdicts: list[str] = []
    memory: list[str] = []
    for name, r in data["sizes"].items():
        for key in ("wall", "cpu"):
            f = _figures(r, key)
            lines.append(
                f"| {name} | {key} | {_ms(f['start'])} / {_ms(f['start_floor'])} ms "
                f"({f['start'] / f['start_floor']:.2f} ×) | {_ms(f['start_first'])} ms "
                f"({f['start_first'] / f['start_floor']:.2f} ×) | {_ms(f['turn'])} / "
                f"{_ms(f['turn_floor'])} ms ({f['turn'] / f['turn_floor']:.2f} ×) | "
                f"{_ms(f['paced'])} / {_ms(f['paced_floor'])} ms "
                f"({f['paced'] / f['paced_floor']:.2f} ×) | {_ms(f['search_median'])} / "
                f"{_ms(f['search_p95'])} ms |"
            )
            if name.startswith("100"):
                start, first = f["start"] / f["start_floor"], f["start_first"] / f["start_floor"]
                turn, paced = f["turn"] / f["turn_floor"], f["paced"] / f["paced_floor"]
                verdicts += [
                    f"- By {key} time: start ≤ 1.3 × floor: {start:.2f} × — "
                    f"{_met(start <= TARGETS['start'])} (first start {first:.2f} × — "
                    f"{_met(first <= TARGETS['start'])}); page turn p95 ≤ 1.3 × floor: back to "
                    f"back {turn:.2f} × — {_met(turn <= TARGETS['turn'])}, at reading pace "
                    f"{paced:.2f} × — {_met(paced <= TARGETS['turn'])}; search p95 ≤ 25 ms: "
                    f"{_ms(f['search_p95'])} ms — {_met(f['search_p95'] <= TARGETS['search_ms'])}",
                ]
        rss_r = max(
            r["reader"]["rss_after_turns"]["vmrss"], r["reader"]["rss_after_search"]["vmrss"]
        )
        rss_f = r["floor"]["rss_after_turns"]["vmrss"]
        wrote = f"{r['generate_s'] / 60:.0f} min" if r.get("generate_s") else "earlier"
        worker = r["reader"].get("rss_read_ahead", {}).get("vmrss", 0)
        memory.append(
            f"| {name} | {_mb(r['reader']['rss_start']['vmrss'])} | {_mb(rss_r)} | "
            f"{_mb(rss_f)} | {(rss_r - rss_f) / 1024:+.0f} MB | "
            f"{_mb(worker) if worker else 'did not run'} | "
            f"{r['reader']['open_s'] * 1000:.0f} ms | {wrote} |"
        )
        if name.startswith("100"):
            both = rss_r + worker - rss_f
            verdicts.append(
                f"- Memory ≤ floor + 60 MB: the reader's window {(rss_r - rss_f) / 1024:+.0f} MB "
                f"— {_met(rss_r - rss_f <= TARGETS['rss_mb'] * 1024)}; with its read-ahead "
                f"process at its peak, while that runs: {both / 1024:+.0f} MB — "
                f"{_met(both <= TARGETS['rss_mb'] * 1024)}"
            )
    lines += [
        "",
        "| Archive | Reader RSS at first paint | Reader RSS after turns and searches | Floor RSS "
        "after turns | Difference | Read-ahead process, peak | `open_zim` (with "
        "importing libzim) | Writing the archive |",
        "|---|---|---|---|---|---|---|---|",
        *memory,
        "",
    ]
    if verdicts:
        lines += ["Targets, at 100,000 articles:", "", *verdicts, ""]
    else:
        lines += ["No 100,000-article archive was measured in this run.", ""]
    if FINDINGS.exists():  # hand-written, kept across regenerations
        lines += [FINDINGS.read_text(encoding="utf-8").strip(), ""]
    out.write_text("\n".join(lines), encoding="utf-8")


def paste(report: Path, into: Path) -> None:
    """Put ``report`` into ``into`` as its ZIM section, as benchmarks/report.py does."""
    from benchmarks.report import pasted_section

    text = into.read_text(encoding="utf-8")
    section = pasted_section(report, SECTION)
    start = text.find(f"\n{SECTION}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[: start + 1] + section + ("\n" + text[end + 1 :] if end >= 0 else "")
    into.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--turns", type=int, default=100)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK / "zim")
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument("--from-json", type=Path, help="only rewrite the report from this file")
    parser.add_argument("--inproc", type=Path, help=argparse.SUPPRESS)  # the reader's process
    parser.add_argument("--export", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pause", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--no-read-ahead", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.inproc:
        options.zim = options.inproc
        options.export.mkdir(parents=True, exist_ok=True)
        print(json.dumps(run_reader(options)), flush=True)
        os._exit(0)  # as benchmarks/inproc.py: no interpreter teardown
    if options.from_json:
        data = json.loads(options.from_json.read_text(encoding="utf-8"))
    else:
        import libzim

        work: Path = options.work
        work.mkdir(parents=True, exist_ok=True)
        compile_bytecode()
        data = {
            "machine": machine(),
            "command": "python -m benchmarks.bench_zim"
            + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip(),
            "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "runs": options.runs,
            "libzim": getattr(libzim, "__version__", "3"),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "sizes": {},
        }
        for size in (int(s) for s in options.sizes.split(",")):
            zim, seconds = ensure_zim(work, size)
            result = measure(zim, work, options.runs, options.turns)
            result["generate_s"] = seconds
            data["sizes"][f"{size // 1000}k"] = result
            (work / "results-zim.json").write_text(json.dumps(data, indent=1))
    write_report(data, options.out)
    if options.out.resolve() == REPORT:
        paste(options.out, PERFORMANCE)
    log(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
