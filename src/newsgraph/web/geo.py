"""The map: where events happened, on the world outline bundled with the app.

Points are the places events were coded at (their coordinates are stored with each event),
sized by the number of events; ``/map/events`` lists the events at one point. The outline
is Natural Earth 1:110m (public domain, from the world-atlas package in ``static/vendor``),
drawn by d3-geo in the browser: nothing is fetched from another host.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..records import PLOVER_TYPES
from ..store import GraphFilters, Store
from .api import get_store
from .network import event_href, graph_filters
from .timelines import events_chart

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
GraphArgs = Annotated[GraphFilters, Depends(graph_filters)]
Lat = Annotated[float, Query(ge=-90, le=90)]
Lon = Annotated[float, Query(ge=-180, le=180)]
PlaceLimit = Annotated[int, Query(ge=1, le=500)]
MAX_PLACES = 2000


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, f: GraphArgs) -> HTMLResponse:
    places = store.places(GraphFilters(f.plover, f.since, f.until, f.country, f.actor,
                                       limit=MAX_PLACES))  # fmt: skip
    points = [
        {"name": p["name"] or "unnamed place", "country": p["country"], "lat": float(p["lat"]),
         "lon": float(p["lon"]), "n": int(p["n"]), "articles": int(p["n_articles"]),
         "first_day": p["first_day"], "last_day": p["last_day"]}
        for p in places
    ]  # fmt: skip
    return request.app.state.templates.TemplateResponse(
        request, "map.html",
        {"nav": "map", "f": f, "points": points, "plover_types": PLOVER_TYPES,
         "events_chart": events_chart(store)},
    )  # fmt: skip


@router.get("/map/events")
def events_at(
    store: StoreDep,
    f: GraphArgs,
    lat: Lat,
    lon: Lon,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> dict[str, Any]:
    """The events at one point of the map (its coordinates), newest first."""
    rows = store.place_events(lat, lon, f, limit=limit)
    for r in rows:
        r["negated"] = bool(r["negated"])
        r["href"] = event_href(r["article_id"], r["event_id"])
    return {"lat": lat, "lon": lon, "n": len(rows), "events": rows}


__all__ = ["router"]
