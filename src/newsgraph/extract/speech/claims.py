"""Claims: every asserting body sentence, on whose word it rests, how sure it is, and
how worth checking.

A sentence is a claim unless it asks, is a headline or byline, or has no verb. It rests
on the attribution whose content covers most of it (or whose "per Reuters" it carries);
otherwise it is the author's own (``sourced: false``, ``source_kind: none``). Hedges and
negation give its ``certainty`` (see :mod:`.hedges`). ``check_worthiness`` is a logistic
score over a few features (numbers, named actors, legal/causal/quantity words,
comparatives, hedges …) whose weights live in ``lexicons/check_worthiness.json`` — fitted
on the CLEF 2019 CheckThat! task 1 training debates by ``newsgraph.evaluate.checkthat``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from ...lexicons import load_json, load_table, load_words
from ...records import Actor, Article, Attribution, Claim, Span
from ..index import MentionIndex, SpanIndex
from .hedges import HedgeCue, certainty_of, find_hedges, is_negated

_FINAL = ".!?\"”'’)…:;"
_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW")
_NUM_ENTS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
FEATURES = (
    "number",
    "numeric_entity",
    "date",
    "entities",
    "actors",
    "quantity",
    "change",
    "record",
    "legal",
    "economy",
    "harm",
    "cause",
    "comparative",
    "hedged",
    "negated",
    "first_person",
    "second_person",
    "future",
    "past",
    "present",
    "length",
    "attributed",
    "quoted",
)


@cache
def _check_words() -> dict[str, str]:
    return {row["word"].lower(): row["group"] for row in load_table("check_worthy_words.tsv")}


@cache
def _byline() -> re.Pattern[str]:
    """A line opening with a byline word ("By …", "Photo: …", "Read more …")."""
    words = "|".join(re.escape(w) for w in sorted(load_words("byline_words.txt")))
    return re.compile(rf"^({words})\b[: ]", re.I)


@cache
def _weights() -> dict[str, float]:
    return {k: float(v) for k, v in load_json("check_worthiness.json")["weights"].items()}


def sentences(doc: Doc) -> Iterator[TokenSpan]:
    """The Doc's sentences, also cut at line breaks: the parser runs a headline or a byline
    without final punctuation into the next sentence, and a line is never part of one."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
                end = tok.i if tok.is_space else tok.i + 1
                if end > start:
                    yield doc[start:end]
                start = tok.i + 1
        if sent.end > start:
            yield doc[start : sent.end]


def is_claim_sentence(sent: TokenSpan, text: str) -> bool:
    """Whether a sentence asserts something: not a question, headline, byline or fragment."""
    s = sent.text.strip()
    if len(s) < 8 or not any(ch.isalpha() for ch in s):
        return False
    core = s.rstrip("\"”'’) ")
    if core.endswith("?"):
        return False
    if _byline().match(s):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 3 or not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in sent):
        return False
    # a line of its own without final punctuation is a headline, caption or teaser
    start, end = sent.start_char, sent.end_char
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    whole_line = not text[line_start:start].strip() and not text[end:line_end].strip()
    return not (whole_line and s[-1] not in _FINAL and len(words) < 25)


def claim_features(
    sent: TokenSpan,
    hedges: list[HedgeCue],
    negated: bool,
    n_actors: int,
    attribution: Attribution | None = None,
) -> dict[str, float]:
    """The features check-worthiness is scored from (all in [0, 1])."""
    words = _check_words()
    f = dict.fromkeys(FEATURES, 0.0)
    ents = 0
    n = 0
    for t in sent:
        if t.is_space or t.is_punct:
            continue
        n += 1
        tag = t.tag_
        if tag == "CD" or t.like_num or t.text in ("%", "$"):
            f["number"] = 1.0
        if t.ent_iob_ == "B":
            if t.ent_type_ in _NUM_ENTS:
                f["numeric_entity"] = 1.0
            elif t.ent_type_ == "DATE":
                f["date"] = 1.0
            elif t.ent_type_ in _ENTS:
                ents += 1
        group = words.get(t.lower_)
        if group:
            f[group] = 1.0
        if tag in ("JJR", "RBR", "JJS", "RBS"):
            f["comparative"] = 1.0
        low = t.lower_
        if low in ("i", "we", "my", "our", "me", "us"):
            f["first_person"] = 1.0
        elif low in ("you", "your"):
            f["second_person"] = 1.0
        if low in ("will", "'ll", "gonna") and tag == "MD":
            f["future"] = 1.0
        if tag in ("VBD", "VBN"):
            f["past"] = 1.0
        elif tag in ("VBZ", "VBP"):
            f["present"] = 1.0
    f["entities"] = min(ents, 3) / 3
    f["actors"] = min(n_actors, 3) / 3
    f["hedged"] = 1.0 if hedges else 0.0
    f["negated"] = 1.0 if negated else 0.0
    f["length"] = min(math.log1p(n) / math.log1p(60), 1.0)
    if attribution is not None:
        f["attributed"] = 1.0
        f["quoted"] = 1.0 if attribution.kind == "direct" else 0.0
    return f


def check_worthiness(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """Logistic score in [0, 1] from claim features and the fitted weights."""
    w = weights if weights is not None else _weights()
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True)
class ClaimParts:
    """What a claim is built from; also what check-worthiness is fitted on."""

    start: int
    end: int
    attribution: Attribution | None
    hedges: list[HedgeCue]
    negated: bool
    features: dict[str, float]


def claim_parts(
    doc: Doc, article: Article, actors: list[Actor], attributions: list[Attribution]
) -> Iterator[ClaimParts]:
    """Every claim sentence with its attribution, hedges, negation and features."""
    text = article.text
    index: MentionIndex[Actor] = MentionIndex(actors)
    by_content = SpanIndex(attributions, lambda a: (a.content.start, a.content.end))
    for sent in sentences(doc):
        if not is_claim_sentence(sent, text):
            continue
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        att = _attribution_for(start, end, by_content.overlapping(start, end))
        hedges = find_hedges(sent)
        negated, _ = is_negated(sent)
        n_actors = len({a.id for _, a in index.overlapping(start, end)})
        feats = claim_features(sent, hedges, negated, n_actors, att)
        yield ClaimParts(start, end, att, hedges, negated, feats)


def extract_claims(
    doc: Doc, article: Article, actors: list[Actor], attributions: list[Attribution]
) -> list[Claim]:
    """Every asserting sentence as a Claim, in text order, with ids c1, c2, …"""
    text = article.text
    out: list[Claim] = []
    for p in claim_parts(doc, article, actors, attributions):
        att = p.attribution
        if att is not None and (att.source or att.source_text):
            sourced, kind = True, att.source_kind if att.source_kind != "none" else "person"
        elif att is not None:
            sourced, kind = False, att.source_kind  # "reportedly": rests on unnamed reports
        else:
            sourced, kind = False, "none"
        out.append(
            Claim(
                id=f"c{len(out) + 1}",
                sentence=Span.of(text, p.start, p.end),
                sourced=sourced,
                source_kind=kind,
                attribution=att.id if att else None,
                hedges=tuple(Span.of(text, h.start, h.end) for h in p.hedges),
                certainty=certainty_of(p.hedges, p.negated),
                check_worthiness=check_worthiness(p.features),
            )
        )
    return out


def _attribution_for(start: int, end: int, attributions: list[Attribution]) -> Attribution | None:
    """The attribution whose content covers most of the sentence (at least 30 % of it), or
    whose cue ("per Reuters") sits in the sentence with its content.

    ``attributions``: those whose content overlaps the sentence, in document order."""
    best: tuple[float, Attribution] | None = None
    length = max(end - start, 1)
    for a in attributions:
        c = a.content
        overlap = min(c.end, end) - max(c.start, start)
        if overlap <= 0:
            continue
        share = overlap / length
        cue_inside = a.cue is not None and start <= a.cue.start < end
        if share < 0.3 and not (cue_inside and share >= 0.15):
            continue
        score = share + (0.05 if cue_inside else 0.0)
        if best is None or score > best[0]:
            best = (score, a)
    return best[1] if best else None
