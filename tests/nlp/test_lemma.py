"""Verb lemmas from PTB tags, standing in for spaCy's excluded lemmatizer."""

from __future__ import annotations

import pytest

from newsgraph.nlp.lemma import verb_lemma


@pytest.mark.parametrize(
    ("form", "tag", "lemma"),
    [
        ("said", "VBD", "say"), ("says", "VBZ", "say"), ("saying", "VBG", "say"),
        ("told", "VBD", "tell"), ("met", "VBD", "meet"), ("meeting", "VBG", "meet"),
        ("urged", "VBD", "urge"), ("denied", "VBD", "deny"), ("denies", "VBZ", "deny"),
        ("accused", "VBN", "accuse"), ("visited", "VBD", "visit"), ("stopped", "VBD", "stop"),
        ("announced", "VBD", "announce"), ("warned", "VBD", "warn"), ("struck", "VBD", "strike"),
        ("reported", "VBD", "report"), ("suggested", "VBD", "suggest"), ("adding", "VBG", "add"),
        ("threatened", "VBD", "threaten"), ("pushes", "VBZ", "push"), ("killed", "VBN", "kill"),
        ("noted", "VBD", "note"), ("Said", "VBD", "say"), ("say", "VBP", "say"),
    ],
)  # fmt: skip
def test_lemma_verb_forms(form, tag, lemma):
    assert verb_lemma(form, tag) == lemma
