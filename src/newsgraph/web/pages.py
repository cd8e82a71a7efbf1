"""The web UI: HTML pages rendered on the server from the store's public queries."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..records import PLOVER_TYPES, Actor, Analysis
from ..store import Filters as StoreFilters
from ..store import Store
from ..vocab import plover_types
from .api import get_store, tidy
from .codebook import code_title
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
from .params import FilterArgs, Since, Until, filter_args, page_links, with_params
from .timelines import actor_chart, corpus_charts

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


def render(request: Request, template: str, nav: str, **context: Any) -> HTMLResponse:
    """A page from its template, with the names every template uses."""
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, template, {"nav": nav, "actor_href": actor_href, "plover_types": PLOVER_TYPES,
                            "quad": _quad, "safe_url": safe_url, "event_label": _event_label,
                            "date_words": date_words,
                            **context}
    )  # fmt: skip


_render = render


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
def overview(
    request: Request, store: StoreDep, since: Since = None, until: Until = None
) -> HTMLResponse:
    FilterArgs(since=since, until=until).to_filters("events")  # since after until: a 422
    charts = corpus_charts(store, since, until)
    return _render(
        request, "overview.html", "overview", counts=store.overview(),
        events_chart=charts["events"], articles_chart=charts["articles"],
        since=since, until=until,
        range_qs=urlencode({k: v for k, v in (("since", since), ("until", until)) if v}),
        actors=store.top_actors(limit=12),
        clusters=[tidy(r) for r in store.clusters(StoreFilters(limit=8, min_reports=2))],
        recent=store.articles(StoreFilters(limit=10)),
        unsourced=store.recent_unsourced(limit=8),
    )  # fmt: skip


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
        "first_unsourced": min(unsourced, key=lambda c: c.sentence.start, default=None),
        "actors": sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)),
        "actor_label": actor_label, "href": href,
    }  # fmt: skip


ACTOR_PAGE = 25  # events and quotes per page on an actor page


@router.get("/actors/{actor:path}")
def actor(
    request: Request,
    store: StoreDep,
    actor: Key,
    events_offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    quotes_offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    """Summary first (identity, countries, counterparts, timeline), then paged events, quotes."""
    profile = store.actor_profile(actor)
    if profile is None:
        raise not_found("actor", actor)
    mine = StoreFilters(actor=actor, limit=ACTOR_PAGE, offset=events_offset)
    events = [tidy(r) for r in store.events(mine)]
    n_events, n_quotes = store.count("events", mine), store.count_quotes(actor)
    everything = store.events(StoreFilters(actor=actor, limit=2000))
    by_type: dict[str, int] = {}
    for r in everything:
        by_type[r["plover"] or ""] = by_type.get(r["plover"] or "", 0) + 1
    name = profile["names"][0][0] if profile["names"] else actor

    def paged(param: str, offset: int, total: int) -> dict[str, str | None]:
        keep = {"events_offset": events_offset, "quotes_offset": quotes_offset}
        nxt = offset + ACTOR_PAGE
        return {
            "next": with_params(request, **{**keep, param: nxt}) if nxt < total else None,
            "prev": with_params(request, **{**keep, param: max(offset - ACTOR_PAGE, 0)})
            if offset > 0 else None,
        }  # fmt: skip

    return _render(
        request, "actor.html", "actors", key=actor, name=name, p=profile, events=events,
        n_events=n_events, events_offset=events_offset, events_pages=paged(
            "events_offset", events_offset, n_events),
        timeline=actor_chart(store, actor), by_type=sorted(by_type.items(), key=lambda kv: -kv[1]),
        counterparts=store.counterparts(actor, limit=10),
        quotes=store.actor_quotes(actor, limit=ACTOR_PAGE, offset=quotes_offset),
        n_quotes=n_quotes, quotes_offset=quotes_offset,
        quotes_pages=paged("quotes_offset", quotes_offset, n_quotes),
        articles=store.articles(StoreFilters(actor=actor, limit=10)), event_label=_event_label,
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
                   words=cluster_words(found))  # fmt: skip


def date_words(first: str | None, last: str | None) -> str:
    """'16 April 2023', '16–18 April 2023', '30 March – 2 April 2023'; 'undated' if unknown."""

    def day(d: str | None) -> dt.date | None:
        try:
            return dt.date.fromisoformat(d or "")
        except ValueError:
            return None

    a, b = day(first), day(last)
    if a is None:
        return "undated" if b is None else f"{b.day} {b:%B %Y}"
    if b is None or b == a:
        return f"{a.day} {a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"


def _side_words(code: str | None, names: list[str | None]) -> str:
    counted: dict[str, int] = {}
    for n in names:
        if n:
            counted[n] = counted.get(n, 0) + 1
    name = min(counted, key=lambda k: (-counted[k], k)) if counted else None
    label = code_title(code)
    if name and code:
        return f"{name} ({code}{': ' + label if label else ''})"
    if code:
        return f"{label} ({code})" if label else code
    return name or "an unnamed party"


def cluster_words(c: dict[str, Any]) -> dict[str, str]:
    """A cluster named in words: its type, who acted on whom, and when."""
    t = plover_types().get(c["plover"] or "")
    who = _side_words(c["actor"], [r.get("actor_name") for r in c["events"]])
    whom = (
        _side_words(c["recipient"], [r.get("recipient_name") for r in c["events"]])
        if c["recipient"] else "no one named"
    )  # fmt: skip
    return {
        "type": t.label if t else (c["plover"] or "Event"),
        "who": who,
        "whom": whom,
        "when": date_words(c["day_first"], c["day_last"]),
    }


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
