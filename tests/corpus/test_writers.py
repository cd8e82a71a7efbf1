# ruff: noqa: F811 - the fixtures imported from store_support are parameters of the tests
"""Several writers on one store: SQLite refuses a second one at once and by name;
PostgreSQL takes concurrent ingests of overlapping inputs and ends with exactly the rows of
one sequential ingest."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import open_store
from store.builders import corpus
from store.store_support import pg_url, pg_url_or_skip  # noqa: F401 - fixtures

STORIES = [
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on "
    "Sunday. The two men praised military cooperation between their countries.",
    "Ukrainian President Volodymyr Zelensky accused Russia of shelling the city of Kharkiv "
    "on Monday. Officials said three people were killed.",
    "The European Union imposed new sanctions on Iran on Tuesday over its drone deliveries to "
    "Russia, the bloc's foreign policy chief said.",
    "Protesters marched through the capital of Georgia on Wednesday against a law on foreign "
    "agents. Police used water cannon to disperse them.",
    "Chinese Foreign Minister Wang Yi called on the United States to stop arming Taiwan during "
    "talks in Beijing on Thursday.",
    "Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf Kristersson in "
    "Ankara and promised to back Sweden's bid to join NATO.",
]


def _env() -> dict[str, str]:
    src = Path(__file__).resolve().parents[2] / "src"
    return {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def test_writers_sqlite_second_writer_refused_at_once_by_name(tmp_path):
    db = tmp_path / "corpus.db"
    with open_store(db) as first, first.writer():
        with first.writer():  # re-entrant within one store
            first.write_batch(corpus()[:1])
        with open_store(db) as second:
            assert len(second.articles()) == 1  # readers are not blocked
            with pytest.raises(StoreError, match=f"another newsgraph process.*pid {os.getpid()}"):
                with second.writer():
                    pass
    with open_store(db) as again, again.writer():  # released with its holder
        again.write_batch(corpus()[1:2])


def test_writers_sqlite_second_ingest_exits_with_the_store_error(tmp_path):
    db = tmp_path / "corpus.db"
    (tmp_path / "a.txt").write_text(STORIES[0], encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from newsgraph.store import open_store
            with open_store({str(db)!r}) as s, s.writer():
                print("holding", flush=True)
                sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "holding"
        run = subprocess.run(
            [sys.executable, "-m", "newsgraph", "ingest", str(tmp_path / "a.txt"), "--db", str(db)],
            capture_output=True, text=True, env=_env(), timeout=120,
        )  # fmt: skip
        assert run.returncode == StoreError.exit_status, run.stderr
        assert "another newsgraph process is writing to this store" in run.stderr
        assert f"pid {holder.pid}" in run.stderr and str(db) in run.stderr
        assert len(run.stderr.strip().splitlines()) <= 3  # a message, not a traceback
    finally:
        holder.communicate("", timeout=30)
    with open_store(db) as store:
        assert store.counts()["articles"] == 0


def without_origin(dump):
    return sorted(tuple(v for v in row if not str(v).endswith(".txt")) for row in dump["articles"])


@pytest.mark.postgres
@pytest.mark.model
@pytest.mark.slow
def test_writers_postgres_concurrent_ingests_equal_one_sequential(tmp_path, pg_url):
    import psycopg

    # Two shards that overlap in half their articles, ingested at the same time.
    for i, text in enumerate(STORIES):
        for shard in ("a", "b"):
            if (shard == "a" and i < 4) or (shard == "b" and i >= 2):
                (tmp_path / shard).mkdir(exist_ok=True)
                (tmp_path / shard / f"story{i}.txt").write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "newsgraph", "ingest", "--quiet", "--batch", "1", "--db", pg_url]
    runs = [
        subprocess.Popen([*cmd[:4], str(tmp_path / s), *cmd[4:]], env=_env(), text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for s in ("a", "b")
    ]  # fmt: skip
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    with open_store(pg_url) as store:
        concurrent = store.dump()
        assert store.links_current() and store.counts()["articles"] == len(STORIES)

    base = pg_url_or_skip()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA t_sequential")
    try:
        sep = "&" if "?" in base else "?"
        sequential_url = f"{base}{sep}options=-csearch_path%3Dt_sequential"
        for s in ("a", "b"):
            args = [*cmd[:4], str(tmp_path / s), "--db", sequential_url]
            run = subprocess.run(args, env=_env(), text=True, capture_output=True, timeout=600)
            assert run.returncode == 0, run.stderr
        with open_store(sequential_url) as store:
            sequential = store.dump()
        # An article in both shards keeps the input of whichever run stored it first.
        assert without_origin(sequential) == without_origin(concurrent)
        for table in set(sequential) - {"articles"}:
            assert sequential[table] == concurrent[table], table
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("DROP SCHEMA t_sequential CASCADE")
