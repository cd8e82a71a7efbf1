"""The network's server-side layout and exports."""

from __future__ import annotations

import csv
import io
import itertools
import math

import networkx as nx

from newsgraph.web.graph import graph_payload, layout, to_csv, to_gexf, to_graphml


def dyad(s, t, plover="CONSULT", n=1):
    return {"source": s, "target": t, "plover": plover, "quad_class": 1, "n": n,
            "n_articles": n, "n_outlets": 1, "first_day": "2023-01-01", "last_day": "2023-01-02",
            "source_country": "AAA", "target_country": "BBB"}  # fmt: skip


def spread(pos):
    return min(math.dist(a, b) for a, b in itertools.combinations(pos.values(), 2))


def test_graph_layout_gives_every_node_its_own_place():
    rows = [dyad(f"hub{i % 5}", f"leaf{i}") for i in range(60)]
    rows += [dyad(f"pair{i}a", f"pair{i}b") for i in range(10)]  # ten disconnected dyads
    data = graph_payload(rows)
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert len(pos) == 5 + 60 + 20
    assert spread(pos) > 0.05
    # Disconnected pairs are packed beside the rest, not flung to the far edges.
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert 0.3 < width / height < 4


def test_graph_layout_is_repeatable_and_centres_the_ego():
    pairs = [("ego", f"x{i}", 1) for i in range(12)] + [("x1", "x2", 3)]
    names = {"ego"} | {f"x{i}" for i in range(12)}
    assert layout(names, pairs, "ego") == layout(names, pairs, "ego")
    pos = layout(names, pairs, "ego")
    others = [math.dist(pos["ego"], p) for n, p in pos.items() if n != "ego"]
    centre = (sum(p[0] for p in pos.values()) / 13, sum(p[1] for p in pos.values()) / 13)
    assert math.dist(pos["ego"], centre) < min(others)


def test_graph_payload_draws_one_edge_per_pair_with_its_types():
    data = graph_payload([dyad("A", "B", "CONSULT", 3), dyad("A", "B", "ACCUSE", 5),
                          dyad("B", "A", "AGREE", 1)])  # fmt: skip
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges[("A", "B")]["types"] == {"CONSULT": 3, "ACCUSE": 5}
    assert edges[("A", "B")]["plover"] == "ACCUSE" and edges[("A", "B")]["count"] == 8
    assert edges[("B", "A")]["count"] == 1


def test_graph_exports_read_back():
    rows = [dyad("A", "B", "CONSULT", 3), dyad("A", "B", "ACCUSE", 5), dyad("C", "A", None, 2)]
    for blob, read in ((to_gexf(rows), nx.read_gexf), (to_graphml(rows), nx.read_graphml)):
        g = read(io.BytesIO(blob))
        assert g.is_directed() and g.is_multigraph()
        assert g.number_of_nodes() == 3 and g.number_of_edges() == 3
        weights = sorted(int(d["weight"]) for _, _, d in g.edges(data=True))
        assert weights == [2, 3, 5]
    table = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert [(r["source"], r["target"], r["plover"], r["n"]) for r in table] == [
        ("A", "B", "CONSULT", "3"), ("A", "B", "ACCUSE", "5"), ("C", "A", "", "2")]  # fmt: skip


def test_graph_csv_defuses_spreadsheet_formulas():
    table = to_csv([dyad("=HYPERLINK(1)", "@evil")])
    row = next(csv.DictReader(io.StringIO(table)))
    assert row["source"] == "'=HYPERLINK(1)" and row["target"] == "'@evil"
