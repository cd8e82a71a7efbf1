# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The API as datasette gives a table: totals, sorting, facets, CSV, permalinks, strict
parameters, HEAD, ETag and opt-in CORS; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv
import io

import pytest
from test_api import assert_error
from web_support import client, corpus, pg_client, store_path  # noqa: F401 - fixtures

BOTH = pytest.mark.parametrize("which", ["client", "pg_client"])


@BOTH
def test_api_lists_total_counts_every_matching_row(request, which):
    c = request.getfixturevalue(which)
    page = c.get("/api/claims", params={"limit": 2}).json()
    every = c.get("/api/claims", params={"limit": 500}).json()["items"]
    assert page["total"] == len(every) > 2 and len(page["items"]) == 2
    unsourced = c.get("/api/claims", params={"unsourced": "true", "limit": 1}).json()
    assert unsourced["total"] == sum(1 for r in every if not r["sourced"])
    assert c.get("/api/events", params={"plover": "CONSULT"}).json()["total"] == 2


@BOTH
def test_api_lists_sort_claims_by_check_worthiness(request, which):
    c = request.getfixturevalue(which)
    down = c.get("/api/claims", params={"sort": "-check_worthiness"}).json()["items"]
    scores = [r["check_worthiness"] for r in down]
    assert scores == sorted(scores, reverse=True) and scores[0] == 0.8
    up = c.get("/api/claims", params={"sort": "check_worthiness"}).json()["items"]
    assert [r["check_worthiness"] for r in up] == sorted(scores)
    # paging keeps the order: two pages of 3 are the first 6 of the whole list
    p1 = c.get("/api/claims", params={"sort": "-check_worthiness", "limit": 3}).json()
    p2 = c.get(p1["next"]).json()
    key = [(r["article_id"], r["claim_id"]) for r in down]
    assert [(r["article_id"], r["claim_id"]) for r in p1["items"] + p2["items"]] == key[:6]
    actors = c.get("/api/actors", params={"sort": "name"}).json()["items"]
    assert [a["name"] for a in actors] == sorted(a["name"] for a in actors)


@BOTH
def test_api_lists_facets_count_over_all_matching_rows(request, which):
    c = request.getfixturevalue(which)
    page = c.get("/api/events", params={"facet": "plover,month", "limit": 1}).json()
    facets = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in page["facets"]}
    assert facets["plover"] == {"CONSULT": 2, "ACCUSE": 1, "REJECT": 1}
    assert facets["month"] == {"2023-04": 2, "2023-05": 1, "2023-06": 1}
    outlets = c.get("/api/claims", params={"facet": "outlet", "unsourced": "true"}).json()
    counts = {v["value"]: v["count"] for v in outlets["facets"][0]["values"]}
    assert sum(counts.values()) == outlets["total"]


def test_api_lists_rows_carry_their_source_and_place(client, corpus):
    meeting = corpus["meeting"].article
    e = next(r for r in client.get("/api/events").json()["items"] if r["article_id"] == meeting.id)
    assert (e["url"], e["title"]) == (meeting.url, meeting.title)
    assert (e["lat"], e["lon"], e["geonames_id"]) == (48.2, 16.37, 2761369)
    assert (e["mode"], e["confidence"], e["date_source"], e["date_text"]) == (
        "visit", 0.8, "text", "on Sunday",
    )  # fmt: skip
    claim = client.get("/api/claims", params={"article_id": meeting.id}).json()["items"][0]
    assert (claim["url"], claim["title"]) == (meeting.url, meeting.title)


def test_api_lists_csv_is_the_same_view(client):
    params = {"plover": "CONSULT", "sort": "day"}
    page = client.get("/api/events", params=params).json()
    r = client.get("/api/events", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-total-count"] == str(page["total"])
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["article_id"], x["event_id"]) for x in rows] == [
        (i["article_id"], i["event_id"]) for i in page["items"]
    ]
    assert rows[0]["negated"] == "false" and rows[0]["cameo"] == "043"
    empty = client.get("/api/events", params={"plover": "ASSAULT", "format": "csv"})
    assert empty.text.startswith("article_id,event_id,day,") and empty.text.count("\n") == 1
    clusters = client.get("/api/clusters", params={"format": "csv"}).text
    assert "Daily Ledger; Morning Star Tribune" in clusters  # a list cell, joined


def test_api_lists_event_and_claim_permalinks(client, corpus):
    aid = corpus["meeting"].article.id
    e = client.get(f"/api/events/{aid}/e1").json()
    assert e["plover"] == "CONSULT" and e["event_id"] == "e1" and e["cluster_id"] == "k1"
    c = client.get(f"/api/claims/{aid}/c3").json()
    assert c["sourced"] is False and c["sentence"].startswith("The agreement")
    assert_error(client.get(f"/api/events/{aid}/e9"), 404, "not_found")
    assert_error(client.get("/api/claims/nope/c1"), 404, "not_found")
    assert client.get(f"/events/{aid}/e1").status_code == 200
    assert client.get(f"/claims/{aid}/c3").status_code == 200
    assert client.get(f"/claims/{aid}/c99").status_code == 404


@pytest.mark.parametrize(
    "path, params, names",
    [
        ("/api/events", {"countries": "RUS"}, ["countries"]),
        ("/api/claims", {"unsorced": "true", "limt": "5"}, ["limt", "unsorced"]),
        ("/api/actors/AUTGOV", {"page": "2"}, ["page"]),
        ("/api/stats", {"x": "1"}, ["x"]),
    ],
)
def test_api_lists_unknown_parameters_are_422_naming_them(client, path, params, names):
    err = assert_error(client.get(path, params=params), 422, "invalid_parameter")
    assert [d["parameter"] for d in err["detail"]] == names
    for n in names:
        assert n in err["message"]
    assert "country" in err["detail"][0]["problem"] or path != "/api/events"


@pytest.mark.parametrize(
    "params, parameter, valid",
    [
        ({"plover": "MEET"}, "plover", "CONSULT"),
        ({"country": "XXX"}, "country", "RUS"),
        ({"cameo": "99"}, "cameo", "04"),
        ({"sort": "-colour"}, "sort", "confidence"),
        ({"facet": "colour"}, "facet", "outlet"),
        ({"format": "xml"}, "format", "csv"),
        ({"country": "russia"}, "country", "RUS"),
        ({"dyad": "XXX-RUS"}, "dyad", "RUS"),
    ],
)
def test_api_lists_unknown_values_are_422_listing_valid_ones(client, params, parameter, valid):
    err = assert_error(client.get("/api/events", params=params), 422, "invalid_parameter")
    assert err["detail"][0]["parameter"] == parameter
    assert valid in str(err["detail"][0])


def test_api_lists_head_is_get_without_body(client):
    for path in ("/api/events", "/api/stats", "/events", "/codebook"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == 200 == get.status_code, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/api/articles/nope").status_code == 404


def test_api_lists_etag_and_cache_control(client):
    r = client.get("/api/events", params={"plover": "CONSULT"})
    etag = r.headers["etag"]
    assert r.headers["cache-control"] == "no-cache" and etag.startswith('"')
    again = client.get("/api/events", params={"plover": "CONSULT"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = client.get("/api/events", params={"plover": "ACCUSE"}, headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert "etag" not in client.get("/api/articles/nope").headers  # errors are not cached


def test_api_lists_cors_is_opt_in(store_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    origin = {"Origin": "https://notebooks.example.org"}
    with TestClient(create_app(str(store_path))) as plain:
        assert "access-control-allow-origin" not in plain.get("/api/stats", headers=origin).headers
    app = create_app(str(store_path), cors_origins=["https://notebooks.example.org"])
    with TestClient(app) as c:
        r = c.get("/api/stats", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://notebooks.example.org"
        other = c.get("/api/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = c.options("/api/events", headers={**origin, "Access-Control-Request-Method": "GET"})
        assert pre.status_code == 200


def test_api_lists_serve_cors_origin_reaches_the_app(store_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from newsgraph.cli import cli

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    origin = "https://notebooks.example.org"
    r = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--cors-origin", origin])
    assert r.exit_code == 0, r.output
    with TestClient(served[0], base_url="http://127.0.0.1") as c:
        got = c.get("/api/stats", headers={"Origin": origin})
        assert got.headers["access-control-allow-origin"] == origin


def test_api_lists_codebook_labels_codes(client):
    book = client.get("/api/codebook").json()
    assert [t["type"] for t in book["plover"]][:2] == ["AGREE", "CONSULT"]
    cameo = {c["code"]: c for c in book["cameo"]}
    assert cameo["016"]["name"] == "Deny responsibility" and cameo["016"]["plover"] is None
    assert {s["code"]: s["label"] for s in book["sectors"]}["LEG"] == "Legislature"
    assert {o["code"]: o["name"] for o in book["organisations"]}["IGOUNO"] == "United Nations"


def test_api_lists_actor_profile_pages_events_and_quotes(client):
    whole = client.get("/api/actors/AUTGOV").json()
    assert whole["total_events"] == 3 == len(whole["events"]) and whole["total_quotes"] == 2
    first = client.get("/api/actors/AUTGOV", params={"limit": 1}).json()
    second = client.get("/api/actors/AUTGOV", params={"limit": 1, "offset": 1}).json()
    assert first["total_events"] == 3 and len(first["events"]) == 1
    assert first["events"][0] != second["events"][0]
    assert [first["quotes"][0], second["quotes"][0]] == whole["quotes"]
