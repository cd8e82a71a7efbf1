"""The dyad network as a graph: server-side layout (networkx) and exports (GEXF, GraphML, CSV).

The browser only draws (sigma.js, WebGL) what is laid out here, so 2,000 dyads cost the
browser no layout work at all. Connected components are laid out one by one with
Fruchterman–Reingold and packed in rows, largest first: a pair of actors that only deal
with each other sits beside the main component instead of being flung to the frame's edge.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np

from .palette import plover_colour

SEED = 7  # the same graph gets the same picture


def fruchterman_reingold(
    adjacency: np.ndarray, centre: int | None = None, iterations: int = 60
) -> list[tuple[float, float]]:
    """Force-directed positions for a weighted adjacency matrix, vectorised with numpy.

    The algorithm of networkx's dense ``spring_layout``, which networkx itself only uses
    below 500 nodes (above, its per-node sparse loop takes seconds); O(n²) memory and time
    per iteration, fine for the few thousand nodes a readable network has. ``centre`` is a
    node held at the origin (the ego of an ego view).
    """
    n = adjacency.shape[0]
    rng = np.random.default_rng(SEED)
    x, y = (rng.random((2, n)) - 0.5).astype(np.float32)
    a = adjacency.astype(np.float32)
    if centre is not None:
        x[centre] = y[centre] = 0.0
    k = np.float32(1.0 / math.sqrt(n))
    t = 0.1
    cool = t / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist = np.sqrt(dx * dx + dy * dy)
        np.maximum(dist, 0.01, out=dist)
        # repulsion k²/d minus attraction a·d²/k, along the unit vector (dx, dy)/d
        force = k * k / (dist * dist) - a * dist / k
        px = (dx * force).sum(axis=1)
        py = (dy * force).sum(axis=1)
        length = np.sqrt(px * px + py * py)
        scale = t / np.where(length < 0.01, 0.1, length)
        if centre is not None:
            scale[centre] = 0.0
        x += px * scale
        y += py * scale
        t -= cool
    pos = np.stack([x, y], axis=1)
    return [(float(x), float(y)) for x, y in pos]


def _radius(n: int) -> float:
    # A little more than sqrt(n): a big component is denser in the middle than at its rim.
    return float(n**0.6)


def _component_layout(
    g: nx.Graph, nodes: set[str], ego: str | None
) -> dict[str, tuple[float, float]]:
    """Positions of one component, centred on 0 and scaled to a radius of about n**0.6."""
    if len(nodes) == 1:
        return {next(iter(nodes)): (0.0, 0.0)}
    if len(nodes) == 2:
        a, b = sorted(nodes)
        return {a: (-0.6, 0.0), b: (0.6, 0.0)}
    order = sorted(nodes)
    adjacency = nx.to_numpy_array(g.subgraph(nodes), nodelist=order, weight="weight")
    pos = dict(
        zip(
            order,
            fruchterman_reingold(adjacency, order.index(ego) if ego in nodes else None),
            strict=True,
        )
    )
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    scale = _radius(len(nodes)) / extent
    if ego in nodes:
        cx = cy = 0.0
    return {n: ((x - cx) * scale, (y - cy) * scale) for n, (x, y) in pos.items()}


def layout(
    nodes: Iterable[str], pairs: Iterable[tuple[str, str, int]], ego: str | None = None
) -> dict[str, tuple[float, float]]:
    """Positions for every node: components laid out apart and packed in rows."""
    g = nx.Graph()
    g.add_nodes_from(sorted(nodes))
    for a, b, n in pairs:
        w = g.get_edge_data(a, b, {"weight": 0.0})["weight"]
        g.add_edge(a, b, weight=w + math.log1p(n))
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    placed = [(_component_layout(g, c, ego), _radius(len(c)) + 0.8) for c in comps]
    # Rows a little wider than the packed area is tall, like the canvas they are drawn on.
    area = sum((2 * r) ** 2 for _, r in placed)
    row_width = max(math.sqrt(area) * 1.3, 2 * placed[0][1] if placed else 1.0)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in placed:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for name, (px, py) in pos.items():
            out[name] = (round(x + r + px, 3), round(-(y + r + py), 3))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return out


def graph_payload(rows: Sequence[dict[str, Any]], ego: str | None = None) -> dict[str, Any]:
    """Nodes (with positions) and one edge per directed pair (its types and counts) to draw."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    weight: dict[str, int] = defaultdict(int)
    country: dict[str, str | None] = {}
    for r in rows:
        s, t, n = r["source"], r["target"], int(r["n"])
        weight[s] += n
        weight[t] += n
        country.setdefault(s, r.get("source_country"))
        country.setdefault(t, r.get("target_country"))
        e = pairs.setdefault((s, t), {"source": s, "target": t, "count": 0, "types": {}})
        e["count"] += n
        e["types"][r["plover"] or "CAMEO only"] = n
    ego_name = None
    if ego:
        ego_name = next((n for n in weight if n.lower() == ego.lower()), None)
    pos = layout(weight, ((s, t, e["count"]) for (s, t), e in pairs.items()), ego_name)
    nodes = [
        {"id": n, "x": pos[n][0], "y": pos[n][1], "weight": w, "country": country.get(n),
         "ego": n == ego_name}
        for n, w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    ]  # fmt: skip
    edges = []
    for e in pairs.values():
        top = max(e["types"].items(), key=lambda kv: (kv[1], kv[0]))[0]
        edges.append({**e, "plover": top, "colour": plover_colour(top)})
    return {"nodes": nodes, "edges": edges, "ego": ego_name}


def _multigraph(rows: Sequence[dict[str, Any]]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for r in rows:
        for side in ("source", "target"):
            g.add_node(r[side], label=r[side], country=r.get(f"{side}_country") or "")
        g.add_edge(
            r["source"], r["target"], key=r["plover"] or "CAMEO",
            plover=r["plover"] or "", quad_class=int(r["quad_class"] or 0), weight=int(r["n"]),
            articles=int(r.get("n_articles") or 0), outlets=int(r.get("n_outlets") or 0),
            first_day=r.get("first_day") or "", last_day=r.get("last_day") or "",
        )  # fmt: skip
    return g


def to_gexf(rows: Sequence[dict[str, Any]]) -> bytes:
    """The dyads as GEXF 1.2 (Gephi): one directed edge per actor, recipient and type."""
    out = io.BytesIO()
    nx.write_gexf(_multigraph(rows), out, version="1.2draft")
    return out.getvalue()


def to_graphml(rows: Sequence[dict[str, Any]]) -> bytes:
    """The dyads as GraphML: one directed edge per actor, recipient and type."""
    out = io.BytesIO()
    nx.write_graphml(_multigraph(rows), out)
    return out.getvalue()


CSV_COLUMNS = (
    "source", "source_country", "target", "target_country", "plover", "quad_class", "n",
    "n_articles", "n_outlets", "first_day", "last_day",
)  # fmt: skip


def _cell(value: Any) -> Any:
    # A spreadsheet runs a cell starting with = + - @ as a formula: quote such names.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """One line per dyad (actor, recipient, type) with its counts and dates."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


__all__ = ["graph_payload", "layout", "to_csv", "to_gexf", "to_graphml"]
