"""Store query latency on one million synthetic events (SQLite), against a no-index baseline.

Fills a SQLite store through the real write path (``Store.write_batch``) with synthetic
articles, ``--per-article`` events each, then times the two filters corpus users run most:
events of an actor in a date range, and events of a dyad of one PLOVER type. The baseline
is the same queries in the same run with the store's event indexes dropped (inside a
transaction that is rolled back), i.e. a full scan.

    .venv/bin/python benchmarks/store.py                 # 1,000,000 events
    .venv/bin/python benchmarks/store.py --events 100000 --db /tmp/bench.db --keep
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.records import PLOVER_TYPES, Actor, Analysis, Article, Event, EventDate, Span
from newsgraph.store import Filters, open_store

COUNTRIES = """
USA RUS CHN UKR GBR FRA DEU IRN ISR PSE SYR IRQ TUR IND PAK
AFG JPN KOR PRK BRA MEX VEN COL NGA ETH EGY SAU YEM LBN JOR
POL BLR GEO ARM AZE KAZ CAN AUS IDN PHL VNM THA MMR BGD LKA
ZAF KEN SDN SSD LBY TUN DZA MAR ITA ESP GRC SRB HUN ROU TWN
""".split()
SECTORS = ["GOV", "MIL", "BUS", "MED", "OPP", "REB", "CVL", "JUD"]
CAMEO = {p: f"{i + 1:02d}0" for i, p in enumerate(PLOVER_TYPES)}  # synthetic but string-typed codes
DAYS = 5 * 365
START = 737425  # 2020-01-01 as a proleptic ordinal


def _iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


def synthetic_article(i: int, per_article: int, rng: random.Random) -> Analysis:
    """One article with ``per_article`` events between actors of random countries."""
    words = [f"w{rng.randrange(5000)}" for _ in range(40)]
    text = f"Synthetic report {i}. " + " ".join(words) + "."
    sp = Span(0, 9, text[:9])
    day = START + rng.randrange(DAYS)
    actors: list[Actor] = []
    events: list[Event] = []
    for k in range(per_article):
        pair = []
        for _ in range(2):
            country, sector = rng.choice(COUNTRIES), rng.choice(SECTORS)
            actor = Actor(
                id=f"a{len(actors) + 1}",
                name=f"{country} {sector} person {rng.randrange(20)}",
                type="person",
                mentions=(sp,),
                country=country,
                sectors=(sector,),
                code=country + sector,
            )
            actors.append(actor)
            pair.append(actor)
        plover = rng.choice(PLOVER_TYPES)
        d = _iso(day - rng.randrange(3))
        events.append(Event(
            id=f"e{k + 1}", plover=plover, cameo=CAMEO[plover], trigger=sp, evidence=sp,
            actors=(pair[0].id,), recipients=(pair[1].id,), actor_codes=(pair[0].code or "",),
            recipient_codes=(pair[1].code or "",), goldstein=1.0, quad_class=1,
            date=EventDate(d, d, "synthetic", "day"), confidence=0.5,
        ))  # fmt: skip
    article = Article(
        id=Article.make_id(text, f"t{i}"),
        text=text,
        title=f"t{i}",
        source=f"outlet{rng.randrange(200)}",
        published=_iso(day),
        language="en",
    )
    return Analysis(
        article=article, actors=tuple(actors), events=tuple(events), extractor="synthetic"
    )


def fill(store, n_events: int, per_article: int, seed: int) -> float:
    rng = random.Random(seed)
    n_articles = n_events // per_article
    t0 = time.perf_counter()
    batch: list[Analysis] = []
    for i in range(n_articles):
        batch.append(synthetic_article(i, per_article, rng))
        if len(batch) == 1000:
            store.write_batch(batch)
            batch.clear()
            print(f"\r  filled {i + 1:,}/{n_articles:,} articles", end="", file=sys.stderr)
    if batch:
        store.write_batch(batch)
    print(file=sys.stderr)
    store.conn.execute("ANALYZE")  # planner statistics, as a long-lived store would have
    return time.perf_counter() - t0


def actor_range_queries(rng: random.Random, n: int) -> list[Filters]:
    out = []
    for _ in range(n):
        start = START + rng.randrange(DAYS - 90)
        out.append(
            Filters(
                actor=rng.choice(COUNTRIES) + rng.choice(SECTORS),
                since=_iso(start),
                until=_iso(start + 90),
                limit=0,
            )
        )
    return out


def dyad_type_queries(rng: random.Random, n: int) -> list[Filters]:
    return [
        Filters(dyad=(a, b), plover=rng.choice(PLOVER_TYPES), limit=0)
        for a, b in (rng.sample(COUNTRIES, 2) for _ in range(n))
    ]


def timed(store, queries: list[Filters]) -> tuple[list[float], list[int]]:
    times, sizes = [], []
    for f in queries:
        t0 = time.perf_counter()
        rows = store.events(f)
        times.append((time.perf_counter() - t0) * 1000)
        sizes.append(len(rows))
    return times, sizes


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 2 else xs[0]


EVENT_INDEXES = (
    "events_dyad_country",
    "events_dyad_code",
    "events_plover_day",
    "events_cameo",
    "events_day",
    "event_parties_code",
    "event_parties_name",
    "event_parties_country",
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--queries", type=int, default=50, help="timed queries per filter")
    ap.add_argument(
        "--baseline-queries", type=int, default=5, help="timed full-scan queries per filter"
    )
    ap.add_argument("--db", help="store path (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep a filled --db and reuse it")
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = str(Path(tmp.name) / "bench.db")
    store = open_store(args.db)
    existing = store.counts()["events"]
    if existing and args.keep:
        print(f"reusing {args.db}: {existing:,} events", file=sys.stderr)
    else:
        if existing:
            sys.exit(
                f"{args.db} already holds events; pass --keep to reuse it or choose another --db"
            )
        seconds = fill(store, args.events, args.per_article, args.seed)
        print(
            f"filled {args.db} with {args.events:,} events in {seconds:.0f}s "
            f"({args.events / seconds:,.0f} events/s through write_batch)"
        )
    counts = store.counts()
    size = Path(args.db).stat().st_size / 1e6
    print(
        f"store: {counts['articles']:,} articles, {counts['events']:,} events, "
        f"{counts['event_parties']:,} event parties, {size:,.0f} MB"
    )

    rng = random.Random(args.seed + 1)
    suites = {
        "actor + 90-day range": actor_range_queries(rng, args.queries),
        "dyad + PLOVER type": dyad_type_queries(rng, args.queries),
    }
    results = {}
    for name, queries in suites.items():
        timed(store, queries[:3])  # warm the page cache
        results[name] = timed(store, queries)
    baseline = {}
    store.conn.execute("BEGIN")  # DDL is transactional in SQLite: the indexes come back on rollback
    for index in EVENT_INDEXES:
        store.conn.execute(f"DROP INDEX {index}")
    for name, queries in suites.items():
        baseline[name] = timed(store, queries[: args.baseline_queries])
    store.conn.execute("ROLLBACK")
    print(
        f"\n{'query':24} {'rows (median)':>13} {'median ms':>10} {'p95 ms':>8} "
        f"{'no-index median ms':>19} {'speed-up':>9}"
    )
    ok = True
    for name, (times, sizes) in results.items():
        med, base = statistics.median(times), statistics.median(baseline[name][0])
        ok &= med <= 100
        print(
            f"{name:24} {statistics.median(sizes):>13,.0f} {med:>10.1f} {p95(times):>8.1f} "
            f"{base:>19.1f} {base / med:>8.0f}x"
        )
    print(f"\ngate: median ≤ 100 ms on both filters: {'PASS' if ok else 'FAIL'}")
    store.close()
    if tmp:
        tmp.cleanup()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
