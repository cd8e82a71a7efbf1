"""GDELT 2.0 Events export: 61 tab-separated columns in the codebook's order.

What newsgraph knows is filled in (dates, actors, CAMEO codes, quad class, Goldstein
scale, corroboration counts from event clusters, the action's place with its FIPS country
and ADM1 codes, source URL); what it does not know (ethnicity, religion, known groups,
tone, ADM2, where each actor is) is left empty. Codes stay strings ("043", never 43).
Negated events are not happenings and are not written.

Dates: SQLDATE is the event's date, else the article's publication date; a date after the
row's DATEADDED (a plan "by 2049", a wrong page date) falls back to the publication date,
else to the day it was added, so no row is dated after it was added. FractionDate is
``YYYY + (day of year - 1) / days in year``: January 1 is ``.0000`` and December 31
stays inside its year (2019-12-31 → 2019.9973).

IsRootEvent is 1 for an event read in the lead paragraph. Paragraphs are found the same
way whatever the input was (:func:`paragraph_spans`): an HTML page's paragraphs come one
per line, a JSONL text's between blank lines, a text file's either way or hard-wrapped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import IO, Any

from ..lexicons import load_table
from ..records import Actor, Analysis, Event, content_id, country_of_code
from ..store import Filters, Store
from .events import actor_code
from .geo import place_geo


@cache
def _columns() -> tuple[str, ...]:
    text = (
        resources.files("newsgraph.lexicons").joinpath("gdelt_event_columns.txt").read_text("utf-8")
    )
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


GDELT_COLUMNS = _columns()
# A line ending here ends its paragraph; any other line runs on into a next line that
# starts in lower case (a hard-wrapped text file).
_ENDS_PARAGRAPH = re.compile(r"[.!?:;\"'”’»)\]]\s*\Z")


@cache
def _cameo() -> dict[str, tuple[int, float]]:
    """CAMEO code → (quad class, Goldstein score), from the codebook table."""
    return {
        r["code"]: (int(r["quad_class"]), float(r["goldstein"]))
        for r in load_table("cameo_codes.tsv")
    }


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of an article text.

    A blank line always ends a paragraph; so does a line break after a line that ends a
    sentence or before a line that does not start in lower case. An HTML page (one
    paragraph per line), a JSONL text (blank lines between paragraphs) and a hard-wrapped
    text file of the same article so get the same paragraphs.
    """
    spans: list[tuple[int, int]] = []
    start = end = None
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            if start is not None and end is not None:
                spans.append((start, end))
            start = end = None
            continue
        lead = s + len(line) - len(line.lstrip())
        tail = s + len(line.rstrip())
        if start is not None and end is not None:
            runs_on = not _ENDS_PARAGRAPH.search(text[start:end]) and stripped[0].islower()
            if not runs_on:
                spans.append((start, end))
                start = None
        if start is None:
            start = lead
        end = tail
    if start is not None and end is not None:
        spans.append((start, end))
    return spans


def lead_end(text: str) -> int:
    """Where the lead (first) paragraph of an article text ends."""
    spans = paragraph_spans(text)
    return spans[0][1] if spans else len(text)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def _actor_fields(actor: Actor | None, fallback: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1-3."""
    code = (actor_code(actor) if actor else None) or fallback
    country = (actor.country if actor else None) or country_of_code(code)
    roles = [s for s in (actor.sectors if actor else ()) if len(s) == 3 and s.isalpha()]
    return [
        _clean(code),
        _clean(actor.name.upper() if actor else None),
        _clean(country),
        "",
        "",
        "",
        "",
        *(roles[:3] + ["", "", ""])[:3],
    ]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def event_day(e: Event, published: str | None, added: dt.date) -> dt.date:
    """The SQLDATE of an event: its date, else the publication date, never after ``added``."""
    for value in (e.date.start if e.date else None, published):
        day = _date(value)
        if day is not None and day <= added:
            return day
    return added


def fraction_date(day: dt.date) -> str:
    """``YYYY.FFFF``: the share of the year gone before ``day`` (never 1.0 or more)."""
    days = 366 if calendar.isleap(day.year) else 365
    return f"{day.year + (day.timetuple().tm_yday - 1) / days:.4f}"


def _action(e: Event) -> list[str]:
    """EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale."""
    code = e.cameo if len(e.cameo) > 2 else e.cameo + "0"  # a bare root "04" is GDELT's "040"
    quad, goldstein = _cameo().get(code, (e.quad_class, e.goldstein))  # the codebook's first
    return [code, code[:3], code[:2], _clean(quad), _clean(goldstein)]


def _row(
    analysis: Analysis,
    e: Event,
    counts: tuple[int, int, int],
    added: str,
    outlet: str | None,
    lead: int,
) -> list[str]:
    a = analysis.article
    actors = {x.id: x for x in analysis.actors}
    places = {p.id: p for p in analysis.places}
    actor1 = actors.get(e.actors[0]) if e.actors else None
    actor2 = actors.get(e.recipients[0]) if e.recipients else None
    added_day = _date(f"{added[:4]}-{added[4:6]}-{added[6:8]}") or dt.date.today()
    day = event_day(e, a.published, added_day)
    mentions, sources, articles = counts
    place = places.get(e.place or "")
    geo = place_geo(place) if place else None
    return [
        str(int(content_id(a.id, e.id)[:15], 16)),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        fraction_date(day),
        *_actor_fields(actor1, e.actor_codes[0] if e.actor_codes and not actor1 else None),
        *_actor_fields(actor2, e.recipient_codes[0] if e.recipient_codes and not actor2 else None),
        "1" if e.evidence.start < lead else "0",
        *_action(e),
        str(mentions),
        str(sources),
        str(articles),
        "",
        *[""] * 8,
        *[""] * 8,
        *(geo.fields() if geo else [""] * 8),
        added,
        _clean(a.url or outlet),
    ]


def gdelt_rows(store: Store, filters: Filters | None = None) -> Iterator[list[str]]:
    """GDELT rows of every non-negated event of the matching articles."""
    every = Filters(limit=0)
    cluster_of = {(r["article_id"], r["event_id"]): r["cluster_id"] for r in store.events(every)}
    clusters = {r["cluster_id"]: r for r in store.clusters(every)}
    meta = {r["id"]: (r["ingested_at"] or "", r["outlet"]) for r in store.articles(every)}
    for analysis in store.iter_analyses(filters or every):
        stamp, outlet = meta.get(analysis.article.id, ("", None))
        added = "".join(ch for ch in stamp if ch.isdigit())[:14]
        if len(added) < 14:  # never stored with a time: now
            added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        lead = lead_end(analysis.article.text)
        for e in analysis.events:
            if e.negated:
                continue
            c = clusters.get(cluster_of.get((analysis.article.id, e.id)) or "")
            counts = (c["n_events"], max(1, c["n_outlets"]), c["n_articles"]) if c else (1, 1, 1)
            yield _row(analysis, e, counts, added, outlet, lead)


def write_gdelt(store: Store, filters: Filters, out: IO[str]) -> int:
    """Write GDELT 2.0 Events TSV (no header, as GDELT's own files); return the row count."""
    n = 0
    for row in gdelt_rows(store, filters):
        out.write("\t".join(row))
        out.write("\n")
        n += 1
    return n
