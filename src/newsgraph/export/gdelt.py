"""GDELT 2.0 Events export: 61 tab-separated columns in the codebook's order.

What newsgraph knows is filled in (dates, actors, CAMEO codes, quad class, Goldstein
scale, corroboration counts from event clusters, place, source URL); what it does not
know (ethnicity, religion, tone, FIPS geography, ADM codes) is left empty. Codes stay
strings ("043", never 43). Negated events are not happenings and are not written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import IO, Any

from ..records import Actor, Analysis, Event, content_id
from ..store import Filters, Store


@cache
def _columns() -> tuple[str, ...]:
    text = (
        resources.files("newsgraph.lexicons").joinpath("gdelt_event_columns.txt").read_text("utf-8")
    )
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


GDELT_COLUMNS = _columns()


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def _actor_fields(actor: Actor | None, code: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1-3."""
    code = code or (actor.code if actor else None)
    sectors = list(actor.sectors[:3]) if actor else []
    country = actor.country if actor else None
    return [
        _clean(code),
        _clean(actor.name.upper() if actor else None),
        _clean(country),
        "",
        "",
        "",
        "",
        *(sectors + ["", "", ""])[:3],
    ]


def _geo(place: Any) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if place is None:
        return [""] * 8
    # GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; a
    # continent or region has none. A place of no kind (older records) with coordinates is a city.
    us = place.country == "USA"
    kind = getattr(place, "kind", None) or ("country" if place.lat is None else "city")
    geo_type = {"country": "1", "admin1": "2" if us else "5", "city": "3" if us else "4"}
    adm1 = place.admin1.replace("-", "") if us and getattr(place, "admin1", None) else ""
    return [
        geo_type.get(kind, ""), _clean(place.name), "", adm1, "",
        _clean(place.lat), _clean(place.lon), "",
    ]  # fmt: skip


def _day(e: Event, published: str | None) -> dt.date | None:
    value = (e.date.start if e.date and e.date.start else None) or published
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _row(analysis: Analysis, e: Event, counts: tuple[int, int, int], added: str) -> list[str]:
    a = analysis.article
    actors = {x.id: x for x in analysis.actors}
    places = {p.id: p for p in analysis.places}
    first_actor = actors.get(e.actors[0]) if e.actors else None
    first_recipient = actors.get(e.recipients[0]) if e.recipients else None
    day = _day(e, a.published)
    lead_end = a.text.find("\n\n")
    is_root = e.evidence.start < (lead_end if lead_end > 0 else len(a.text))
    mentions, sources, articles = counts
    return [
        str(int(content_id(a.id, e.id)[:15], 16)),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor_fields(first_actor, e.actor_codes[0] if e.actor_codes else None),
        *_actor_fields(first_recipient, e.recipient_codes[0] if e.recipient_codes else None),
        "1" if is_root else "0",
        e.cameo,
        e.cameo[:3],
        e.cameo[:2],
        _clean(e.quad_class),
        _clean(e.goldstein),
        str(mentions),
        str(sources),
        str(articles),
        "",
        *_geo(None),
        *_geo(None),
        *_geo(places.get(e.place or "")),
        added,
        _clean(a.url),
    ]


def gdelt_rows(store: Store, filters: Filters | None = None) -> Iterator[list[str]]:
    """GDELT rows of every non-negated event of the matching articles."""
    every = Filters(limit=0)
    cluster_of = {(r["article_id"], r["event_id"]): r["cluster_id"] for r in store.events(every)}
    clusters = {r["cluster_id"]: r for r in store.clusters(every)}
    added = {r["id"]: (r["ingested_at"] or "") for r in store.articles(every)}
    for analysis in store.iter_analyses(filters or every):
        stamp = "".join(ch for ch in added.get(analysis.article.id, "") if ch.isdigit())[:14]
        for e in analysis.events:
            if e.negated:
                continue
            c = clusters.get(cluster_of.get((analysis.article.id, e.id)) or "")
            counts = (c["n_events"], max(1, c["n_outlets"]), c["n_articles"]) if c else (1, 1, 1)
            yield _row(analysis, e, counts, stamp)


def write_gdelt(store: Store, filters: Filters, out: IO[str]) -> int:
    """Write GDELT 2.0 Events TSV (no header, as GDELT's own files); return the row count."""
    n = 0
    for row in gdelt_rows(store, filters):
        out.write("\t".join(row))
        out.write("\n")
        n += 1
    return n
