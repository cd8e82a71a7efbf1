# ruff: noqa: F811 - the fixtures imported from viz_support are parameters of the tests
"""The chart pages and their JSON over the chart corpus: network, evidence, exports, map."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
from viz_support import viz_client, viz_store_path  # noqa: F401 - fixtures


def embedded(html: str, element_id: str):
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert m, element_id
    return json.loads(m.group(1))


def test_viz_pages_network_has_no_self_loops(viz_client):
    data = embedded(viz_client.get("/network").text, "graph-data")
    pairs = {(e["source"], e["target"]) for e in data["edges"]}
    assert ("Anna Weber", "Marco Rossi") in pairs and ("Italy", "Austria") in pairs
    assert all(s != t for s, t in pairs)
    assert "Donald Trump" not in {n["id"] for n in data["nodes"]}
    api = viz_client.get("/api/network").json()
    assert all(e["source"] != e["target"] for e in api["edges"])


def test_viz_pages_network_ego_threshold_and_type(viz_client):
    ego = embedded(viz_client.get("/network?actor=anna%20weber").text, "graph-data")
    assert ego["ego"] == "Anna Weber"
    assert {n["id"] for n in ego["nodes"]} == {"Anna Weber", "Marco Rossi"}
    assert [n["id"] for n in ego["nodes"] if n["ego"]] == ["Anna Weber"]
    two = embedded(viz_client.get("/network?min_events=2").text, "graph-data")
    assert [(e["source"], e["target"], e["count"]) for e in two["edges"]] == [
        ("Anna Weber", "Marco Rossi", 2)
    ]
    accuse = embedded(viz_client.get("/network?plover=ACCUSE").text, "graph-data")
    assert [(e["source"], e["plover"]) for e in accuse["edges"]] == [("Marco Rossi", "ACCUSE")]
    assert viz_client.get("/network?min_events=0").status_code == 422
    assert viz_client.get("/network?top=2001").status_code == 422


def test_viz_pages_edge_evidence_comes_from_every_outlet(viz_client):
    r = viz_client.get("/network/evidence?source=Anna%20Weber&target=Marco%20Rossi")
    body = r.json()
    assert body["n"] == 2
    assert [o["outlet"] for o in body["outlets"]] == ["Daily Ledger", "Morning Star Tribune"]
    first = body["outlets"][0]["events"][0]
    assert first["evidence"].startswith("Austrian Foreign Minister Anna Weber met")
    assert first["href"].endswith("#ev-e1") and first["title"]
    assert viz_client.get("/network/evidence?source=Anna%20Weber").status_code == 422
    none = viz_client.get(
        "/network/evidence?source=Anna%20Weber&target=Marco%20Rossi&plover=ACCUSE"
    ).json()
    assert none["n"] == 0


def test_viz_pages_network_exports(viz_client):
    gexf = viz_client.get("/network/export.gexf")
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert "attachment" in gexf.headers["content-disposition"]
    g = nx.read_gexf(io.BytesIO(gexf.content))
    assert g.number_of_edges() == 3 and not any(u == v for u, v in g.edges())
    graphml = nx.read_graphml(io.BytesIO(viz_client.get("/network/export.graphml").content))
    assert graphml.number_of_edges() == 3
    lines = viz_client.get("/network/export.csv?actor=Anna%20Weber").text.splitlines()
    assert lines[0].startswith("source,source_country,target") and len(lines) == 3
    assert viz_client.get("/network/export.pdf").status_code == 404


def test_viz_pages_map_points_and_events_there(viz_client):
    html = viz_client.get("/map").text
    points = {p["name"]: p for p in embedded(html, "map-data")}
    assert set(points) == {"Vienna", "Rome", "Washington"}
    assert points["Vienna"]["n"] == 2 and points["Vienna"]["articles"] == 2
    there = viz_client.get("/map/events?lat=48.2&lon=16.37").json()
    assert there["n"] == 2 and {e["outlet"] for e in there["events"]} == {
        "Daily Ledger", "Morning Star Tribune"}  # fmt: skip
    assert viz_client.get("/map/events?lat=48.2&lon=16.37&plover=ACCUSE").json()["n"] == 0
    only = embedded(viz_client.get("/map?since=2023-01-01").text, "map-data")
    assert [p["name"] for p in only] == ["Vienna"]
    assert viz_client.get("/map/events?lat=91&lon=0").status_code == 422


def test_viz_pages_overview_timelines_say_what_they_left_out(viz_client):
    html = viz_client.get("/").text
    events = embedded(html, "events-timeline-data")
    articles = embedded(html, "articles-timeline-data")
    assert events["first"] == "2023-04-16" and events["last"] == "2023-05-19"
    assert articles["first"] == "2023-04-17"
    assert "1 article with an implausible date (0001-01-01) counted as undated" in articles["notes"]
    assert any("dated only to a month or year (1935)" in n for n in events["notes"])
    assert {s["label"] for s in events["series"]} == {"CONSULT", "ACCUSE"}
    assert '<link rel="stylesheet" href="/static/vendor/uplot/uPlot.min.css">' in html


def test_viz_pages_overview_date_selection_links_every_view(viz_client):
    html = viz_client.get("/?since=2023-04-01&until=2023-04-30").text
    events = embedded(html, "events-timeline-data")
    assert events["last"] <= "2023-04-30"
    for view in ("events", "articles", "claims", "network", "map", "clusters"):
        assert f'href="/{view}?since=2023-04-01&amp;until=2023-04-30"' in html, view
    assert viz_client.get("/?since=2023-05-01&until=2023-04-01").status_code == 422


def test_viz_pages_actor_timeline_is_by_type(viz_client):
    html = viz_client.get("/actors/Anna%20Weber").text
    chart = embedded(html, "actor-timeline-data")
    totals = {s["label"]: sum(s["values"]) for s in chart["series"]}
    assert totals == {"CONSULT": 2, "ACCUSE": 1}
    assert 'data-brush-target="/events?actor=Anna%20Weber"' in html


def test_viz_pages_hostile_values_are_plain_values(viz_client):
    for payload in ["' OR 1=1 --", "%", "_", '"; DROP TABLE events; --', "') OR ('a'='a"]:
        page = viz_client.get("/network", params={"actor": payload})
        assert page.status_code == 200 and "No events with both an actor" in page.text
        where = viz_client.get("/map", params={"actor": payload})
        assert where.status_code == 200 and "No events with a located place" in where.text
        r = viz_client.get("/network/evidence", params={"source": payload, "target": payload})
        assert r.status_code == 200 and r.json()["n"] == 0
    assert viz_client.get("/network").status_code == 200  # the tables are still there
