"""Query parameters shared by the API and the pages, checked before they reach the store.

The names are the fields of :class:`newsgraph.store.Filters` (the same filters as
``newsgraph query``). Values are validated here (a bad one is a 422 naming it) and reach
SQL only as bound parameters, inside the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from ..errors import InputError
from ..store import APPLIES, SORTS, Filters, parse_dyad
from ..vocab import UnknownValue, check_cameo, check_country, check_plover
from .errors import ApiError

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

Actor = Annotated[
    str | None, Query(max_length=200, description="Actor code (RUSGOV) or name, case-blind.")
]
Country = Annotated[
    str | None,
    Query(max_length=64, description="ISO 3166 alpha-3 country code (RUS)."),
]
Dyad = Annotated[
    str | None,
    Query(max_length=64, description="SOURCE-TARGET: countries (RUS-CHN) or actor codes."),
]
Plover = Annotated[str | None, Query(max_length=16, description="PLOVER event type (CONSULT).")]
Cameo = Annotated[
    str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix (04 = consult).")
]
Since = Annotated[dt.date | None, Query(description="From this date (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Up to this date (YYYY-MM-DD), inclusive.")]
Outlet = Annotated[str | None, Query(max_length=200, description="Outlet name contains this.")]
Text = Annotated[
    str | None, Query(max_length=500, description="Full-text search over titles and bodies.")
]
ArticleId = Annotated[str | None, Query(max_length=64, description="Only rows of this article.")]
Unsourced = Annotated[bool, Query(description="Claims: only those resting on no source.")]
MinOutlets = Annotated[
    int, Query(ge=0, le=10_000, description="Clusters: reported by at least this many outlets.")
]
MinReports = Annotated[
    int,
    Query(ge=0, le=1_000_000, description="Clusters: reported by at least this many articles."),
]
MaxReports = Annotated[
    int,
    Query(
        ge=0, le=1_000_000,
        description="Clusters: reported by at most this many articles (1: single reports).",
    ),
]  # fmt: skip
Sort = Annotated[
    str | None,
    Query(
        max_length=40,
        description="Sort by this column, descending with a leading '-' "
        "(claims: -check_worthiness). The columns each list accepts are named when one is wrong.",
    ),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


@dataclass(frozen=True)
class FilterArgs:
    """The filter parameters of one request, validated but not yet tied to a kind of row."""

    actor: str | None = None
    country: str | None = None
    dyad: str | None = None
    plover: str | None = None
    cameo: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    text: str | None = None
    article_id: str | None = None
    unsourced: bool = False
    min_outlets: int = 0
    min_reports: int = 0
    max_reports: int = 0
    limit: int = 50
    offset: int = 0
    sort: str | None = None

    def given(self) -> dict[str, Any]:
        """The filters the caller actually set (paging excluded)."""
        out = {}
        for name in APPLIES["events"] | APPLIES["claims"] | APPLIES["clusters"]:
            value = getattr(self, name)
            if value not in (None, "", False, 0):
                out[name] = value
        return out

    def to_filters(self, kind: str, *, extra: int = 1) -> Filters:
        """Store filters for ``kind`` rows; ``extra`` more rows are asked for to see a next page.

        A filter that does not apply to ``kind`` is an error rather than silently ignored.
        """
        given = self.given()
        wrong = sorted(set(given) - APPLIES[kind])
        if wrong:
            raise ApiError(
                422,
                "invalid_parameter",
                f"{', '.join(wrong)} do(es) not apply to {kind}",
                [{"parameter": w, "problem": f"not a filter of {kind}"} for w in wrong],
            )
        try:
            plover = check_plover(self.plover) if self.plover else None
            country = check_country(self.country) if self.country else None
            cameo = check_cameo(self.cameo) if self.cameo else None
        except UnknownValue as e:
            raise unknown_value(e) from None
        if self.sort and self.sort.lstrip("-+ ") not in SORTS[kind]:
            valid = tuple(sorted(SORTS[kind]))
            raise unknown_value(UnknownValue("sort", self.sort, valid, f"sort column of {kind}"))
        if self.since and self.until and self.since > self.until:
            raise ApiError(
                422,
                "invalid_parameter",
                f"since ({self.since}) is after until ({self.until})",
                [{"parameter": "since", "problem": "after until"}],
            )
        try:
            dyad = parse_dyad(self.dyad) if self.dyad else None
            for side in dyad or ():
                if len(side) == 3:  # a three-letter side is a country (parse_dyad's rule)
                    check_country(side, "dyad")
        except UnknownValue as e:
            raise unknown_value(e) from None
        except InputError as e:
            raise ApiError(
                422,
                "invalid_parameter",
                f"dyad: {e.reason}",
                [{"parameter": "dyad", "problem": e.reason}],
            ) from None
        try:
            return Filters(
                actor=self.actor.strip() or None if self.actor else None,
                country=country,
                dyad=dyad,
                plover=plover,
                cameo=cameo,
                since=self.since.isoformat() if self.since else None,
                until=self.until.isoformat() if self.until else None,
                outlet=self.outlet or None,
                text=self.text or None,
                article_id=self.article_id or None,
                unsourced=self.unsourced,
                min_outlets=self.min_outlets,
                min_reports=self.min_reports,
                max_reports=self.max_reports,
                limit=self.limit + extra,
                offset=self.offset,
                sort=self.sort,
            )
        except InputError as e:
            raise ApiError(422, "invalid_parameter", e.reason) from None


def unknown_value(e: UnknownValue) -> ApiError:
    """The 422 for a value outside its vocabulary, listing the valid values."""
    return ApiError(
        422,
        "invalid_parameter",
        f"{e.name}: {e.problem}",
        [{"parameter": e.name, "problem": e.problem, "valid": list(e.valid)}],
    )


PloverAlias = Annotated[
    str | None,
    Query(
        alias="type", max_length=16, description="Same as plover (as in `newsgraph query --type`)."
    ),
]
ArticleAlias = Annotated[
    str | None,
    Query(alias="article", max_length=64, description="Same as article_id (`--article`)."),
]


def _one_of(name: str, alias: str, a: str | None, b: str | None) -> str | None:
    if a and b and a != b:
        raise ApiError(
            422,
            "invalid_parameter",
            f"{name} and {alias} disagree ({a!r} vs {b!r}); give one",
            [{"parameter": alias, "problem": f"contradicts {name}"}],
        )
    return a or b


def filter_args(
    actor: Actor = None,
    country: Country = None,
    dyad: Dyad = None,
    plover: Plover = None,
    type_: PloverAlias = None,
    cameo: Cameo = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    text: Text = None,
    article_id: ArticleId = None,
    article: ArticleAlias = None,
    unsourced: Unsourced = False,
    min_outlets: MinOutlets = 0,
    min_reports: MinReports = 0,
    max_reports: MaxReports = 0,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> FilterArgs:
    """FastAPI dependency: every filter parameter, validated.

    ``type`` and ``article`` are accepted as the names ``newsgraph query`` uses.
    """
    return FilterArgs(
        actor, country, dyad, _one_of("plover", "type", plover, type_), cameo, since, until,
        outlet, text, _one_of("article_id", "article", article_id, article), unsourced,
        min_outlets, min_reports, max_reports, limit, offset, sort,
    )  # fmt: skip


_KNOWN: dict[int, frozenset[str]] = {}  # id(route) → its query parameter names


def _known(route: object) -> frozenset[str]:
    key = id(route)
    if key not in _KNOWN:
        names: set[str] = set()
        todo = [getattr(route, "dependant", None)]
        while todo:  # the endpoint's parameters and those of every dependency, recursively
            dependant = todo.pop()
            if dependant is None:
                continue
            names.update(p.alias or p.name for p in dependant.query_params)
            todo.extend(dependant.dependencies)
        _KNOWN[key] = frozenset(names)
    return _KNOWN[key]


def reject_unknown(request: Request) -> None:
    """FastAPI dependency: a query parameter the endpoint does not take is a 422 naming it.

    A misspelt filter (``countries=RUS``) would otherwise be ignored and the unfiltered
    rows returned as if they were the answer.
    """
    route = request.scope.get("route")
    known = _known(route) if route is not None else frozenset()
    unknown = sorted(set(request.query_params) - known)
    if route is not None and unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise ApiError(
            422,
            "invalid_parameter",
            f"unknown parameter(s): {', '.join(unknown)}",
            [
                {"parameter": u, "problem": f"not a parameter here; known: {listed}"}
                for u in unknown
            ],
        )


def with_params(request: Request, **changes: Any) -> str:
    """This page's URL with some parameters changed (None: removed); offset resets unless set."""
    params = dict(request.query_params)
    if "offset" not in changes:
        params.pop("offset", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def page_links(request: Request, offset: int, limit: int, more: bool) -> dict[str, str | None]:
    """URLs of the previous and next pages, keeping every other parameter."""
    params = dict(request.query_params)

    def at(o: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': o, 'limit': limit})}"

    return {
        "next": at(offset + limit) if more else None,
        "prev": at(max(offset - limit, 0)) if offset > 0 else None,
    }


__all__ = [
    "MAX_LIMIT",
    "FilterArgs",
    "filter_args",
    "page_links",
    "reject_unknown",
    "unknown_value",
]
