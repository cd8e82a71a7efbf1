"""Outlets keyed by registered domain: one outlet for edition.cnn.com and cnn.com, in new
stores, in stores migrated from schema 3, and in the corroboration counts of clusters."""
# ruff: noqa: F811 - the fixtures imported from store_support are parameters of the tests

from __future__ import annotations

import json

import pytest
from builders import LI, PUTIN, make_analysis
from store_support import pg_url, store, store_url  # noqa: F401 - fixtures

from newsgraph.link import link
from newsgraph.store import Filters, open_store, outlet_of
from newsgraph.store.rows import article_row, child_rows

MEETING = "Vladimir Putin met Li Shangfu in Moscow on Sunday for talks on military ties."


def _meeting(n: int, source: str | None, url: str | None):
    return make_analysis(
        f"Putin meets Li {n}",
        MEETING + " " + "More detail follows. " * n,
        source=source,
        url=url,
        events=(("CONSULT", "043", PUTIN, LI, "2023-04-16", "met"),),
    )


def _articles() -> list:
    return [
        _meeting(1, "CNN", "https://edition.cnn.com/2023/04/16/putin"),
        _meeting(2, None, "https://www.cnn.com/2023/04/16/li"),
        _meeting(3, None, "https://news.bbc.co.uk/world/1"),
        _meeting(4, "BBC News", "https://www.bbc.co.uk/news/2"),
        _meeting(5, "Reuters", None),
    ]


@pytest.mark.parametrize(
    ("source", "url", "key", "name"),
    [
        ("CNN", "https://edition.cnn.com/x", "cnn.com", "CNN"),
        (None, "https://www.cnn.com/x", "cnn.com", "cnn.com"),
        (None, "https://news.bbc.co.uk/x", "bbc.co.uk", "bbc.co.uk"),
        (None, "https://user.github.io/post", "user.github.io", "user.github.io"),
        ("  Reuters ", None, "reuters", "Reuters"),
        ("apnews.com", None, "apnews.com", "apnews.com"),
        (None, "http://localhost:8000/a", "localhost", "localhost"),
        (None, "http://[broken", None, None),
        (None, None, None, None),
    ],
)
def test_outlets_keyed_by_registered_domain(source, url, key, name):
    got = outlet_of(source, url)
    assert (got.key, got.name) == (key, name)


def test_outlets_one_outlet_per_domain_in_cluster_counts(store):
    store.write_batch(_articles())
    link(store)
    [cluster] = store.clusters(Filters(limit=0))
    # cnn.com twice, bbc.co.uk twice, Reuters: three outlets in five articles
    assert (cluster["n_articles"], cluster["n_outlets"]) == (5, 3)
    assert json.loads(cluster["outlets"]) == ["BBC News", "CNN", "Reuters"]
    assert store.overview()["outlets"] == 3
    keys = {r["outlet_key"] for r in store._rows("SELECT outlet_key FROM articles")}
    assert keys == {"cnn.com", "bbc.co.uk", "reuters"}


def test_outlets_filter_by_name_or_by_domain(store):
    store.write_batch(_articles())
    titles = lambda rows: sorted(r["title"][-1] for r in rows)  # noqa: E731 - "Putin meets Li 3"
    # "CNN" names one article; its domain names both that and the www.cnn.com one
    assert titles(store.articles(Filters(outlet="CNN"))) == ["1", "2"]  # "cnn.com" contains "cnn"
    assert titles(store.articles(Filters(outlet="edition.cnn.com"))) == ["1", "2"]
    assert titles(store.articles(Filters(outlet="https://www.bbc.co.uk/news"))) == ["3", "4"]
    assert titles(store.articles(Filters(outlet="BBC News"))) == ["4"]  # a name, not a domain
    assert len(store.events(Filters(outlet="cnn.com"))) == 2
    assert store.articles(Filters(outlet="nytimes.com")) == []


_V3_ARTICLE = (
    "INSERT INTO articles (id, url, outlet, title, published, language, origin, skipped, "
    "extractor, text, analysis, n_actors, n_events, n_claims, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _old_outlet(source: str | None, url: str | None) -> str | None:
    """How schema 3 named an outlet: the stated source, else the URL's host without www."""
    from urllib.parse import urlsplit

    if source:
        return source
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def test_outlets_migration_4_keys_a_store_made_at_schema_3(store_url, monkeypatch):
    from newsgraph.store import base, postgres, sqlite

    # Schema 3 for articles; the actors' country_source (schema 5) so that today's actor rows fit.
    up_to_3 = lambda dialect: [m for m in base.migrations(dialect) if m[0] in (1, 2, 3, 5)]  # noqa: E731
    monkeypatch.setattr(sqlite, "migrations", up_to_3)
    monkeypatch.setattr(postgres, "migrations", up_to_3)
    docs = _articles()
    with open_store(store_url) as old:  # articles stored the way schema 3 stored them
        assert old.schema_version() == 5
        with old.transaction():
            for d in docs:
                a = d.article
                name = _old_outlet(a.source, a.url)
                row = list(article_row(d, json.dumps(d.to_dict()), outlet_of(a.source, a.url), "t"))
                del row[3]  # schema 3 has no outlet_key
                row[2] = name
                old._run(_V3_ARTICLE, row)
                for sql, rows in child_rows(d, name):
                    old._many(sql, rows)
            old._run("UPDATE store_state SET value = 'current' WHERE name = 'links'")
        names = {r["outlet"] for r in old._rows("SELECT outlet FROM articles")}
        assert names == {"CNN", "cnn.com", "news.bbc.co.uk", "BBC News", "Reuters"}
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert new.schema_version() == base.migrations(new.dialect)[-1][0]
        assert not new.links_current()  # clusters counted names: they are made again
        rows = new._rows("SELECT url, outlet, outlet_key FROM articles ORDER BY url")
        by_url = {r["url"]: (r["outlet"], r["outlet_key"]) for r in rows}
        assert by_url == {
            "https://edition.cnn.com/2023/04/16/putin": ("CNN", "cnn.com"),
            "https://www.cnn.com/2023/04/16/li": ("cnn.com", "cnn.com"),
            "https://news.bbc.co.uk/world/1": ("bbc.co.uk", "bbc.co.uk"),
            "https://www.bbc.co.uk/news/2": ("BBC News", "bbc.co.uk"),
            None: ("Reuters", "reuters"),
        }
        event_outlets = {r["outlet"] for r in new._rows("SELECT outlet FROM events")}
        assert event_outlets == {"CNN", "cnn.com", "bbc.co.uk", "BBC News", "Reuters"}
        link(new)
        [cluster] = new.clusters(Filters(limit=0))
        assert cluster["n_outlets"] == 3
    with open_store(store_url) as again:  # nothing is applied twice
        assert again.schema_version() == base.migrations(again.dialect)[-1][0]
        assert again.links_current()
