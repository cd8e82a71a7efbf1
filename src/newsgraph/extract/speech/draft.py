"""What the attribution phases share: an attribution in the making, and the scan context.

A :class:`Draft` holds character offsets (no records yet); :mod:`.attributions` turns the
drafts every phase produced into :class:`~newsgraph.records.Attribution` records.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...records import Actor
from ..index import MentionIndex
from .quotes import find_quotes

# finite-verb tags: a quote with one states something, a phrase without is a title or name
FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))


@dataclass
class Draft:
    """An attribution in the making: character offsets into the article text."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    subject: Token | None = None  # head token of the source phrase
    source: str | None = None  # actor id
    source_span: tuple[int, int] | None = None
    source_kind: str = "none"
    confidence: float = 0.5
    extra_hedges: list[tuple[int, int]] = field(default_factory=list)
    cue_token: int | None = None


class SpeechContext:
    """What every rule needs: the text, the Doc, the quotes, the actors' mentions."""

    def __init__(self, doc: Doc, text: str, actors: list[Actor]):
        self.doc = doc
        self.text = text
        self.actors = actors
        self.index: MentionIndex[Actor] = MentionIndex(actors)
        self.quotes = find_quotes(text)
        # characters inside a quote (marks included), for "is this token quoted?"
        self.quoted = bytearray(len(text) + 1)
        for q in self.quotes:
            self.quoted[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
        # characters inside quotes that are whole statements (a finite verb, 3+ words):
        # an indirect clause made mostly of one is that quote, not a paraphrase
        self.speech = bytearray(len(text) + 1)
        for q in self.quotes:
            inner = doc.char_span(q.start, q.end, alignment_mode="expand")
            if inner is not None and len(inner) >= 3 and any(t.tag_ in FINITE for t in inner):
                self.speech[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        # person mentions in text order, for the pronoun lookup of .speakers
        persons = sorted(
            ((m.start, m.end, a) for a in actors if a.type == "person" for m in a.mentions),
            key=lambda p: (p[0], p[1]),
        )
        self.person_mentions = persons
        self.person_starts = [p[0] for p in persons]

    def sent_index(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def is_quoted(self, tok: Token) -> bool:
        return bool(self.quoted[tok.idx])
