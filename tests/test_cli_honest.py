"""A CLI that never misleads (issue 16): no store conjured up by a read-only command, no
empty answer to a filter value that cannot match, no silent cut at --limit, no headerless
CSV. (The JSON array of ``analyze`` and metadata dates: tests/test_cli_analyze_dates.py.)"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import StoreError
from newsgraph.records import PLOVER_TYPES
from newsgraph.store import open_store
from store.builders import corpus


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "corpus.db")
    with open_store(path) as store:
        store.write_batch(corpus())
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


MISSING_STORE_COMMANDS = [
    ["query", "events"],
    ["query", "claims", "--read-only"],
    ["failures"],
    ["export", "--format", "csv"],
    ["export", "--format", "gdelt", "--out", "{tmp}/no/events.tsv"],
    ["link"],
    ["serve", "--port", "1"],
]


@pytest.mark.parametrize("command", MISSING_STORE_COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_cli_commands_refuse_a_store_that_does_not_exist(tmp_path, command, monkeypatch):
    import uvicorn

    def serving(*args, **kwargs):  # had serve gone that far, it would have served
        raise AssertionError("serve started a server on a store that does not exist")

    monkeypatch.setattr(uvicorn, "run", serving)
    missing = tmp_path / "no" / "such" / "corpus.db"
    result = run(*(a.format(tmp=tmp_path) for a in command), "--db", str(missing))
    assert result.exit_code == StoreError.exit_status == 5, result.output
    assert str(missing) in result.stderr and "no store here" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "no").exists()  # nothing created: no folder, no file


def test_cli_commands_refuse_a_sqlite_file_that_is_not_a_store(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    conn.close()
    before = other.read_bytes()
    result = run("query", "events", "--db", str(other))
    assert result.exit_code == 5 and "not a newsgraph store" in result.stderr
    assert other.read_bytes() == before  # no newsgraph tables migrated into someone's database


def test_cli_ingest_still_creates_its_store(tmp_path):
    path = tmp_path / "new" / "corpus.db"
    assert run("ingest", "--db", str(path), str(tmp_path / "none.txt")).exit_code == 3
    assert path.is_file()  # the input failed, but the store exists and holds the failure
    assert "none.txt" in run("failures", "--db", str(path)).stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--type", "FOO"], ["'FOO'", *PLOVER_TYPES]),
        (["--cameo", "4"], ["'4'", "2 to 4 digits", "04 consult", "20 "]),
        (["--cameo", "99"], ["'99'", "2 to 4 digits"]),
        (["--cameo", "04311"], ["'04311'"]),
        (["--country", "US"], ["'US'", "alpha-3", "did you mean USA"]),
        (["--country", "Russia"], ["'Russia'", "did you mean RUS"]),
        (["--country", "XYZ"], ["'XYZ'", "alpha-3"]),
        (["--dyad", "US-CN"], ["--dyad", "'US'", "did you mean USA"]),
    ],
)
def test_cli_query_unknown_filter_values_list_the_valid_ones(db, args, expected):
    result = run("query", "events", "--db", db, *args)
    assert result.exit_code == 2, result.output
    for text in expected:
        assert text in result.stderr, (text, result.stderr)


def test_cli_query_filter_that_does_not_apply_is_an_error(db):
    result = run("query", "actors", "--db", db, "--type", "CONSULT")
    assert result.exit_code == 2 and "--type do(es) not filter actors" in result.stderr
    assert "--country" in result.stderr  # what actors do take


@pytest.mark.parametrize(
    "args", [["--type", "consult"], ["--cameo", "04"], ["--cameo", "043"], ["--country", "rus"]]
)
def test_cli_query_known_filter_values_still_select(db, args):
    result = run("query", "events", "--db", db, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)  # each of these matches the corpus' Russian consultations


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_query_says_on_stderr_when_limit_cut_the_rows(db, fmt):
    total = len(
        json.loads(run("query", "events", "--db", db, "--limit", "0", "--format", "json").stdout)
    )
    result = run("query", "events", "--db", db, "--limit", "2", "--format", fmt)
    assert result.exit_code == 0
    assert result.stderr.strip() == f"2 of {total} rows; --limit 0 for all"
    if fmt == "json":
        assert len(json.loads(result.stdout)) == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 2


def test_cli_query_says_nothing_when_all_rows_are_shown(db):
    everything = run("query", "events", "--db", db, "--limit", "0", "--format", "json")
    total = len(json.loads(everything.stdout))
    assert total == 5 and everything.stderr == ""
    exact = run("query", "events", "--db", db, "--limit", str(total), "--format", "json")
    assert exact.stderr == ""
    page = run("query", "events", "--db", db, "--limit", "2", "--offset", "1", "--format", "csv")
    assert page.stderr.strip() == f"rows 2-3 of {total}; --limit 0 for all"
    last = run("query", "events", "--db", db, "--limit", "2", "--offset", "3", "--format", "csv")
    assert last.stderr == ""


@pytest.mark.parametrize("kind", ["events", "actors", "articles", "claims", "clusters"])
def test_cli_query_csv_has_its_header_with_no_rows(db, kind):
    nothing = [] if kind == "clusters" else ["--article", "no-such-article"]  # no link yet
    result = run("query", kind, "--db", db, *nothing, "--format", "csv", "--limit", "0")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].count(",") >= 4  # the header and no row
    with_rows = run("query", kind, "--db", db, "--format", "csv", "--limit", "0").stdout
    assert with_rows.splitlines()[:1] == lines  # the same header as when there are rows


def test_cli_failures_csv_has_its_header_with_no_rows(db):
    result = run("failures", "--db", db, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["input,stage,code,reason,attempts,first_seen,last_seen"]
