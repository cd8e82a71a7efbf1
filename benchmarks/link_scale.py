"""Linking cost per 1,000 new articles against the size of the store (issue 17).

Fills a store with synthetic articles through the real write path (``Store.write_batch``,
then ``link`` after every batch, as ``ingest`` does), and at each size in ``--sizes`` times
storing and linking ``--new`` more articles. Incremental linking costs what the new
articles touch, so the link time per 1,000 should stay flat as the store grows: the ratio
column is each size's link time over the smallest size's, measured in the same process.

The articles are variants of a pool of stories (so near-duplicate groups form: wire copy
and re-posts) with two to four events each among 60 countries over two years, including
year-only dates and one-sided events. Nothing is analysed by spaCy: this measures the store
and the linker, not the parse.

    .venv/bin/python benchmarks/link_scale.py                          # SQLite, 10k and 100k
    .venv/bin/python benchmarks/link_scale.py --sizes 10000,1000000    # the issue's range
    .venv/bin/python benchmarks/link_scale.py --db postgresql://localhost/bench
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from newsgraph.link import link
from newsgraph.records import Actor, Analysis, Article, Event, EventDate, Span
from newsgraph.store import open_store

COUNTRIES = [f"C{i:02d}" for i in range(60)]
OUTLETS = [f"outlet{i}.example" for i in range(80)]
WORDS = [f"w{i}" for i in range(5000)]


class Synthetic:
    """Reproducible synthetic analyses: article ``i`` is always the same."""

    def __init__(self, seed: int = 17, stories: int = 20000) -> None:
        self.seed = seed
        self.stories = stories

    def story(self, s: int) -> tuple[list[str], list[tuple[str, str, str | None, int, bool]]]:
        rng = random.Random(self.seed * 1_000_003 + s)
        words = [rng.choice(WORDS) for _ in range(250)]
        events = [
            (
                rng.choice(("CONSULT", "ACCUSE", "ASSAULT", "AID", "DEMAND")),
                rng.choice(COUNTRIES),
                rng.choice([*COUNTRIES, None]),
                rng.randrange(730),
                rng.random() < 0.1,  # year-only date
            )
            for _ in range(4)
        ]
        return words, events

    def analysis(self, i: int) -> Analysis:
        rng = random.Random(self.seed * 7_000_003 + i)
        words, story_events = self.story(rng.randrange(self.stories))
        words = list(words)
        for _ in range(rng.choice((0, 1, 3, 10, 60))):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        text = " ".join(words) + "."
        published = _day(rng.randrange(730))
        article = Article(
            id=Article.make_id(text, f"a{i}"),
            text=text,
            title=f"a{i}",
            url=f"https://{rng.choice(OUTLETS)}/{i}",
            source=None,
            published=published,
            language="en",
            origin=f"synthetic:{i}",
        )
        actors: dict[str, Actor] = {}

        def actor(country: str) -> Actor:
            if country not in actors:
                actors[country] = Actor(
                    id=f"a{len(actors) + 1}", name=country, type="country",
                    mentions=(Span.of(text, 0, 3),), country=country, code=country,
                )  # fmt: skip
            return actors[country]

        events = []
        for k, (plover, a, r, day, year) in enumerate(rng.sample(story_events, rng.randint(2, 4))):
            start = _day(day + rng.randint(0, 2))
            date = (
                EventDate(start[:4] + "-01-01", start[:4] + "-12-31", "this year", "year", "text")
                if year
                else EventDate(start, start, "on Monday", "day", "text")
            )
            events.append(
                Event(
                    id=f"e{k + 1}",
                    plover=plover,
                    cameo="040",
                    trigger=Span.of(text, 0, 3),
                    evidence=Span.of(text, 0, len(text)),
                    actors=(actor(a).id,),
                    recipients=(actor(r).id,) if r else (),
                    actor_codes=(a,),
                    recipient_codes=(r,) if r else (),
                    goldstein=1.0,
                    quad_class=1,
                    date=date,
                    confidence=0.8,
                )  # fmt: skip
            )
        return Analysis(
            article=article, actors=tuple(actors.values()), events=tuple(events),
            extractor="benchmark",
        )  # fmt: skip


def _day(n: int) -> str:
    import datetime as dt

    return (dt.date(2023, 1, 1) + dt.timedelta(days=n)).isoformat()


def fill(store, make: Synthetic, start: int, stop: int, batch: int = 2000) -> None:
    for i in range(start, stop, batch):
        store.write_batch([make.analysis(j) for j in range(i, min(stop, i + batch))])
        link(store)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="store sizes to measure at")
    ap.add_argument("--new", type=int, default=1000, help="articles added and linked per step")
    ap.add_argument("--db", default=None, help="a postgresql:// URL (default: a SQLite file)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    make = Synthetic()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        with open_store(url) as store:
            have = 0
            rows = []
            for size in sizes:
                t0 = time.perf_counter()
                fill(store, make, have, size)
                filled = time.perf_counter() - t0
                new = [make.analysis(j) for j in range(size, size + args.new)]
                t0 = time.perf_counter()
                store.write_batch(new)
                write = time.perf_counter() - t0
                t0 = time.perf_counter()
                summary = link(store)
                seconds = time.perf_counter() - t0
                have = size + args.new
                counts = store.counts()
                rows.append((size, seconds, write, summary, counts, filled))
                print(
                    f"store {size:>9,} articles ({counts['events']:,} events, filled in "
                    f"{filled:.0f}s): write {args.new:,} new {write:.2f}s, link them "
                    f"{seconds:.2f}s ({summary.linked} linked, {summary.duplicate_articles} in "
                    f"groups written, {summary.clusters} clusters written)",
                    flush=True,
                )
            base = rows[0][1]
            print(f"\nlink seconds per {args.new:,} new articles, ratio to the smallest store:")
            for size, seconds, *_ in rows:
                print(f"  {size:>9,}: {seconds:6.2f}s  ratio {seconds / base:.2f}")


if __name__ == "__main__":
    main()
