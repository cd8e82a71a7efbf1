"""What the JSON API returns, typed for the OpenAPI document.

The row models mirror the columns ``Store.query`` selects (store/query.py) after
:func:`newsgraph.web.api.tidy`; an article is its ``newsgraph.article/1`` document, whose
schema is the one generated from the records (:mod:`newsgraph.schema`) and added to the
OpenAPI components by :func:`install_contract_schemas`.

The models document the responses; the endpoints still return their rows as built, so the
bytes on the wire do not depend on them. Tests validate real responses against the
document (tests/web/test_openapi.py) to keep the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

from ..schema import openapi_components

ARTICLE_DOCUMENT = "ArticleDocument"


class Row(BaseModel):
    """A row of the API: every key is always present (null when unknown), no other key."""

    model_config = ConfigDict(extra="forbid")


class ArticleRow(Row):
    id: str = Field(description="Content-hash id of the article.")
    published: str | None = Field(description="Publication date YYYY-MM-DD.")
    outlet: str | None
    title: str | None
    url: str | None
    n_actors: int
    n_events: int
    n_claims: int
    skipped: str | None = Field(description="Why the article was kept out of analysis.")
    ingested_at: str
    duplicate_group: str | None = Field(description="Near-duplicate group, if any.")


class EventRow(Row):
    article_id: str
    event_id: str = Field(description="The event's id inside its article (e1, e2 …).")
    day: str | None = Field(description="The event's date, else the publication date.")
    date_source: str | None = Field(
        description="Where the event's date comes from: 'text' (a time expression in the "
        "article) or 'publication' (defaulted to the publication date); null when undated."
    )
    date_text: str | None = Field(description="The words the date was read from, if any.")
    plover: str | None
    cameo: str
    mode: str | None = Field(description="PLOVER mode (visit, appeal, …), if coded.")
    quad_class: int | None
    goldstein: float | None
    actor_name: str | None
    actor_code: str | None
    actor_country: str | None
    recipient_name: str | None
    recipient_code: str | None
    recipient_country: str | None
    negated: bool
    certainty: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None = Field(description="Latitude of the place (WGS 84).")
    lon: float | None = Field(description="Longitude of the place (WGS 84).")
    geonames_id: int | None = Field(description="GeoNames id of the place.")
    confidence: float | None
    outlet: str | None
    published: str | None
    title: str | None = Field(description="The article's title.")
    url: str | None = Field(description="The article's source URL.")
    evidence: str | None = Field(description="The sentence the event was read from.")
    attribution: str | None = Field(
        description="The id of the attribution (in the same article) whose words report this "
        "event or carry it as a speech act; null for an event the article states itself."
    )
    cluster_id: str | None


class ActorRow(Row):
    name: str
    code: str | None
    country: str | None
    country_source: str | None = Field(
        description="The strongest source any article gave the country: text, office, "
        "sentence, dateline, outlet, story; or why there is none: none-igo, none-lexicon, "
        "none-unknown."
    )
    type: str | None
    articles: int = Field(description="Articles naming the actor.")
    mentions: int
    first_seen: str | None
    last_seen: str | None


class ClaimRow(Row):
    article_id: str
    claim_id: str
    published: str | None
    outlet: str | None
    title: str | None = Field(description="The article's title.")
    url: str | None = Field(description="The article's source URL.")
    sourced: bool
    source_kind: str | None
    certainty: str | None
    check_worthiness: float | None
    attribution: str | None = Field(description="Id of the attribution it rests on, if any.")
    attribution_kind: str | None
    speaker: str | None
    sentence: str


class ClusterRow(Row):
    cluster_id: str
    plover: str
    actor: str | None
    recipient: str | None
    day_first: str | None
    day_last: str | None
    n_events: int
    n_articles: int
    n_outlets: int
    n_independent: int = Field(description="Articles after folding near-duplicates.")
    outlets: list[str]


class FacetCount(Row):
    value: str | int | None
    count: int


class Facet(Row):
    name: str = Field(description="The facet: plover, outlet, actor_country, month …")
    values: list[FacetCount] = Field(description="The most frequent values, most first.")


class PageBase(Row):
    """One page of rows, how many rows match in all, and the links to its neighbours."""

    total: int = Field(description="Rows matching the filters, over every page.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, or null.")
    prev: str | None = Field(description="URL of the previous page, or null.")
    facets: list[Facet] = Field(
        description="Counts by each facet asked with `facet=`, over every matching row."
    )


class ArticlePage(PageBase):
    items: list[ArticleRow]


class EventPage(PageBase):
    items: list[EventRow]


class ActorPage(PageBase):
    items: list[ActorRow]


class ClaimPage(PageBase):
    items: list[ClaimRow]


class ClusterPage(PageBase):
    items: list[ClusterRow]


class Tally(Row):
    value: str
    count: int


class Period(Row):
    period: str = Field(description="YYYY-MM")
    events: int


class Counterpart(Row):
    name: str | None
    code: str | None
    country: str | None
    my_role: str = Field(description="The profiled actor's side: actor or recipient.")
    plover: str | None
    n: int


class Quote(Row):
    article_id: str
    attribution_id: str
    kind: str
    cue: str | None
    content: str
    n_hedges: int
    speaker: str | None
    title: str | None
    outlet: str | None
    published: str | None


class ActorProfile(Row):
    actor: str
    names: list[Tally]
    types: list[Tally]
    countries: list[Tally]
    country_sources: list[Tally]  # where the countries came from (Actor.country_source)
    codes: list[Tally]
    roles: list[Tally]
    sectors: list[Tally]
    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None
    timeline: list[Period]
    events: list[EventRow]
    total_events: int
    counterparts: list[Counterpart]
    quotes: list[Quote]
    total_quotes: int


class ClusterEvent(Row):
    article_id: str
    event_id: str
    day: str | None
    plover: str | None
    cameo: str
    actor_name: str | None
    actor_code: str | None
    recipient_name: str | None
    recipient_code: str | None
    place_name: str | None
    negated: bool
    certainty: str | None
    evidence: str | None
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_group: str | None


class Cluster(ClusterRow):
    events: list[ClusterEvent]


class FoundActor(Row):
    name: str
    code: str | None
    country: str | None
    articles: int


class SearchResult(Row):
    q: str
    articles: ArticlePage
    actors: list[FoundActor]


class Node(Row):
    id: str
    label: str
    country: str | None
    weight: int


class Edge(Row):
    source: str
    target: str
    plover: str | None
    quad: int | None
    count: int
    first_day: str | None
    last_day: str | None
    title: str


class Network(Row):
    nodes: list[Node]
    edges: list[Edge]


class Counts(Row):
    articles: int
    outlets: int
    actors: int
    events: int
    quotes: int
    claims: int
    unsourced: int
    clusters: int
    failures: int


class MonthCount(Row):
    period: str
    n: int


class Stats(Row):
    counts: Counts
    articles_per_month: list[MonthCount]
    events_per_month: list[MonthCount]


class PloverEntry(Row):
    type: str
    label: str
    quad_class: int
    definition: str
    colour: str = Field(description="The colour the UI draws this type in (#rrggbb).")


class CameoEntry(Row):
    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


class SectorEntry(Row):
    code: str
    kind: str
    label: str


class OrganisationEntry(Row):
    code: str
    name: str


class QuadClass(Row):
    quad_class: int
    name: str


class Codebook(Row):
    plover: list[PloverEntry]
    quad_classes: list[QuadClass]
    cameo: list[CameoEntry]
    sectors: list[SectorEntry]
    organisations: list[OrganisationEntry]


ROW_MODELS: dict[str, type[Row]] = {
    "articles": ArticleRow,
    "events": EventRow,
    "actors": ActorRow,
    "claims": ClaimRow,
    "clusters": ClusterRow,
}


def documented(
    model: type[BaseModel] | str, description: str = "OK", *, csv: bool = False
) -> dict[str, Any]:
    """Route arguments declaring the 200 response as ``model`` (a model, or the name of a
    component) in the OpenAPI document, while the endpoint's body goes out as it built it.
    ``csv``: the route also answers ``format=csv`` with a text/csv body."""
    response: dict[str, Any] = {"description": description}
    if csv:
        response["content"] = {"text/csv": {"schema": {"type": "string"}}}
    if isinstance(model, str):
        ref = {"$ref": f"#/components/schemas/{model}"}
        response["content"] = {"application/json": {"schema": ref}}
    else:
        response["model"] = model
    return {"response_model": None, "responses": {200: response}}


def install_contract_schemas(app: FastAPI) -> None:
    """Add the ``newsgraph.article/1`` schema and its records to the app's OpenAPI components."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        spec = build()
        if fresh:
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in openapi_components(name=ARTICLE_DOCUMENT).items():
                if name in schemas:
                    raise RuntimeError(f"OpenAPI component {name!r} is defined twice")
                schemas[name] = schema
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


__all__ = ["ARTICLE_DOCUMENT", "ROW_MODELS", "documented", "install_contract_schemas"]
