"""Fixtures for the web tests: the hand-made corpus (webcorpus.py) in a temporary SQLite store.

Not a conftest.py: a second conftest module would shadow ``from conftest import need_shared``.
Test modules import the fixtures from here by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from webcorpus import hostile_article, meeting_article, strike_article

from newsgraph.records import Analysis, EventCluster


@pytest.fixture(scope="session")
def corpus() -> dict[str, Analysis]:
    return {
        "meeting": meeting_article(),
        "meeting2": meeting_article(
            source="Morning Star Tribune", published="2023-04-18", suffix=" Critics disagree."
        ),
        "strike": strike_article(),
        "hostile": hostile_article(),
    }


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, corpus) -> Path:
    """A SQLite store holding the hand-made corpus and one event cluster over the two meetings."""
    from newsgraph.store import open_store

    path = tmp_path_factory.mktemp("web") / "corpus.db"
    with open_store(path) as store:
        store.write_batch(list(corpus.values()))
        m1, m2 = corpus["meeting"].article.id, corpus["meeting2"].article.id
        store.save_clusters(
            [
                EventCluster(
                    cluster_id="k1",
                    plover="CONSULT",
                    actor="AUTGOV",
                    recipient="ITAMIL",
                    day_first="2023-04-16",
                    day_last="2023-04-16",
                    members=((m1, "e1"), (m2, "e1")),
                    n_articles=2,
                    n_outlets=2,
                    n_independent=2,
                    outlets=("Daily Ledger", "Morning Star Tribune"),
                )
            ]
        )
    return path


@pytest.fixture(scope="session")
def client(store_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    with TestClient(create_app(str(store_path)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def pg_client(corpus):
    """The same corpus in a fresh schema of the test PostgreSQL server, behind the app.

    Skips without NEWSGRAPH_TEST_PG_URL (``scripts/services`` prints it); fails under CI=true.
    """
    import os
    import uuid

    import psycopg
    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web import create_app

    base = os.environ.get("NEWSGRAPH_TEST_PG_URL")
    if not base:
        msg = 'NEWSGRAPH_TEST_PG_URL is not set: run `eval "$(scripts/services)"` first'
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    schema = f"web_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        with open_store(url) as store:
            store.write_batch(list(corpus.values()))
            m1, m2 = corpus["meeting"].article.id, corpus["meeting2"].article.id
            store.save_clusters([EventCluster(
                cluster_id="k1", plover="CONSULT", actor="AUTGOV", recipient="ITAMIL",
                day_first="2023-04-16", day_last="2023-04-16", members=((m1, "e1"), (m2, "e1")),
                n_articles=2, n_outlets=2, n_independent=2,
                outlets=("Daily Ledger", "Morning Star Tribune"))])  # fmt: skip
        with TestClient(create_app(url), raise_server_exceptions=False) as c:
            yield c
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
