"""Dating is linear in article length: the dates step on N and 10×N sentences.

Times :func:`newsgraph.extract.actors.dates.sentence_date` over every sentence of an
article made of one short news paragraph repeated (N sentences, then 10×N), each event
anchored at its sentence's root as the events wing does. Linear work gives a 10N/N ratio
near 10; work quadratic in sentences gives one near 100. The baseline, in the same run, is
the old behaviour: a sentence's entities taken from ``Span.ents``, which walks every
entity of the Doc for each sentence (issue 14, "time quadratic in sentences").

    .venv/bin/python benchmarks/dates_linear.py [--sentences N] [--repeat R]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.extract.actors import dates
from newsgraph.nlp import load_model

PUBLISHED = "2023-04-21"
# Written for this benchmark: dates of every kind the resolver reads, and none.
PARAGRAPH = (
    "The two ministers met in Vienna on Tuesday. "
    "They will meet again next week, officials said on Thursday. "
    "The union, founded in 1998, protested outside parliament. "
    "Talks are scheduled to resume on Monday. "
    "Police arrested 12 people over the weekend. "
    "The government plans to cut emissions by 2049. "
    "Critics said the deal was signed on March 3, 2022. "
    "Nobody commented. "
    "Protesters marched for three hours yesterday. "
    "The embassy said it would reopen in May. "
)


def _old_time_entities(sent: SpacySpan) -> list[SpacySpan]:
    """The behaviour before: ``Span.ents``, a walk over the whole Doc's entities."""
    return [e for e in sent.ents if e.label_ in ("DATE", "TIME")]


def _article(base: Doc, sentences: int) -> Doc:
    per = len(list(base.sents))
    return Doc.from_docs([base] * max(1, sentences // per))


def _time(doc: Doc, repeat: int) -> float:
    sents = list(doc.sents)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for sent in sents:
            dates.sentence_date(sent, PUBLISHED, sent.root)
        best = min(best, time.perf_counter() - t0)
    return best


def _measure(
    small: Doc, large: Doc, repeat: int, entities: Callable[[SpacySpan], list[SpacySpan]]
) -> tuple[float, float]:
    real = dates._time_entities
    dates._time_entities = entities  # type: ignore[assignment]
    try:
        return _time(small, repeat), _time(large, repeat)
    finally:
        dates._time_entities = real  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=200, help="N (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    args = parser.parse_args()
    base = load_model()(PARAGRAPH.strip())
    small, large = _article(base, args.sentences), _article(base, 10 * args.sentences)
    n_small, n_large = len(list(small.sents)), len(list(large.sents))
    new = _measure(small, large, args.repeat, dates._time_entities)
    old = _measure(small, large, args.repeat, _old_time_entities)
    print(f"dates step over an article of N={n_small} and 10N={n_large} sentences")
    print(f"{'':<34} {'N (s)':>9} {'10N (s)':>9} {'10N/N':>7}")
    for name, (a, b) in (("newsgraph (sentence's own tokens)", new), ("baseline (Span.ents)", old)):
        print(f"{name:<34} {a:9.4f} {b:9.4f} {b / a:7.1f}")
    print(f"speed-up at 10N: {old[1] / new[1]:.1f}x (linear ratio ~10, quadratic ~100)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
