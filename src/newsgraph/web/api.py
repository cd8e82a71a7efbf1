"""The JSON API under ``/api``: articles, events, actors, claims, clusters, search, network.

Lists are pages: ``{"items": [...], "limit", "offset", "next", "prev"}``. An article is
returned as its ``newsgraph.article/1`` document, exactly as ``newsgraph analyze`` prints
it. Errors have one shape (see :mod:`newsgraph.web.errors`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from ..store import FACETS, Store
from .download import csv_response
from .errors import ApiError, not_found
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
    reject_unknown,
)
from .params import Country as CountryParam
from .schemas import (
    ARTICLE_DOCUMENT,
    ROW_MODELS,
    ActorPage,
    ActorProfile,
    ArticlePage,
    ClaimPage,
    ClaimRow,
    Cluster,
    ClusterPage,
    Codebook,
    EventPage,
    EventRow,
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

router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(reject_unknown)])

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


def _page(
    request: Request, rows: list[dict[str, Any]], limit: int, offset: int, total: int
) -> dict[str, Any]:
    more = len(rows) > limit
    items = [tidy(r) for r in rows[:limit]]
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        **page_links(request, offset, limit, more),
        "facets": [],
    }


Format = Annotated[
    Literal["json", "csv"],
    Query(description="json (a page object) or csv (the page's rows, same filters and order)."),
]
Facet = Annotated[
    str | None,
    Query(max_length=200, description="Comma-separated facets to count over every matching "
          "row (events: plover, outlet, actor_country, recipient_country, month, date_source)."),
]  # fmt: skip


def list_page(
    request: Request, store: Store, kind: str, f: FilterArgs, facet: str | None = None
) -> dict[str, Any]:
    """One page of ``kind`` rows with the total and the asked facets (API and pages alike)."""
    filters = f.to_filters(kind)
    rows = store.query(kind, filters)
    page = _page(request, rows, f.limit, f.offset, store.count(kind, filters))
    names = [n.strip() for n in (facet or "").split(",") if n.strip()]
    wrong = [n for n in names if n not in FACETS[kind]]
    if wrong:
        valid = ", ".join(FACETS[kind])
        raise ApiError(422, "invalid_parameter", f"facet: unknown facet(s) {', '.join(wrong)}",
                       [{"parameter": "facet", "problem": f"valid: {valid}",
                         "valid": list(FACETS[kind])}])  # fmt: skip
    if names:
        counted = store.facets(kind, filters, names)
        page["facets"] = [
            {"name": k, "values": [{"value": v, "count": n} for v, n in vs]}
            for k, vs in counted.items()
        ]
    return page


def _list(kind: str) -> Callable[..., Any]:
    """The list endpoint of one kind of row: filters checked for that kind, one page back."""

    def endpoint(
        request: Request, store: StoreDep, f: Filters, format: Format = "json", facet: Facet = None
    ) -> Any:
        page = list_page(request, store, kind, f, facet)
        if format == "csv":
            columns = list(ROW_MODELS[kind].model_fields)
            rows = [{c: r.get(c) for c in columns} for r in page["items"]]
            return csv_response(rows, kind, {"X-Total-Count": str(page["total"])}, columns)
        return page

    return endpoint


router.add_api_route(
    "/articles", _list("articles"), methods=["GET"], tags=["articles"],
    **documented(ArticlePage, csv=True),
    summary="List articles",
    description="Stored articles, newest first. Filters: actor, country, dyad, plover, cameo, "
    "since, until (publication date), outlet, text (full-text search), article_id.",
)  # fmt: skip
router.add_api_route(
    "/events", _list("events"), methods=["GET"], tags=["events"],
    **documented(EventPage, csv=True),
    summary="List events",
    description="Coded events, newest first, with their evidence sentence and cluster. Filters: "
    "actor, country, dyad, plover, cameo, since, until (event date), outlet, text, article_id.",
)  # fmt: skip
router.add_api_route(
    "/actors", _list("actors"), methods=["GET"], tags=["actors"],
    **documented(ActorPage, csv=True),
    summary="List actors",
    description="Actors by the number of articles naming them. Filters: actor, country, "
    "since, until, outlet, text, article_id.",
)  # fmt: skip
router.add_api_route(
    "/claims", _list("claims"), methods=["GET"], tags=["claims"],
    **documented(ClaimPage, csv=True),
    summary="List claims",
    description="Claims (asserting sentences) with their source. `unsourced=true` keeps those "
    "resting on nobody's word. Filters: actor (speaker), country, since, until, outlet, text, "
    "article_id, unsourced.",
)  # fmt: skip
router.add_api_route(
    "/clusters", _list("clusters"), methods=["GET"], tags=["clusters"],
    **documented(ClusterPage, csv=True),
    summary="List event clusters",
    description="Happenings reported by several articles, most outlets first. Filters: actor, "
    "dyad, plover, since, until, min_outlets.",
)  # fmt: skip


@router.get(
    "/events/{article_id}/{event_id}", tags=["events"], summary="One event",
    **documented(EventRow),
)  # fmt: skip
def get_event(store: StoreDep, article_id: Id, event_id: Id) -> dict[str, Any]:
    """One event (the row ``/api/events`` lists), by its article and its id in the article."""
    row = store.event_row(article_id, event_id)
    if row is None:
        raise not_found("event", f"{article_id}/{event_id}")
    return tidy(row)


@router.get(
    "/claims/{article_id}/{claim_id}", tags=["claims"], summary="One claim",
    **documented(ClaimRow),
)  # fmt: skip
def get_claim(store: StoreDep, article_id: Id, claim_id: Id) -> dict[str, Any]:
    """One claim (the row ``/api/claims`` lists), by its article and its id in the article."""
    row = store.claim_row(article_id, claim_id)
    if row is None:
        raise not_found("claim", f"{article_id}/{claim_id}")
    return tidy(row)


@router.get("/codebook", tags=["corpus"], summary="What the codes mean", **documented(Codebook))
def codebook() -> dict[str, Any]:
    """PLOVER types (with their colour in the UI), CAMEO event codes, actor-code sectors,
    known organisation codes and the quad classes: the labels the UI shows."""
    from .codebook import codebook_data

    return codebook_data()


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
    offset: Offset = 0,
) -> dict[str, Any]:
    """Names, roles, countries and codes seen for an actor (code or name), its events by
    month, its counterparts and what it is quoted as saying (events and quotes paged by
    ``limit``/``offset``; ``total_events``/``total_quotes`` count them all)."""
    profile = store.actor_profile(actor)
    if profile is None:
        raise not_found("actor", actor)
    from ..store import Filters as StoreFilters

    by_actor = StoreFilters(actor=actor, limit=limit, offset=offset)
    events = store.events(by_actor)
    return {
        "actor": actor,
        **{k: ([{"value": v, "count": n} for v, n in x] if isinstance(x, list) else x)
           for k, x in profile.items()},
        "timeline": [
            {"period": p, "events": n} for p, n in store.timeline("events", "month", actor)
        ],
        "events": [tidy(r) for r in events],
        "total_events": store.count("events", by_actor),
        "counterparts": store.counterparts(actor),
        "quotes": store.actor_quotes(actor, limit=limit, offset=offset),
        "total_quotes": store.count_quotes(actor),
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
    filters = f.to_filters("articles")
    rows = store.articles(filters)
    return {
        "q": q,
        "articles": _page(request, rows, limit, offset, store.count("articles", filters)),
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


__all__ = ["list_page", "network_data", "router", "tidy"]
