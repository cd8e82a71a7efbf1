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


CHART_DATA = [
    ("/", "events-timeline-data"), ("/", "articles-timeline-data"),
    ("/actors/Anna%20Weber", "actor-timeline-data"), ("/network", "graph-data"),
    ("/network?actor=marco%20rossi&min_events=1", "graph-data"), ("/map", "map-data"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "element"), CHART_DATA)
def test_postgres_charts_draw_the_same_data(client, pg_client, path, element):
    import json
    import re

    def data(html: str):
        m = re.search(rf'id="{element}">(.*?)</script>', html, re.S)
        assert m, element
        return json.loads(m.group(1))

    assert data(pg_client.get(path).text) == data(client.get(path).text)


@pytest.mark.parametrize(
    "path",
    ["/network/evidence?source=Anna%20Weber&target=Marco%20Rossi", "/map/events?lat=48.2&lon=16.37",
     "/network/evidence?source=Marco%20Rossi&target=Anna%20Weber&since=2023-05-01"],
)  # fmt: skip
def test_postgres_chart_json_answers_like_sqlite(client, pg_client, path):
    lite, pg = client.get(path), pg_client.get(path)
    assert lite.status_code == pg.status_code == 200
    assert pg.json() == lite.json() and lite.json()["n"] >= 1
    csv_lite = client.get("/network/export.csv").text
    assert pg_client.get("/network/export.csv").text == csv_lite
