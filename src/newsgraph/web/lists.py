"""The list pages (events, claims, actors, articles, clusters), one page per event and claim,
and the codebook: what datasette gives a table, for newsgraph's rows.

A list page shows "1–50 of 1,972", sortable column heads, facet counts over every matching
row (each a link that adds the filter), and "download this view" as CSV and JSON through
the API with the very same parameters. Paging is by ``offset`` (not keyset): every kind of
row has a stable total order (sort column, then the row's key), so pages do not overlap,
but a very deep page costs the rows before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response

from ..store import DEFAULT_SORT, SORTS, Store
from .api import get_store, list_page, tidy
from .codebook import codebook_css, codebook_data
from .errors import not_found
from .pages import render
from .params import FilterArgs, filter_args, reject_unknown, with_params

router = APIRouter(
    include_in_schema=False,
    default_response_class=HTMLResponse,
    dependencies=[Depends(reject_unknown)],
)

StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[FilterArgs, Depends(filter_args)]
Key = Annotated[str, Path(min_length=1, max_length=200)]

# The facets each list page counts, and the filter a facet value sets when clicked.
PAGE_FACETS = {
    "events": ("plover", "actor_country", "outlet", "month", "date_source"),
    "claims": ("source_kind", "certainty", "outlet", "month"),
    "articles": ("outlet", "month"),
    "actors": ("type", "country"),
    "clusters": ("plover", "n_outlets", "month"),
}
FACET_FILTER = {"plover": "plover", "outlet": "outlet", "actor_country": "country",
                "country": "country"}  # fmt: skip
FACET_NAMES = {"plover": "Type", "actor_country": "Actor's country", "outlet": "Outlet",
               "month": "Month", "date_source": "Date read from", "source_kind": "Source",
               "certainty": "Certainty", "type": "Actor type", "country": "Country",
               "n_outlets": "Outlets"}  # fmt: skip


def _month_range(month: str) -> tuple[str, str] | None:
    try:
        first = dt.date.fromisoformat(month + "-01")
    except ValueError:
        return None
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()


def _facet_links(request: Request, kind: str, facets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for name in PAGE_FACETS[kind]:
        values = []
        for fv in next((x["values"] for x in facets if x["name"] == name), []):
            value, href = fv["value"], None
            if value is not None and name in FACET_FILTER:
                href = with_params(request, **{FACET_FILTER[name]: value})
            elif value and name == "month" and kind != "clusters" and (r := _month_range(value)):
                href = with_params(request, since=r[0], until=r[1])
            values.append({"value": value, "count": fv["count"], "href": href})
        out.append({"name": name, "label": FACET_NAMES.get(name, name), "values": values})
    return out


def list_context(
    request: Request, store: Store, kind: str, f: FilterArgs, implied: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Rows, totals, facets, sort links and download links of one list page.

    ``implied``: filters the page applies without a parameter saying so (clusters: two or
    more reports), added to the download links so that they fetch the very same rows.
    """
    page = list_page(request, store, kind, f, ",".join(PAGE_FACETS[kind]))
    sort = f.sort or DEFAULT_SORT[kind]
    params = {**(implied or {}), **dict(request.query_params)}
    query = urlencode(params)
    shown = len(page["items"])

    def sort_href(column: str) -> str:
        current = sort.lstrip("-")
        desc = not (current == column and sort.startswith("-"))
        return with_params(request, sort=("-" if desc else "") + column)

    def aria_sort(column: str) -> str | None:
        if sort.lstrip("-") != column:
            return None
        return "descending" if sort.startswith("-") else "ascending"

    return {
        "rows": page["items"], "f": f, "total": page["total"], "next": page["next"],
        "prev": page["prev"], "first": f.offset + 1 if shown else 0, "last": f.offset + shown,
        "facets": _facet_links(request, kind, page["facets"]), "kind": kind,
        "sortable": SORTS[kind], "sort_href": sort_href, "aria_sort": aria_sort,
        "csv_href": f"/api/{kind}?" + urlencode({**params, "format": "csv"}),
        "json_href": f"/api/{kind}" + (f"?{query}" if query else ""),
        "with_params": lambda **kw: with_params(request, **kw),
    }  # fmt: skip


@router.get("/articles")
def articles(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return render(
        request, "articles.html", "articles", **list_context(request, store, "articles", f)
    )


@router.get("/actors")
def actors(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return render(request, "actors.html", "actors", **list_context(request, store, "actors", f))


@router.get("/events")
def events(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return render(request, "events.html", "events", **list_context(request, store, "events", f))


@router.get("/claims")
def claims(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    return render(request, "claims.html", "claims", **list_context(request, store, "claims", f))


@router.get("/clusters")
def clusters(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    """Clusters of two or more reports; ``max_reports=1`` lists the single reports instead."""
    implied = {}
    if not f.max_reports and not f.min_reports:
        f, implied = replace(f, min_reports=2), {"min_reports": 2}
    ctx = list_context(request, store, "clusters", f, implied)
    singles = replace(f, min_reports=0, max_reports=1, limit=1)
    ctx["n_single"] = store.count("clusters", singles.to_filters("clusters"))
    ctx["singles"] = bool(f.max_reports == 1)
    return render(request, "clusters.html", "clusters", **ctx)


@router.get("/events/{article_id}/{event_id}")
def event(request: Request, store: StoreDep, article_id: Key, event_id: Key) -> HTMLResponse:
    row = store.event_row(article_id, event_id)
    if row is None:
        raise not_found("event", f"{article_id}/{event_id}")
    return render(request, "event.html", "events", r=tidy(row))


@router.get("/claims/{article_id}/{claim_id}")
def claim(request: Request, store: StoreDep, article_id: Key, claim_id: Key) -> HTMLResponse:
    row = store.claim_row(article_id, claim_id)
    if row is None:
        raise not_found("claim", f"{article_id}/{claim_id}")
    return render(request, "claim.html", "claims", r=tidy(row))


@router.get("/codebook")
def codebook(request: Request) -> HTMLResponse:
    from ..vocab import QUAD_NAMES

    return render(request, "codebook.html", "codebook", book=codebook_data(), quad_names=QUAD_NAMES)


@router.get("/codebook.css", response_class=Response)
def codebook_stylesheet() -> Response:
    return Response(codebook_css(), media_type="text/css; charset=utf-8")


__all__ = ["list_context", "router"]
