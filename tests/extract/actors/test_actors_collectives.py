# ruff: noqa: E501 - token tables read best one sentence to a line
"""The pieces of collectives.add_countries, each on a hand-built Doc (no model needed)."""

from __future__ import annotations

import pytest
from test_actors import Row, make_doc

from newsgraph.extract.actors.build import matched_state
from newsgraph.extract.actors.collectives import (
    _add_country_word,
    _add_national_group,
    _inside_longer_names,
)


def test_collectives_country_word_inside_a_longer_name_is_skipped():
    # "George Washington and New Jersey": Washington and Jersey are parts of other names
    rows: list[Row] = [
        ("George", "NNP", 1, "compound"), ("Washington", "NNP", 1, "ROOT"), ("and", "CC", 1, "cc"),
        ("New", "NNP", 4, "compound"), ("Jersey", "NNP", 1, "conj"),
    ]  # fmt: skip
    st = matched_state(make_doc([rows], [(0, 2, "PERSON"), (3, 5, "GPE")]))[0]
    assert {s for s, _e, _iso in st.country_words} == {1, 4}
    assert _inside_longer_names(st) == {1, 4}


def test_collectives_national_group_gives_every_coordinated_country_the_group():
    # "Hungarian and Romanian officials met."
    rows: list[Row] = [
        ("Hungarian", "JJ", 3, "amod"), ("and", "CC", 0, "cc"), ("Romanian", "JJ", 0, "conj"),
        ("officials", "NNS", 4, "nsubj"), ("met", "VBD", 4, "ROOT"), (".", ".", 4, "punct"),
    ]  # fmt: skip
    st, _user, groups = matched_state(make_doc([rows], [(0, 1, "NORP"), (2, 3, "NORP")]))
    starts = {s: (e, st.doc[s:e].text) for _lab, s, e in groups}
    assert not _add_national_group(st, 0, 1, "HUN", starts)  # "and" is no group noun
    assert _add_national_group(st, 2, 3, "ROU", starts)
    assert [(c.name, c.country, c.key) for c in st.cands] == [
        ("Hungarian officials", "HUN", "group:HUN:officials"),
        ("Romanian officials", "ROU", "group:ROU:officials"),
    ]


@pytest.mark.parametrize(
    ("rows", "at", "found"),
    [
        # "Beijing sent weapons.": a capital as subject is its government acting
        (
            [
                ("Beijing", "NNP", 1, "nsubj"),
                ("sent", "VBD", 1, "ROOT"),
                ("weapons", "NNS", 1, "dobj"),
                (".", ".", 1, "punct"),
            ],
            0,
            [("China", "CHN", ("GOV",), True)],
        ),
        # "Putin visited Beijing.": a destination is a place, no actor
        (
            [
                ("Putin", "NNP", 1, "nsubj"),
                ("visited", "VBD", 1, "ROOT"),
                ("Beijing", "NNP", 1, "dobj"),
                (".", ".", 1, "punct"),
            ],
            2,
            [],
        ),
        # "the war in Ukraine": a place
        (
            [
                ("the", "DT", 1, "det"),
                ("war", "NN", 1, "ROOT"),
                ("in", "IN", 1, "prep"),
                ("Ukraine", "NNP", 2, "pobj"),
            ],
            3,
            [],
        ),
        # "Ukraine rejected it.": a country that acts
        (
            [
                ("Ukraine", "NNP", 1, "nsubj"),
                ("rejected", "VBD", 1, "ROOT"),
                ("it", "PRP", 1, "dobj"),
                (".", ".", 1, "punct"),
            ],
            0,
            [("Ukraine", "UKR", (), False)],
        ),
    ],
)
def test_collectives_country_word_acts_or_is_a_place(rows, at, found):
    st = matched_state(make_doc([rows]))[0]
    (s, e, iso) = next(w for w in st.country_words if w[0] == at)
    _add_country_word(st, s, e, iso)
    assert [(c.name, c.country, c.sectors, c.metonym) for c in st.cands] == found
