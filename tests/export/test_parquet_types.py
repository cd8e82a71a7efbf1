"""Parquet exports carry Arrow types (date32, bool, int64, float64, list<string>) and keep
every actor and recipient of an event, its mode and its contexts."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from model_corpus import model_store

from newsgraph.export import export
from newsgraph.link import link
from newsgraph.records import Actor
from newsgraph.store import Filters, open_store
from store.builders import BIDEN, LI, PUTIN, XI, make_analysis, span

STRINGS = pa.list_(pa.string())
EVENT_TYPES = {
    "day": pa.date32(),
    "published": pa.date32(),
    "negated": pa.bool_(),
    "quad_class": pa.int64(),
    "goldstein": pa.float64(),
    "mode": pa.string(),
    "contexts": STRINGS,
    "actors": STRINGS,
    "actor_codes": STRINGS,
    "actor_countries": STRINGS,
    "actor_sectors": STRINGS,
    "recipients": STRINGS,
    "recipient_codes": STRINGS,
    "recipient_countries": STRINGS,
    "recipient_sectors": STRINGS,
}
OTHER_TYPES = {
    "articles": {"published": pa.date32(), "n_events": pa.int64()},
    "actors": {"first_seen": pa.date32(), "last_seen": pa.date32(), "articles": pa.int64()},
    "claims": {"published": pa.date32(), "sourced": pa.bool_(), "check_worthiness": pa.float64()},
    "clusters": {"day_first": pa.date32(), "day_last": pa.date32(), "outlets": STRINGS},
}


def _types(path) -> dict[str, pa.DataType]:
    schema = pq.read_schema(path)
    return {f.name: f.type for f in schema}


@pytest.mark.model
@pytest.mark.parametrize("table", ["events", "articles", "actors", "claims", "clusters"])
def test_parquet_types_on_html_jsonl_and_text_inputs(tmp_path, table):
    path = tmp_path / f"{table}.parquet"
    with open_store(model_store(), read_only=True) as s:
        n = export(s, "parquet", str(path), table=table)
        empty = tmp_path / "empty.parquet"
        none = Filters(actor="nobody at all", limit=0)
        assert export(s, "parquet", str(empty), none, table=table) == 0
    assert n > 0 and pq.read_table(path).num_rows == n
    expected = EVENT_TYPES if table == "events" else OTHER_TYPES[table]
    types = _types(path)
    assert {c: types[c] for c in expected} == expected
    assert _types(empty) == types  # typed even with no row to infer a type from
    if table == "articles":
        assert pa.types.is_timestamp(types["ingested_at"]) and types["ingested_at"].tz == "UTC"


@pytest.mark.model
def test_parquet_keeps_every_actor_of_an_event(tmp_path):
    path = tmp_path / "events.parquet"
    with open_store(model_store(), read_only=True) as s:
        export(s, "parquet", str(path), table="events")
    rows = pq.read_table(path).to_pylist()
    for r in rows:
        if r["actor_name"]:
            assert r["actors"][0] == r["actor_name"], r
        assert len(r["actors"]) == len(r["actor_codes"]) == len(r["actor_countries"])
    both = [r for r in rows if len(r["actors"]) > 1]
    assert {tuple(r["actors"]) for r in both} == {("Javad Zarif", "Shinzo Abe")}
    assert {tuple(r["actor_countries"]) for r in both} == {("IRN", "JPN")}


def test_parquet_events_keep_mode_contexts_and_all_parties(tmp_path):
    text = "Vladimir Putin and Xi Jinping met Joe Biden and Li Shangfu for talks on trade."
    doc = make_analysis(
        "Talks", text, events=(("CONSULT", "043", PUTIN, BIDEN, "2023-04-16", "met"),)
    )
    more = [
        Actor(f"a{3 + i}", w.name, w.type, (span(text, w.name),), w.country, w.sectors, (), w.code)
        for i, w in enumerate((XI, LI))
    ]
    event = dataclasses.replace(
        doc.events[0],
        actors=("a1", "a3"),
        recipients=("a2", "a4"),
        actor_codes=("RUSGOV", "CHNGOV"),
        recipient_codes=("USAGOV", "CHNMIL"),
        mode="visit",
        contexts=("economic", "diplomatic"),
    )
    doc = doc.with_(actors=(*doc.actors, *more), events=(event,))
    path = tmp_path / "events.parquet"
    with open_store(tmp_path / "x.db") as s:
        s.write_batch([doc])
        link(s)
        export(s, "parquet", str(path), table="events")
    [row] = pq.read_table(path).to_pylist()
    assert (row["mode"], row["contexts"]) == ("visit", ["economic", "diplomatic"])
    assert (row["actor_name"], row["recipient_name"]) == ("Vladimir Putin", "Joe Biden")
    assert row["actors"] == ["Vladimir Putin", "Xi Jinping"]
    assert row["actor_codes"] == ["RUSGOV", "CHNGOV"]
    assert row["actor_countries"] == ["RUS", "CHN"]
    assert row["recipients"] == ["Joe Biden", "Li Shangfu"]
    assert row["recipient_sectors"] == ["GOV", "MIL"]
    assert row["negated"] is False and str(row["day"]) == "2023-04-16"
