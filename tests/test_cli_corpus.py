"""The corpus commands: query, failures, link, export (stores filled with hand-built analyses)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.cli.corpus import estimate_total
from newsgraph.errors import StoreError
from newsgraph.records import Failure
from newsgraph.store import open_store
from store.builders import corpus


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "corpus.db")
    with open_store(path) as store:
        store.write_batch(corpus(), [Failure("broken.html", "clean", "input", "no article body")])
    return path


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_cli_corpus_query_events_json(db):
    result = run(
        "query", "events", "--db", db, "--dyad", "RUS-CHN", "--type", "consult", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and {r["cameo"] for r in rows} == {"040", "042", "043"}
    assert all(r["actor_country"] == "RUS" for r in rows)


def test_cli_corpus_query_csv_and_table(db):
    result = run("query", "actors", "--db", db, "--country", "USA", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["code"], r["articles"]) for r in rows] == [("Joe Biden", "USAGOV", "1")]
    table = run("query", "claims", "--db", db, "--unsourced")
    assert table.exit_code == 0 and "The talks lasted three hours." in table.stdout
    assert "claims (2 row(s))" in table.stdout
    none = run("query", "events", "--db", db, "--since", "2030-01-01")
    assert none.exit_code == 0 and "no events" in none.stdout


def test_cli_corpus_query_filters_text_and_cameo(db):
    result = run("query", "articles", "--db", db, "--text", "hosted", "--format", "json")
    assert [r["title"] for r in json.loads(result.stdout)] == ["Putin hosts Chinese minister"]
    result = run("query", "events", "--db", db, "--cameo", "05", "--format", "json")
    assert [r["plover"] for r in json.loads(result.stdout)] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dyad", "RUS"], "dyad"),
        (["--cameo", "4x"], "CAMEO"),
        (["--since", "yesterday"], "YYYY-MM-DD"),
    ],
)
def test_cli_corpus_query_bad_filters_are_usage_errors(db, args, message):
    result = run("query", "events", "--db", db, *args)
    assert result.exit_code == 2 and message in result.output


def test_cli_corpus_failures_listed(db):
    result = run("failures", "--db", db, "--format", "json")
    [row] = json.loads(result.stdout)
    assert (row["input"], row["stage"], row["reason"]) == (
        "broken.html",
        "clean",
        "no article body",
    )


def test_cli_corpus_link_then_clusters(db):
    result = run("link", "--db", db)
    assert result.exit_code == 0 and "1 reported by 2+ outlets" in result.stderr
    rows = json.loads(
        run("query", "clusters", "--db", db, "--min-outlets", "2", "--format", "json").stdout
    )
    assert [(r["plover"], r["n_articles"], r["n_outlets"]) for r in rows] == [("CONSULT", 3, 2)]


def test_cli_corpus_export_to_stdout_and_errors(db, tmp_path):
    result = run("export", "--db", db, "--format", "gdelt")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4
    assert all(line.count("\t") == 60 for line in result.stdout.splitlines())
    assert "wrote 4 row(s) to stdout" in result.stderr
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2  # parquet needs --out
    out = tmp_path / "a.jsonl"
    assert (
        run(
            "export", "--db", db, "--format", "jsonl", "--out", str(out), "--outlet", "reuters"
        ).exit_code
        == 0
    )
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_cli_corpus_bad_store_url_is_one_clear_error(tmp_path):
    result = run("query", "events", "--db", "mysql://x/y")
    assert result.exit_code == StoreError.exit_status == 5
    assert result.stdout == "" and "unknown store URL scheme" in result.stderr


def test_cli_corpus_estimate_total(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("t\nbody", encoding="utf-8")
    assert estimate_total([str(tmp_path)]) == 3
    assert estimate_total([str(tmp_path), "https://example.org/feed.xml"]) is None
