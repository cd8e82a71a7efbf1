"""The web UI: HTML pages rendered on the server from the store's public queries."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..records import PLOVER_TYPES, Actor, Analysis
from ..store import Filters as StoreFilters
from ..store import Store
from .api import get_store, network_data, tidy
from .charts import Dot, bar_timeline, event_timeline, pick_grain
from .errors import not_found
from .highlight import (
    LEGEND,
    actor_label,
    attribution_line,
    event_summary,
    render_article,
    render_evidence,
    speaker_name,
)
from .params import FilterArgs, filter_args, page_links

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[FilterArgs, Depends(filter_args)]
Key = Annotated[str, Path(min_length=1, max_length=200)]


def actor_href(name: str) -> str:
    """The actor page of a name (or code)."""
    return "/actors/" + quote(name, safe="")


def safe_url(url: str | None) -> str | None:
    """An article URL fit for an href: http(s) only, so a stored ``javascript:`` URL is dropped."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _render(request: Request, template: str, nav: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, template, {"nav": nav, "actor_href": actor_href, "plover_types": PLOVER_TYPES,
                            "quad": _quad, **context}
    )  # fmt: skip


def _quad(q: Any) -> int:
    try:
        return int(q) if q in (1, 2, 3, 4, "1", "2", "3", "4") else 0
    except (TypeError, ValueError):
        return 0


def _rows(request: Request, store: Store, kind: str, f: FilterArgs) -> dict[str, Any]:
    rows = store.query(kind, f.to_filters(kind))
    more = len(rows) > f.limit
    return {"rows": [tidy(r) for r in rows[: f.limit]], "f": f,
            **page_links(request, f.offset, f.limit, more)}  # fmt: skip


@router.get("/")
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    counts = store.overview()
    grain = pick_grain(*store.day_range())
    events = store.timeline("events", grain)
    articles = store.timeline("articles", grain)
    return _render(
        request, "overview.html", "overview", counts=counts,
        events_chart=bar_timeline(events, grain, "events"),
        articles_chart=bar_timeline(articles, grain, "articles"),
        actors=store.top_actors(limit=12),
        clusters=[tidy(r) for r in store.clusters(StoreFilters(limit=8))],
        recent=store.articles(StoreFilters(limit=10)),
        unsourced=store.recent_unsourced(limit=8),
    )  # fmt: skip


@router.get("/articles")
def articles(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return _render(request, "articles.html", "articles", **_rows(request, store, "articles", f))


@router.get("/articles/{article_id}")
def article(request: Request, store: StoreDep, article_id: Key) -> HTMLResponse:
    analysis = store.get(article_id)
    if analysis is None:
        raise not_found("article", article_id)
    return _render(request, "article.html", "articles", **article_context(analysis))


def article_context(analysis: Analysis) -> dict[str, Any]:
    """Everything the article page shows, built from one analysis."""

    def href(a: Actor) -> str:
        return actor_href(a.name)

    rendered = render_article(analysis, href)
    actors = {a.id: a for a in analysis.actors}
    places = {p.id: p.name for p in analysis.places}
    atts = {a.id: a for a in analysis.attributions}
    quotes = [
        {"att": at, "speaker": speaker_name(at, actors),
         "href": href(actors[at.source]) if at.source in actors else None}
        for at in sorted(analysis.attributions, key=lambda x: x.content.start)
    ]  # fmt: skip
    events = []
    for e in sorted(analysis.events, key=lambda x: x.trigger.start):
        by = atts.get(e.attribution or "")
        events.append({
            "e": e, "summary": event_summary(e, actors, places),
            "evidence": render_evidence(analysis, e), "place": places.get(e.place or ""),
            "via": attribution_line(e, by, actors) if by else None,
            "quote": by.id if by else None,
        })  # fmt: skip
    unsourced = sorted((c for c in analysis.claims if not c.sourced),
                       key=lambda c: (-c.check_worthiness, c.sentence.start))  # fmt: skip
    legend = [(k, name, why, rendered.counts.get(k, 0)) for k, name, why in LEGEND]
    return {
        "a": analysis, "art": analysis.article, "url": safe_url(analysis.article.url),
        "body": rendered.body, "notes": {k: n.to_dict() for k, n in rendered.notes.items()},
        "legend": legend, "quotes": quotes, "events": events, "unsourced": unsourced,
        "actors": sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)),
        "actor_label": actor_label, "href": href,
    }  # fmt: skip


@router.get("/actors")
def actors(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return _render(request, "actors.html", "actors", **_rows(request, store, "actors", f))


@router.get("/actors/{actor:path}")
def actor(request: Request, store: StoreDep, actor: Key) -> HTMLResponse:
    profile = store.actor_profile(actor)
    if profile is None:
        raise not_found("actor", actor)
    rows = store.events(StoreFilters(actor=actor, limit=500))
    events = sorted(
        (tidy(r) for r in rows), key=lambda r: (r["day"] or "", r["article_id"], r["event_id"])
    )
    dots = [
        Dot(
            day=r["day"] or "",
            lane=r["plover"] or f"CAMEO {r['cameo']}",
            quad=_quad(r["quad_class"]),
            label=_event_label(r),
            href=f"/articles/{quote(r['article_id'], safe='')}#ev-{quote(r['event_id'], safe='')}",
        )
        for r in events
    ]
    name = profile["names"][0][0] if profile["names"] else actor
    return _render(
        request, "actor.html", "actors", key=actor, name=name, p=profile, events=events,
        timeline=event_timeline(dots), counterparts=store.counterparts(actor),
        quotes=store.actor_quotes(actor, limit=50),
        articles=store.articles(StoreFilters(actor=actor, limit=20)), event_label=_event_label,
    )  # fmt: skip


def _event_label(r: dict[str, Any]) -> str:
    who = r.get("actor_name") or r.get("actor_code") or "?"
    whom = r.get("recipient_name") or r.get("recipient_code")
    parts = [r.get("day") or "undated", r.get("plover") or f"CAMEO {r.get('cameo')}",
             f"{who} → {whom}" if whom else who]  # fmt: skip
    if r.get("place_name"):
        parts.append(f"in {r['place_name']}")
    if r.get("negated"):
        parts.append("(negated)")
    return " · ".join(str(p) for p in parts)


@router.get("/events")
def events(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return _render(request, "events.html", "events", **_rows(request, store, "events", f),
                   event_label=_event_label)  # fmt: skip


@router.get("/claims")
def claims(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return _render(request, "claims.html", "claims", **_rows(request, store, "claims", f))


@router.get("/clusters")
def clusters(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return _render(request, "clusters.html", "clusters", **_rows(request, store, "clusters", f))


@router.get("/clusters/{cluster_id}")
def cluster(request: Request, store: StoreDep, cluster_id: Key) -> HTMLResponse:
    found = store.cluster(cluster_id)
    if found is None:
        raise not_found("cluster", cluster_id)
    found["events"] = [tidy(r) for r in found["events"]]
    outlets: dict[str, int] = {}
    for r in found["events"]:
        outlets[r["outlet"] or "unknown outlet"] = (
            outlets.get(r["outlet"] or "unknown outlet", 0) + 1
        )
    return _render(request, "cluster.html", "clusters", c=found, by_outlet=sorted(outlets.items()),
                   event_label=_event_label, safe_url=safe_url)  # fmt: skip


@router.get("/network")
def network(
    request: Request,
    store: StoreDep,
    f: Filters,
    top: Annotated[int, Query(ge=1, le=2000)] = 150,
) -> HTMLResponse:
    data = network_data(store, f, limit=top)
    for node in data["nodes"]:
        node["href"] = actor_href(node["id"])
    return _render(request, "network.html", "network", data=data, f=f, top=top)


@router.get("/search")
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    q = q.strip()
    if not q:
        return _render(
            request, "search.html", "search", q="", rows=[], actors=[], next=None, prev=None
        )
    f = FilterArgs(text=q, limit=20, offset=offset)
    ctx = _rows(request, store, "articles", f)
    return _render(request, "search.html", "search", q=q, actors=store.find_actors(q), **ctx)


@router.get("/api")
def api_reference(request: Request) -> HTMLResponse:
    """A readable API reference built from the app's own OpenAPI document."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "type": _schema_type(p.get("schema", {})), "description": p.get("description") or
                 p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "description": op.get("description", ""), "params": params,
                           "tag": (op.get("tags") or ["other"])[0]})  # fmt: skip
    return _render(request, "api.html", "api", routes=routes, info=spec.get("info", {}))


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "any")
    if schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    bounds = [
        f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength", "pattern") if k in schema
    ]
    return kind + (f" [{', '.join(bounds)}]" if bounds else "")


__all__ = ["article_context", "router", "safe_url"]
