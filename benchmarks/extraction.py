"""HTML body extraction on the ScrapingHub article-extraction-benchmark (SCORING.md §1).

Scores ``newsgraph.clean.html.extract_body`` — the cleaner the pipeline uses — with the
benchmark's own metric (word 4-gram shingles, per-page precision and recall, macro
averaged, F1 of the two means), and trafilatura's bare ``extract()`` in the same run as
the baseline, then prints both and their ratio.

    .venv/bin/python benchmarks/extraction.py [--data ../shared/eval/data] [--limit N]
    .venv/bin/python benchmarks/extraction.py --trafilatura-en   # also the snippet set
"""

from __future__ import annotations

import argparse
import sys

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import find_data_dir
from newsgraph.evaluate.extraction import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", default=None, help="gold-data folder (default: ../shared/eval/data)"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument(
        "--trafilatura-en",
        action="store_true",
        help="also score the English pages of trafilatura's evaluation set",
    )
    args = parser.parse_args()
    try:
        report = run(find_data_dir(args.data), limit=args.limit)
    except NewsgraphError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    m = report.metrics
    print(f"ScrapingHub article-extraction-benchmark: {m['pages']} pages")
    print(f"{'extractor':<44} {'F1':>7} {'prec':>7} {'recall':>7} {'acc':>7} {'pages/s':>8}")
    rows = [
        ("newsgraph clean_html (trafilatura favor_precision + chrome rules)", ""),
        ("trafilatura extract() baseline", "baseline_"),
    ]
    for name, p in rows:
        print(
            f"{name[:44]:<44} {m[p + 'f1']:7.4f} {m[p + 'precision']:7.4f} {m[p + 'recall']:7.4f}"
            f" {m[p + 'accuracy']:7.4f} {m[p + 'pages_per_s']:8.1f}"
        )
    print(f"F1 ratio newsgraph / baseline: {m['f1_ratio_to_baseline']:.4f}")
    if args.trafilatura_en:
        t = run(find_data_dir(args.data), split="trafilatura-en", limit=args.limit).metrics
        print(f"\ntrafilatura evaluation set, English pages: {t['pages']} (snippet metric)")
        for name, p in (
            ("newsgraph clean_html", ""),
            ("trafilatura extract() baseline", "baseline_"),
        ):
            print(
                f"{name:<44} F1 {t[p + 'f1']:.4f}  prec {t[p + 'precision']:.4f}  "
                f"recall {t[p + 'recall']:.4f}"
            )
        print(f"title read correctly {t['title_accuracy']:.3f}, date {t['date_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
