"""One analysis as table rows: the INSERT statements and the tuples they take.

The SQL is written once with ``?`` placeholders for both dialects; :class:`Store` runs it.
The event and party rows keep the first actor's and recipient's code, country and name
next to the event, so that the common filters need no join.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import Actor, Analysis, Attribution, Claim, Event, Place, country_of_code
from .outlets import Outlet

Row = tuple[Any, ...]

INSERT_ARTICLE = (
    "INSERT INTO articles (id, url, outlet, outlet_key, title, published, language, origin, "
    "skipped, extractor, text, analysis, n_actors, n_events, n_claims, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
INSERT_ACTORS = (
    "INSERT INTO actors (article_id, local_id, name, name_norm, type, country, sectors, "
    "roles, code, "
    "n_mentions, published, country_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVENTS = (
    "INSERT INTO events (article_id, local_id, plover, cameo, mode, quad_class, "
    "goldstein, actor_code, "
    "actor_country, actor_name, recipient_code, recipient_country, recipient_name, "
    "actor_codes, "
    "recipient_codes, day, date_start, date_end, date_text, date_source, negated, certainty, "
    "attribution, "
    "place_name, place_country, lat, lon, geonames_id, trigger_text, evidence_start, "
    "evidence_end, "
    "evidence_text, confidence, outlet, published) "
    "VALUES (" + ",".join("?" * 35) + ")"
)
INSERT_PARTIES = (
    "INSERT INTO event_parties (article_id, event_id, role, actor_id, code, country, "
    "name_norm, day) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
INSERT_ATTRIBUTIONS = (
    "INSERT INTO attributions (article_id, local_id, kind, source_id, speaker, "
    "speaker_norm, "
    "speaker_code, source_kind, cue, content, content_start, content_end, n_hedges, "
    "confidence) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_CLAIMS = (
    "INSERT INTO claims (article_id, local_id, sentence, sentence_start, sentence_end, "
    "attribution, "
    "sourced, source_kind, certainty, n_hedges, check_worthiness) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def article_row(analysis: Analysis, doc: str, outlet: Outlet, stamp: str) -> Row:
    """The ``articles`` row (``doc`` is the analysis as stored JSON)."""
    a = analysis.article
    return (
        a.id,
        a.url,
        outlet.name,
        outlet.key,
        a.title,
        a.published,
        a.language,
        a.origin,
        analysis.skipped,
        analysis.extractor,
        a.text,
        doc,
        len(analysis.actors),
        len(analysis.events),
        len(analysis.claims),
        stamp,
    )


def child_rows(analysis: Analysis, outlet: str | None) -> list[tuple[str, list[Row]]]:
    """(INSERT statement, rows) for every table under an article, in the order to insert."""
    a = analysis.article
    actors = {x.id: x for x in analysis.actors}
    places = {p.id: p for p in analysis.places}
    event_rows, party_rows = [], []
    for e in analysis.events:
        event_rows.append(_event_row(a.id, e, actors, places, outlet, a.published))
        day = e.date.start if e.date and e.date.start else a.published
        party_rows.extend(_party_rows(a.id, e, actors, day))
    return [
        (INSERT_ACTORS, [_actor_row(a.id, x, a.published) for x in analysis.actors]),
        (INSERT_EVENTS, event_rows),
        (INSERT_PARTIES, party_rows),
        (INSERT_ATTRIBUTIONS, [_attribution_row(a.id, q, actors) for q in analysis.attributions]),
        (INSERT_CLAIMS, [_claim_row(a.id, c) for c in analysis.claims]),
    ]


def _actor_row(aid: str, x: Actor, published: str | None) -> Row:
    return (
        aid,
        x.id,
        x.name,
        x.name.lower(),
        x.type,
        x.country,
        " ".join(x.sectors),
        "; ".join(x.roles),
        x.code,
        len(x.mentions),
        published,
        x.country_source,
    )


def _first(
    ids: Sequence[str], codes: Sequence[str], actors: dict[str, Actor]
) -> tuple[str | None, str | None, str | None]:
    """(code, country, name) of the first party of a side of an event."""
    x = actors.get(ids[0]) if ids else None
    code = codes[0] if codes else (x.code if x else None)
    country = x.country if x and x.country else country_of_code(code)
    return code, country, x.name if x else None


def _event_row(
    aid: str,
    e: Event,
    actors: dict[str, Actor],
    places: dict[str, Place],
    outlet: str | None,
    published: str | None,
) -> Row:
    a_code, a_country, a_name = _first(e.actors, e.actor_codes, actors)
    r_code, r_country, r_name = _first(e.recipients, e.recipient_codes, actors)
    place = places.get(e.place or "")
    start = e.date.start if e.date else None
    return (
        aid,
        e.id,
        e.plover,
        e.cameo,
        e.mode,
        e.quad_class,
        e.goldstein,
        a_code,
        a_country,
        a_name,
        r_code,
        r_country,
        r_name,
        " ".join(e.actor_codes),
        " ".join(e.recipient_codes),
        start or published,
        start,
        e.date.end if e.date else None,
        e.date.text if e.date else None,
        e.date.source if e.date else None,
        int(e.negated),
        e.certainty,
        e.attribution,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.geonames_id if place else None,
        e.trigger.text,
        e.evidence.start,
        e.evidence.end,
        e.evidence.text,
        e.confidence,
        outlet,
        published,
    )


def _party_rows(aid: str, e: Event, actors: dict[str, Actor], day: str | None) -> list[Row]:
    rows = []
    for role, ids, codes in (
        ("actor", e.actors, e.actor_codes),
        ("recipient", e.recipients, e.recipient_codes),
    ):
        seen_codes = set()
        for i, local in enumerate(ids):
            x = actors.get(local)
            code = (x.code if x else None) or (codes[i] if i < len(codes) else None)
            seen_codes.add(code)
            rows.append(
                (
                    aid,
                    e.id,
                    role,
                    local,
                    code,
                    x.country if x else None,
                    x.name.lower() if x else None,
                    day,
                )
            )
        for code in codes:
            if code not in seen_codes:  # a code with no actor behind it still names a party
                rows.append(
                    (aid, e.id, role, f"code:{code}", code, country_of_code(code), None, day)
                )
    return rows


def _attribution_row(aid: str, q: Attribution, actors: dict[str, Actor]) -> Row:
    x = actors.get(q.source or "")
    speaker = x.name if x else (q.source_text.text if q.source_text else None)
    return (
        aid,
        q.id,
        q.kind,
        q.source,
        speaker,
        speaker.lower() if speaker else None,
        x.code if x else None,
        q.source_kind,
        q.cue.text if q.cue else None,
        q.content.text,
        q.content.start,
        q.content.end,
        len(q.hedges),
        q.confidence,
    )


def _claim_row(aid: str, c: Claim) -> Row:
    return (
        aid,
        c.id,
        c.sentence.text,
        c.sentence.start,
        c.sentence.end,
        c.attribution,
        int(c.sourced),
        c.source_kind,
        c.certainty,
        len(c.hedges),
        c.check_worthiness,
    )
