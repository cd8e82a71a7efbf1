"""Acceptance: `newsgraph ingest --workers 2` stores exactly what a one-process ingest stores."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import need_shared
from newsgraph.cli import cli
from newsgraph.store import open_store

ALLSIDES = ("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")


def small_corpus(tmp_path: Path, n: int) -> Path:
    """The first ``n`` AllSides articles as a JSONL dump, with two broken lines among them."""
    with gzip.open(need_shared(*ALLSIDES), "rt", encoding="utf-8") as src:
        lines = [line for _, line in zip(range(n), src, strict=False)]
    lines.insert(3, "{this is not json\n")
    lines.insert(10, '{"title": "Nothing here", "text": ""}\n')
    out = tmp_path / f"allsides-{n}.jsonl"
    out.write_text("".join(lines), encoding="utf-8")
    return out


def ingest(source: Path, db: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        cli, ["ingest", "--quiet", str(source), "--db", str(db), *extra], catch_exceptions=False
    )
    # small_corpus holds two bad lines: stored as failures, and the exit status says so
    assert result.exit_code == 3, result.output
    return result.stderr


@pytest.mark.slow
@pytest.mark.model
def test_batch_ingest_with_two_workers_stores_the_same_as_one_process(tmp_path):
    source = small_corpus(tmp_path, 30)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    said = ingest(source, two, "--workers", "2")
    ingest(source, one)
    with open_store(one) as a, open_store(two) as b:
        straight, distributed = a.dump(), b.dump()
    assert len(straight["articles"]) == 30 and len(straight["failures"]) == 2
    assert len(straight["events"]) > 0 and len(straight["attributions"]) > 0
    assert distributed == straight
    assert "30 new" in said and "2 failed" in said
    # nothing new: the second run adds nothing and never starts a cluster
    again = ingest(source, two, "--workers", "2")
    assert "0 new" in again and "30 already stored" in again
