# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The JSON API: every endpoint, its filters and paging, and bad parameters (one error shape)."""

from __future__ import annotations

import pytest
from web_support import client, corpus, store_path  # noqa: F401 - fixtures


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the one error shape with this status (and code)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_api_article_is_the_contract_document(client, corpus):
    analysis = corpus["meeting"]
    r = client.get(f"/api/articles/{analysis.article.id}")
    assert r.status_code == 200
    assert r.json() == analysis.to_dict()


def test_api_article_unknown_is_404(client):
    err = assert_error(client.get("/api/articles/nope"), 404, "not_found")
    assert "nope" in err["message"]


def test_api_articles_list_filters_and_pages(client, corpus):
    r = client.get("/api/articles", params={"limit": 2})
    page = r.json()
    assert r.status_code == 200 and len(page["items"]) == 2 and page["prev"] is None
    assert page["next"] and "offset=2" in page["next"]
    rest = client.get(page["next"]).json()
    assert len(rest["items"]) == 2 and rest["next"] is None and "offset=0" in rest["prev"]
    ids = {i["id"] for i in page["items"] + rest["items"]}
    assert ids == {a.article.id for a in corpus.values()}

    by_outlet = client.get("/api/articles", params={"outlet": "ledger"}).json()["items"]
    assert [i["id"] for i in by_outlet] == [corpus["meeting"].article.id]
    by_date = client.get("/api/articles", params={"since": "2023-05-01", "until": "2023-05-31"})
    assert [i["title"] for i in by_date.json()["items"]] == ["Rossi accuses Weber of stalling"]
    by_text = client.get("/api/articles", params={"text": "critics"}).json()["items"]
    assert [i["id"] for i in by_text] == [corpus["meeting2"].article.id]
    by_type = client.get("/api/articles", params={"plover": "accuse"}).json()["items"]
    assert [i["id"] for i in by_type] == [corpus["strike"].article.id]


def test_api_events_filters(client, corpus):
    consult = client.get("/api/events", params={"plover": "CONSULT"}).json()["items"]
    assert len(consult) == 2 and {e["cluster_id"] for e in consult} == {"k1"}
    assert all(e["negated"] is False for e in consult)
    assert consult[0]["place_name"] == "Vienna"
    dyad = client.get("/api/events", params={"dyad": "ITA-AUT"}).json()["items"]
    assert [e["plover"] for e in dyad] == ["ACCUSE"]
    cameo = client.get("/api/events", params={"cameo": "04"}).json()["items"]
    assert len(cameo) == 2
    actor = client.get("/api/events", params={"actor": "marco rossi"}).json()["items"]
    assert len(actor) == 3
    country = client.get("/api/events", params={"country": "ita", "since": "2023-05-01"})
    assert [e["plover"] for e in country.json()["items"]] == ["ACCUSE"]
    one = client.get("/api/events", params={"article_id": corpus["strike"].article.id})
    assert len(one.json()["items"]) == 1
    # The names `newsgraph query` uses work too.
    same = client.get(
        "/api/events", params={"article": corpus["strike"].article.id, "type": "accuse"}
    )
    assert same.json()["items"] == one.json()["items"]


def test_api_actors_list_and_profile(client):
    items = client.get("/api/actors", params={"country": "AUT"}).json()["items"]
    assert [(i["name"], i["articles"]) for i in items] == [("Anna Weber", 3)]
    p = client.get("/api/actors/Anna Weber").json()
    assert p["roles"] == [{"value": "Foreign Minister", "count": 2}]
    assert p["countries"] == [{"value": "AUT", "count": 3}]
    assert {e["plover"] for e in p["events"]} == {"CONSULT", "ACCUSE"}
    assert p["timeline"] == [{"period": "2023-04", "events": 2}, {"period": "2023-05", "events": 1}]
    assert {(c["name"], c["my_role"], c["plover"]) for c in p["counterparts"]} == {
        ("Marco Rossi", "actor", "CONSULT"),
        ("Marco Rossi", "recipient", "ACCUSE"),
    }
    assert [q["content"] for q in p["quotes"]] == [
        "We are making real progress on border cooperation."
    ] * 2
    by_code = client.get("/api/actors/AUTGOV").json()
    assert by_code["names"] == p["names"]


def test_api_actor_unknown_is_404(client):
    assert_error(client.get("/api/actors/Nobody At All"), 404, "not_found")


def test_api_claims_unsourced(client):
    every = client.get("/api/claims").json()["items"]
    unsourced = client.get("/api/claims", params={"unsourced": "true"}).json()["items"]
    assert len(every) == 8 and len(unsourced) == 4
    assert all(c["sourced"] is False for c in unsourced)
    spoken = client.get("/api/claims", params={"actor": "anna weber"}).json()["items"]
    assert {c["speaker"] for c in spoken} == {"Anna Weber"}


def test_api_clusters_list_and_one(client, corpus):
    items = client.get("/api/clusters", params={"min_outlets": 2}).json()["items"]
    assert [(c["cluster_id"], c["outlets"]) for c in items] == [
        ("k1", ["Daily Ledger", "Morning Star Tribune"])
    ]
    assert client.get("/api/clusters", params={"min_outlets": 3}).json()["items"] == []
    one = client.get("/api/clusters/k1").json()
    assert one["n_outlets"] == 2
    assert {e["article_id"] for e in one["events"]} == {
        corpus["meeting"].article.id,
        corpus["meeting2"].article.id,
    }
    assert_error(client.get("/api/clusters/none"), 404, "not_found")


def test_api_search_finds_articles_and_actors(client):
    r = client.get("/api/search", params={"q": "Rossi"}).json()
    assert len(r["articles"]["items"]) == 3
    assert [a["name"] for a in r["actors"]] == ["Marco Rossi"]
    assert client.get("/api/search", params={"q": "zzzqqq"}).json()["articles"]["items"] == []


def test_api_network_and_stats(client):
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} == {"Anna Weber", "Marco Rossi"}
    assert {(e["source"], e["target"], e["plover"], e["count"]) for e in net["edges"]} == {
        ("Anna Weber", "Marco Rossi", "CONSULT", 2),
        ("Marco Rossi", "Anna Weber", "ACCUSE", 1),
    }
    only = client.get("/api/network", params={"plover": "accuse"}).json()
    assert [e["plover"] for e in only["edges"]] == ["ACCUSE"]
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 4 and stats["counts"]["clusters"] == 1
    assert stats["counts"]["unsourced"] == 4 and stats["counts"]["outlets"] == 4
    assert [p["period"] for p in stats["articles_per_month"]] == ["2023-04", "2023-05", "2023-06"]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 501}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"since": "yesterday"}, "since"),
        ("/api/events", {"until": "2023-02-30"}, "until"),
        ("/api/events", {"since": "2023-05-01", "until": "2023-04-01"}, "since"),
        ("/api/events", {"plover": "BOMB"}, "plover"),
        ("/api/events", {"type": "BOMB"}, "plover"),
        ("/api/events", {"plover": "CONSULT", "type": "ACCUSE"}, "type"),
        ("/api/events", {"cameo": "04a"}, "cameo"),
        ("/api/events", {"country": "RUSSIA"}, "country"),
        ("/api/events", {"dyad": "RUS"}, "dyad"),
        ("/api/events", {"unsourced": "true"}, "unsourced"),
        ("/api/actors", {"plover": "CONSULT"}, "plover"),
        ("/api/clusters", {"min_outlets": -2}, "min_outlets"),
        ("/api/claims", {"unsourced": "maybe"}, "unsourced"),
        ("/api/articles", {"actor": "x" * 201}, "actor"),
        ("/api/search", {}, "q"),
        ("/api/search", {"q": ""}, "q"),
        ("/api/network", {"limit": 0}, "limit"),
        ("/api/actors/Anna Weber", {"limit": 0}, "limit"),
    ],
)
def test_api_bad_parameters_are_422_in_the_error_shape(client, path, params, parameter):
    err = assert_error(client.get(path, params=params), 422, "invalid_parameter")
    if parameter:
        assert parameter in err["message"]
        assert any(d.get("parameter") == parameter for d in err["detail"])


def test_api_unknown_route_and_method(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.post("/api/events"), 405, "method_not_allowed")


def test_api_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors",
        "/api/actors/{actor}", "/api/claims", "/api/clusters", "/api/clusters/{cluster_id}",
        "/api/search", "/api/network", "/api/stats",
    } <= paths  # fmt: skip
    assert not any(p.startswith(("/articles", "/actors")) for p in paths)  # pages stay out
    events = spec["paths"]["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {"plover", "dyad", "since", "limit"}
    assert "ErrorBody" in spec["components"]["schemas"]


def test_api_no_cdn_docs_and_reference_page_is_local(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events" in page.text
    assert "cdn" not in page.text.lower()
    assert 'src="http' not in page.text and 'href="http' not in page.text
