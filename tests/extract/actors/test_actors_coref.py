# ruff: noqa: E501 - token tables read best one sentence to a line
"""Coreference rules and the lexicon readers, on hand-built Docs (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_actors import PUTIN_MEETS_LI, PUTIN_MEETS_LI_ENTS, Row, actors_of, by_name, make_doc

from newsgraph.errors import InputError
from newsgraph.extract.actors.gazetteer import gazetteer


def test_actors_coref_both_parties_is_a_mention_of_each():
    both: list[Row] = [
        ("Both", "DT", 1, "det"),
        ("parties", "NNS", 2, "nsubj"),
        ("agreed", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    actors = actors_of(make_doc([PUTIN_MEETS_LI, both], PUTIN_MEETS_LI_ENTS))
    for name in ("Vladimir Putin", "Li Shangfu"):
        assert "Both parties" in [m.text for m in by_name(actors, name).mentions]


def test_actors_coref_both_parties_needs_exactly_two():
    # one person before: nobody to split "both" between
    s1: list[Row] = [
        ("Putin", "NNP", 1, "nsubj"),
        ("spoke", "VBD", 1, "ROOT"),
        (".", ".", 1, "punct"),
    ]
    both: list[Row] = [
        ("Both", "DT", 1, "det"),
        ("sides", "NNS", 2, "nsubj"),
        ("agreed", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    actors = actors_of(make_doc([s1, both], [(0, 1, "PERSON")]))
    assert all("Both sides" not in [m.text for m in a.mentions] for a in actors)


def test_actors_coref_pronoun_inside_quote_is_left_alone():
    s1: list[Row] = [
        ("Putin", "NNP", 1, "nsubj"),
        ("said", "VBD", 1, "ROOT"),
        (":", ":", 1, "punct"),
    ]
    s2: list[Row] = [
        ("“", "``", 2, "punct"),
        ("He", "PRP", 2, "nsubj"),
        ("lied", "VBD", 2, "ROOT"),
        ("”", "''", 2, "punct"),
    ]
    actors = actors_of(make_doc([s1, s2], [(0, 1, "PERSON")]))
    assert [m.text for m in by_name(actors, "Vladimir Putin").mentions] == ["Putin"]


def test_actors_coref_pronoun_in_same_sentence_after_its_person():
    # "Macron had hopes when he visited Beijing."
    rows: list[Row] = [
        ("Macron", "NNP", 1, "nsubj"), ("had", "VBD", 1, "ROOT"), ("hopes", "NNS", 1, "dobj"), ("when", "WRB", 5, "advmod"),
        ("he", "PRP", 5, "nsubj"), ("visited", "VBD", 1, "advcl"), ("Beijing", "NNP", 5, "dobj"), (".", ".", 1, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([rows], [(0, 1, "PERSON"), (6, 7, "GPE")]))
    assert [m.text for m in by_name(actors, "Emmanuel Macron").mentions] == ["Macron", "he"]
    assert "China" not in [a.name for a in actors]  # a visited capital is a place only


def test_actors_coref_office_joins_its_named_holder():
    # "President Joe Biden spoke. The President of the United States left."
    s1: list[Row] = [
        ("President", "NNP", 2, "compound"),
        ("Joe", "NNP", 2, "compound"),
        ("Biden", "NNP", 3, "nsubj"),
        ("spoke", "VBD", 3, "ROOT"),
        (".", ".", 3, "punct"),
    ]
    s2: list[Row] = [
        ("The", "DT", 1, "det"), ("President", "NNP", 6, "nsubj"), ("of", "IN", 1, "prep"), ("the", "DT", 5, "det"),
        ("United", "NNP", 5, "compound"), ("States", "NNP", 2, "pobj"), ("left", "VBD", 6, "ROOT"), (".", ".", 6, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([s1, s2], [(1, 3, "PERSON"), (8, 11, "GPE")]))
    biden = by_name(actors, "Joe Biden")
    assert biden.country == "USA" and "The President" in [m.text for m in biden.mentions]
    assert len([a for a in actors if a.type == "person"]) == 1


def test_actors_of_country_after_name_gives_country_not_an_actor():
    rows: list[Row] = [
        ("King", "NNP", 1, "compound"),
        ("Hassan", "NNP", 4, "nsubj"),
        ("of", "IN", 1, "prep"),
        ("Morocco", "NNP", 2, "pobj"),
        ("spoke", "VBD", 4, "ROOT"),
        (".", ".", 4, "punct"),
    ]
    actors = actors_of(make_doc([rows], [(1, 2, "PERSON"), (3, 4, "GPE")]))
    assert [(a.name, a.country, a.code) for a in actors] == [("Hassan", "MAR", "MARGOV")]


def test_actors_name_part_inside_another_entity_is_not_the_person():
    # "Democratic" of "Democratic Party" must not join a person whose name holds it
    s1: list[Row] = [
        ("Ann", "NNP", 1, "compound"),
        ("Democratic", "NNP", 2, "nsubj"),
        ("spoke", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    s2: list[Row] = [
        ("The", "DT", 2, "det"),
        ("Democratic", "NNP", 2, "compound"),
        ("Party", "NNP", 3, "nsubj"),
        ("won", "VBD", 3, "ROOT"),
        (".", ".", 3, "punct"),
    ]
    actors = actors_of(make_doc([s1, s2], [(0, 2, "PERSON"), (4, 7, "ORG")]))
    assert [m.text for m in by_name(actors, "Ann Democratic").mentions] == ["Ann Democratic"]
    party = by_name(actors, "Democratic Party")
    assert (party.type, party.sectors) == ("organization", ("PTY",))


def test_gazetteer_lookups():
    g = gazetteer()
    assert g.country_of_word("Russian") == "RUS" and g.country_of_word("Ukrainians") == "UKR"
    assert g.country_of_word("the United States") == "USA" and g.country_of_word("U.K.") == "GBR"
    assert g.capitals["moscow"] == "RUS" and g.capitals["kyiv"] == "UKR"
    assert g.titles["defense minister"] == ("MIL", "GOV")
    assert g.named["nato"].code == "IGOWSTNAT" and g.named["japan times"].country == "JPN"
    assert len(g.countries) > 190


def test_gazetteer_user_dictionary_errors_name_the_file(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("who,country\nX,USA\n")
    with pytest.raises(InputError, match="bad.csv"):
        gazetteer((str(bad),))
    with pytest.raises(InputError, match="does not exist"):
        gazetteer((str(tmp_path / "missing.csv"),))


def test_actors_junior_is_another_person():
    rows: list[Row] = [
        ("Donald", "NNP", 1, "compound"), ("Trump", "NNP", 5, "nsubj"), ("and", "CC", 1, "cc"), ("Donald", "NNP", 4, "compound"),
        ("Trump", "NNP", 4, "compound"), ("Jr.", "NNP", 1, "conj"), ("met", "VBD", 6, "ROOT"), (".", ".", 6, "punct"),
    ]  # fmt: skip
    s2: list[Row] = [
        ("Trump", "NNP", 1, "nsubj"),
        ("left", "VBD", 1, "ROOT"),
        (".", ".", 1, "punct"),
    ]
    s3: list[Row] = [
        ("Trump", "NNP", 1, "compound"),
        ("Jr.", "NNP", 2, "nsubj"),
        ("stayed", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    actors = actors_of(
        make_doc(
            [rows, s2, s3],
            [(0, 2, "PERSON"), (3, 6, "PERSON"), (8, 9, "PERSON"), (11, 13, "PERSON")],
        )
    )
    assert [m.text for m in by_name(actors, "Donald Trump").mentions] == ["Donald Trump", "Trump"]
    assert [m.text for m in by_name(actors, "Donald Trump Jr.").mentions] == [
        "Donald Trump Jr.",
        "Trump Jr.",
    ]


def test_actors_short_form_joins_the_outlet_named_before():
    s1: list[Row] = [
        ("The", "DT", 2, "det"),
        ("Washington", "NNP", 2, "compound"),
        ("Post", "NNP", 3, "nsubj"),
        ("reported", "VBD", 3, "ROOT"),
        (".", ".", 3, "punct"),
    ]
    s2: list[Row] = [
        ("The", "DT", 1, "det"),
        ("Post", "NNP", 2, "nsubj"),
        ("added", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    actors = actors_of(make_doc([s1, s2], [(0, 3, "ORG"), (6, 7, "ORG")]))
    post = by_name(actors, "The Washington Post")
    assert [m.text for m in post.mentions] == ["The Washington Post", "Post"] and len(actors) == 1


@pytest.mark.parametrize(
    ("words", "tags", "ents", "name", "code"),
    [
        (
            ["Syrian", "government", "forces", "attacked", "."],
            ["JJ", "NN", "NNS", "VBD", "."],
            [(0, 1, "NORP")],
            "Syrian government forces",
            "SYRMIL",
        ),
        (
            ["European", "Commission", "President", "Jean-Claude", "Juncker", "spoke", "."],
            ["NNP", "NNP", "NNP", "NNP", "NNP", "VBD", "."],
            [(0, 2, "ORG"), (3, 5, "PERSON")],
            "Jean-Claude Juncker",
            "IGOWSTEEC",
        ),
        (
            ["The", "KRG", "rejected", "it", "."],
            ["DT", "NNP", "VBD", "PRP", "."],
            [(1, 2, "ORG")],
            "Kurdistan Regional Government",
            "IRQGOV",
        ),
    ],
)
def test_actors_group_chains_igo_officers_and_named_groups(words, tags, ents, name, code):
    n = len(words)
    rows: list[Row] = [(w, t, n - 2, "dep") for w, t in zip(words, tags, strict=True)]
    assert by_name(actors_of(make_doc([rows], ents)), name).code == code


def test_actors_court_subject_gives_no_nationality_to_the_person_it_rules_on():
    # "A German court rejected a request for Catalonia's former leader Carles Puigdemont."
    rows: list[Row] = [
        ("A", "DT", 2, "det"), ("German", "JJ", 2, "amod"), ("court", "NN", 3, "nsubj"), ("rejected", "VBD", 3, "ROOT"),
        ("a", "DT", 5, "det"), ("request", "NN", 3, "dobj"), ("for", "IN", 5, "prep"), ("Catalonia", "NNP", 11, "poss"),
        ("'s", "POS", 7, "case"), ("former", "JJ", 10, "amod"), ("leader", "NN", 11, "compound"), ("Carles", "NNP", 12, "compound"),
        ("Puigdemont", "NNP", 6, "pobj"), (".", ".", 3, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([rows], [(1, 2, "NORP"), (7, 8, "GPE"), (11, 13, "PERSON")]))
    assert by_name(actors, "Carles Puigdemont").country is None
    assert by_name(actors, "German court").code == "DEUJUD"
