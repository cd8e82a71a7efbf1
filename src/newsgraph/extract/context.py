"""What the three wings share: the options from outside and the typed context of one run.

The wings (``actors``, ``speech``, ``events``) talk to each other only through the records
of ``newsgraph.records`` collected here, never through each other's helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Actor, Article, Attribution, Claim, EventDate, Place


class DateResolver(Protocol):
    """When what a sentence reports happened, given the publication date.

    With ``anchor`` (the event's word), from that event's own clause. The actors wing's
    ``dates.sentence_date``, handed to the events wing through the context.
    """

    def __call__(
        self, sent: SpacySpan, published: str | None, anchor: Token | None = None
    ) -> EventDate: ...


@dataclass(frozen=True)
class ExtractOptions:
    """What the extractors may be told from outside: user dictionaries, nothing global."""

    actor_dictionaries: tuple[str, ...] = field(default=())


@dataclass
class ExtractContext:
    """One article's run: the parsed Doc, the article, and what earlier wings found."""

    doc: Doc
    article: Article
    options: ExtractOptions = field(default_factory=ExtractOptions)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    date_of: DateResolver | None = None
