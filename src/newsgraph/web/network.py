"""The network page: who acts on whom, laid out on the server, drawn by sigma.js in the browser.

``/network`` takes the filters of the event lists (type, country, dates) plus an ego actor,
a minimum number of events per dyad and the number of dyads (up to 2,000). Self-loops are
never shown. ``/network/evidence`` gives the sentences behind one edge, from every outlet;
``/network/export.gexf``, ``.graphml`` and ``.csv`` download the same selection.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..records import PLOVER_TYPES
from ..store import GraphFilters, Store
from .api import get_store
from .graph import graph_payload, to_csv, to_gexf, to_graphml
from .palette import legend, plover_colour
from .params import Country, FilterArgs, Plover, Since, Until
from .timelines import events_chart

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
EgoActor = Annotated[
    str | None, Query(max_length=200, description="Ego view: only this actor's dyads.")
]
MinEvents = Annotated[int, Query(ge=1, le=100_000, description="Dyads with at least this many.")]
Top = Annotated[int, Query(ge=1, le=2000, description="The most frequent dyads, up to 2,000.")]
Name = Annotated[str, Query(min_length=1, max_length=200)]
EvidenceLimit = Annotated[int, Query(ge=1, le=2000)]


def event_href(article_id: str, event_id: str) -> str:
    """The event's place on its article page."""
    return f"/articles/{quote(article_id, safe='')}#ev-{quote(event_id, safe='')}"


def graph_filters(
    plover: Plover = None,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    actor: EgoActor = None,
    min_events: MinEvents = 1,
    top: Top = 300,
) -> GraphFilters:
    """FastAPI dependency: the network's filters, checked as the event lists check them."""
    checked = FilterArgs(plover=plover, since=since, until=until, country=country).to_filters(
        "events"
    )
    return GraphFilters(
        plover=checked.plover, since=checked.since, until=checked.until, country=checked.country,
        actor=(actor or "").strip() or None, min_events=min_events, limit=top,
    )  # fmt: skip


GraphArgs = Annotated[GraphFilters, Depends(graph_filters)]

# Layouts of recent selections: a layout is the costly part (about a second for 2,000
# dyads), and a reader going back and forth between views asks for the same ones again.
_LAYOUTS: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
_KEEP = 16
_LOCK = threading.Lock()


def _payload(rows: list[dict[str, Any]], ego: str | None) -> dict[str, Any]:
    key = (ego, tuple((r["source"], r["target"], r["plover"], r["n"]) for r in rows))
    with _LOCK:  # the server runs page functions on several threads
        if key in _LAYOUTS:
            _LAYOUTS.move_to_end(key)
            return _LAYOUTS[key]
    data = graph_payload(rows, ego)
    with _LOCK:
        _LAYOUTS[key] = data
        while len(_LAYOUTS) > _KEEP:
            _LAYOUTS.popitem(last=False)
    return data


def _query(f: GraphFilters, **extra: Any) -> str:
    params = {"plover": f.plover, "since": f.since, "until": f.until, "country": f.country,
              "actor": f.actor, "min_events": f.min_events if f.min_events > 1 else None,
              "top": f.limit, **extra}  # fmt: skip
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, f: GraphArgs) -> HTMLResponse:
    rows = store.network_dyads(f)
    data = _payload(rows, f.actor)
    return request.app.state.templates.TemplateResponse(
        request, "network.html",
        {"nav": "network", "f": f, "data": data, "rows": rows[:300], "n_rows": len(rows),
         "plover_types": PLOVER_TYPES, "legend": legend(), "query": _query(f),
         "events_chart": events_chart(store), "colour": plover_colour},
    )  # fmt: skip


@router.get("/network/evidence")
def evidence(
    store: StoreDep,
    f: GraphArgs,
    source: Name,
    target: Name,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    """The events behind one edge (source → target), their sentences grouped by outlet."""
    rows = store.dyad_evidence(source, target, f, limit=limit)
    outlets: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        r["negated"] = bool(r["negated"])
        r["href"] = event_href(r["article_id"], r["event_id"])
        outlets.setdefault(r["outlet"], []).append(r)
    return {
        "source": source, "target": target, "n": len(rows),
        "outlets": [{"outlet": o, "events": ev} for o, ev in outlets.items()],
    }  # fmt: skip


EXPORTS = {
    "gexf": ("application/gexf+xml", to_gexf),
    "graphml": ("application/graphml+xml", to_graphml),
    "csv": ("text/csv; charset=utf-8", to_csv),
}


@router.get("/network/export.{fmt}")
def export(store: StoreDep, f: GraphArgs, fmt: str) -> Response:
    """The selected dyads as GEXF (Gephi), GraphML or an edge CSV."""
    if fmt not in EXPORTS:
        from .errors import ApiError

        raise ApiError(404, "not_found", f"no export format {fmt!r}: gexf, graphml or csv")
    media, write = EXPORTS[fmt]
    body = write(store.network_dyads(f))
    return Response(
        body, media_type=media,
        headers={"Content-Disposition": f'attachment; filename="newsgraph-network.{fmt}"'},
    )  # fmt: skip


__all__ = ["event_href", "graph_filters", "router"]
