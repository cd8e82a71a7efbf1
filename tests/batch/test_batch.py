"""Dask execution: same results as one process, in order, and dead chunks become Failures.

The cluster tests share one 2-worker LocalCluster (started once, ~3-5 s, always closed).
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from conftest import need_shared
from newsgraph.batch import chunk_failed, open_client
from newsgraph.config import Settings
from newsgraph.errors import ConfigError
from newsgraph.ingest import RawInput
from newsgraph.records import Analysis, Article, Failure

ALLSIDES = ("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")


def _analysis(text: str, origin: str, skipped: str | None = None) -> Analysis:
    article = Article(id=Article.make_id(text), text=text, origin=origin)
    return Analysis(article=article, skipped=skipped)


def write_corpus(directory: Path, n: int) -> list[str]:
    """The first ``n`` AllSides articles as scraped-text files, plus one empty file."""
    paths = []
    with gzip.open(need_shared(*ALLSIDES), "rt", encoding="utf-8") as f:
        for i, line in zip(range(n), f, strict=False):
            d = json.loads(line)
            path = directory / f"{i:03d}.txt"
            path.write_text(d["title"] + "\n" + d["text"], encoding="utf-8")
            paths.append(str(path))
    empty = directory / "zz-empty.txt"
    empty.write_text("", encoding="utf-8")
    return [*paths, str(empty)]


def test_batch_chunk_failed_keeps_one_item_per_input_and_passthroughs():
    gone = Failure("x.bin", "ingest", "input", "binary")
    skipped = _analysis("Der Hund bellt.", "de.txt", skipped="language de")
    chunk = [
        _analysis("One.", "a.txt"),
        gone,
        skipped,
        RawInput(origin="b.html", kind="html", data=b"<p>x</p>"),
    ]
    out = chunk_failed(chunk, ValueError("boom"))
    assert len(out) == 4
    assert out[1] is gone and out[2] is skipped
    for x, origin in ((out[0], "a.txt"), (out[3], "b.html")):
        assert isinstance(x, Failure)
        assert (x.input, x.stage, x.code) == (origin, "analyze", "worker")
        assert "ValueError: boom" in x.reason and "chunk of 4" in x.reason


@pytest.mark.parametrize(
    "kwargs, says",
    [({"workers": 0}, "at least 1 worker"), ({"workers": 2, "scheduler": "tcp://h:1"}, "not both")],
)
def test_batch_open_client_rejects_bad_arguments(kwargs, says):
    with pytest.raises(ConfigError, match=says), open_client(**kwargs):
        pass


@pytest.mark.slow
def test_batch_open_client_names_an_unreachable_scheduler(monkeypatch):
    import socket

    from newsgraph.batch import cluster

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    with (
        pytest.raises(ConfigError, match=f"tcp://127.0.0.1:{port}"),
        open_client(scheduler=f"tcp://127.0.0.1:{port}"),
    ):
        pass


@pytest.fixture(scope="module")
def client():
    with open_client(workers=2) as c:  # the context manager closes the cluster on any exit
        yield c


@pytest.mark.slow
@pytest.mark.model
def test_batch_two_workers_give_the_same_results_as_one_process(client, tmp_path, nlp):
    from newsgraph.batch import analyze_distributed, run_distributed
    from newsgraph.ingest import iter_inputs
    from newsgraph.pipeline import clean_stage, run

    settings = Settings()
    paths = write_corpus(tmp_path, 6)
    single = list(run(paths, settings, nlp=nlp))
    assert sum(isinstance(x, Analysis) for x in single) == 6
    assert isinstance(single[-1], Failure)

    # raw inputs cleaned on the workers, small chunks so results arrive out of order
    distributed = list(run_distributed(paths, settings, client, chunk_size=3))
    assert [x.to_dict() for x in distributed] == [x.to_dict() for x in single]

    # cleaned records in, as a drop-in for analyze_stage
    cleaned = list(clean_stage(iter_inputs(paths, settings), settings))
    again = list(analyze_distributed(cleaned, client, settings, chunk_size=4, max_in_flight=2))
    assert again == single


@pytest.fixture
def faulty_workers(client):
    """Workers whose chunk task raises on a "RAISE-IN-TASK" article and dies on "KILL-WORKER".

    The fault is patched into the running workers (functions defined here travel by value);
    a worker restarted by its nanny comes back clean.
    """

    def install():
        from newsgraph.batch import tasks

        original = tasks.analyze_stage

        def faulty(items, nlp, settings):
            items = list(items)
            for x in items:
                text = getattr(getattr(x, "article", None), "text", "")
                if "RAISE-IN-TASK" in text:
                    raise ValueError("this chunk cannot be analysed")
                if "KILL-WORKER" in text:
                    os._exit(13)  # as a segfault or the OOM killer would
            return original(items, nlp, settings)

        tasks.original_analyze_stage = original
        tasks.analyze_stage = faulty

    def uninstall():
        from newsgraph.batch import tasks

        tasks.analyze_stage = getattr(tasks, "original_analyze_stage", tasks.analyze_stage)

    client.run(install)
    try:
        yield client
    finally:
        client.wait_for_workers(2, timeout=60)
        client.run(uninstall)


@pytest.mark.slow
def test_batch_failed_chunk_becomes_failures_and_the_run_goes_on(faulty_workers):
    from newsgraph.batch import analyze_distributed

    items = [
        _analysis("Alpha said yes.", "a.txt"),
        _analysis("Beta said no.", "b.txt"),
        _analysis("RAISE-IN-TASK", "bad.txt"),
        _analysis("Gamma agreed.", "c.txt"),
        _analysis("Delta left.", "d.txt"),
        _analysis("Epsilon stayed.", "e.txt"),
    ]
    out = list(analyze_distributed(items, faulty_workers, Settings(), chunk_size=2))
    assert [type(x).__name__ for x in out] == [
        "Analysis", "Analysis", "Failure", "Failure", "Analysis", "Analysis",
    ]  # fmt: skip
    assert [x.input for x in out[2:4]] == ["bad.txt", "c.txt"]
    assert out[3].code == "worker" and "chunk of 2" in out[3].reason
    assert "ValueError: this chunk cannot be analysed" in out[3].reason
    assert [x.article.origin for x in out if isinstance(x, Analysis)] == [
        "a.txt", "b.txt", "d.txt", "e.txt",
    ]  # fmt: skip


@pytest.mark.slow
def test_batch_dead_worker_becomes_failures_and_the_cluster_recovers(faulty_workers):
    from newsgraph.batch import analyze_distributed

    scheduler = faulty_workers.cluster.scheduler  # in this process for a LocalCluster
    allowed, scheduler.allowed_failures = scheduler.allowed_failures, 0  # no retries
    try:
        items = [_analysis("KILL-WORKER", "kill.txt"), _analysis("Alpha said yes.", "a.txt")]
        out = list(analyze_distributed(items, faulty_workers, Settings(), chunk_size=2))
    finally:
        scheduler.allowed_failures = allowed
    assert [x.input for x in out] == ["kill.txt", "a.txt"]
    assert all(isinstance(x, Failure) and "KilledWorker" in x.reason for x in out)
    # the nanny restarts the worker, which loads the model again through the plugin
    faulty_workers.wait_for_workers(2, timeout=60)
    after = list(
        analyze_distributed([_analysis("Alpha said yes.", "a.txt")], faulty_workers, Settings())
    )
    assert isinstance(after[0], Analysis) and after[0].extractor.startswith("newsgraph ")


@pytest.mark.slow
def test_batch_reads_the_input_only_as_far_as_the_in_flight_bound(client):
    from newsgraph.batch import analyze_distributed

    consumed = 0

    def source():
        nonlocal consumed
        for i in range(14):
            consumed += 1
            yield _analysis(f"Speaker {i} said yes.", f"{i:02d}.txt")

    ahead, origins = [], []
    stream = analyze_distributed(source(), client, Settings(), chunk_size=2, max_in_flight=2)
    for k, item in enumerate(stream):
        ahead.append(consumed - (k + 1))
        origins.append(item.article.origin)
    assert origins == [f"{i:02d}.txt" for i in range(14)]
    # the chunk being handed out plus at most 2 outstanding ones, 2 articles each
    assert max(ahead) <= (2 + 1) * 2 - 1
