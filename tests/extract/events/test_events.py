"""Unit tests of event extraction on hand-built Docs and hand-built actors (no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.actors.dates import sentence_date
from newsgraph.extract.events import extract_events
from newsgraph.extract.events.triggers import code_table, trigger_index
from newsgraph.lexicons import load_table
from newsgraph.records import PLOVER_TYPES, Actor, Article, Attribution, Place, Span
from parsed_docs import parsed_doc


def actors_for(
    doc: Doc, countries: dict[str, str], types: dict[str, str] | None = None
) -> list[Actor]:
    """One actor per name, with every token of the doc that spells it as a mention."""
    out = []
    for k, (name, country) in enumerate(countries.items(), 1):
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == name)
        kind = (types or {}).get(name, "country")
        out.append(Actor(f"a{k}", name, kind, mentions, country=country, code=country + "GOV"))
    return out


def run(
    doc: Doc,
    actors: list[Actor],
    places: list[Place] | None = None,
    attributions: list[Attribution] | None = None,
    published: str | None = "2024-03-04",
):
    article = Article(id="t", text=doc.text, published=published)
    return extract_events(
        doc, article, actors, places or [], attributions or [], date_of=sentence_date
    )


def countries(actors: list[Actor], ids) -> set[str]:
    by_id = {a.id: a.country for a in actors}
    return {by_id[i] for i in ids}


def test_events_verb_trigger_gives_actor_recipient_and_code_facts():
    doc = parsed_doc("Russia/NNP/nsubj/1 attacked/VBD/ROOT/1 Ukraine/NNP/dobj/1 ././punct/1")
    actors = actors_for(doc, {"Russia": "RUS", "Ukraine": "UKR"})
    [e] = run(doc, actors)
    assert (e.plover, e.cameo, e.quad_class) == ("ASSAULT", "190", 4)
    assert e.goldstein == code_table()["190"].goldstein == -10.0
    assert countries(actors, e.actors) == {"RUS"} and countries(actors, e.recipients) == {"UKR"}
    assert e.actor_codes == ("RUSGOV",) and e.recipient_codes == ("UKRGOV",)
    assert e.trigger.text == "attacked" and e.evidence.text == doc.text.strip()
    assert e.id == "e1" and e.certainty == "asserted" and not e.negated
    assert e.date is not None and e.date.start == "2024-03-04"


def test_events_without_an_actor_are_not_emitted():
    doc = parsed_doc(
        "Shells/NNS/nsubj/1 attacked/VBD/ROOT/1 the/DT/det/3 town/NN/dobj/1 ././punct/1"
    )
    assert run(doc, []) == []


def test_events_passive_agent_is_the_actor_and_subject_the_recipient():
    doc = parsed_doc(
        "Ukraine/NNP/nsubjpass/2 was/VBD/auxpass/2 attacked/VBN/ROOT/2 by/IN/agent/2 "
        "Russia/NNP/pobj/3 ././punct/2"
    )
    actors = actors_for(doc, {"Russia": "RUS", "Ukraine": "UKR"})
    [e] = run(doc, actors)
    assert countries(actors, e.actors) == {"RUS"} and countries(actors, e.recipients) == {"UKR"}


def test_events_negated_event_is_marked_not_asserted():
    doc = parsed_doc(
        "Russia/NNP/nsubj/3 did/VBD/aux/3 not/RB/neg/3 "
        "attack/VB/ROOT/3 Ukraine/NNP/dobj/3 ././punct/3"
    )
    [e] = run(doc, actors_for(doc, {"Russia": "RUS", "Ukraine": "UKR"}))
    assert e.negated and e.certainty == "negated"


def test_events_threat_frame_codes_the_threat_not_the_attack():
    doc = parsed_doc(
        "Iran/NNP/nsubj/1 threatened/VBD/ROOT/1 to/TO/aux/3 "
        "attack/VB/xcomp/1 Iraq/NNP/dobj/3 ././punct/1"
    )
    actors = actors_for(doc, {"Iran": "IRN", "Iraq": "IRQ"})
    [e] = run(doc, actors)
    assert (e.plover, e.cameo) == ("THREATEN", "138")
    assert countries(actors, e.recipients) == {"IRQ"}


def test_events_denial_keeps_the_denied_event_negated():
    doc = parsed_doc(
        "China/NNP/nsubj/1 denied/VBD/ROOT/1 sending/VBG/xcomp/1 weapons/NNS/dobj/2 to/IN/prep/2 "
        "Russia/NNP/pobj/4 ././punct/1"
    )
    actors = actors_for(doc, {"China": "CHN", "Russia": "RUS"})
    events = run(doc, actors)
    denial = [e for e in events if e.cameo == "016"]
    aid = [e for e in events if e.plover == "AID"]
    assert len(denial) == 1 and denial[0].plover is None
    assert denial[0].recipients == ()  # a denial is a statement, not an act towards Russia
    assert len(aid) == 1 and aid[0].negated and aid[0].certainty == "negated"
    assert countries(actors, aid[0].actors) == {"CHN"}


def test_events_planned_visit_is_an_intent_to_meet():
    doc = parsed_doc(
        "Macron/NNP/nsubj/2 will/MD/aux/2 visit/VB/ROOT/2 China/NNP/dobj/2 ././punct/2"
    )
    [e] = run(doc, actors_for(doc, {"Macron": "FRA", "China": "CHN"}, {"Macron": "person"}))
    assert (e.plover, e.cameo) == ("AGREE", "036")


def test_events_meeting_with_is_reciprocal_and_placed():
    doc = parsed_doc(
        "Putin/NNP/nsubj/1 met/VBD/ROOT/1 with/IN/prep/1 Xi/NNP/pobj/2 in/IN/prep/1 "
        "Moscow/NNP/pobj/4 ././punct/1",
        "B-PERSON O O B-PERSON O B-GPE O",
    )
    actors = actors_for(doc, {"Putin": "RUS", "Xi": "CHN"}, {"Putin": "person", "Xi": "person"})
    moscow = Place("p1", "Moscow", (Span.of(doc.text, doc[5].idx, doc[5].idx + 6),), country="RUS")
    [e] = run(doc, actors, [moscow])
    assert e.plover == "CONSULT" and e.place == "p1"
    assert countries(actors, e.actors) == countries(actors, e.recipients) == {"RUS", "CHN"}


def test_events_coordinated_subject_gives_every_actor():
    doc = parsed_doc(
        "Russia/NNP/nsubj/3 and/CC/cc/0 China/NNP/conj/0 agreed/VBD/ROOT/3 to/TO/aux/5 "
        "cooperate/VB/xcomp/3 ././punct/3"
    )
    actors = actors_for(doc, {"Russia": "RUS", "China": "CHN"})
    [e] = run(doc, actors)
    assert (e.plover, e.cameo) == ("AGREE", "031")
    assert countries(actors, e.actors) == {"RUS", "CHN"}


def test_events_event_inside_an_attribution_links_it_and_keeps_its_hedge():
    doc = parsed_doc(
        "Reportedly/RB/advmod/2 Kyiv/NNP/nsubj/2 said/VBD/ROOT/2 Russia/NNP/nsubj/4 "
        "attacked/VBD/ccomp/2 Ukraine/NNP/dobj/4 ././punct/2"
    )
    actors = actors_for(doc, {"Kyiv": "UKR", "Russia": "RUS", "Ukraine": "UKR"})
    content = Span.of(doc.text, doc[3].idx, doc[5].idx + len(doc[5]))
    hedge = Span.of(doc.text, 0, len("Reportedly"))
    att = Attribution("q1", "indirect", content, source="a1", hedges=(hedge,))
    [e] = run(doc, actors, attributions=[att])
    assert e.attribution == "q1" and e.certainty == "hedged"


def test_events_background_history_is_not_a_current_event():
    doc = parsed_doc(
        "Iraq/NNP/nsubj/1 invaded/VBD/ROOT/1 Kuwait/NNP/dobj/1 "
        "in/IN/prep/1 1990/CD/pobj/3 ././punct/1",
        "B-GPE O B-GPE O B-DATE O",
    )
    assert run(doc, actors_for(doc, {"Iraq": "IRQ", "Kuwait": "KWT"})) == []


def test_events_trigger_lexicon_uses_known_codes_and_covers_every_plover_type():
    codes = code_table()
    covered = set()
    for rules in trigger_index().values():
        for r in rules:
            if r.cameo:
                assert r.cameo in codes
                covered.add(r.plover or codes[r.cameo].plover)
    assert set(PLOVER_TYPES) <= covered


def test_events_code_table_has_goldstein_and_quad_for_every_code():
    rows = load_table("cameo_codes.tsv")
    assert len(rows) == 311
    for row in rows:
        quad = int(row["quad_class"])
        root = int(row["code"][:2])
        assert quad == (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4)
        assert -10.0 <= float(row["goldstein"]) <= 10.0
    assert code_table()["043"].plover == "CONSULT" and code_table()["043"].goldstein == 2.8


@pytest.mark.parametrize("code", ["016", "043", "1823", "20"])
def test_events_cameo_codes_are_strings_of_two_to_four_digits(code):
    assert code_table()[code].code == code
