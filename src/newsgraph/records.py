"""The data contract: one record type per thing, serialised one way (DESIGN.md §2).

Every record of an article's analysis is a frozen dataclass with ``to_dict``/``from_dict``.
``Analysis.to_dict`` is exactly the ``newsgraph.article/1`` JSON that ``newsgraph analyze``
prints, the API returns and ``export --format jsonl`` writes. Fields may be added; none may
be renamed or removed without bumping ``SCHEMA``. :class:`EventCluster` and
:class:`Failure` live in :mod:`newsgraph.corpus_records` (re-exported here): they are what the
corpus side keeps, not part of that JSON.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from .corpus_records import EventCluster, Failure

SCHEMA = "newsgraph.article/1"

AttributionKind = Literal["direct", "indirect", "partial", "according_to"]
Certainty = Literal["asserted", "hedged", "negated", "speculative"]
SourceKind = Literal[
    "person", "organization", "media", "government", "document", "anonymous", "none"
]
ActorType = Literal["person", "organization", "country", "group", "media", "igo"]
DatePrecision = Literal["day", "week", "month", "year", "publication"]
DateSource = Literal["text", "publication"]  # an event date read from the text, or defaulted
PlaceKind = Literal["continent", "region", "country", "admin1", "city"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id."""
    h = hashlib.sha256()
    for part in parts:
        h.update(unicodedata.normalize("NFC", part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@cache
def country_of_code(code: str | None) -> str | None:
    """The country a CAMEO actor code starts with (``RUSGOV`` → ``RUS``), if it is one."""
    if not code or len(code) < 3:
        return None
    import pycountry

    return code[:3] if pycountry.countries.get(alpha_3=code[:3]) else None


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into ``Article.text``, with the text alongside as evidence."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``; raises if the offsets fall outside the text."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
        return cls(start, end, text[start:end])

    def is_valid_in(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.text

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def _span_or_none(d: dict[str, Any] | None) -> Span | None:
    return Span.from_dict(d) if d else None


def _spans(items: list[dict[str, Any]] | None) -> tuple[Span, ...]:
    return tuple(Span.from_dict(s) for s in items or ())


@dataclass(frozen=True, slots=True)
class Article:
    """One clean article: body text (offsets refer to it) and its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    authors: tuple[str, ...] = ()
    language: str | None = None
    origin: str | None = None  # where it came from: path, URL, "feed.xml#3"; not in the id

    @staticmethod
    def make_id(text: str, title: str | None = None, url: str | None = None) -> str:
        """Content-hash id: the same title and body give the same id wherever they come from."""
        return content_id(title or "", " ".join(text.split()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            text=d["text"],
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            published=d.get("published"),
            authors=tuple(d.get("authors") or ()),
            language=d.get("language"),
            origin=d.get("origin"),
        )


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input left out of the body, and why (chrome, caption, teaser…)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Removed:
        return cls(d["text"], d["reason"])


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    country: str | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    code: str | None = None
    # where ``country`` came from: text|office|sentence|dateline|outlet|story, or why there
    # is none: none-igo|none-unknown (see extract/actors/homes.py)
    country_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "country_source": self.country_source,
            "sectors": list(self.sectors),
            "roles": list(self.roles),
            "code": self.code,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            mentions=_spans(d.get("mentions")),
            country=d.get("country"),
            sectors=tuple(d.get("sectors") or ()),
            roles=tuple(d.get("roles") or ()),
            code=d.get("code"),
            country_source=d.get("country_source"),
        )


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    mentions: tuple[Span, ...]
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None  # PlaceKind: continent|region|country|admin1|city
    admin1: str | None = None  # ISO 3166-2 code of a state or province ("US-OR", "CA-ON")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            id=d["id"],
            name=d["name"],
            mentions=_spans(d.get("mentions")),
            country=d.get("country"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geonames_id=d.get("geonames_id"),
            kind=d.get("kind"),
            admin1=d.get("admin1"),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """Someone (or no one named) said, reported or is credited with ``content``."""

    id: str
    kind: str  # AttributionKind
    content: Span
    source: str | None = None  # actor id
    source_text: Span | None = None
    cue: Span | None = None
    hedges: tuple[Span, ...] = ()
    confidence: float = 0.0
    source_kind: str = "none"  # SourceKind; an addition to the contract, never renamed

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source,
            "source_text": self.source_text.to_dict() if self.source_text else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "hedges": [h.to_dict() for h in self.hedges],
            "confidence": round(self.confidence, 3),
            "source_kind": self.source_kind,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(
            id=d["id"],
            kind=d["kind"],
            content=Span.from_dict(d["content"]),
            source=d.get("source"),
            source_text=_span_or_none(d.get("source_text")),
            cue=_span_or_none(d.get("cue")),
            hedges=_spans(d.get("hedges")),
            confidence=float(d.get("confidence") or 0.0),
            source_kind=d.get("source_kind") or "none",
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """One body sentence that asserts something, and on whose word it rests."""

    id: str
    sentence: Span
    sourced: bool
    source_kind: str = "none"  # SourceKind
    attribution: str | None = None
    hedges: tuple[Span, ...] = ()
    certainty: str = "asserted"  # Certainty
    check_worthiness: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": self.sentence.to_dict(),
            "attribution": self.attribution,
            "sourced": self.sourced,
            "source_kind": self.source_kind,
            "hedges": [h.to_dict() for h in self.hedges],
            "certainty": self.certainty,
            "check_worthiness": round(self.check_worthiness, 4),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            id=d["id"],
            sentence=Span.from_dict(d["sentence"]),
            sourced=bool(d["sourced"]),
            source_kind=d.get("source_kind") or "none",
            attribution=d.get("attribution"),
            hedges=_spans(d.get("hedges")),
            certainty=d.get("certainty") or "asserted",
            check_worthiness=float(d.get("check_worthiness") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: an ISO range, its evidence text, precision and source."""

    start: str | None
    end: str | None
    text: str | None = None
    precision: str | None = None  # DatePrecision, or None when unresolved
    source: str | None = None  # DateSource: "text" or "publication" (defaulted); None: unknown

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "precision": self.precision,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventDate:
        return cls(d.get("start"), d.get("end"), d.get("text"), d.get("precision"), d.get("source"))


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: a coded event with the text it was read from."""

    id: str
    plover: str | None
    cameo: str
    trigger: Span
    evidence: Span
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    actor_codes: tuple[str, ...] = ()
    recipient_codes: tuple[str, ...] = ()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    goldstein: float | None = None
    quad_class: int | None = None
    place: str | None = None
    date: EventDate | None = None
    negated: bool = False
    certainty: str = "asserted"
    attribution: str | None = None
    confidence: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.cameo, str):
            raise TypeError(f"CAMEO code must be a string, got {self.cameo!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "plover": self.plover,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "actor_codes": list(self.actor_codes),
            "recipient_codes": list(self.recipient_codes),
            "place": self.place,
            "date": self.date.to_dict() if self.date else None,
            "negated": self.negated,
            "certainty": self.certainty,
            "attribution": self.attribution,
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            plover=d.get("plover"),
            cameo=str(d["cameo"]),
            trigger=Span.from_dict(d["trigger"]),
            evidence=Span.from_dict(d["evidence"]),
            actors=tuple(d.get("actors") or ()),
            recipients=tuple(d.get("recipients") or ()),
            actor_codes=tuple(d.get("actor_codes") or ()),
            recipient_codes=tuple(d.get("recipient_codes") or ()),
            mode=d.get("mode"),
            contexts=tuple(d.get("contexts") or ()),
            goldstein=d.get("goldstein"),
            quad_class=d.get("quad_class"),
            place=d.get("place"),
            date=EventDate.from_dict(d["date"]) if d.get("date") else None,
            negated=bool(d.get("negated")),
            certainty=d.get("certainty") or "asserted",
            attribution=d.get("attribution"),
            confidence=float(d.get("confidence") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article's full analysis: the ``newsgraph.article/1`` document."""

    article: Article
    removed: tuple[Removed, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    extractor: str = ""  # provenance: "newsgraph <version>"
    skipped: str | None = None  # why the article was kept out of analysis (e.g. not English)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "removed": [r.to_dict() for r in self.removed],
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "extractor": self.extractor,
        }
        if self.skipped:
            d["skipped"] = self.skipped
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"unknown schema {d.get('schema')!r}, expected {SCHEMA!r}")
        return cls(
            article=Article.from_dict(d["article"]),
            removed=tuple(Removed.from_dict(r) for r in d.get("removed") or ()),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()),
            places=tuple(Place.from_dict(p) for p in d.get("places") or ()),
            attributions=tuple(Attribution.from_dict(a) for a in d.get("attributions") or ()),
            claims=tuple(Claim.from_dict(c) for c in d.get("claims") or ()),
            events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
            extractor=d.get("extractor") or "",
            skipped=d.get("skipped"),
        )

    def spans(self) -> list[Span]:
        """Every span this analysis emits, for checking them against the text."""
        out: list[Span] = []
        for a in self.actors:
            out.extend(a.mentions)
        for p in self.places:
            out.extend(p.mentions)
        for at in self.attributions:
            out.append(at.content)
            out.extend(s for s in (at.source_text, at.cue) if s)
            out.extend(at.hedges)
        for c in self.claims:
            out.append(c.sentence)
            out.extend(c.hedges)
        for e in self.events:
            out.extend((e.trigger, e.evidence))
        return out

    def with_(self, **changes: Any) -> Analysis:
        return replace(self, **changes)


__all__ = [
    "SCHEMA",
    "PLOVER_TYPES",
    "Actor",
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "Event",
    "EventCluster",
    "EventDate",
    "Failure",
    "Place",
    "Removed",
    "Span",
    "content_id",
    "country_of_code",
]
