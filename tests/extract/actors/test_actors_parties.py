"""Party members as group actors (extract/actors/parties.py), on hand-built Docs."""

from __future__ import annotations

from newsgraph.extract.actors.build import find_candidates
from parsed_docs import parsed_doc


def _groups(spec: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str, str]]:
    doc = parsed_doc(spec, ents)
    return [
        (c.name, doc[c.start : c.end].text, c.key)
        for c in find_candidates(doc)
        if c.key.startswith("party:")
    ]


def test_actors_parties_members_named_by_their_party_are_one_group():
    # "Mnuchin appealed to Republicans and Republican lawmakers ."
    spec = (
        "Mnuchin/NNP/nsubj/1 appealed/VBD/ROOT/1 to/IN/prep/1 Republicans/NNPS/pobj/2 "
        "and/CC/cc/3 Republican/JJ/amod/6 lawmakers/NNS/conj/3 ./././1"
    )
    got = _groups(spec, [(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "NORP")])
    assert got == [
        ("Republicans", "Republicans", "party:republicans"),
        ("Republicans", "Republican lawmakers", "party:republicans"),
    ]


def test_actors_parties_adjective_without_group_noun_or_a_party_name_is_no_member_group():
    # "The bill passed without Democratic support ." — an adjective, nobody named
    spec = (
        "The/DT/det/1 bill/NN/nsubj/2 passed/VBD/ROOT/2 without/IN/prep/2 "
        "Democratic/JJ/amod/5 support/NN/pobj/3 ./././2"
    )
    assert _groups(spec, [(4, 5, "NORP")]) == []
    # "Germans protested ." — a nationality, not a party (the country rules read it)
    assert _groups("Germans/NNPS/nsubj/1 protested/VBD/ROOT/1 ./././1", [(0, 1, "NORP")]) == []
