"""The JSON API under ``/api``: articles, events, actors, claims, clusters, search, network.

Lists are pages: ``{"items": [...], "limit", "offset", "next", "prev"}``. An article is
returned as its ``newsgraph.article/1`` document, exactly as ``newsgraph analyze`` prints
it. Errors have one shape (see :mod:`newsgraph.web.errors`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from ..store import Store
from .errors import not_found
from .params import (
    MAX_LIMIT,
    FilterArgs,
    Limit,
    Offset,
    Plover,
    Since,
    Until,
    filter_args,
    page_links,
)
from .params import Country as CountryParam
from .schemas import (
    ARTICLE_DOCUMENT,
    ActorPage,
    ActorProfile,
    ArticlePage,
    ClaimPage,
    Cluster,
    ClusterPage,
    EventPage,
    Network,
    SearchResult,
    Stats,
    documented,
)


class ErrorInfo(BaseModel):
    code: str = Field(description="Short machine-readable code: not_found, invalid_parameter…")
    message: str = Field(description="What went wrong, for a human.")
    detail: Any = Field(default=None, description="Per-parameter problems, when there are any.")


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    error: ErrorInfo


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "A parameter is invalid"},
}

router = APIRouter(prefix="/api", responses=ERRORS)

Id = Annotated[str, Path(min_length=1, max_length=200)]


def get_store(request: Request) -> Store:
    """The app's store, used through the handle of whichever thread calls it."""
    return request.app.state.access.handle()


StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[FilterArgs, Depends(filter_args)]


def tidy(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-friendly values: 0/1 flags as booleans, stored JSON lists as lists."""
    import json

    out = dict(row)
    for flag in ("negated", "sourced"):
        if flag in out and out[flag] is not None:
            out[flag] = bool(out[flag])
    if isinstance(out.get("outlets"), str):
        out["outlets"] = json.loads(out["outlets"])
    return out


def _page(request: Request, rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    more = len(rows) > limit
    items = [tidy(r) for r in rows[:limit]]
    return {
        "items": items,
        "limit": limit,
        "offset": offset,
        **page_links(request, offset, limit, more),
    }


def _list(kind: str) -> Callable[..., dict[str, Any]]:
    """The list endpoint of one kind of row: filters checked for that kind, one page back."""

    def endpoint(request: Request, store: StoreDep, f: Filters) -> dict[str, Any]:
        rows = store.query(kind, f.to_filters(kind))
        return _page(request, rows, f.limit, f.offset)

    return endpoint


router.add_api_route(
    "/articles", _list("articles"), methods=["GET"], **documented(ArticlePage), tags=["articles"],
    summary="List articles",
    description="Stored articles, newest first. Filters: actor, country, dyad, plover, cameo, "
    "since, until (publication date), outlet, text (full-text search), article_id.",
)  # fmt: skip
router.add_api_route(
    "/events", _list("events"), methods=["GET"], **documented(EventPage), tags=["events"],
    summary="List events",
    description="Coded events, newest first, with their evidence sentence and cluster. Filters: "
    "actor, country, dyad, plover, cameo, since, until (event date), outlet, text, article_id.",
)  # fmt: skip
router.add_api_route(
    "/actors", _list("actors"), methods=["GET"], **documented(ActorPage), tags=["actors"],
    summary="List actors",
    description="Actors by the number of articles naming them. Filters: actor, country, "
    "since, until, outlet, text, article_id.",
)  # fmt: skip
router.add_api_route(
    "/claims", _list("claims"), methods=["GET"], **documented(ClaimPage), tags=["claims"],
    summary="List claims",
    description="Claims (asserting sentences) with their source. `unsourced=true` keeps those "
    "resting on nobody's word. Filters: actor (speaker), country, since, until, outlet, text, "
    "article_id, unsourced.",
)  # fmt: skip
router.add_api_route(
    "/clusters", _list("clusters"), methods=["GET"], **documented(ClusterPage), tags=["clusters"],
    summary="List event clusters",
    description="Happenings reported by several articles, most outlets first. Filters: actor, "
    "dyad, plover, since, until, min_outlets.",
)  # fmt: skip


@router.get(
    "/articles/{article_id}", tags=["articles"], summary="One article's analysis",
    **documented(ARTICLE_DOCUMENT, "The newsgraph.article/1 document"),
)  # fmt: skip
def get_article(store: StoreDep, article_id: Id) -> dict[str, Any]:
    """The article's ``newsgraph.article/1`` document, exactly as it was analysed."""
    analysis = store.get(article_id)
    if analysis is None:
        raise not_found("article", article_id)
    return analysis.to_dict()


@router.get(
    "/actors/{actor:path}", tags=["actors"], summary="One actor's profile",
    **documented(ActorProfile),
)  # fmt: skip
def get_actor(
    store: StoreDep,
    actor: Annotated[str, Path(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> dict[str, Any]:
    """Names, roles, countries and codes seen for an actor (code or name), its events by
    month, its counterparts and what it is quoted as saying."""
    profile = store.actor_profile(actor)
    if profile is None:
        raise not_found("actor", actor)
    from ..store import Filters as StoreFilters

    events = store.events(StoreFilters(actor=actor, limit=limit))
    return {
        "actor": actor,
        **{k: ([{"value": v, "count": n} for v, n in x] if isinstance(x, list) else x)
           for k, x in profile.items()},
        "timeline": [
            {"period": p, "events": n} for p, n in store.timeline("events", "month", actor)
        ],
        "events": [tidy(r) for r in events],
        "counterparts": store.counterparts(actor),
        "quotes": store.actor_quotes(actor, limit=limit),
    }  # fmt: skip


@router.get(
    "/clusters/{cluster_id}", tags=["clusters"], summary="One event cluster",
    **documented(Cluster),
)  # fmt: skip
def get_cluster(store: StoreDep, cluster_id: Id) -> dict[str, Any]:
    """A happening and the events, articles and outlets that report it."""
    found = store.cluster(cluster_id)
    if found is None:
        raise not_found("cluster", cluster_id)
    found["events"] = [tidy(r) for r in found["events"]]
    return found


@router.get(
    "/search", tags=["search"], summary="Search articles and actors", **documented(SearchResult)
)
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to look for.")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles whose title or body has every word of ``q``, and actors whose name contains it."""
    f = FilterArgs(text=q, limit=limit, offset=offset)
    rows = store.articles(f.to_filters("articles"))
    return {
        "q": q,
        "articles": _page(request, rows, limit, offset),
        "actors": store.find_actors(q, limit=20),
    }  # fmt: skip


@router.get("/network", tags=["events"], summary="Who acts on whom", **documented(Network))
def network(
    store: StoreDep,
    plover: Plover = None,
    since: Since = None,
    until: Until = None,
    country: CountryParam = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> dict[str, Any]:
    """Dyads as a graph: nodes are actors (by name, else code), edges count events of one type."""
    return network_data(
        store, FilterArgs(plover=plover, since=since, until=until, country=country), limit
    )


def network_data(store: Store, f: FilterArgs, limit: int = 300) -> dict[str, Any]:
    """Nodes and edges of the dyad network under the given filters."""
    checked = f.to_filters("events")  # validates plover, dates and country
    rows = store.dyads(
        plover=checked.plover,
        since=checked.since,
        until=checked.until,
        country=checked.country,
        limit=limit,
    )
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        for side in ("source", "target"):
            name = r[side]
            node = nodes.setdefault(
                name, {"id": name, "label": name, "country": r[f"{side}_country"], "weight": 0}
            )
            node["weight"] += int(r["n"])
        edges.append(
            {
                "source": r["source"],
                "target": r["target"],
                "plover": r["plover"],
                "quad": r["quad_class"],
                "count": int(r["n"]),
                "first_day": r["first_day"],
                "last_day": r["last_day"],
                "title": f"{r['source']} → {r['target']}: {r['plover'] or 'CAMEO-only'} × {r['n']}",
            }
        )
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["weight"], n["id"])), "edges": edges}


@router.get("/stats", tags=["corpus"], summary="Corpus counts and timelines", **documented(Stats))
def stats(store: StoreDep) -> dict[str, Any]:
    """How much is in the corpus, and articles and events per month."""
    return {
        "counts": store.overview(),
        "articles_per_month": [{"period": p, "n": n} for p, n in store.timeline("articles")],
        "events_per_month": [{"period": p, "n": n} for p, n in store.timeline("events")],
    }


__all__ = ["network_data", "router", "tidy"]
