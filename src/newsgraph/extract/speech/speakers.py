"""Speakers: from the head token of a source phrase to an actor id and a source kind.

An actor whose mention covers the head (or, failing that, the first actor named in the
phrase) is the source. A he/she the actors wing left unresolved goes to the last person
who was a subject before it (:func:`previous_person`, the wing's only pronoun lookup).
A phrase no actor covers still gets a ``source_kind``: a pronoun or person noun is a
person, "officials" anonymous (``lexicons/anonymous_sources.txt``), "the report" a
document (``lexicons/source_nouns.tsv``).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from spacy.tokens import Token

from ...lexicons import load_table, load_words
from ...nlp.lemma import lemma
from ...records import Actor
from ..syntax import np_span
from .draft import Draft, SpeechContext

PERSON_PRONOUNS = frozenset("he she him her i we they".split())
SUBJ = ("nsubj", "nsubjpass", "csubj")
# source_kind of a speaker from the type of the actor it resolves to (record types)…
_ACTOR_KIND = {
    "person": "person",
    "media": "media",
    "organization": "organization",
    "country": "government",
    "group": "organization",
    "igo": "organization",
}
# … or from the entity label of a head no actor covers (spaCy NER labels)
_ENT_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "government", "NORP": "government"}


@cache
def anonymous_heads() -> frozenset[str]:
    return load_words("anonymous_sources.txt")


@cache
def source_nouns() -> dict[str, str]:
    return {row["noun"].lower(): row["kind"] for row in load_table("source_nouns.tsv")}


def resolve(ctx: SpeechContext, d: Draft, head: Token | None) -> Draft:
    """Fill source, source_span and source_kind from the subject head token."""
    if head is None:
        return d
    s, e = np_span(head)
    d.subject = head
    d.source_span = (s, e)
    actor = ctx.index.at(head.idx, head.idx + len(head.text)) or _first_actor_in(ctx, s, e)
    if actor is None and head.lower_ in ("he", "she", "him", "her") and head.tag_ == "PRP":
        actor = previous_person(ctx, head.idx)
    if actor is not None:
        d.source = actor.id
        d.source_kind = _ACTOR_KIND.get(actor.type, "person")
        return d
    d.source_kind = kind_of(head)
    return d


def _first_actor_in(ctx: SpeechContext, s: int, e: int) -> Actor | None:
    """The first actor named in a source phrase whose head is no actor: "experts like
    Dr. Anthony Fauci, who directs the NIAID" is Fauci's word, not his institute's."""
    hits = ctx.index.overlapping(s, e)
    return min(hits, key=lambda h: h[0].start)[1] if hits else None


def previous_person(ctx: SpeechContext, char: int) -> Actor | None:
    """The person a he/she most likely means, when the actors left it unresolved: the last
    person who was a subject before ``char``, else the last person mentioned (within
    ~1,500 characters)."""
    i = bisect_right(ctx.person_starts, char - 1) - 1
    fallback = None
    while i >= 0:
        start, end, actor = ctx.person_mentions[i]
        if char - start > 1500:
            break
        fallback = fallback or actor
        tok = ctx.token_at(start)
        head = tok
        while (
            head is not None and head.dep_ in ("compound", "flat", "amod") and head.head is not head
        ):
            head = head.head
        if head is not None and head.dep_ in SUBJ:
            return actor
        i -= 1
    return fallback


def kind_of(head: Token) -> str:
    """source_kind of a source phrase no actor covers."""
    low = head.lower_
    if low in PERSON_PRONOUNS or head.tag_ == "PRP":
        return "person"
    nouns = source_nouns()
    if head.ent_type_ in _ENT_KIND and not (head.ent_type_ == "ORG" and low in nouns):
        return _ENT_KIND[head.ent_type_]
    if low in anonymous_heads():
        return "anonymous"
    if low in nouns:
        return nouns[low]
    if lemma(head) in anonymous_heads():
        return "anonymous"
    return "person" if head.tag_ in ("NN", "NNP") else "organization"


def source_like(ctx: SpeechContext, head: Token) -> bool:
    """Could this subject be someone who says or thinks something?"""
    if head.tag_ in ("PRP",) and head.lower_ in PERSON_PRONOUNS:
        return True
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.tag_ in ("NNP", "NNPS"):
        return True
    if ctx.index.at(head.idx, head.idx + len(head.text)) is not None:
        return True
    low = lemma(head)
    return (
        head.lower_ in anonymous_heads()
        or low in anonymous_heads()
        or head.lower_ in source_nouns()
    )


def on_cue_line(ctx: SpeechContext, cue: Token, subj: Token | None) -> Token | None:
    """Keep a subject on the line of its cue: the parser runs a time stamp or a headline
    into the next line ("12:15 p.m.\n\nDonald Trump says …"); then the first proper
    noun or pronoun before the cue on its own line is the subject."""
    if subj is None:
        return None
    lo, hi = sorted((subj.idx, cue.idx))
    if "\n" not in ctx.text[lo:hi]:
        return subj
    line_start = ctx.text.rfind("\n", 0, cue.idx) + 1
    doc = ctx.doc
    i = cue.i - 1
    candidates = []
    while i >= 0 and doc[i].idx >= line_start:
        if doc[i].tag_ in ("NNP", "NNPS", "PRP") or doc[i].dep_ in SUBJ:
            candidates.append(doc[i])
        i -= 1
    return name_head(candidates[::-1]) if candidates else None


def name_head(tokens: list[Token]) -> Token:
    """The last token of the first run of proper nouns: the head of "Sonya Herridge, 45"."""
    head = tokens[0]
    for t in tokens[1:]:
        if t.i != head.i + 1:
            break
        head = t
    return head
