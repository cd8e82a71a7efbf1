"""Analysis time against article length: N sentences and 10 × N sentences of the same text.

Builds an article by repeating the body of the bundled sample article (its paragraphs,
title line left out) until it has N sentences, then times the whole analysis of one
article — ``Newsgraph.analyze``: cleaning, the spaCy parse and every extractor — on N and
on 10 × N sentences, in the same process. Linear time gives a ratio near 10; quadratic
work in an extractor shows as a ratio well above it (issue 14: 20,000 short sentences took
262 s). The default is issue 14's acceptance case, 2,000 against 20,000 sentences (about
300,000 and 3,000,000 characters; ``max_chars`` is raised to fit the long one, which is
parsed in chunks, see ``newsgraph.nlp.long``).

Each analysis runs once; the parse and the extractors are timed inside that one run (the
two functions ``analyze`` calls are wrapped with a timer), so nothing is parsed twice.
Wall-clock and CPU time are both given: on a shared machine the wall clock also counts
other processes, while this process's CPU time does not. ``--profile`` names the functions
the extractors spend their time in, on the long article.

    .venv/bin/python benchmarks/linear.py                       # 2,000 vs 20,000 sentences
    .venv/bin/python benchmarks/linear.py --sentences 200 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import newsgraph
import newsgraph.nlp.long
import newsgraph.pipeline
from newsgraph.config import load_settings

SAMPLE = "seed-putin-li-shangfu.txt"
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def sample_sentences() -> list[str]:
    """The sentences of the sample article's body (split on end punctuation and a space)."""
    text = resources.files("newsgraph.data").joinpath("sample", SAMPLE).read_text("utf-8")
    body = text.split("\n", 1)[1].split("\nImage:", 1)[0]
    out: list[str] = []
    for para in body.split("\n"):
        out.extend(s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z])", para) if s.strip())
    return out


def article_of(n: int) -> str:
    """An article body of ``n`` sentences: the sample's, repeated, five to a paragraph."""
    sents = sample_sentences()
    chosen = [sents[i % len(sents)] for i in range(n)]
    paras = [" ".join(chosen[i : i + 5]) for i in range(0, n, 5)]
    return "\n\n".join(paras) + "\n"


@contextmanager
def phase_timers(spent: dict[str, float], profile: cProfile.Profile | None) -> Iterator[None]:
    """Time ``newsgraph.nlp.long.parse`` (the parse) and ``newsgraph.pipeline.extract_doc``
    (every extractor) while ``analyze`` calls them; profile the extractors if asked."""

    def timed(name: str, fn: Callable[..., Any], prof: cProfile.Profile | None) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = {clock: read() for clock, read in CLOCKS.items()}
            if prof:
                prof.enable()
            try:
                return fn(*args, **kwargs)
            finally:
                if prof:
                    prof.disable()
                for clock, read in CLOCKS.items():
                    spent[f"{name} {clock}"] = read() - start[clock]

        return wrapper

    parse, extract = newsgraph.nlp.long.parse, newsgraph.pipeline.extract_doc
    newsgraph.nlp.long.parse = timed("parse", parse, None)  # type: ignore[assignment]
    newsgraph.pipeline.extract_doc = timed("extract", extract, profile)  # type: ignore[assignment]
    try:
        yield
    finally:
        newsgraph.nlp.long.parse, newsgraph.pipeline.extract_doc = parse, extract


def timed_analysis(pipeline: newsgraph.Newsgraph, n: int, profile: bool) -> dict[str, float]:
    text = article_of(n)
    spent: dict[str, float] = {"chars": len(text)}
    prof = cProfile.Profile() if profile else None
    start = {clock: read() for clock, read in CLOCKS.items()}
    with phase_timers(spent, prof):
        analysis = pipeline.analyze(text, title="Linear", published="2023-04-17")
    for clock, read in CLOCKS.items():
        spent[f"whole {clock}"] = read() - start[clock]
    spent["events"] = len(analysis.events)
    if prof:
        print(f"--- extractors on {n:,} sentences, by own time")
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=2000, help="N (the baseline length)")
    ap.add_argument("--factor", type=int, default=10, help="the long article is N × this")
    ap.add_argument("--profile", action="store_true", help="profile the extractors (long one)")
    args = ap.parse_args()
    long_chars = len(article_of(args.sentences * args.factor))
    settings = load_settings()  # NEWSGRAPH_* apply; max_chars is raised to fit the article
    if settings.max_chars < long_chars:
        print(f"max_chars raised from {settings.max_chars:,} to {long_chars:,} for this run")
        settings = settings.with_(max_chars=long_chars)
    pipeline = newsgraph.load(settings=settings)
    pipeline.analyze(article_of(20), published="2023-04-17")  # warm-up: lexicons, caches
    small = timed_analysis(pipeline, args.sentences, False)
    big = timed_analysis(pipeline, args.sentences * args.factor, args.profile)
    for n, r in ((args.sentences, small), (args.sentences * args.factor, big)):
        for clock in CLOCKS:
            print(
                f"{n:>7,} sentences ({r['chars']:>9,.0f} chars), {clock:>4}: analyze "
                f"{r[f'whole {clock}']:7.1f}s (parse {r[f'parse {clock}']:6.1f}s, "
                f"extractors {r[f'extract {clock}']:6.1f}s)"
            )
    for clock in CLOCKS:
        for key in ("whole", "parse", "extract"):
            ratio = big[f"{key} {clock}"] / small[f"{key} {clock}"]
            print(f"ratio {clock:>4} {key:>8}: {ratio:5.1f}× for {args.factor}× the sentences")
    for clock in CLOCKS:
        ok = big[f"whole {clock}"] / small[f"whole {clock}"] <= args.factor
        print(f"linear by {clock} time (whole ≤ {args.factor}×): {'yes' if ok else 'NO'}")
    print(f"the long article: {big['whole wall']:.0f}s wall ({big['whole cpu']:.0f}s CPU)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
