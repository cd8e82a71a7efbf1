"""The Store on SQLite and PostgreSQL: migrations, idempotent writes, atomic batches, queries."""
# ruff: noqa: F811 - the fixtures imported from store_support are parameters of the tests

from __future__ import annotations

import json

import pytest
from builders import BIDEN, LI, PUTIN, corpus, make_analysis
from store_support import pg_url, store, store_url  # noqa: F401 - fixtures

from newsgraph.errors import InputError, StoreError
from newsgraph.records import EventCluster, Failure
from newsgraph.store import Filters, base, open_store, parse_dyad


def test_store_migrations_recorded_once(store, store_url):
    assert store.schema_version() == max(v for v, _n, _s in base.migrations("sqlite"))
    rows = store._rows("SELECT version, name FROM migrations ORDER BY version")
    assert [(r["version"], r["name"].split(".")[0]) for r in rows] == [
        (1, "0001_init"),
        (2, "0002_event_date_source"),
        (3, "0003_link_state"),
        (5, "0005_actor_country_source"),
    ]
    store.close()
    with open_store(store_url) as again:  # reopening applies nothing twice
        assert len(again._rows("SELECT version FROM migrations")) == len(base.migrations("sqlite"))


_V1_EVENT = (
    "INSERT INTO events (article_id, local_id, cameo, negated, day, date_start, date_end, "
    "date_text, published) VALUES (?, ?, '043', 0, ?, ?, ?, ?, ?)"
)


def test_store_migration_2_adds_event_date_source_and_fills_old_rows(store_url, monkeypatch):
    from newsgraph.store import base, postgres, sqlite

    only_v1 = lambda dialect: base.migrations(dialect)[:1]  # noqa: E731
    monkeypatch.setattr(sqlite, "migrations", only_v1)
    monkeypatch.setattr(postgres, "migrations", only_v1)
    with open_store(store_url) as old:  # a store written before schema 2
        assert old.schema_version() == 1
        with old.transaction():
            for local, start, end, text in (
                ("e1", "2023-04-17", "2023-04-17", None),  # the publication day, no expression
                ("e2", "2023-04-16", "2023-04-16", "on Sunday"),
                ("e3", "2023-04-17", "2023-04-17", "today"),
                ("e4", None, None, None),
            ):
                old._run(_V1_EVENT, ("art", local, start or "2023-04-17", start, end, text,
                                     "2023-04-17"))  # fmt: skip
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert new.schema_version() == max(v for v, _n, _s in base.migrations("sqlite"))
        rows = new._rows("SELECT local_id, date_source FROM events ORDER BY local_id")
        assert [(r["local_id"], r["date_source"]) for r in rows] == [
            ("e1", "publication"),
            ("e2", "text"),
            ("e3", "text"),
            ("e4", None),
        ]


def test_store_events_keep_where_their_date_comes_from(store):
    import dataclasses

    from newsgraph.records import EventDate

    docs = corpus()
    first = docs[0]
    published = first.article.published
    ev = dataclasses.replace(
        first.events[0], date=EventDate(published, published, None, "publication", "publication")
    )
    docs[0] = first.with_(events=(ev,))
    store.write_batch(docs)
    columns, rows = store.table("events", Filters(limit=0))
    assert columns[:4] == ["article_id", "event_id", "day", "date_source"]
    sources = {(r[0], r[1]): r[3] for r in rows}
    assert sources[(first.article.id, "e1")] == "publication"
    assert sorted(v for k, v in sources.items() if k[0] != first.article.id) == ["text"] * 4


def test_store_same_article_twice_is_stored_once(store):
    docs = corpus()
    first = store.write_batch(docs)
    dump = store.dump()
    second = store.write_batch(docs)
    assert (first.added, first.present, first.events) == (4, 0, 5)
    assert (second.added, second.present, second.events) == (0, 4, 0)
    assert store.dump() == dump
    assert store.counts()["articles"] == 4 and store.counts()["events"] == 5


def test_store_json_is_kept_byte_for_byte(store):
    docs = corpus()
    store.write_batch(docs)
    expected = {json.dumps(d.to_dict(), ensure_ascii=False) for d in docs}
    assert set(store.iter_json()) == expected
    got = store.get(docs[0].article.id)
    assert got is not None and got.to_dict() == docs[0].to_dict()
    assert store.get("no-such-id") is None


def test_store_batch_is_atomic(store, monkeypatch):
    docs = corpus()
    real = type(store)._insert_article
    calls = []

    def crash_on_third(self, analysis, stamp):
        calls.append(analysis.article.id)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(self, analysis, stamp)

    monkeypatch.setattr(type(store), "_insert_article", crash_on_third)
    with pytest.raises(RuntimeError):
        store.write_batch(docs, [Failure("x.txt", "clean", "input", "empty input")])
    monkeypatch.undo()
    assert store.counts()["articles"] == 0 and store.counts()["failures"] == 0
    assert store.write_batch(docs).added == 4  # the store is usable after the rollback


def test_store_failure_counted_then_cleared_by_success(store):
    doc = corpus()[0]
    fail = Failure(doc.article.origin, "analyze", "internal", "KeyError: 'x'")
    store.write_batch([], [fail])
    store.write_batch([], [fail])
    [row] = store.failures()
    assert (row["input"], row["stage"], row["code"], row["attempts"]) == (
        doc.article.origin,
        "analyze",
        "internal",
        2,
    )
    store.write_batch([doc])
    assert store.failures() == []


def test_store_known_ids_many(store):
    docs = corpus()
    store.write_batch(docs[:2])
    ids = [d.article.id for d in docs] + [
        f"missing{i}" for i in range(1200)
    ]  # more than one IN chunk
    assert store.known_ids(ids) == {docs[0].article.id, docs[1].article.id}


def _event_keys(rows):
    return sorted((r["article_id"][:4], r["event_id"]) for r in rows)


EVENT_CASES = [
    (Filters(dyad=("RUS", "CHN")), 3),
    (Filters(dyad=("RUSGOV", "CHNMIL")), 3),
    (Filters(dyad=("CHN", "RUS")), 0),
    (Filters(dyad=("RUS", "CHN"), plover="consult"), 3),
    (Filters(dyad=("RUS", "CHN"), plover="ACCUSE"), 0),
    (Filters(cameo="04"), 3),
    (Filters(cameo="043"), 1),
    (Filters(actor="RUSGOV"), 3),
    (Filters(actor="vladimir PUTIN"), 3),
    (Filters(actor="Putin"), 0),  # names match whole, not in part
    (Filters(actor="USAGOV", since="2022-12-01", until="2022-12-31"), 2),
    (Filters(actor="USAGOV", since="2023-01-01"), 0),
    (Filters(country="UKR"), 2),
    (Filters(since="2023-04-17"), 1),
    (Filters(until="2023-04-16"), 4),
    (Filters(outlet="reuters"), 2),
    (Filters(outlet="%"), 0),  # wildcards in the value are literal
    (Filters(text="hosted talks"), 1),
    (Filters(text="talks"), 3),
    (Filters(limit=2), 2),
    (Filters(limit=0, offset=4), 1),
]


@pytest.mark.parametrize(("filters", "n"), EVENT_CASES, ids=[repr(c[0])[8:60] for c in EVENT_CASES])
def test_store_query_events_filters(store, filters, n):
    store.write_batch(corpus())
    rows = store.events(filters)
    assert len(rows) == n
    if filters.dyad == ("RUS", "CHN"):
        assert all(r["actor_country"] == "RUS" and r["recipient_country"] == "CHN" for r in rows)


def test_store_query_events_rows(store):
    store.write_batch(corpus())
    [row] = store.events(Filters(cameo="043"))
    assert row["plover"] == "CONSULT" and row["cameo"] == "043" and isinstance(row["cameo"], str)
    assert (row["actor_name"], row["recipient_name"]) == ("Vladimir Putin", "Li Shangfu")
    assert (
        row["day"] == "2023-04-16" and row["place_name"] == "Moscow" and row["outlet"] == "Reuters"
    )


def test_store_values_are_bound_never_sql(store):
    store.write_batch(corpus())
    hostile = "x' OR '1'='1"
    assert store.events(Filters(actor=hostile)) == []
    assert store.articles(Filters(outlet=hostile)) == []
    assert (
        store.articles(Filters(text='"U.S.* AND (NEAR OR')) == []
    )  # FTS syntax is not interpreted
    assert store.articles(Filters(text="'; DROP TABLE articles; --")) == []
    assert store.counts()["articles"] == 4


def test_store_query_actors_aggregate_across_articles(store):
    store.write_batch(corpus())
    rows = store.actors(Filters(country="RUS"))
    assert [(r["name"], r["code"], r["articles"], r["mentions"]) for r in rows] == [
        ("Vladimir Putin", "RUSGOV", 3, 3)
    ]
    bbc = {r["name"] for r in store.actors(Filters(outlet="bbc"))}
    assert bbc == {"Vladimir Putin", "Li Shangfu"}


def test_store_query_articles_and_claims(store):
    docs = corpus()
    store.write_batch(docs)
    assert [r["title"] for r in store.articles(Filters(dyad=("USA", "UKR")))] == [
        "Biden praises Zelensky"
    ]
    assert {r["title"] for r in store.articles(Filters(actor=BIDEN.name))} == {
        "Biden praises Zelensky"
    }
    assert len(store.articles(Filters(since="2023-04-17"))) == 3
    unsourced = store.claims(Filters(unsourced=True))
    assert {r["sentence"] for r in unsourced} == {
        "The talks lasted three hours.",
        "Xi Jinping was absent.",
    }
    [quote] = store.claims(Filters(actor=PUTIN.code))
    assert (quote["speaker"], quote["attribution_kind"], quote["sourced"]) == (
        "Vladimir Putin",
        "direct",
        1,
    )


def test_store_iter_json_pages_through_everything(store):
    docs = [
        make_analysis(
            f"Story {i}",
            f"Vladimir Putin and Li Shangfu spoke, item {i}.",
            events=(("CONSULT", "040", PUTIN, LI, "2023-04-16", "spoke"),),
        )
        for i in range(1203)
    ]
    for i in range(0, len(docs), 400):
        store.write_batch(docs[i : i + 400])
    assert sum(1 for _ in store.iter_json()) == 1203
    assert sum(1 for _ in store.iter_json(Filters(text="item 7", limit=0))) == 1


def test_store_table_has_columns_without_rows(store):
    columns, rows = store.table("events", Filters(actor="nobody"))
    assert rows == [] and columns[:3] == ["article_id", "event_id", "day"]


def test_store_open_store_urls(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/a.db") as s:
        assert s.dialect == "sqlite" and (tmp_path / "a.db").exists()
    with pytest.raises(StoreError, match="scheme"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(err.value)


def test_store_filters_reject_bad_values():
    assert parse_dyad("rus-chn") == ("RUS", "CHN")
    with pytest.raises(InputError):
        parse_dyad("RUS")
    with pytest.raises(InputError):
        Filters(cameo="04; DROP")


def test_store_reads_count_and_profile_the_corpus(store):
    store.write_batch(corpus())
    assert store.overview() == {
        "articles": 4, "outlets": 3, "actors": 4, "events": 5, "quotes": 1, "claims": 3,
        "unsourced": 2, "clusters": 0, "failures": 0,
    }  # fmt: skip
    assert store.day_range() == ("2022-12-21", "2023-04-18")
    assert store.timeline("events", "day") == [
        ("2022-12-21", 2), ("2023-04-16", 2), ("2023-04-17", 1)
    ]  # fmt: skip
    assert store.timeline("events", "year", actor="vladimir putin") == [("2023", 3)]
    assert store.timeline("articles") == [("2022-12", 1), ("2023-04", 3)]
    with pytest.raises(ValueError, match="choose events or articles"):
        store.timeline("claims")
    profile = store.actor_profile("RUSGOV")
    assert profile is not None and profile["names"] == [("Vladimir Putin", 3)]
    assert (profile["articles"], profile["first_seen"], profile["last_seen"]) == (
        3, "2023-04-17", "2023-04-18"
    )  # fmt: skip
    assert store.actor_profile("Putin") is None  # names match whole
    [other] = store.counterparts("vladimir putin")
    assert (other["name"], other["my_role"], other["plover"], other["n"]) == (
        "Li Shangfu", "actor", "CONSULT", 3
    )  # fmt: skip
    [quote] = store.actor_quotes("RUSGOV")
    assert (quote["content"], quote["outlet"]) == ("Our ties are strong", "Reuters")
    assert [r["name"] for r in store.top_actors(limit=2)] == ["Li Shangfu", "Vladimir Putin"]
    assert [r["sentence"] for r in store.recent_unsourced()] == [
        "Xi Jinping was absent.", "The talks lasted three hours."
    ]  # fmt: skip
    assert [r["name"] for r in store.find_actors("SHAN")] == ["Li Shangfu"]
    assert store.find_actors("%") == []  # wildcards in the value are literal


def test_store_reads_dyads_and_one_cluster(store):
    docs = corpus()
    store.write_batch(docs)
    dyads = store.dyads()
    assert [(r["source"], r["target"], r["plover"], r["n"]) for r in dyads] == [
        ("Vladimir Putin", "Li Shangfu", "CONSULT", 3),
        ("Joe Biden", "Volodymyr Zelensky", "ACCUSE", 1),
        ("Joe Biden", "Volodymyr Zelensky", "SUPPORT", 1),
    ]
    assert len(store.dyads(plover="support", country="ukr", since="2022-12-01")) == 1
    members = ((docs[0].article.id, "e1"), (docs[1].article.id, "e1"))
    store.save_clusters([EventCluster(
        cluster_id="k1", plover="CONSULT", actor="RUS", recipient="CHN", day_first="2023-04-16",
        day_last="2023-04-17", members=members, n_articles=2, n_outlets=2, n_independent=2,
        outlets=("Reuters", "BBC News"),
    )])  # fmt: skip
    found = store.cluster("k1")
    assert found is not None and found["outlets"] == ["BBC News", "Reuters"]
    assert [(e["outlet"], e["day"]) for e in found["events"]] == [
        ("Reuters", "2023-04-16"), ("BBC News", "2023-04-17")
    ]  # fmt: skip
    assert store.cluster("k2") is None


@pytest.mark.postgres
def test_store_sqlite_and_postgres_hold_the_same(tmp_path, pg_url):
    docs = corpus()
    dumps = []
    for url in (str(tmp_path / "x.db"), pg_url):
        with open_store(url) as s:
            s.write_batch(docs, [Failure("bad.txt", "clean", "input", "empty input")])
            dumps.append(s.dump())
            assert s.events(Filters(dyad=("RUS", "CHN"), plover="CONSULT"))
    assert dumps[0] == dumps[1]
