"""Fixtures for the web tests: the hand-made corpus (webcorpus.py) in a temporary SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from webcorpus import hostile_article, meeting_article, strike_article

from newsgraph.records import Analysis


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
    from newsgraph.store import EventCluster, open_store

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
