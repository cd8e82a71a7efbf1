# ruff: noqa: E501 - token tables read best one sentence to a line
"""The four passes of people.add_people, each on a hand-built Doc (no model needed)."""

from __future__ import annotations

import pytest
from test_actors import Row, make_doc

from newsgraph.extract.actors.build import matched_state
from newsgraph.extract.actors.candidates import State
from newsgraph.extract.actors.people import (
    _people_before_clauses,
    _people_from_entities,
    _person_from_title,
    _read_title,
    _roles_from_appositions,
)


def _title_pass(rows: list[Row], ents: list[tuple[int, int, str]]) -> State:
    st = matched_state(make_doc([rows], ents))[0]
    for _lab, s, e in st.title_matches:
        _person_from_title(st, _read_title(st, s, e))
    return st


def _seen(st: State) -> list[tuple[str, str, str | None, tuple[str, ...], str]]:
    return [(c.kind, c.name, c.country, c.roles, c.key) for c in st.cands]


def test_people_title_pass_reads_the_name_after_of_country():
    # "The president of France, Emmanuel Macron, spoke."
    rows: list[Row] = [
        ("The", "DT", 1, "det"), ("president", "NN", 8, "nsubj"), ("of", "IN", 1, "prep"), ("France", "NNP", 2, "pobj"),
        (",", ",", 1, "punct"), ("Emmanuel", "NNP", 6, "compound"), ("Macron", "NNP", 1, "appos"), (",", ",", 1, "punct"),
        ("spoke", "VBD", 8, "ROOT"), (".", ".", 8, "punct"),
    ]  # fmt: skip
    st = _title_pass(rows, [(3, 4, "GPE"), (5, 7, "PERSON")])
    assert _seen(st) == [("person", "Emmanuel Macron", "FRA", ("president",), "")]
    assert st.taken[1:7] == [True] * 6 and 3 in st.person_country_words  # France qualifies him


def test_people_title_pass_takes_the_name_after_the_title():
    # "Chinese Defense Minister Li Shangfu spoke."
    rows: list[Row] = [
        ("Chinese", "JJ", 1, "amod"), ("Defense", "NNP", 2, "compound"), ("Minister", "NNP", 4, "compound"),
        ("Li", "NNP", 4, "compound"), ("Shangfu", "NNP", 5, "nsubj"), ("spoke", "VBD", 5, "ROOT"), (".", ".", 5, "punct"),
    ]  # fmt: skip
    st = _title_pass(rows, [(0, 1, "NORP"), (3, 5, "PERSON")])
    assert _seen(st) == [("person", "Li Shangfu", "CHN", ("Defense Minister",), "")]
    assert st.cands[0].sectors == ("MIL", "GOV") and st.taken[:5] == [True] * 5


def test_people_title_pass_keeps_an_office_known_by_its_country():
    # "A Russian official said."
    rows: list[Row] = [("A", "DT", 2, "det"), ("Russian", "JJ", 2, "amod"), ("official", "NN", 3, "nsubj"), ("said", "VBD", 3, "ROOT"), (".", ".", 3, "punct")]  # fmt: skip
    st = _title_pass(rows, [(1, 2, "NORP")])
    assert _seen(st) == [
        ("person", "A Russian official", "RUS", ("official",), "office:RUS:official")
    ]


def test_people_title_pass_leaves_a_bare_title_to_coref():
    rows: list[Row] = [("The", "DT", 1, "det"), ("president", "NN", 2, "nsubj"), ("spoke", "VBD", 2, "ROOT"), (".", ".", 2, "punct")]  # fmt: skip
    st = _title_pass(rows, [])
    assert [(c.kind, c.name, c.title) for c in st.cands] == [("ref", "The president", "president")]
    assert not any(st.taken)  # a ref takes no tokens: coref resolves it or it is dropped


def test_people_title_after_a_name_is_read_as_its_apposition():
    # "Jamal Abdi, president of Iran, spoke.": passes 1, 2 and 4
    rows: list[Row] = [
        ("Jamal", "NNP", 1, "compound"), ("Abdi", "NNP", 7, "nsubj"), (",", ",", 1, "punct"), ("president", "NN", 1, "appos"),
        ("of", "IN", 3, "prep"), ("Iran", "NNP", 4, "pobj"), (",", ",", 1, "punct"), ("spoke", "VBD", 7, "ROOT"), (".", ".", 7, "punct"),
    ]  # fmt: skip
    st = _title_pass(rows, [(0, 2, "PERSON"), (5, 6, "GPE")])
    assert st.cands == []  # the title pass leaves it to the name
    _people_from_entities(st, st.title_matches)
    _roles_from_appositions(st)
    assert _seen(st) == [("person", "Jamal Abdi", "IRN", ("president of Iran",), "")]
    assert st.cands[0].sectors == ("GOV",) and st.taken[3:6] == [True] * 3


@pytest.mark.parametrize(
    ("words", "ents", "people"),
    [
        (
            ["New", "Hampshire", "Democratic", "Party", "won", "."],
            [(0, 4, "PERSON")],
            [],
        ),  # an organisation
        (["Sri", "Lanka", "won", "."], [(0, 2, "PERSON")], []),  # nothing but a country name
        (
            ["Trump", "’s", "Miss", "Universe", "won", "."],
            [(0, 4, "PERSON")],
            ["Trump"],
        ),  # ends at the possessive
        (
            ["President", "Bush", "won", "."],
            [(0, 2, "PERSON")],
            ["Bush"],
        ),  # a title inside the entity
    ],
)
def test_people_entity_pass_keeps_only_person_names(words, ents, people):
    n = len(words)
    rows: list[Row] = [(w, "NNP" if w[0].isupper() else ".", n - 2, "dep") for w in words]
    st = matched_state(make_doc([rows], ents))[0]
    _people_from_entities(st, st.title_matches)
    assert [c.name for c in st.cands] == people


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        ("Vladyslav", "Vlasiuk", ["Vladyslav Vlasiuk"]),
        ("Heritage", "Foundation", []),  # an organisation word: no person
    ],
)
def test_people_clause_pass_reads_a_name_before_who(first, second, found):
    # "<First> <Second>, who spoke, left."
    rows: list[Row] = [
        (first, "NNP", 1, "compound"), (second, "NNP", 6, "nsubj"), (",", ",", 1, "punct"), ("who", "WP", 4, "nsubj"),
        ("spoke", "VBD", 1, "relcl"), (",", ",", 1, "punct"), ("left", "VBD", 6, "ROOT"), (".", ".", 6, "punct"),
    ]  # fmt: skip
    st = matched_state(make_doc([rows]))[0]
    _people_before_clauses(st)
    assert [c.name for c in st.cands] == found
