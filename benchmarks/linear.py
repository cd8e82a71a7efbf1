"""Analysis time against article length: N sentences and 10 × N sentences of the same text.

Builds an article by repeating the body of the bundled sample article (its paragraphs,
title line left out) until it has N sentences, then times the whole analysis of one
article — ``Newsgraph.analyze``: cleaning, the spaCy parse and every extractor — on N and
on 10 × N sentences, in the same process. Linear time gives a ratio near 10; quadratic
work in an extractor shows as a ratio well above it (issue 14: 20,000 short sentences took
262 s). The parse and the extractors are also timed apart, and ``--profile`` names the
functions the extractors spend their time in.

    .venv/bin/python benchmarks/linear.py                        # 2,000 vs 20,000 sentences
    .venv/bin/python benchmarks/linear.py --sentences 500 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from importlib import resources

import newsgraph
from newsgraph.extract import run_extractors
from newsgraph.records import Analysis, Article

SAMPLE = "seed-putin-li-shangfu.txt"


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


def timed(pipeline: newsgraph.Newsgraph, n: int, profile: bool) -> dict[str, float]:
    text = article_of(n)
    t0 = time.perf_counter()
    pipeline.analyze(text, title="Linear", published="2023-04-17")
    whole = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = pipeline.nlp(text)
    parse = time.perf_counter() - t0
    article = Article(id=Article.make_id(text), text=text, published="2023-04-17", language="en")
    prof = cProfile.Profile() if profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    run_extractors(doc, Analysis(article=article))
    if prof:
        prof.disable()
    extract = time.perf_counter() - t0
    if prof:
        print(f"--- extractors on {n:,} sentences, by cumulative time")
        pstats.Stats(prof).sort_stats("tottime").print_stats(12)
    return {"chars": len(text), "whole": whole, "parse": parse, "extract": extract}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=2000, help="N (the baseline length)")
    ap.add_argument("--factor", type=int, default=10, help="the long article is N × this")
    ap.add_argument("--profile", action="store_true", help="profile the extractors")
    args = ap.parse_args()
    pipeline = newsgraph.load()
    pipeline.analyze(article_of(20), published="2023-04-17")  # warm-up: lexicons, caches
    small = timed(pipeline, args.sentences, args.profile)
    big = timed(pipeline, args.sentences * args.factor, args.profile)
    for name, r in ((args.sentences, small), (args.sentences * args.factor, big)):
        print(
            f"{name:>7,} sentences ({r['chars']:>9,.0f} chars): analyze {r['whole']:7.1f}s "
            f"(parse {r['parse']:6.1f}s, extractors {r['extract']:6.1f}s)"
        )
    for key in ("whole", "parse", "extract"):
        print(f"ratio {key:>8}: {big[key] / small[key]:5.1f}× for {args.factor}× the sentences")
    ok = big["whole"] / small["whole"] <= args.factor
    print(f"linear (whole ≤ {args.factor}×): {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
