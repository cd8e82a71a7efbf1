# ruff: noqa: E501 - token tables read best one sentence to a line
"""The three steps of coref.resolve_references on their own (hand-built Docs and candidates)."""

from __future__ import annotations

import pytest
from test_actors import Row, make_doc

from newsgraph.extract.actors.candidates import Cand
from newsgraph.extract.actors.coref import (
    _inside_quotes,
    _pair_phrase,
    _resolve_pronouns,
    _resolve_titles,
    _sent_bounds,
)


def _person(start: int, name: str, roles: tuple[str, ...] = (), country: str | None = None) -> Cand:
    end = start + len(name.split())
    return Cand(start, end, "person", name, "person", country, roles=roles,
                key=f"person:{name.lower()}", head=end - 1)  # fmt: skip


def test_coref_office_joins_its_only_holder():
    biden = _person(0, "Joe Biden", ("President",), "USA")
    office = Cand(
        5,
        7,
        "person",
        "The President",
        "person",
        "USA",
        roles=("President",),
        key="office:USA:president",
    )
    _resolve_titles([biden, office], [biden, office])
    assert office.key == "person:joe biden"


def test_coref_office_of_another_country_stays_apart():
    macron = _person(0, "Emmanuel Macron", ("President",), "FRA")
    office = Cand(
        5,
        7,
        "person",
        "The President",
        "person",
        "USA",
        roles=("President",),
        key="office:USA:president",
    )
    _resolve_titles([macron, office], [macron, office])
    assert office.key == "office:USA:president"


@pytest.mark.parametrize(
    ("holders", "joined"),
    [
        (["Vladimir Putin"], "person:vladimir putin"),
        (["Vladimir Putin", "Emmanuel Macron"], None),  # two presidents: unclear, left alone
    ],
)
def test_coref_title_said_alone_needs_exactly_one_holder(holders, joined):
    people = [_person(3 * i, name, ("President",)) for i, name in enumerate(holders)]
    ref = Cand(20, 22, "ref", "the president", "person", title="president", head=21)
    _resolve_titles([*people, ref], people)
    assert (ref.key or None, ref.kind) == (joined, "coref" if joined else "ref")


def test_coref_pronoun_opening_a_sentence_takes_the_previous_subject():
    # "Putin met Li. He left."
    s1: list[Row] = [
        ("Putin", "NNP", 1, "nsubj"),
        ("met", "VBD", 1, "ROOT"),
        ("Li", "NNP", 1, "dobj"),
        (".", ".", 1, "punct"),
    ]
    s2: list[Row] = [("He", "PRP", 1, "nsubj"), ("left", "VBD", 1, "ROOT"), (".", ".", 1, "punct")]
    doc = make_doc([s1, s2])
    putin, li = _person(0, "Putin"), _person(2, "Li")
    cands = [putin, li]
    _resolve_pronouns(doc, cands, [putin, li], _sent_bounds(doc), [t.lower_ for t in doc])
    assert [(c.start, c.kind, c.key, c.pronoun) for c in cands[2:]] == [
        (4, "coref", "person:putin", True)
    ]


def test_coref_pronoun_mid_sentence_with_no_person_before_it_is_left_alone():
    # "Putin met Li. They said he left.": "he" is mid-sentence with no person before it
    s1: list[Row] = [
        ("Putin", "NNP", 1, "nsubj"),
        ("met", "VBD", 1, "ROOT"),
        ("Li", "NNP", 1, "dobj"),
        (".", ".", 1, "punct"),
    ]
    s2: list[Row] = [
        ("They", "PRP", 1, "nsubj"),
        ("said", "VBD", 1, "ROOT"),
        ("he", "PRP", 3, "nsubj"),
        ("left", "VBD", 1, "ccomp"),
        (".", ".", 1, "punct"),
    ]
    doc = make_doc([s1, s2])
    putin, li = _person(0, "Putin"), _person(2, "Li")
    cands = [putin, li]
    _resolve_pronouns(doc, cands, [putin, li], _sent_bounds(doc), [t.lower_ for t in doc])
    assert len(cands) == 2


def test_coref_inside_quotes_marks_tokens_between_quotation_marks():
    lower = ["he", "said", ":", "“", "she", "lied", "”", '"', "we", '"', "he"]
    assert _inside_quotes(lower) == [
        False,
        False,
        False,
        False,
        True,
        True,
        False,
        False,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("words", "tags", "found"),
    [
        (
            ["the", "two", "neighboring", "countries"],
            ["DT", "CD", "VBG", "NNS"],
            (0, 4, "countries"),
        ),
        (["Both", "parties", "agreed"], ["DT", "NNS", "VBD"], (0, 2, "parties")),
        (["two", "weeks"], ["CD", "NNS"], None),  # not a noun for people or states
    ],
)
def test_coref_pair_phrase(words, tags, found):
    rows: list[Row] = [(w, t, 0, "dep") for w, t in zip(words, tags, strict=True)]
    doc = make_doc([rows])
    i = next(k for k, w in enumerate(words) if w.lower() in ("both", "two"))
    assert _pair_phrase(doc, i) == found
