"""Ingest into a store: idempotent re-runs, failures kept with reasons, safe after SIGKILL."""
# ruff: noqa: F811 - the fixtures imported from store.store_support are parameters of the tests

from __future__ import annotations

import gzip
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import need_shared
from newsgraph.cli import cli
from newsgraph.config import Settings
from newsgraph.corpus import IngestSummary, ingest
from newsgraph.records import Failure
from newsgraph.store import open_store
from store.store_support import pg_url, store_url  # noqa: F401 - fixtures

ALLSIDES = ("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")
ROOT = Path(__file__).resolve().parents[2]


def allsides_slice(tmp_path: Path, n: int) -> Path:
    """The first ``n`` lines of the AllSides dump, as a JSONL file of their own."""
    out = tmp_path / f"allsides-{n}.jsonl"
    with gzip.open(need_shared(*ALLSIDES), "rt", encoding="utf-8") as src:
        out.write_text(
            "".join(line for _, line in zip(range(n), src, strict=False)), encoding="utf-8"
        )
    return out


def ingest_cli(*args: str, quiet: bool = True, status: int = 0):
    flags = ["--quiet"] if quiet else []
    result = CliRunner().invoke(cli, ["ingest", *flags, *args], catch_exceptions=False)
    assert result.exit_code == status, result.output
    return result


@pytest.mark.model
@pytest.mark.slow
def test_ingest_allsides_slice_twice_adds_nothing_the_second_time(tmp_path):
    source = allsides_slice(tmp_path, 200)
    db = str(tmp_path / "allsides.db")
    first = CliRunner().invoke(cli, ["ingest", "--quiet", str(source), "--db", db])
    with open_store(db) as store:
        counts = store.counts()
        dump = store.dump()
        failures = store.failures()
    assert first.exit_code == (3 if failures else 0), first.output
    assert counts["articles"] + len(failures) == 200
    assert "ingested 200 input(s)" in first.stderr and f"{counts['articles']:,} new" in first.stderr
    second = ingest_cli(str(source), "--db", db, status=3 if failures else 0)
    assert "0 new" in second.stderr and f"{counts['articles']:,} already stored" in second.stderr
    with open_store(db) as store:
        assert store.dump() == dump


@pytest.mark.model
def test_ingest_failures_stored_listed_and_cleared(tmp_path, store_url):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.txt").write_text("", encoding="utf-8")
    (pages / "good.txt").write_text(
        "Putin meets Li\nRussian President Vladimir Putin met Chinese Defense Minister Li Shangfu "
        "in Moscow on Sunday, the Kremlin said.\n",
        encoding="utf-8",
    )
    db = store_url  # SQLite and PostgreSQL
    result = ingest_cli(
        str(pages), "--db", db, "--published", "2023-04-17", quiet=False, status=3
    )  # inputs failed: exit status 3, the rest stored
    assert "1 new" in result.stderr and "1 failed" in result.stderr
    assert "━" not in result.stderr  # no progress bar when stderr is not a terminal
    listed = CliRunner().invoke(cli, ["failures", "--db", db, "--format", "csv"])
    assert listed.exit_code == 0
    lines = listed.stdout.strip().splitlines()
    assert lines[0].startswith("input,stage,code,reason") and len(lines) == 2
    assert str(pages / "empty.txt") in lines[1] and "empty" in lines[1]
    # The input is fixed and ingested again: its failure is cleared.
    (pages / "empty.txt").write_text(
        "Second story\nJoe Biden spoke in Kyiv on Monday.\n", encoding="utf-8"
    )
    ingest_cli(str(pages), "--db", db)
    with open_store(db) as store:
        assert store.failures() == [] and store.counts()["articles"] == 2


def test_ingest_library_call_commits_per_batch_and_skips_what_is_stored(tmp_path, store_url):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(5):
        (pages / f"story{i}.txt").write_text(
            f"Story {i}\nThe council met on Monday to discuss item {i}.\n", encoding="utf-8"
        )
    (pages / "empty.txt").write_text("", encoding="utf-8")
    seen: list[str] = []

    def analyze(items):  # stands in for the spaCy stage: stores the cleaned articles as they are
        for item in items:
            if not isinstance(item, Failure):
                seen.append(item.article.id)
            yield item

    progress: list[int] = []
    with open_store(store_url) as store:
        first = ingest(
            [str(pages)],
            store,
            Settings(),
            batch=2,
            analyze=analyze,
            on_progress=lambda s: progress.append(s.inputs),
        )
        assert isinstance(first, IngestSummary)
        assert (first.inputs, first.added, first.present, first.failures) == (6, 5, 0, 1)
        assert first.batches == 3 and progress[-1] == 6 and progress == sorted(progress)
        assert store.counts()["articles"] == 5 and len(store.failures()) == 1
        seen.clear()
        second = ingest([str(pages)], store, Settings(), batch=2, analyze=analyze)
    # Stored articles are dropped before analysis: only the failed input is tried again.
    assert seen == []
    assert (second.inputs, second.added, second.present, second.failures) == (6, 0, 5, 1)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _ingest_cmd(source: Path, db: Path) -> list[str]:
    code = "from newsgraph.cli import main; main()"
    return [
        sys.executable,
        "-c",
        code,
        "ingest",
        str(source),
        "--db",
        str(db),
        "--batch",
        "4",
        "--quiet",
    ]


@pytest.mark.model
@pytest.mark.slow
def test_ingest_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path):
    n = 32
    source = allsides_slice(tmp_path, n)
    env = {**os.environ, "NEWSGRAPH_CONFIG": str(tmp_path / "none.toml")}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    # The uninterrupted run goes alongside, so that both see the same code and data.
    straight = subprocess.Popen(
        _ingest_cmd(source, clean_db),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    proc = subprocess.Popen(
        _ingest_cmd(source, killed_db),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 600
    while _count(killed_db) < 8:  # two batches committed
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    at_kill = _count(killed_db)
    assert 8 <= at_kill < n, "the kill must land mid-run"

    rerun = subprocess.run(
        _ingest_cmd(source, killed_db), cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert rerun.returncode in (0, 3), rerun.stderr  # 3: some inputs failed (stored)
    skipped = re.search(r"(\d+) already stored", rerun.stderr)
    assert skipped and int(skipped.group(1)) >= at_kill  # stored ones are not analysed again
    straight_status = straight.wait(timeout=600)
    with open_store(killed_db) as a, open_store(clean_db) as b:
        resumed, uninterrupted = a.dump(), b.dump()
    assert straight_status == rerun.returncode == (3 if uninterrupted["failures"] else 0)
    assert len(uninterrupted["articles"]) + len(uninterrupted["failures"]) == n
    assert resumed == uninterrupted


def test_ingest_finishes_an_interrupted_link_with_nothing_new(tmp_path, store_url):
    from newsgraph.link import link
    from store.builders import corpus

    with open_store(store_url) as store:
        store.write_batch(corpus())  # stored, then the run was killed before its link ended
        assert not store.links_current() and store.clusters() == []
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = ingest_cli(str(tmp_path / "empty.txt"), "--db", store_url, quiet=False, status=3)
    assert "0 new" in result.stderr and f"; linked {len(corpus())} article(s)" in result.stderr
    with open_store(store_url) as store:
        assert store.links_current()
        clusters = store.clusters()
        assert clusters and len(clusters) == link(store, rebuild_all=True).clusters
    again = ingest_cli(str(tmp_path / "empty.txt"), "--db", store_url, quiet=False, status=3)
    assert "; linked" not in again.stderr  # current: nothing to finish
