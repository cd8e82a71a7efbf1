"""Exports: GDELT 2.0 TSV (61 columns in codebook order), Parquet, CSV, JSONL = analyze output."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pytest
from click.testing import CliRunner

from conftest import assert_valid_article
from newsgraph.cli import cli
from newsgraph.export import GDELT_COLUMNS, export, write_gdelt
from newsgraph.link import link
from newsgraph.store import Filters, open_store
from store.builders import corpus


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(corpus())
        link(s)
        yield s


def test_export_gdelt_columns_are_the_codebook_61_in_order():
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5:8] == ("Actor1Code", "Actor1Name", "Actor1CountryCode")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_export_gdelt_rows(store):
    out = io.StringIO()
    n = write_gdelt(store, Filters(limit=0), out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == 4  # five events, one negated
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    visit = next(r for r in rows if r["EventCode"] == "043")
    assert (visit["EventBaseCode"], visit["EventRootCode"], visit["QuadClass"]) == (
        "043",
        "04",
        "1",
    )
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == ("20230416", "202304", "2023")
    assert (
        visit["Actor1Code"],
        visit["Actor1Name"],
        visit["Actor1CountryCode"],
        visit["Actor1Type1Code"],
    ) == ("RUSGOV", "VLADIMIR PUTIN", "RUS", "GOV")
    assert (visit["Actor2Code"], visit["Actor2CountryCode"], visit["Actor2Type1Code"]) == (
        "CHNMIL",
        "CHN",
        "MIL",
    )
    assert (visit["NumArticles"], visit["NumSources"]) == ("3", "2")  # Reuters twice, BBC once
    assert (visit["ActionGeo_FullName"], visit["ActionGeo_Lat"], visit["ActionGeo_Type"]) == (
        "Moscow",
        "55.75",
        "4",
    )
    assert visit["SOURCEURL"] == "https://www.reuters.com/a" and len(visit["DATEADDED"]) == 14
    assert (
        visit["AvgTone"] == ""
        and visit["Actor1EthnicCode"] == ""
        and visit["GLOBALEVENTID"].isdigit()
    )
    assert not any(
        r["EventCode"] == "112" for r in rows
    )  # the negated accusation is not a happening


def test_export_parquet_readable_by_pyarrow(store, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store, "parquet", str(path), table="events") == 5
    table = pq.read_table(path)
    assert table.num_rows == 5 and "cameo" in table.column_names
    assert sorted(table.column("cameo").to_pylist()) == ["040", "042", "043", "051", "112"]
    empty = tmp_path / "none.parquet"
    assert (
        export(store, "parquet", str(empty), Filters(actor="nobody", limit=0), table="claims") == 0
    )
    assert pq.read_table(empty).num_rows == 0 and "sentence" in pq.read_table(empty).column_names


def test_export_csv_has_header_and_rows(store, tmp_path):
    path = tmp_path / "actors.csv"
    assert export(store, "csv", str(path), table="actors") == 4
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {r["name"] for r in rows} >= {"Vladimir Putin", "Li Shangfu"}
    assert next(r for r in rows if r["name"] == "Vladimir Putin")["articles"] == "3"


def test_export_events_say_where_their_date_comes_from(tmp_path):
    import dataclasses

    import pyarrow.parquet as pq

    from newsgraph.records import EventDate

    docs = corpus()
    pub = docs[0].article.published
    ev = dataclasses.replace(
        docs[0].events[0], date=EventDate(pub, pub, None, "publication", "publication")
    )
    docs[0] = docs[0].with_(events=(ev,))
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(docs)
        csv_path, pq_path = tmp_path / "events.csv", tmp_path / "events.parquet"
        export(s, "csv", str(csv_path), table="events")
        export(s, "parquet", str(pq_path), table="events")
        gdelt = io.StringIO()
        write_gdelt(s, Filters(limit=0), gdelt)
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    by_article = {(r["article_id"], r["event_id"]): r["date_source"] for r in rows}
    assert by_article.pop((docs[0].article.id, "e1")) == "publication"
    assert set(by_article.values()) == {"text"}
    table = pq.read_table(pq_path)
    assert sorted(table.column("date_source").to_pylist()) == ["publication"] + ["text"] * 4
    # the GDELT export keeps the codebook's 61 columns
    assert {len(line.split("\t")) for line in gdelt.getvalue().splitlines()} == {61}


def test_export_events_name_the_attribution_that_reports_them(tmp_path):
    import dataclasses

    docs = corpus()
    quoted = docs[0].attributions[0].id
    said = dataclasses.replace(docs[0].events[0], attribution=quoted)
    docs[0] = docs[0].with_(events=(said, *docs[0].events[1:]))
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(docs)
        path = tmp_path / "events.csv"
        export(s, "csv", str(path), table="events")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    linked = {(r["article_id"], r["event_id"]): r["attribution"] for r in rows}
    assert linked.pop((docs[0].article.id, said.id)) == quoted
    assert set(linked.values()) == {""}  # the others are stated by the article itself


@pytest.mark.model
def test_export_jsonl_equals_analyze_output(tmp_path):
    sample = resources.files("newsgraph.data").joinpath("sample", "seed-putin-li-shangfu.txt")
    path = tmp_path / "seed.txt"
    path.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    analyzed = runner.invoke(
        cli, ["analyze", str(path), "--published", "2023-04-17", "--format", "jsonl"]
    )
    assert analyzed.exit_code == 0, analyzed.output
    assert_valid_article(json.loads(analyzed.stdout))
    db = str(tmp_path / "x.db")
    ingested = runner.invoke(
        cli, ["ingest", str(path), "--published", "2023-04-17", "--db", db, "-q"]
    )
    assert ingested.exit_code == 0, ingested.output
    out = tmp_path / "corpus.jsonl"
    exported = runner.invoke(cli, ["export", "--format", "jsonl", "--db", db, "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    assert out.read_bytes() == analyzed.stdout.encode("utf-8")
    assert len(out.read_bytes().splitlines()) == 1
