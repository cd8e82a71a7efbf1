"""Hedges and negation: how sure a sentence is of what it says.

Hedge cues come from ``lexicons/hedges.tsv`` (reportedly, allegedly, seems to, may, might,
could, unclear, believe, if, whether …), each with a class that decides the certainty it
implies; negation cues from ``lexicons/negation_cues.tsv``. Both are matched over tokens
of the parsed Doc (lower-cased text, PTB tag of the first word), so "May" the month and
"can" the noun are not hedges.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ...lexicons import load_table

# Certainty a hedge class gives a statement; conditional/hypothetical wording is
# "speculative", every other hedge "hedged".
CLASS_CERTAINTY = {
    "reporting": "hedged",
    "epistemic": "hedged",
    "doxastic": "hedged",
    "vague": "hedged",
    "conditional": "speculative",
}


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """One hedge found in the text: character offsets, the lexicon entry and its class."""

    start: int
    end: int
    cue: str
    cls: str


@cache
def _hedge_lexicon() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First word -> [(words, class, tag prefix)], longest entries first."""
    out: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for row in load_table("hedges.tsv"):
        words = tuple(row["cue"].lower().split())
        out[words[0]].append((words, row["class"], row.get("tags", "")))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return dict(out)


@cache
def reporting_adverbs() -> frozenset[str]:
    """The one-word "reporting" hedges tagged RB (reportedly, allegedly …): on a verb with
    no cue of its own they also make a statement resting on unnamed reports."""
    return frozenset(
        words[0]
        for entries in _hedge_lexicon().values()
        for words, cls, tags in entries
        if cls == "reporting" and tags == "RB" and len(words) == 1
    )


@cache
def _negation_lexicon() -> dict[str, str]:
    return {row["cue"].lower(): row["where"] for row in load_table("negation_cues.tsv")}


def find_hedges(tokens: TokenSpan) -> list[HedgeCue]:
    """Hedge cues in a sentence (or any token span), longest match first, no overlaps."""
    lex = _hedge_lexicon()
    out: list[HedgeCue] = []
    toks = list(tokens)
    i = 0
    while i < len(toks):
        tok = toks[i]
        entries = lex.get(tok.lower_)
        matched = 0
        if entries:
            for words, cls, tags in entries:
                n = len(words)
                if i + n > len(toks) or tags and not tok.tag_.startswith(tags):
                    continue
                if all(toks[i + k].lower_ == words[k] for k in range(1, n)) and _applies(
                    toks[i : i + n], cls
                ):
                    last = toks[i + n - 1]
                    out.append(HedgeCue(tok.idx, last.idx + len(last.text), " ".join(words), cls))
                    matched = n
                    break
        i += matched or 1
    return out


def _applies(words: list[Token], cls: str) -> bool:
    """Context checks a word list cannot express."""
    first = words[0]
    low = first.lower_
    if low == "if" and first.i > 0 and first.nbor(-1).lower_ in ("as", "even"):
        return False  # "as if" compares, "even if" concedes: no uncertainty of the fact
    if cls == "conditional" and low == "would" and first.head.lower_ in ("like", "love"):
        return False  # "would like to" states a wish, not a hypothesis
    return True


def is_negated(sentence: TokenSpan, head: Token | None = None) -> tuple[bool, Token | None]:
    """Whether the sentence's main predicate (or ``head``) is negated, and the cue token."""
    neg = _negation_lexicon()
    root = head if head is not None else sentence.root
    # the predicate and its auxiliaries/copula carry "not"; subject/object determiners "no"
    for child in root.children:
        low = child.lower_
        if child.dep_ == "neg" or (
            low in neg and neg[low] == "verb" and child.dep_ in ("advmod", "neg")
        ):
            return True, child
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            for gc in (child, *child.children):
                if (
                    gc.lower_ in neg
                    and neg[gc.lower_] == "det"
                    and gc.dep_ in ("det", "nsubj", "nsubjpass", "dobj", "attr", "neg")
                ):
                    return True, gc
    return False, None


def certainty_of(hedges: list[HedgeCue], negated: bool) -> str:
    """asserted | hedged | negated | speculative, from a sentence's hedges and negation."""
    classes = {h.cls for h in hedges}
    if classes - {"conditional"}:
        return "hedged"
    if classes:
        return "speculative"
    return "negated" if negated else "asserted"
