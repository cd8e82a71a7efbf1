"""Recipients read off the parse (arguments.py), on hand-built Docs and actors (no model)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.events import extract_events
from newsgraph.records import Actor, Article, Span
from parsed_docs import parsed_doc


def run(doc: Doc, names: dict[str, str]):
    actors = []
    for k, (name, country) in enumerate(names.items(), 1):
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == name)
        actors.append(Actor(f"a{k}", name, "country", mentions, country=country, code=country))
    article = Article(id="t", text=doc.text, published="2024-03-04")
    by_id = {a.id: a.name for a in actors}
    return [
        (e.trigger.text, [by_id[i] for i in e.actors], [by_id[i] for i in e.recipients])
        for e in extract_events(doc, article, actors, [], [])
    ]


def test_arguments_reduced_passive_noun_is_the_recipient_not_the_actor():
    # "Diplomats of Borduria expelled by Ruritania left ." — the noun was expelled
    doc = parsed_doc(
        "Diplomats/NNS/nsubj/5 of/IN/prep/0 Borduria/NNP/pobj/1 expelled/VBN/acl/0 "
        "by/IN/agent/3 Ruritania/NNP/pobj/4 left/VBD/ROOT/6 ./././6"
    )
    events = run(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert ("expelled", ["Ruritania"], ["Borduria"]) in events


def test_arguments_present_participle_noun_is_the_actor():
    # counterexample: "Troops of Borduria attacking Ruritania withdrew ." — the noun acts
    doc = parsed_doc(
        "Troops/NNS/nsubj/5 of/IN/prep/0 Borduria/NNP/pobj/1 attacking/VBG/acl/0 "
        "Ruritania/NNP/dobj/3 withdrew/VBD/ROOT/5 ./././5"
    )
    events = run(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert ("attacking", ["Borduria"], ["Ruritania"]) in events


def _codes(doc: Doc, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """(trigger, PLOVER type) of each event; an actor per country, named by every word of
    ``names`` that has that country ("Lune" the capital of Borduria: one actor)."""
    actors = []
    for k, country in enumerate(dict.fromkeys(names.values()), 1):
        words = [n for n, c in names.items() if c == country]
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text in words)
        actors.append(Actor(f"a{k}", words[-1], "country", mentions, country=country, code=country))
    article = Article(id="t", text=doc.text, published="2024-03-04")
    return [(e.trigger.text, e.plover) for e in extract_events(doc, article, actors, [], [])]


def test_arguments_place_that_undergoes_protests_is_no_state_protesting():
    # "Borduria has experienced protests ." — where people protest, not a diplomatic protest
    doc = parsed_doc(
        "Borduria/NNP/nsubj/2 has/VBZ/aux/2 experienced/VBN/ROOT/2 protests/NNS/dobj/2 ./././2"
    )
    assert _codes(doc, {"Borduria": "BOR"}) == [("protests", "PROTEST")]
    # counterexample: "Borduria protested ." — the state itself protests: a complaint (ACCUSE)
    doc = parsed_doc("Borduria/NNP/nsubj/1 protested/VBD/ROOT/1 ./././1")
    assert _codes(doc, {"Borduria": "BOR"}) == [("protested", "ACCUSE")]


def test_arguments_dateline_word_taken_for_a_subject_is_no_state_protesting():
    # "Lune , Borduria - Borduria 's students marched ." — the parser made "Lune" the subject
    spec = (
        "Lune/NNP/nsubj/7 ,/,/punct/0 Borduria/NNP/appos/0 -/:/punct/0 Borduria/NNP/poss/6 "
        "'s/POS/case/4 students/NNS/{dep}/7 marched/VBD/ROOT/7 ./././7"
    )
    doc = parsed_doc(spec.format(dep="dep"), glued=(".", ",", "'s"))
    assert _codes(doc, {"Lune": "BOR", "Borduria": "BOR"}) == [("marched", "PROTEST")]
    # the same subject with no dateline before it ("Lune , Borduria marched"): a state
    doc = parsed_doc("Lune/NNP/nsubj/3 ,/,/punct/0 Borduria/NNP/appos/0 marched/VBD/ROOT/3 ./././3")
    assert _codes(doc, {"Lune": "BOR", "Borduria": "BOR"}) == [("marched", "ACCUSE")]


def test_arguments_main_verb_misparsed_as_a_modifier_takes_the_noun_as_object():
    # "Ruritania accused Borduria 's team ." parsed with "accused" as amod of "team"
    doc = parsed_doc(
        "Ruritania/NNP/nsubj/1 accused/VBD/amod/4 Borduria/NNP/poss/4 's/POS/case/2 "
        "team/NN/ROOT/4 ./././4",
        glued=(".", "'s"),
    )
    assert ("accused", ["Ruritania"], ["Borduria"]) in run(
        doc, {"Ruritania": "RUR", "Borduria": "BOR"}
    )
    # counterexample: "the accused Borduria team protested ." — a modifier with no subject
    doc = parsed_doc(
        "the/DT/det/3 accused/VBN/amod/3 Borduria/NNP/compound/3 team/NN/nsubj/4 "
        "protested/VBD/ROOT/4 ./././4"
    )
    assert not [e for e in run(doc, {"Borduria": "BOR"}) if e[0] == "accused"]


def _run_with_places(doc: Doc, names: dict[str, str], places: dict[str, str]):
    """Like run(), with the words of ``places`` (word → country) as place mentions."""
    from newsgraph.records import Place

    actors = []
    for k, (name, country) in enumerate(names.items(), 1):
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == name)
        actors.append(Actor(f"a{k}", name, "country", mentions, country=country, code=country))
    pls = [
        Place(
            f"p{k}",
            w,
            tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == w),
            c,
        )
        for k, (w, c) in enumerate(places.items(), 1)
    ]
    article = Article(id="t", text=doc.text, published="2024-03-04")
    by_id = {a.id: a.name for a in actors}
    return [
        (e.trigger.text, [by_id[i] for i in e.actors], [by_id[i] for i in e.recipients])
        for e in extract_events(doc, article, actors, pls, [])
    ]


def test_arguments_thing_with_a_country_modifier_belongs_to_that_country():
    # "Ruritania shot down a Borduran drone ." — Borduria (an actor elsewhere) owns the drone
    spec = (
        "Ruritania/NNP/nsubj/1 shot/VBD/ROOT/1 down/RP/prt/1 a/DT/det/5 Borduran/JJ/amod/5 "
        "drone/NN/dobj/1 ./././1 Borduria/NNP/nsubj/8 protested/VBD/ROOT/8 ./././8"
    )
    doc = parsed_doc(spec)
    names = {"Ruritania": "RUR", "Borduria": "BOR"}
    events = _run_with_places(doc, names, {"Borduran": "BOR"})
    assert ("shot", ["Ruritania"], ["Borduria"]) in events
    # counterexample: without Borduria as an actor in the article, no recipient is made up
    doc = parsed_doc(spec.replace("Borduria/NNP", "Lune/NNP"))
    events = _run_with_places(doc, {"Ruritania": "RUR"}, {"Borduran": "BOR"})
    assert ("shot", ["Ruritania"], []) in events


def test_arguments_verb_holding_an_event_noun_names_its_target():
    # "Ruritania put sanctions on Borduria ." — the target hangs on "put", not on the noun
    doc = parsed_doc(
        "Ruritania/NNP/nsubj/1 put/VBD/ROOT/1 sanctions/NNS/dobj/1 on/IN/prep/1 "
        "Borduria/NNP/pobj/3 ./././1"
    )
    events = run(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert ("sanctions", ["Ruritania"], ["Borduria"]) in events
    # counterexample: "Ruritania discussed sanctions on Monday ." names no target
    doc = parsed_doc(
        "Ruritania/NNP/nsubj/1 discussed/VBD/ROOT/1 sanctions/NNS/dobj/1 on/IN/prep/1 "
        "Monday/NNP/pobj/3 ./././1"
    )
    assert all(not e[2] for e in run(doc, {"Ruritania": "RUR"}))
