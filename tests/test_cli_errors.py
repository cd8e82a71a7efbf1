# ruff: noqa: F811 - the fixtures imported from store.store_support are parameters of the tests
"""The store and output cases of the CLI, run as users run it (``python -m newsgraph``):
each ends in one line on stderr and the exit status the README's table gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import InputError, OutputError, StoreError
from newsgraph.records import Failure
from newsgraph.store import open_store
from store.builders import corpus
from store.store_support import pg_url, store_url  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[1]


def newsgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "NEWSGRAPH_CONFIG": str(cwd / "none.toml"),
    }
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        store.write_batch(corpus(), [Failure("broken.html", "clean", "input", "no article body")])
    return path


def test_cli_errors_missing_store_folder_is_status_5(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    bad = str(tmp_path / "file" / "sub" / "x.db")
    for command in (["query", "events"], ["failures"], ["export", "--format", "jsonl"]):
        assert_one_line(newsgraph(*command, "--db", bad, cwd=tmp_path), StoreError.exit_status)


def test_cli_errors_read_only_on_a_missing_store_is_status_5(tmp_path):
    result = newsgraph("query", "events", "--db", "absent.db", "--read-only", cwd=tmp_path)
    assert_one_line(result, StoreError.exit_status, "no store here")
    assert not (tmp_path / "absent.db").exists()


def test_cli_errors_read_only_store_can_be_queried_and_exported(db, tmp_path):
    before = db.stat().st_mtime_ns
    q = newsgraph(
        "query", "events", "--db", str(db), "--read-only", "--format", "json", cwd=tmp_path
    )
    assert q.returncode == 0 and q.stdout.strip().startswith("["), q.stderr
    f = newsgraph("failures", "--db", str(db), "--read-only", "--format", "csv", cwd=tmp_path)
    assert f.returncode == 0 and "broken.html" in f.stdout
    e = newsgraph("export", "--db", str(db), "--read-only", "--format", "jsonl", cwd=tmp_path)
    assert e.returncode == 0 and len(e.stdout.splitlines()) == len(corpus())
    assert db.stat().st_mtime_ns == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files anyway")
def test_cli_errors_store_on_read_only_files_is_queried_read_only(db, tmp_path):
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        q = newsgraph("query", "articles", "--db", str(db), "--format", "json", cwd=Path("/"))
        assert q.returncode == 0, q.stderr
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)


@pytest.mark.parametrize("value", ["1e20", "100000000000000000000", "-1"])
@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_cli_errors_huge_limit_is_a_usage_error(db, tmp_path, option, value):
    result = newsgraph("query", "events", "--db", str(db), option, value, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert option in result.stderr


@pytest.mark.parametrize("out", ["missing/folder/events.jsonl", "/dev/full"])
def test_cli_errors_export_that_cannot_be_written_is_one_line(db, tmp_path, out):
    result = newsgraph("export", "--db", str(db), "--format", "jsonl", "--out", out, cwd=tmp_path)
    assert_one_line(result, OutputError.exit_status, "cannot write the export")


def test_cli_errors_ingest_with_failed_inputs_exits_3_and_stores_them(tmp_path, store_url):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = newsgraph("ingest", "--quiet", "empty.txt", "--db", store_url, cwd=tmp_path)
    assert result.returncode == InputError.exit_status, result.stderr
    assert "Traceback" not in result.stderr
    with open_store(store_url) as store:
        assert [f["input"] for f in store.failures()] == ["empty.txt"]
