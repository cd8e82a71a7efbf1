"""Hedge cues, negation and certainty (extract/hedges.py) on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.speech.hedges import certainty_of, find_hedges, is_negated
from newsgraph.nlp import blank_english


def make_doc(words, tags, heads=None, deps=None):
    vocab = blank_english().vocab
    n = len(words)
    return Doc(vocab, words=words, spaces=[True] * (n - 1) + [False], tags=tags,
               heads=heads or [0] * n, deps=deps or ["ROOT"] + ["dep"] * (n - 1))  # fmt: skip


def cues(doc) -> list[str]:
    return [doc.text[h.start : h.end] for h in find_hedges(doc[:])]


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        (
            ["Russia", "has", "reportedly", "won", "."],
            ["NNP", "VBZ", "RB", "VBN", "."],
            ["reportedly"],
        ),
        (
            ["It", "seems", "to", "suggest", "war", "."],
            ["PRP", "VBZ", "TO", "VB", "NN", "."],
            ["seems to suggest"],
        ),
        (["It", "seems", "to", "run", "."], ["PRP", "VBZ", "TO", "VB", "."], ["seems to"]),
        (["It", "is", "still", "unclear", "."], ["PRP", "VBZ", "RB", "JJ", "."], ["unclear"]),
        (["They", "may", "leave", "."], ["PRP", "MD", "VB", "."], ["may"]),
        (["He", "left", "in", "May", "."], ["PRP", "VBD", "IN", "NNP", "."], []),  # the month
        (
            ["It", "is", "reported", "that", "he", "left"],
            ["PRP", "VBZ", "VBN", "IN", "PRP", "VBD"],
            ["It is reported"],
        ),
        (["He", "allegedly", "lied"], ["PRP", "RB", "VBD"], ["allegedly"]),
        (["We", "ask", "whether", "he", "left"], ["PRP", "VBP", "IN", "PRP", "VBD"], ["whether"]),
        (
            ["He", "acted", "as", "if", "nothing", "happened"],
            ["PRP", "VBD", "IN", "IN", "NN", "VBD"],
            [],
        ),
        (["The", "deal", "was", "signed", "."], ["DT", "NN", "VBD", "VBN", "."], []),
    ],
)
def test_hedges_cues(words, tags, expected):
    assert cues(make_doc(words, tags)) == expected


def test_hedges_negation_on_main_verb():
    # "He did not leave ." : leave is the root, "not" its neg child
    words, tags = ["He", "did", "not", "leave", "."], ["PRP", "VBD", "RB", "VB", "."]
    deps = ["nsubj", "aux", "neg", "ROOT", "punct"]
    doc = make_doc(words, tags, heads=[3, 3, 3, 3, 3], deps=deps)
    negated, cue = is_negated(doc[:])
    assert negated and cue.text == "not"


def test_hedges_negation_by_determiner():
    doc = make_doc(["No", "suspects", "were", "identified"], ["DT", "NNS", "VBD", "VBN"],
                   heads=[1, 3, 3, 3], deps=["det", "nsubjpass", "auxpass", "ROOT"])  # fmt: skip
    assert is_negated(doc[:])[0]


def test_hedges_negation_in_subordinate_clause_is_not_the_sentence():
    # "Since Congress has not approved , the US is fighting ."
    words = ["Since", "Congress", "has", "not", "approved", ",", "the", "US", "is", "fighting", "."]
    tags = ["IN", "NNP", "VBZ", "RB", "VBN", ",", "DT", "NNP", "VBZ", "VBG", "."]
    heads = [4, 4, 4, 4, 9, 9, 7, 9, 9, 9, 9]
    deps = ["mark", "nsubj", "aux", "neg", "advcl", "punct", "det", "nsubj", "aux", "ROOT", "punct"]
    assert not is_negated(make_doc(words, tags, heads, deps)[:])[0]


@pytest.mark.parametrize(
    ("words", "tags", "negated", "expected"),
    [
        (["He", "reportedly", "left"], ["PRP", "RB", "VBD"], False, "hedged"),
        (["If", "he", "left"], ["IN", "PRP", "VBD"], False, "speculative"),
        (["He", "would", "leave"], ["PRP", "MD", "VB"], False, "speculative"),
        (["He", "may", "leave", "if", "asked"], ["PRP", "MD", "VB", "IN", "VBN"], False, "hedged"),
        (["He", "left"], ["PRP", "VBD"], True, "negated"),
        (["He", "left"], ["PRP", "VBD"], False, "asserted"),
    ],
)
def test_hedges_certainty(words, tags, negated, expected):
    doc = make_doc(words, tags)
    assert certainty_of(find_hedges(doc[:]), negated) == expected
