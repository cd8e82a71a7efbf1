"""Verdicts (criticism, praise) carried by naming verbs and evaluative predicates, on
hand-built Docs, actors and attributions (no model)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.verdicts import act_verdict, naming_verdict
from newsgraph.records import Actor, Article, Attribution, Span
from parsed_docs import parsed_doc


def make_doc(spec: str) -> Doc:
    return parsed_doc(spec, glued=(".", ",", "'s"))


def actors_for(doc: Doc, names: dict[str, str]) -> list[Actor]:
    out = []
    for k, (name, country) in enumerate(names.items(), 1):
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == name)
        out.append(Actor(f"a{k}", name, "country", mentions, country=country, code=country))
    return out


def attribution(doc: Doc, source: str | None, cue: int, content: tuple[int, int], kind="indirect"):
    c = doc[content[0] : content[1]]
    return Attribution(
        id="q1",
        kind=kind,
        content=Span.of(doc.text, c.start_char, c.end_char),
        source=source,
        cue=Span.of(doc.text, doc[cue].idx, doc[cue].idx + len(doc[cue])),
    )


def run(doc: Doc, actors: list[Actor], atts: list[Attribution] = ()):
    article = Article(id="t", text=doc.text, published="2024-03-04")
    return extract_events(doc, article, actors, [], list(atts))


def called(predicate: str, verb: str = "called") -> Doc:
    """ "Ruritania <verb> Borduria 's plan <predicate words> ." (predicate as oprd)."""
    words = predicate.split()
    spec = (
        f"Ruritania/NNP/nsubj/1 {verb}/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 plan/NN/dobj/1 "
    )
    head = 5 + len(words) - 1
    for k, w in enumerate(words):
        i = 5 + k
        spec += (
            f"{w}/NN/oprd/1 "
            if i == head
            else f"{w}/DT/det/{head} "
            if w == "a"
            else (f"{w}/JJ/amod/{head} ")
        )
    return make_doc(spec + "./././1")


def test_verdicts_naming_verb_with_fault_finding_predicate_is_criticism_of_the_owner():
    doc = called("a stunt")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors)
    assert (e.plover, e.cameo, e.trigger.text) == ("ACCUSE", "111", "called")
    assert e.actors == ("a1",) and e.recipients == ("a2",)


def test_verdicts_naming_verb_with_praise_is_support_and_neutral_name_is_nothing():
    doc = called("a great success")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors)
    assert (e.plover, e.cameo) == ("SUPPORT", "051") and e.recipients == ("a2",)
    # counterexamples: a name that evaluates nothing; "called for" is a request, no naming
    doc = called("Project Alpha")
    assert naming_verdict(doc[1]) is None
    assert run(doc, actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})) == []
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 called/VBD/ROOT/1 for/IN/prep/1 a/DT/det/4 "
        "disastrous/JJ/amod/5 end/NN/pobj/2 ./././1"
    )
    assert naming_verdict(doc[1]) is None


def test_verdicts_naming_verb_reads_a_partial_quote_and_a_likening():
    # "Ruritania likened Borduria 's plan to terrorism ." — the "to" phrase is the verdict
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 likened/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 "
        "plan/NN/dobj/1 to/IN/prep/4 terrorism/NN/pobj/5 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors)
    assert e.cameo == "111" and e.recipients == ("a2",)
    # the quoted predicate of a partial quote is read too, and the event links it
    doc = called("a sophomoric stunt")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (5, 8), kind="partial")])
    assert e.cameo == "111" and e.attribution == "q1"
    # a naming verb with no object names nothing: "Ruritania called late ."
    doc = make_doc("Ruritania/NNP/nsubj/1 called/VBD/ROOT/1 late/RB/advmod/1 ./././1")
    assert naming_verdict(doc[1]) is None


def said_act_was(adjective: str, owner: str | None = None, neg: bool = False) -> Doc:
    """ "Ruritania said [<owner> 's|the] plan was [not] <adjective> ." """
    spec = "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 "
    spec += f"{owner}/NNP/poss/4 's/POS/case/2 " if owner else "the/DT/det/4 new/JJ/amod/4 "
    spec += "plan/NN/nsubj/5 was/VBD/ccomp/1 "
    if neg:
        spec += "not/RB/neg/5 "
    return make_doc(spec + f"{adjective}/JJ/acomp/5 ./././1")


def test_verdicts_evaluated_act_is_a_verdict_with_its_owner_as_recipient():
    doc = said_act_was("unacceptable")
    actors = actors_for(doc, {"Ruritania": "RUR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, len(doc) - 1))])
    assert (e.cameo, e.actors, e.recipients) == ("111", ("a1",), ())
    doc = said_act_was("unacceptable", owner="Borduria")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, len(doc) - 1))])
    assert e.recipients == ("a2",)
    assert act_verdict(doc[-2]) is not None


def test_verdicts_evaluated_act_counterexamples_negated_own_or_not_an_act():
    # negated: no verdict
    doc = said_act_was("unacceptable", neg=True)
    actors = actors_for(doc, {"Ruritania": "RUR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, len(doc) - 1))]) == []
    # the speaker's own act: no verdict on anyone
    doc = said_act_was("unacceptable", owner="Ruritania")
    actors = actors_for(doc, {"Ruritania": "RUR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, len(doc) - 1))]) == []
    # a weakly positive word praises nothing ("the plan was ready")
    doc = said_act_was("ready")
    assert act_verdict(doc[-2]) is None
    # an evaluation of something that is no act: "Ruritania said the weather was awful ."
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 the/DT/det/3 weather/NN/nsubj/4 "
        "was/VBD/ccomp/1 awful/JJ/acomp/4 ./././1"
    )
    assert act_verdict(doc[5]) is None
    actors = actors_for(doc, {"Ruritania": "RUR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 6))]) == []


def test_verdicts_speaker_indicating_misconduct_is_criticism():
    # "Ruritania indicated that Borduria dodged taxes ." — evidential cue, misconduct verb
    spec = (
        "Ruritania/NNP/nsubj/1 {verb}/VBD/ROOT/1 that/IN/mark/4 Borduria/NNP/nsubj/4 "
        "dodged/VBD/ccomp/1 taxes/NNS/dobj/4 ./././1"
    )
    doc = make_doc(spec.format(verb="indicated"))
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 6))])
    assert (e.cameo, e.recipients) == ("111", ("a2",))
    # counterexample: "seems" says how things look, no one's verdict
    doc = make_doc(spec.format(verb="seemed"))
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 6))]) == []


def test_verdicts_naming_no_one_is_no_verdict():
    # "No country was named a manipulator ." — a verdict on no one
    spec = (
        "{det}/DT/det/1 country/NN/nsubjpass/3 was/VBD/auxpass/3 named/VBN/ROOT/3 "
        "a/DT/det/5 manipulator/NN/oprd/3 ./././3"
    )
    assert naming_verdict(make_doc(spec.format(det="No"))[3]) is None
    # counterexample: "The country was named a manipulator ." is a verdict on the country
    found = naming_verdict(make_doc(spec.format(det="The"))[3])
    assert found is not None and found[0] == "111" and found[1].text == "country"


def test_verdicts_fault_word_on_someones_act_judges_its_owner():
    # "Ruritania said the terrible Borduria plan failed ." — the plan's owner is faulted
    spec = (
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 the/DT/det/5 terrible/JJ/amod/5 "
        "{owner}/NNP/compound/5 plan/NN/nsubj/6 stalled/VBD/ccomp/1 ./././1"
    )
    doc = make_doc(spec.format(owner="Borduria"))
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 7))])
    assert (e.cameo, e.recipients) == ("111", ("a2",))
    # counterexample: an act of no one named ("the terrible Lune plan", Lune no actor)
    doc = make_doc(spec.format(owner="Lune"))
    assert (
        run(doc, actors_for(doc, {"Ruritania": "RUR"}), [attribution(doc, "a1", 1, (2, 7))]) == []
    )


def test_verdicts_misconduct_someone_engaged_in_is_criticism_of_them():
    # "Ruritania said Borduria engaged in obstruction ." — the doer of the misconduct
    spec = (
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/nsubj/3 engaged/VBD/ccomp/1 "
        "in/IN/prep/3 obstruction/NN/pobj/4 ./././1"
    )
    doc = make_doc(spec)
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 6))])
    assert (e.cameo, e.recipients) == ("111", ("a2",))
    # counterexample: "Ruritania said Borduria ended the inquiry of obstruction ." — a topic
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/nsubj/3 ended/VBD/ccomp/1 "
        "the/DT/det/5 inquiry/NN/dobj/3 of/IN/prep/5 obstruction/NN/pobj/6 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    events = run(doc, actors, [attribution(doc, "a1", 1, (2, 8))])
    assert not [e for e in events if e.trigger.text == "said"]  # ("inquiry" is its own event)
