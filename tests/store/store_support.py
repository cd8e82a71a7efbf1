"""The ``store`` fixture: every store test runs on SQLite and on a real PostgreSQL server.

Not a conftest.py: a second conftest module would shadow ``from conftest import need_shared``.
Test modules import the fixtures from here by name.

The PostgreSQL leg uses NEWSGRAPH_TEST_PG_URL (``scripts/services`` starts a server and
prints it). Each test gets its own schema there, dropped afterwards. Without the
variable the leg skips with the reason — and fails under CI=true.
"""

from __future__ import annotations

import os
import uuid

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def pg_url_or_skip() -> str:
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL")
    if not url:
        msg = (
            'NEWSGRAPH_TEST_PG_URL is not set: run `eval "$(scripts/services)"` to start PostgreSQL'
        )
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return url


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a fresh schema (dropped after the test)."""
    import psycopg

    base = pg_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "newsgraph.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from newsgraph.store import open_store

    s = open_store(store_url)
    yield s
    s.close()
