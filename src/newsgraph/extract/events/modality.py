"""Modality of an event mention: negated, hedged, hypothetical, future or historical.

An event is only a plain fact when nothing in its clause or in the clauses that govern
it says otherwise: "did not attack", "no signs of Beijing supplying weapons", "seems to
suggest that …", "if Russian forces were to cross …", "will visit" (a plan, which PLOVER
codes as an intent), "in 1988" (background history, not the current event).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...lexicons import load_words
from ...nlp.lemma import lemma

# Dependencies through which a clause or phrase is the complement of the word above it:
# the word above decides whether it is asserted ("denied [sending weapons]").
COMPLEMENT_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "acl",
        "attr",
        "oprd",
        "advcl",
        "nsubjpass",
        "appos",
        "npadvmod",
    }
)
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "none"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
SPECULATIVE_AUX = frozenset({"may", "might", "could", "should", "can", "must"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_YEARS_AGO = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+years?\s+ago\b", re.I
)


def hedge_words() -> frozenset[str]:
    return load_words("event_hedges.txt")


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hedged: bool = False
    speculative: bool = False  # conditional, hypothetical, modal
    future: bool = False
    conditional: bool = False  # the clause sets a condition on others: "… unless Y does Z"


def scope_chain(token: Token) -> list[Token]:
    """The words that govern ``token`` as their complement, nearest first, within the sentence.

    "advcl" counts only for infinitival purpose clauses ("met *to discuss*"); other
    adverbial clauses ("after the rebels shelled the town") are events of their own.
    """
    chain = []
    t = token
    # a conjunct of a complement shares its governor: "called on Arabs to unite and mobilize"
    while t.dep_ == "conj" and t.head.dep_ in COMPLEMENT_DEPS:
        t = t.head
    while t.head.i != t.i and t.dep_ in COMPLEMENT_DEPS:
        if t.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            break
        t = t.head
        chain.append(t)
    return chain


def _own_negation(t: Token) -> bool:
    for c in t.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in NEGATORS):
            return True
    return False


def _aux_words(t: Token) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}


def modality_of(anchor: Token, governor: Token | None = None) -> Modality:
    """What the words around ``anchor`` say of its reality.

    ``governor`` is the frame word that owns the event when there is one ("agreed to
    meet" → the event is the agreeing), so negation is read on the frame, not the
    complement.
    """
    head = governor if governor is not None else anchor
    if head.tag_ == "JJ" and head.dep_ == "acomp":
        head = head.head  # "may not be willing": the copula carries the modal and the "not"
    negated = _own_negation(head)
    chain = scope_chain(head)
    hedges = hedge_words()
    hedged = False
    speculative = False
    conditional = any(  # "will withdraw … unless": a condition imposed on someone else
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in head.children
    )
    # negation of a governing clause or noun: "no signs of [X supplying]", "did not say that"
    for t in chain:
        if _own_negation(t):
            negated = True
        if t.ent_type_ == "" and lemma(t) in hedges:
            hedged = True
        if t.lower_ in NEGATORS and t.dep_ in ("det", "advmod"):
            negated = True
    for t in (head, *chain):  # "reportedly solidified", "it seems to suggest that …"
        if any(c.dep_ in ("advmod", "aux") and c.lower_ in hedges for c in t.children):
            hedged = True
    aux = _aux_words(head)
    future = bool(aux & FUTURE_AUX) or _going_to(head)
    if not conditional and _threat_condition(head, chain):
        # "if Mexico is unwilling to pay, it would be better to cancel the meeting"
        conditional = future = True
    if aux & SPECULATIVE_AUX:
        speculative = True
    for t in (head, *chain):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            speculative = True
            break
    return Modality(
        negated=negated,
        hedged=hedged,
        speculative=speculative,
        future=future,
        conditional=conditional,
    )


def _threat_condition(head: Token, chain: Sequence[Token]) -> bool:
    """Whether the clause is what will be done 'if' the other side refuses: a threat.

    The clause (or one governing it) says will/would and has an "if" clause that is negated
    or says refusal ("if Iran does not stop", "if Mexico is unwilling to pay").
    """
    refusal = load_words("event_refusal_words.txt")
    for t in (head, *chain):
        if not _aux_words(t) & FUTURE_AUX:
            continue
        for c in t.children:
            if c.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ == "if" for m in c.children
            ):
                continue
            words = [c, *(a for a in c.children if a.dep_ in ("acomp", "xcomp"))]
            if _own_negation(c) or any(lemma(w) in refusal for w in words):
                return True
    return False


def _going_to(t: Token) -> bool:
    """'is going to visit'."""
    h = t.head
    return t.dep_ == "xcomp" and h.lower_ == "going" and any(c.dep_ == "aux" for c in h.children)


def is_historical(anchor: Token, dates: Sequence[Span], published_year: int | None) -> bool:
    """Whether the event's own clause dates it to the past: background, not news.

    Looks at the sentence's DATE entities (``dates``) attached to the event's clause (not
    elsewhere in the sentence): an explicit year two or more years before publication, a decade, or
    "N years ago" with N of two or more.
    """
    target = anchor if anchor.tag_.startswith("VB") else _clause_of(anchor)
    for ent in dates:
        if _clause_of(ent.root).i != target.i:
            continue
        text = ent.text
        m = _YEAR.search(text)
        if m and published_year is not None:
            year = int(m.group(1))
            if text.strip().endswith("s") and m.group(0).endswith("s"):
                return True
            if year <= published_year - 2:
                return True
        ago = _YEARS_AGO.search(text)
        if ago and ago.group(1).lower() not in ("1", "one", "a"):
            return True
    return False


def is_background(head: Token) -> bool:
    """Whether the event's clause puts it before the story: 'previously worked for',
    'promised during his campaign' (``event_words.tsv`` background classes)."""
    from .lexicon import event_words  # the modality phase reads dates first, words here

    words = event_words()
    t = head
    clause = [t]
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
        clause.append(t)
    for v in clause:
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in words.background_adverb:
                return True
            if c.dep_ == "prep" and c.lower_ == "during":
                if any(lemma(p) in words.background_period for p in c.children):
                    return True
    return False


def _clause_of(token: Token) -> Token:
    """The nearest verb (or the sentence root) above a token: the clause it belongs to."""
    t = token
    while t.head.i != t.i:
        t = t.head
        if t.tag_.startswith("VB") or t.dep_ == "ROOT":
            return t
    return t
