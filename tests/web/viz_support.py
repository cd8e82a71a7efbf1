"""Fixtures for the chart tests: the chart corpus (vizcorpus.py) in a temporary SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from vizcorpus import viz_corpus


@pytest.fixture(scope="session")
def viz_store_path(tmp_path_factory) -> Path:
    from newsgraph.store import open_store

    path = tmp_path_factory.mktemp("viz") / "viz.db"
    with open_store(path) as store:
        store.write_batch(list(viz_corpus().values()))
    return path


@pytest.fixture(scope="session")
def viz_client(viz_store_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    with TestClient(create_app(str(viz_store_path)), raise_server_exceptions=False) as c:
        yield c
