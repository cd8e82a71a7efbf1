"""HTML body extraction on the ScrapingHub article-extraction-benchmark (SCORING.md §1).

The metric is the benchmark's own: word 4-gram shingles (tokens ``\\w+``), per-page
TP/FP/FN normalised to sum to 1, precision and recall averaged over pages (a page counts
for precision only if something was predicted or expected, likewise for recall), F1 the
harmonic mean of the two averages; accuracy is the share of pages whose token sequence
matches exactly. What is scored is :func:`newsgraph.clean.html.extract_body`, the cleaner
the pipeline uses; trafilatura's bare ``extract()`` is scored in the same run as the
baseline.

``split="trafilatura-en"`` scores the English subset of trafilatura's own evaluation set
instead (SCORING.md §1, second part): a "with" snippet found in the output is a TP, one
missing a FN; a "without" snippet found is a FP, one missing a TN (micro-averaged), plus how
often the title and date newsgraph reads from the page equal the annotated ones.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import Settings
from ..errors import EvalDataError
from . import Report, require

SET_PATH = ("extraction", "scrapinghub-aeb")
TRAFILATURA_PATH = ("extraction", "trafilatura-eval")
NGRAM = 4
_TOKEN = re.compile(r"\w+")

TpFpFn = tuple[float, float, float]


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + NGRAM])
        for i in range(max(1, len(tokens) - NGRAM + 1))
        if tokens[i : i + NGRAM]
    )


def shingle_match(true: str, pred: str) -> TpFpFn:
    """Normalised (TP, FP, FN) of the 4-gram shingles of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(scores: Sequence[TpFpFn]) -> tuple[float, float, float]:
    """Macro precision, macro recall and the F1 of the two, as the benchmark computes them."""
    precision = statistics.mean([_precision(*s) for s in scores if s[0] + s[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*s) for s in scores if s[0] + s[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(data_dir: Path, limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(id, url, gold body, html) of each page, sorted by id."""
    root = (
        data_dir.joinpath(*SET_PATH) if not (data_dir / "ground-truth.json").exists() else data_dir
    )
    gold = json.loads(require(root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        path = require(root / "html" / f"{key}.html.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            pages.append(
                (key, gold[key].get("url") or "", gold[key].get("articleBody") or "", f.read())
            )
    if not pages:
        raise EvalDataError("no pages in the benchmark", input=str(root))
    return pages


def score(
    extract: Callable[[str, str], str | None], pages: Sequence[tuple[str, str, str, str]]
) -> dict[str, float]:
    """F1, precision, recall, accuracy and pages/s of one extractor over the pages."""
    start = time.perf_counter()
    predictions = [extract(html, url) or "" for _key, url, _gold, html in pages]
    seconds = time.perf_counter() - start
    per_page = [
        shingle_match(gold, pred)
        for (_k, _u, gold, _h), pred in zip(pages, predictions, strict=True)
    ]
    precision, recall, f1 = aggregate(per_page)
    accuracy = statistics.mean(
        float(_TOKEN.findall(gold) == _TOKEN.findall(pred))
        for (_k, _u, gold, _h), pred in zip(pages, predictions, strict=True)
    )
    return {
        "f1": f1,
        "precision": precision,
        "recall": recall,
        "accuracy": accuracy,
        "pages_per_s": len(pages) / seconds if seconds else 0.0,
    }


def _ours(html: str, url: str) -> str:
    from ..clean.html import extract_body

    return extract_body(html, url=url or None)


def _baseline(html: str, url: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, url=url or None, include_comments=False)


def _norm(text: str) -> str:
    return " ".join(text.split())


def snippet_scores(pages: Sequence[tuple[dict[str, object], str]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of the snippet metric over (gold, output) pairs."""
    tp = fp = fn = tn = 0
    for gold, output in pages:
        out = _norm(output)
        for snippet in gold.get("with") or ():  # type: ignore[attr-defined]
            if _norm(str(snippet)) in out:
                tp += 1
            else:
                fn += 1
        for snippet in gold.get("without") or ():  # type: ignore[attr-defined]
            if _norm(str(snippet)) in out:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fp + fn + tn
    return {
        "f1": f1,
        "precision": precision,
        "recall": recall,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def run_trafilatura_en(data_dir: Path, limit: int | None = None, baseline: bool = True) -> Report:
    """The snippet metric and title/date accuracy on trafilatura's English evaluation pages."""
    import trafilatura

    from ..clean.html import clean_html
    from ..clean.meta import iso_date
    from ..errors import InputError

    root = (
        data_dir.joinpath(*TRAFILATURA_PATH)
        if not (data_dir / "evaldata.json").exists()
        else data_dir
    )
    gold = json.loads(require(root / "evaldata.json").read_text(encoding="utf-8"))
    english = set(require(root / "english_subset.txt").read_text(encoding="utf-8").split())
    items = sorted((k, v) for k, v in gold.items() if v.get("file") in english)[:limit]
    if not items:
        raise EvalDataError("no English pages in the set", input=str(root))
    ours, base, titles, dates = [], [], [], []
    seconds = 0.0
    for key, entry in items:
        with gzip.open(require(root / "html" / f"{entry['file']}.gz"), "rb") as f:
            html = f.read()
        url = key if key.startswith("http") else None
        start = time.perf_counter()
        try:
            page = clean_html(html, entry["file"], url=url)
            text, title, date = page.text, page.title, page.date
        except InputError:
            text, title, date = "", None, None
        seconds += time.perf_counter() - start
        ours.append((entry, text))
        if baseline:
            base.append((entry, trafilatura.extract(html, url=url, include_comments=False) or ""))
        if entry.get("title"):
            titles.append(_norm(title or "").casefold() == _norm(entry["title"]).casefold())
        if entry.get("date"):
            dates.append(iso_date(date) == iso_date(entry["date"]))
    metrics: dict[str, float | int] = {
        "pages": len(items),
        **snippet_scores(ours),
        "pages_per_s": len(items) / seconds if seconds else 0.0,
        "title_accuracy": statistics.mean(titles or [0.0]),
        "date_accuracy": statistics.mean(dates or [0.0]),
    }
    if baseline:
        metrics.update({f"baseline_{k}": v for k, v in snippet_scores(base).items()})
    return Report(
        name="extraction: trafilatura evaluation set, English pages (snippets)",
        metrics=metrics,
        details={"pages_with_title": len(titles), "pages_with_date": len(dates)},
    )


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    baseline: bool = True,
) -> Report:
    """Score newsgraph's HTML cleaner (and trafilatura's plain extract() as a baseline).

    ``split``: None/"scrapinghub" for the ScrapingHub benchmark, "trafilatura-en" for the
    English pages of trafilatura's evaluation set.
    """
    if split == "trafilatura-en":
        return run_trafilatura_en(Path(data_dir), limit, baseline)
    if split not in (None, "all", "scrapinghub"):
        raise EvalDataError(
            f"unknown split {split!r}: use 'scrapinghub' (the default) or 'trafilatura-en'"
        )
    pages = load_pages(Path(data_dir), limit)
    ours = score(_ours, pages)
    metrics: dict[str, float | int] = {"pages": len(pages), **ours}
    if baseline:
        base = score(_baseline, pages)
        metrics.update({f"baseline_{k}": v for k, v in base.items()})
        metrics["f1_ratio_to_baseline"] = ours["f1"] / base["f1"] if base["f1"] else 0.0
    return Report(
        name="extraction: ScrapingHub article-extraction-benchmark (SCORING.md §1)",
        metrics=metrics,
        details={
            "extractor": "newsgraph.clean.html.extract_body "
            "(trafilatura favor_precision + chrome rules)",
            "baseline": "trafilatura.extract(include_comments=False)",
        },
    )
