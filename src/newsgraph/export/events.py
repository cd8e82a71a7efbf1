"""Every party of an event, with its mode and contexts: what the flat events table leaves out.

The store's events table keeps the first actor and recipient beside each event (the GDELT
dyad); the Parquet and POLECAT exports keep them all, read from the stored analyses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Actor, Analysis, Event, Place, country_of_code
from ..store import Store

Key = tuple[str, str]  # (article_id, event_id)


@dataclass(frozen=True)
class Party:
    """One actor or recipient of an event."""

    name: str | None
    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    type: str | None = None
    mention: str | None = None  # the text of its first mention


@dataclass(frozen=True)
class EventDetail:
    """An event with all of its parties, resolved against its article's actors and places."""

    analysis: Analysis
    event: Event
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    place: Place | None


def actor_code(actor: Actor) -> str | None:
    """An actor's CAMEO code: its own, else its country and primary sector ("USAGOV")."""
    if actor.code:
        return actor.code
    if actor.country:
        return actor.country + (actor.sectors[0] if actor.sectors else "")
    return actor.sectors[0] if actor.sectors else None


def _party(actor: Actor) -> Party:
    code = actor_code(actor)
    return Party(
        actor.name,
        code,
        actor.country or country_of_code(code),
        actor.sectors,
        actor.roles,
        actor.type,
        actor.mentions[0].text if actor.mentions else None,
    )


def parties(ids: Sequence[str], codes: Sequence[str], actors: dict[str, Actor]) -> list[Party]:
    """The parties of one side: its actors, then any code no actor of the side carries."""
    out = [_party(actors[i]) for i in ids if i in actors]
    known = {p.code for p in out}
    out.extend(Party(None, c, country_of_code(c)) for c in codes if c not in known)
    return out


def detail(analysis: Analysis, event: Event) -> EventDetail:
    actors = {x.id: x for x in analysis.actors}
    places = {p.id: p for p in analysis.places}
    return EventDetail(
        analysis,
        event,
        tuple(parties(event.actors, event.actor_codes, actors)),
        tuple(parties(event.recipients, event.recipient_codes, actors)),
        places.get(event.place or ""),
    )


def event_details(store: Store, keys: Iterable[Key]) -> dict[Key, EventDetail]:
    """The details of these events, reading each article's analysis once."""
    wanted: dict[str, set[str]] = {}
    for article_id, event_id in keys:
        wanted.setdefault(article_id, set()).add(event_id)
    out: dict[Key, EventDetail] = {}
    for article_id, event_ids in wanted.items():
        analysis = store.get(article_id)
        if analysis is None:
            continue
        for e in analysis.events:
            if e.id in event_ids:
                out[(article_id, e.id)] = detail(analysis, e)
    return out


def sectors_of(side: Sequence[Party]) -> list[str]:
    """The distinct sectors of a side's parties, in order."""
    return list(dict.fromkeys(s for p in side for s in p.sectors))
