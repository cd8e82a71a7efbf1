"""Speech acts from attributions, on hand-built Docs, actors and attributions (no model)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.speech_acts import speech_act_codes
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
    """An attribution record as the speech wing would hand it over: cue token, content tokens."""
    c = doc[content[0] : content[1]]
    text = doc.text
    return Attribution(
        id="q1",
        kind=kind,
        content=Span.of(text, c.start_char, c.end_char),
        source=source,
        cue=Span.of(text, doc[cue].idx, doc[cue].idx + len(doc[cue])),
    )


def run(doc: Doc, actors: list[Actor], atts: list[Attribution]):
    article = Article(id="t", text=doc.text, published="2024-03-04")
    return extract_events(doc, article, actors, [], atts)


# "Ruritania criticized Borduria 's plan ." — the cue's object (a possessive) is the target
CRITICIZED = (
    "Ruritania/NNP/nsubj/1 criticized/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 "
    "plan/NN/dobj/1 ./././1"
)
# "Ruritania said Borduria 's plan passed ." — a plain statement
SAID = (
    "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 "
    "plan/NN/nsubj/5 passed/VBD/ccomp/1 ./././1"
)


def said_plan_was(words: str, owner: str = "Borduria") -> Doc:
    """ "Ruritania said <owner> 's plan was [not] <adjective> ." """
    neg = words.startswith("not ")
    adj = words.split()[-1]
    spec = (
        f"Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 {owner}/NNP/poss/4 's/POS/case/2 "
        "plan/NN/nsubj/5 was/VBD/ccomp/1 "
        + ("not/RB/neg/5 " if neg else "")
        + f"{adj}/JJ/acomp/5 ./././1"
    )
    return make_doc(spec)


def test_speech_acts_criticism_cue_is_an_accuse_event_linked_to_its_attribution():
    doc = make_doc(CRITICIZED)
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    att = attribution(doc, "a1", 1, (2, 5))
    events = run(doc, actors, [att])
    assert len(events) == 1
    e = events[0]
    assert e.plover == "ACCUSE" and e.cameo.startswith("11")
    assert e.actors == ("a1",) and e.recipients == ("a2",)
    assert e.attribution == "q1" and e.trigger.text == "criticized"


def test_speech_acts_plain_statement_is_no_event():
    doc = make_doc(SAID)
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 6))]) == []


def test_speech_acts_reported_subject_is_the_recipient_and_speaker_never_its_own():
    # "Ruritania castigated that Borduria invaded ." → recipient from the reported clause
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 castigated/VBD/ROOT/1 that/IN/mark/4 Borduria/NNP/nsubj/4 "
        "invaded/VBD/ccomp/1 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = [
        x
        for x in run(doc, actors, [attribution(doc, "a1", 1, (2, 5))])
        if x.trigger.text == "castigated"
    ]
    assert e.trigger.text == "castigated" and e.recipients == ("a2",)
    # counterexample: "Ruritania castigated that Ruritania was blamed" names only the speaker
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 castigated/VBD/ROOT/1 that/IN/mark/5 Ruritania/NNP/nsubjpass/5 "
        "was/VBD/auxpass/5 blamed/VBN/ccomp/1 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR"})
    (e,) = [
        x
        for x in run(doc, actors, [attribution(doc, "a1", 1, (2, 6))])
        if x.trigger.text == "castigated"
    ]
    assert e.actors == ("a1",) and e.recipients == ()


def test_speech_acts_negated_cue_gives_a_negated_event():
    doc = make_doc(
        "Ruritania/NNP/nsubj/3 did/VBD/aux/3 not/RB/neg/3 criticize/VB/ROOT/3 "
        "Borduria/NNP/dobj/3 ./././3"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 3, (4, 5))])
    assert e.negated and e.certainty == "negated"
    doc = make_doc(CRITICIZED)  # counterexample: no negation
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 5))])
    assert not e.negated and e.certainty == "asserted"


def test_speech_acts_trigger_already_coded_is_not_coded_twice_but_linked():
    # "Ruritania accused Borduria ." — "accuse" is a trigger word of its own
    doc = make_doc("Ruritania/NNP/nsubj/1 accused/VBD/ROOT/1 Borduria/NNP/dobj/1 ./././1")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    without = run(doc, actors, [])
    with_att = run(doc, actors, [attribution(doc, "a1", 1, (2, 3))])
    assert len(without) == 1 and len(with_att) == 1
    assert with_att[0].cameo == without[0].cameo
    assert without[0].attribution is None and with_att[0].attribution == "q1"
    # counterexample: a cue no trigger covers ("castigated") is coded by this module, from
    # the attribution when there is one (linked), else from the verb and its object
    doc = make_doc("Ruritania/NNP/nsubj/1 castigated/VBD/ROOT/1 Borduria/NNP/dobj/1 ./././1")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (bare,) = run(doc, actors, [])
    assert bare.plover == "ACCUSE" and bare.attribution is None
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 3))])
    assert e.plover == "ACCUSE" and e.recipients == ("a2",) and e.attribution == "q1"


def test_speech_acts_direct_question_is_no_request_but_a_direct_appeal_is():
    # '" Why now ? " Ruritania begged .' — a question asks no one for anything
    q = make_doc(
        "\"/``/punct/5 Why/WRB/advmod/2 now/RB/ROOT/5 ?/./punct/2 \"/''/punct/5 "
        "Ruritania/NNP/nsubj/6 begged/VBD/ROOT/6 ./././6"
    )
    actors = actors_for(q, {"Ruritania": "RUR"})
    assert run(q, actors, [attribution(q, "a1", 6, (1, 4), kind="direct")]) == []
    # '" Send aid . " Ruritania begged .' — the same cue, a request
    r = make_doc(
        "\"/``/punct/5 Send/VB/ccomp/5 aid/NN/dobj/1 ././punct/1 \"/''/punct/5 "
        "Ruritania/NNP/nsubj/6 begged/VBD/ROOT/6 ./././6"
    )
    actors = actors_for(r, {"Ruritania": "RUR"})
    events = run(r, actors, [attribution(r, "a1", 6, (1, 4), kind="direct")])
    assert [e.plover for e in events] == ["REQUEST"]


def test_speech_acts_lexicon_keeps_speech_acts_and_drops_states_of_mind():
    codes = speech_act_codes()
    assert codes["criticize"].startswith("11") and codes["praise"].startswith("05")
    assert "say" not in codes and "tell" not in codes  # neutral statements, CAMEO 010
    assert "hope" not in codes and "appear" not in codes  # belief / evidential cues
    assert all(
        c[:2] in ("01", "02", "03", "04", "05", "10", "11", "12", "13") for c in codes.values()
    )


def test_speech_acts_warning_takes_no_recipient_from_its_reported_clause():
    # "Ruritania cautioned that Borduria invaded ." — a warning's clause names no target
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 cautioned/VBD/ROOT/1 that/IN/mark/4 Borduria/NNP/nsubj/4 "
        "invaded/VBD/ccomp/1 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    events = run(doc, actors, [attribution(doc, "a1", 1, (2, 5))])
    (e,) = [x for x in events if x.trigger.text == "cautioned"]
    assert e.plover == "THREATEN" and e.attribution == "q1"
    assert e.recipients == ()  # the accusation counterexample is the "castigated" test above


def test_speech_acts_saying_verb_with_fault_finding_clause_is_criticism_of_its_subject():
    doc = said_plan_was("irresponsible")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 7))])
    assert (e.plover, e.cameo, e.trigger.text) == ("ACCUSE", "111", "said")
    assert e.actors == ("a1",) and e.recipients == ("a2",) and e.attribution == "q1"


def test_speech_acts_saying_verb_without_fault_or_target_is_no_criticism():
    for words, owner in (("sensible", "Borduria"), ("not irresponsible", "Borduria")):
        doc = said_plan_was(words, owner)
        actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
        assert run(doc, actors, [attribution(doc, "a1", 1, (2, len(doc) - 1))]) == [], words
    # the speaker faulting its own plan names no one else: no recipient, no event
    doc = said_plan_was("irresponsible", owner="Ruritania")
    actors = actors_for(doc, {"Ruritania": "RUR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 7))]) == []


def test_speech_acts_fault_word_on_an_object_faults_no_subject():
    # "Ruritania said Borduria faced an irresponsible neighbour ." — no fault of Borduria's
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/nsubj/3 faced/VBD/ccomp/1 "
        "an/DT/det/6 irresponsible/JJ/amod/6 neighbour/NN/dobj/3 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 7))]) == []


def test_speech_acts_light_verb_cue_is_left_to_its_noun():
    # "Ruritania expressed condolences to Borduria ." — the noun names the act, not the verb
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 expressed/VBD/ROOT/1 condolences/NNS/dobj/1 to/IN/prep/1 "
        "Borduria/NNP/pobj/3 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    events = run(doc, actors, [attribution(doc, "a1", 1, (2, 5))])
    assert all(e.trigger.text != "expressed" or e.cameo != "110" for e in events)
    assert "express" not in speech_act_codes() and "castigate" in speech_act_codes()


def test_speech_acts_assertion_is_disapproval_only_of_someone_it_names():
    # "Ruritania alleged that Borduria lied ." names Borduria: a disapproval of Borduria
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 alleged/VBD/ROOT/1 that/IN/mark/4 Borduria/NNP/nsubj/4 "
        "lied/VBD/ccomp/1 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = [x for x in run(doc, actors, [attribution(doc, "a1", 1, (2, 5))]) if x.attribution]
    assert e.plover == "ACCUSE" and e.recipients == ("a2",)
    # "Ruritania alleged that it won ." names no one else: no event
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 alleged/VBD/ROOT/1 that/IN/mark/4 it/PRP/nsubj/4 "
        "won/VBD/ccomp/1 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 5))]) == []


def test_speech_acts_no_verdict_in_a_sentence_reporting_a_material_event():
    # "Ruritania said Borduria 's plan was irresponsible and Borduria shelled Ruritania ."
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 "
        "plan/NN/nsubj/5 was/VBD/ccomp/1 irresponsible/JJ/acomp/5 and/CC/cc/5 "
        "Borduria/NNP/nsubj/9 shelled/VBD/conj/5 Ruritania/NNP/dobj/9 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    events = run(doc, actors, [attribution(doc, "a1", 1, (2, 11))])
    assert any(e.trigger.text == "shelled" for e in events)
    assert not any(e.trigger.text == "said" for e in events)
    # the counterexample, without the shelling, is the criticism test above


def test_speech_acts_speech_act_verb_without_attribution_aimed_at_an_actor_is_coded():
    # "Ruritania doubled down , faulting Borduria ." — no attribution carries "faulting"
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 doubled/VBD/ROOT/1 down/RP/prt/1 ,/,/punct/1 "
        "faulting/VBG/advcl/1 Borduria/NNP/dobj/4 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [])
    assert (e.plover, e.trigger.text, e.actors, e.recipients) == (
        "ACCUSE",
        "faulting",
        ("a1",),
        ("a2",),
    )
    assert e.attribution is None
    # counterexamples: the object is no actor; the verb is only planned ("pledged to fault")
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 faulted/VBD/ROOT/1 the/DT/det/3 weather/NN/dobj/1 ./././1"
    )
    assert run(doc, actors_for(doc, {"Ruritania": "RUR"}), []) == []
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 pledged/VBD/ROOT/1 to/TO/aux/3 fault/VB/xcomp/1 "
        "Borduria/NNP/dobj/3 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert not [e for e in run(doc, actors, []) if e.trigger.text == "fault"]


def quote_said(subject: str, modal: str, verb: str = "withdraw") -> Doc:
    """'" <subject> <modal> <verb> . " Ruritania said .' — the cue in a sentence of its own."""
    return make_doc(
        f'"/``/punct/3 {subject}/NNP/nsubj/3 {modal}/MD/aux/3 {verb}/VB/ROOT/3 '
        "./././3 \"/''/punct/3 Ruritania/NNP/nsubj/7 said/VBD/ROOT/7 ./././7"
    )


def test_speech_acts_quoted_should_or_must_of_another_side_is_a_demand_of_it():
    doc = quote_said("Borduria", "should")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    att = attribution(doc, "a1", 7, (1, 4), kind="direct")
    (e,) = [x for x in run(doc, actors, [att]) if x.plover == "REQUEST"]
    assert (e.plover, e.cameo, e.trigger.text) == ("REQUEST", "020", "should")
    assert e.actors == ("a1",) and e.recipients == ("a2",) and e.attribution == "q1"
    doc = quote_said("Borduria", "must")
    att = attribution(doc, "a1", 7, (1, 4), kind="direct")
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert [e.cameo for e in run(doc, actors, [att]) if e.plover == "REQUEST"] == ["100"]


def test_speech_acts_quoted_modal_counterexamples_own_side_state_or_possibility():
    # "we must withdraw": the speaker's own side; "Borduria must see": a state, no act;
    # "Borduria may withdraw": a possibility, no demand
    for subject, modal, verb in (("we", "must", "withdraw"), ("Borduria", "must", "see"),
                                 ("Borduria", "may", "withdraw")):  # fmt: skip
        doc = quote_said(subject, modal, verb)
        actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
        att = attribution(doc, "a1", 7, (1, 4), kind="direct")
        assert not [e for e in run(doc, actors, [att]) if e.plover == "REQUEST"], subject + modal


def test_speech_acts_verdict_spoken_of_someone_takes_them_as_recipient():
    # "Ruritania said of Borduria the plan was unacceptable ." — "of" names the target
    spec = (
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 of/IN/prep/1 Borduria/NNP/pobj/2 "
        "the/DT/det/5 plan/NN/nsubj/6 was/VBD/ccomp/1 unacceptable/JJ/acomp/6 ./././1"
    )
    doc = make_doc(spec)
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (4, 8))])
    assert e.cameo == "111" and e.recipients == ("a2",)
    # without "of": no one is named, the verdict has no recipient
    doc = make_doc(spec.replace("of/IN/prep/1", "then/RB/advmod/1").replace("pobj/2", "npadvmod/1"))
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (4, 8))])
    assert e.cameo == "111" and e.recipients == ()


def said_would_not(subject: str, verb: str = "change") -> Doc:
    """ "Ruritania said <subject> would not <verb> the rules ." """
    return make_doc(
        f"Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 {subject}/PRP/nsubj/5 would/MD/aux/5 "
        f"not/RB/neg/5 {verb}/VB/ccomp/1 the/DT/det/7 rules/NNS/dobj/5 ./././1"
    )


def test_speech_acts_speaker_saying_it_will_not_act_refuses():
    doc = said_would_not("it")
    actors = actors_for(doc, {"Ruritania": "RUR"})
    (e,) = run(doc, actors, [attribution(doc, "a1", 1, (2, 8))])
    assert (e.plover, e.cameo, e.trigger.text, e.actors) == ("REJECT", "120", "said", ("a1",))
    assert not e.negated  # the refusal happened; what is refused is not coded


def test_speech_acts_what_someone_else_will_not_do_or_a_state_is_no_refusal():
    # "Ruritania said Borduria would not change the rules": a prediction about Borduria
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/nsubj/5 would/MD/aux/5 "
        "not/RB/neg/5 change/VB/ccomp/1 the/DT/det/7 rules/NNS/dobj/5 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    assert run(doc, actors, [attribution(doc, "a1", 1, (2, 8))]) == []
    # "Ruritania said it would not know the rules": a state, nothing refused
    doc = said_would_not("it", verb="know")
    assert (
        run(doc, actors_for(doc, {"Ruritania": "RUR"}), [attribution(doc, "a1", 1, (2, 8))]) == []
    )
    # "Ruritania said it would change the rules": no "not", no refusal
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 it/PRP/nsubj/4 would/MD/aux/4 "
        "change/VB/ccomp/1 the/DT/det/6 rules/NNS/dobj/4 ./././1"
    )
    assert (
        run(doc, actors_for(doc, {"Ruritania": "RUR"}), [attribution(doc, "a1", 1, (2, 7))]) == []
    )


def test_speech_acts_a_negated_material_event_does_not_silence_the_verdict():
    # "Ruritania said Borduria 's plan was irresponsible and Borduria did not shell Ruritania ."
    doc = make_doc(
        "Ruritania/NNP/nsubj/1 said/VBD/ROOT/1 Borduria/NNP/poss/4 's/POS/case/2 "
        "plan/NN/nsubj/5 was/VBD/ccomp/1 irresponsible/JJ/acomp/5 and/CC/cc/5 "
        "Borduria/NNP/nsubj/11 did/VBD/aux/11 not/RB/neg/11 shell/VB/conj/5 "
        "Ruritania/NNP/dobj/11 ./././1"
    )
    actors = actors_for(doc, {"Ruritania": "RUR", "Borduria": "BOR"})
    events = run(doc, actors, [attribution(doc, "a1", 1, (2, 13))])
    assert any(e.trigger.text == "shell" and e.negated for e in events)
    assert any(e.trigger.text == "said" and e.cameo == "111" for e in events)
    # the asserted shelling is the counterexample: test_speech_acts_no_verdict_in_a_sentence_...
