"""Reported speech from the parse: indirect speech, "according to"/"per" sources, and
statements resting on unnamed reports ("reportedly").

Indirect speech is a cue verb (:mod:`.cues`) with a clausal complement ("said that …"), a
parenthetical after its content (", officials said"), an infinitive ("urged Xi to …"), an
object ("denied sending …") or a prepositional object ("called for an inquiry"). The
speaker is the subject of the cue verb (:func:`~newsgraph.extract.syntax.subject_of`),
resolved by :mod:`.speakers`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from ...lexicons import load_words
from ...nlp.lemma import lemma
from ..index import SpanIndex
from ..syntax import np_span, subject_of, subtree_span, tok_span
from .cues import WEAK_CLASSES, CueVerb, cue_of, that_clause_cue
from .draft import Draft, SpeechContext
from .hedges import reporting_adverbs
from .speakers import on_cue_line, resolve, source_like, source_nouns


@cache
def _passive_reporting() -> frozenset[str]:
    """Reporting verbs whose passive subject is not the source: "it is reported that", "X
    is said to have …"."""
    return load_words("passive_reporting_verbs.txt")


@cache
def _content_preps() -> frozenset[str]:
    """Prepositions whose object is what a "p" cue is about: "called for an inquiry"."""
    return load_words("content_prepositions.txt")


# ------------------------------------------------------------------ indirect speech
def indirect(ctx: SpeechContext) -> Iterable[Draft]:
    """Indirect speech from the parse: cue verbs with a reported clause, infinitive or
    object; clauses that are mostly a direct quote are left to that quote."""
    for tok in ctx.doc:
        if not tok.tag_.startswith("VB") or ctx.is_quoted(tok):
            continue
        cue = cue_of(tok) or that_clause_cue(tok)
        if cue is None:
            continue
        content = _complement(ctx, tok, cue)
        if content is None:
            continue
        s, e = _clip_to_paragraph(ctx.text, tok.idx, *content)
        content = (s, e)
        if e - s < 3 or _mostly_quoted(ctx, s, e):
            continue  # the direct quote already carries it
        if (
            "o" not in cue.complements
            and "p" not in cue.complements
            and _n_words(ctx.text[s:e]) < 3
        ):
            continue  # the direct quote already carries it
        subj = on_cue_line(ctx, tok, subject_of(tok))
        d = Draft(
            kind="indirect",
            content=content,
            cue=(tok.idx, tok.idx + len(tok.text)),
            cue_token=tok.i,
            confidence=0.75,
        )
        if subj is None:
            if lemma(tok) in _passive_reporting() and any(
                c.dep_ in ("nsubjpass", "expl") or c.lower_ == "it" for c in tok.children
            ):
                d.source_kind, d.confidence = "anonymous", 0.6
                yield d
            continue
        if cue.cls in WEAK_CLASSES and not source_like(ctx, subj):
            continue
        yield resolve(ctx, d, subj)


def _clip_to_paragraph(text: str, anchor: int, s: int, e: int) -> tuple[int, int]:
    """Keep a parse-derived span inside the line of its cue: a parse running over a line
    break (headline into body, teaser into teaser) must not carry content across it."""
    lo = text.rfind("\n", 0, anchor) + 1
    hi = text.find("\n", anchor)
    hi = len(text) if hi < 0 else hi
    s, e = max(s, lo), min(e, hi)
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _n_words(s: str) -> int:
    return sum(1 for w in s.split() if any(ch.isalpha() for ch in w))


def _mostly_quoted(ctx: SpeechContext, s: int, e: int) -> bool:
    quoted = sum(ctx.speech[s:e])
    return quoted > 0.5 * (e - s)


def _complement(ctx: SpeechContext, tok: Token, cue: CueVerb) -> tuple[int, int] | None:
    """The reported content of a cue verb, as a character span."""
    comps = cue.complements
    for child in tok.children:
        if child.dep_ == "ccomp" and "c" in comps:
            if child.i < tok.i and "r" not in comps:
                continue
            return _cut_at_next_cue(child, subtree_span(child))
    if "x" in comps or "o" in comps:
        for child in tok.children:
            if (
                child.dep_ == "xcomp"
                and child.tag_.startswith("VB")
                and ("x" in comps or child.tag_ == "VBG")
            ):
                return subtree_span(child)
            if child.dep_ == "dobj" and "o" in comps and child.lower_ not in ("it", "this", "that"):
                s, e = subtree_span(child)
                # "called the idea ‘stupid’": the object's predicate belongs to it
                for sib in child.head.rights:
                    if sib.i > child.i and sib.dep_ in ("oprd", "xcomp", "ccomp"):
                        e = max(e, subtree_span(sib)[1])
                return s, e
    if "p" in comps:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _content_preps():
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return subtree_span(pobj)
    if "r" in comps and tok.dep_ in ("parataxis", "ccomp", "advcl", "conj") and tok.head.i != tok.i:
        return _parenthetical_content(ctx, tok)
    return None


def _parenthetical_content(ctx: SpeechContext, tok: Token) -> tuple[int, int] | None:
    """The content a parenthetical cue follows (", officials said") or interrupts."""
    head = tok.head
    if head.i < tok.i and tok.left_edge.i > 0 and ctx.doc[tok.left_edge.i - 1].is_punct:
        start = head.left_edge
        end_i = tok.left_edge.i - 1
        while end_i > start.i and ctx.doc[end_i].is_punct:
            end_i -= 1
        if end_i <= start.i:
            return None
        return tok_span(start, ctx.doc[end_i])
    if head.i > tok.i and tok.left_edge.i > head.left_edge.i:
        return subtree_span(head)
    return None


def _cut_at_next_cue(root: Token, span: tuple[int, int]) -> tuple[int, int]:
    """End a reported clause before a second cue verb the parser hung inside it ("said
    that X and warned against Y", "said X, adding that Y"): that one reports its own."""
    for tok in root.subtree:
        if tok.i <= root.i or tok.dep_ not in ("conj", "advcl") or cue_of(tok) is None:
            continue
        if not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") for c in tok.children):
            continue
        end = tok.left_edge.i - 1
        doc = tok.doc
        while end > root.left_edge.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        if end > root.i:
            return span[0], doc[end].idx + len(doc[end].text)
        break
    return span


def drop_nested_reports(drafts: list[Draft]) -> list[Draft]:
    """A report inside another one's reported clause ("said that the board decided to
    recommend …") is part of what the outer source says: news attribution corpora give
    it to the outer source only."""
    out = []
    holding = SpanIndex(drafts, lambda d: d.content)  # the drafts whose content holds a cue
    for d in drafts:
        cue = d.cue[0] if d.cue else -1
        if not any(
            o is not d
            and o.content[0] <= cue < o.content[1]
            and o.content[0] <= d.content[0]
            and d.content[1] <= o.content[1]
            for o in holding.overlapping(cue, cue + 1)
        ):
            out.append(d)
    return out


# ------------------------------------------------------------------ according to / per
def according_to(ctx: SpeechContext) -> Iterable[Draft]:
    """ "According to X, …" and "…, per X": X is the source of the rest of the sentence."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if ctx.is_quoted(tok):
            continue
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            prep = doc[tok.i + 1]
        elif low == "per" and tok.tag_ == "IN" and _per_is_source(ctx, tok):
            prep = tok
        else:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        s, e = np_span(pobj)
        content = _rest_of_sentence(tok, tok.idx, e)
        if content is None:
            continue
        d = Draft(
            kind="according_to", content=content, cue=(tok.idx, e), cue_token=tok.i, confidence=0.85
        )
        yield resolve(ctx, d, pobj)


def _per_is_source(ctx: SpeechContext, tok: Token) -> bool:
    """ "per Reuters", "per the report" — not "$5 per share" or "per cent"."""
    prev = ctx.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is not None and prev.text not in (",", "(", "—", "–", ";"):
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return (
        pobj.tag_ in ("NNP", "NNPS")
        or pobj.lower_ in source_nouns()
        or ctx.index.at(pobj.idx, pobj.idx + len(pobj.text)) is not None
    )


def _rest_of_sentence(tok: Token, s: int, e: int) -> tuple[int, int] | None:
    """The sentence around an "according to X" phrase at s:e, without the phrase: the
    longer side when the phrase sits in the middle."""
    sent = tok.sent
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].tag_ != "''":
        toks.pop()
    if not toks:
        return None
    left = [t for t in toks if t.idx + len(t.text) <= s]
    right = [t for t in toks if t.idx >= e]
    while left and left[-1].is_punct:
        left.pop()
    while right and right[0].is_punct:
        right.pop(0)
    lspan = (left[0].idx, left[-1].idx + len(left[-1].text)) if left else None
    rspan = (right[0].idx, right[-1].idx + len(right[-1].text)) if right else None
    spans = [x for x in (lspan, rspan) if x and x[1] - x[0] >= 3]
    return max(spans, key=lambda x: x[1] - x[0]) if spans else None


# ------------------------------------------------------------------ "reportedly"
def reportedly(ctx: SpeechContext, drafts: list[Draft]) -> Iterable[Draft]:
    """A verb modified by "reportedly"/"allegedly" with no cue of its own: a hedged
    statement resting on unnamed reports. On a cue that has a draft already, the adverb
    is a hedge of that draft instead (``drafts`` is changed in place)."""
    cue_tokens = {d.cue_token for d in drafts if d.cue_token is not None}
    # the drafts by cue token, read as ``drafts`` grows (the caller extends it with ours)
    by_cue: dict[int, list[Draft]] = {}
    read = 0
    for tok in ctx.doc:
        if tok.tag_ != "RB" or tok.lower_ not in reporting_adverbs():
            continue
        if ctx.is_quoted(tok):
            continue
        verb = tok.head
        if verb is tok or not verb.tag_.startswith(("VB", "MD", "JJ")):
            continue  # nothing it modifies: a fragment
        if verb.i in cue_tokens:
            for d in drafts[read:]:
                if d.cue_token is not None:
                    by_cue.setdefault(d.cue_token, []).append(d)
            read = len(drafts)
            for d in by_cue.get(verb.i, ()):
                d.extra_hedges.append((tok.idx, tok.idx + len(tok.text)))
            continue
        s, e = subtree_span(verb)
        cue = (tok.idx, tok.idx + len(tok.text))
        yield Draft(
            kind="according_to",
            content=(s, e),
            cue=cue,
            cue_token=tok.i,
            source_kind="anonymous",
            confidence=0.7,
            extra_hedges=[cue],
        )
