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
