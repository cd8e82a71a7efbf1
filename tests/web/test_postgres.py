# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The API over PostgreSQL answers exactly as over SQLite (the UI's own queries included)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from web_support import client, corpus, pg_client, store_path  # noqa: F401 - fixtures

pytestmark = pytest.mark.postgres

SAME = [
    "/api/articles", "/api/articles?outlet=ledger", "/api/articles?text=critics",
    "/api/articles?plover=ACCUSE", "/api/events", "/api/events?dyad=ITA-AUT",
    "/api/events?actor=marco%20rossi&since=2023-05-01", "/api/events?cameo=04",
    "/api/actors", "/api/actors?country=AUT", "/api/claims?unsourced=true",
    "/api/clusters", "/api/clusters/k1", "/api/actors/Anna%20Weber", "/api/actors/ITAMIL",
    "/api/network", "/api/network?plover=CONSULT&country=ITA", "/api/stats",
    "/api/search?q=Rossi", "/api/articles?outlet=_", "/api/events?actor=%27%20OR%201%3D1%20--",
]  # fmt: skip


VOLATILE = {"ingested_at"}  # when the row was written, not what it says


def stable(value):
    """The JSON without time stamps of writing."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


@pytest.mark.parametrize("path", SAME)
def test_postgres_api_answers_like_sqlite(client, pg_client, path):
    lite, pg = client.get(path), pg_client.get(path)
    assert lite.status_code == pg.status_code == 200, (pg.status_code, pg.text[:300])
    assert stable(pg.json()) == stable(lite.json())


@pytest.mark.parametrize("path", ["/", "/actors/Anna%20Weber", "/network", "/clusters/k1"])
def test_postgres_pages_render(pg_client, path):
    assert pg_client.get(path).status_code == 200


ODD = ["' OR 1=1 --", "%", "_", '"; DROP TABLE articles; --', "\\", "\x00", "\U0001f600", "\ufeff"]


@pytest.mark.parametrize("payload", ODD, ids=lambda p: repr(p))
def test_postgres_odd_values_in_every_filter_answer_like_sqlite(client, pg_client, payload):
    for path in ("/api/articles", "/api/events", "/api/actors", "/api/claims", "/api/clusters"):
        for name in ("actor", "outlet", "text", "article_id", "dyad", "country", "plover"):
            lite = client.get(path, params={name: payload})
            pg = pg_client.get(path, params={name: payload})
            assert pg.status_code == lite.status_code and pg.status_code in (200, 422), (
                path, name, pg.status_code, pg.text[:200],
            )  # fmt: skip
            assert stable(pg.json()) == stable(lite.json())
    for path in ("/api/articles/", "/api/actors/", "/api/clusters/", "/articles/"):
        assert pg_client.get(path + quote(payload, safe="")).status_code in (404, 422)
