"""The events wing's phases one at a time, on hand-built Docs (no model): drafts, frames,
arguments, and the assembly with the context's date resolver."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.context import ExtractContext
from newsgraph.extract.events import extract
from newsgraph.extract.events.arguments import (
    Resolver,
    arguments,
    dateline,
    recipient_tokens,
    subject_tokens,
)
from newsgraph.extract.events.assemble import FoundEvent
from newsgraph.extract.events.draft import EventDraft, anchor_of, has_lemma, new_draft, recode
from newsgraph.extract.events.frames import apply_future, sentence_drafts
from newsgraph.extract.events.modality import modality_of
from newsgraph.extract.events.triggers import code_table, match_token
from newsgraph.extract.index import MentionIndex
from newsgraph.records import Actor, Article, EventDate, Place, Span
from parsed_docs import parsed_doc


def actors_for(doc: Doc, countries: dict[str, str]) -> list[Actor]:
    """One country actor per name, with every token that spells it as a mention."""
    out = []
    for k, (name, country) in enumerate(countries.items(), 1):
        mentions = tuple(Span.of(doc.text, t.idx, t.idx + len(t)) for t in doc if t.text == name)
        out.append(Actor(f"a{k}", name, "country", mentions, country=country, code=country))
    return out


def drafts(spec: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    """(trigger, CAMEO, PLOVER, absorbed complements) of each draft of a one-sentence Doc."""
    doc = parsed_doc(spec)
    found = sentence_drafts(doc[:])
    return [(d.token.text, d.cameo, d.plover, [h.token.text for h in d.helpers]) for d in found]


# --- drafts -----------------------------------------------------------------------------


def test_draft_of_an_event_noun_attaches_to_its_support_verb_with_context():
    doc = parsed_doc(
        "Russia/NNP/nsubj/1 held/VBD/ROOT/1 military/JJ/amod/3 talks/NNS/dobj/1 "
        "with/IN/prep/1 China/NNP/pobj/4 ././punct/1"
    )
    match = match_token(doc[3])
    assert match is not None
    draft = new_draft(match)
    assert isinstance(draft, EventDraft)
    assert draft.anchor.text == "held" and anchor_of(doc[3]).i == 1
    assert (draft.cameo, draft.plover) == ("040", "CONSULT")
    assert "military" in draft.contexts  # from event_contexts.tsv, not the code table
    assert not draft.dropped and not draft.negated and draft.certainty == "asserted"


def test_draft_recode_takes_type_and_mode_from_the_code_table():
    doc = parsed_doc("Russia/NNP/nsubj/1 attacked/VBD/ROOT/1 Ukraine/NNP/dobj/1 ././punct/1")
    match = match_token(doc[1])
    assert match is not None
    draft = new_draft(match)
    recode(draft, "138", "THREATEN")
    assert (draft.cameo, draft.plover, draft.mode) == ("138", "THREATEN", code_table()["138"].mode)
    recode(draft, "042")
    assert draft.plover == code_table()["042"].plover == "CONSULT"


def test_draft_has_lemma_forgives_the_dropped_silent_e():
    doc = parsed_doc("Israel/NNP/nsubjpass/2 was/VBD/auxpass/2 opposed/VBN/ROOT/2 ././punct/2")
    assert has_lemma(doc[2], frozenset({"oppose"}))
    assert not has_lemma(doc[0], frozenset({"oppose"}))


# --- frames -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (  # a refused meeting is a rejection of a meeting (CAMEO 125)
            "Russia/NNP/nsubj/1 refused/VBD/ROOT/1 to/TO/aux/3 meet/VB/xcomp/1 "
            "Ukraine/NNP/dobj/3 ././punct/1",
            [("refused", "125", "REJECT", ["meet"])],
        ),
        (  # an appeal to negotiate (026)
            "China/NNP/nsubj/1 urged/VBD/ROOT/1 Japan/NNP/dobj/1 to/TO/aux/4 "
            "negotiate/VB/xcomp/1 ././punct/1",
            [("urged", "026", "REQUEST", ["negotiate"])],
        ),
        (  # "said that Sudan must return": a demand to return property (105)
            "Russia/NNP/nsubj/1 said/VBD/ROOT/1 that/IN/mark/5 Sudan/NNP/nsubj/5 must/MD/aux/5 "
            "return/VB/ccomp/1 the/DT/det/7 helicopter/NN/dobj/5 ././punct/1",
            [("said", "105", "REQUEST", ["return"])],
        ),
        (  # "we must" is no demand on anyone
            "Russia/NNP/nsubj/1 said/VBD/ROOT/1 that/IN/mark/5 we/PRP/nsubj/5 must/MD/aux/5 "
            "return/VB/ccomp/1 the/DT/det/7 helicopter/NN/dobj/5 ././punct/1",
            [("return", "0842", "RETREAT", [])],
        ),
        (  # "hope" is no reporting verb (cue_verbs.tsv's events column)
            "Russia/NNP/nsubj/1 hoped/VBD/ROOT/1 that/IN/mark/5 Sudan/NNP/nsubj/5 must/MD/aux/5 "
            "return/VB/ccomp/1 the/DT/det/7 helicopter/NN/dobj/5 ././punct/1",
            [("return", "0842", "RETREAT", [])],
        ),
        (  # "called out X for": blame (111), not a call for something
            "Biden/NNP/nsubj/1 called/VBD/ROOT/1 out/RP/prt/1 Trump/NNP/dobj/1 for/IN/prep/1 "
            "withdrawing/VBG/pcomp/4 ././punct/1",
            [("called", "111", "ACCUSE", ["withdrawing"])],
        ),
        (  # an offer with no coded complement is still an intent (030)
            "Kenya/NNP/nsubj/1 offered/VBD/ROOT/1 to/TO/aux/3 hand/VB/xcomp/1 over/RP/prt/3 "
            "the/DT/det/6 suspects/NNS/dobj/3 ././punct/1",
            [("offered", "030", "AGREE", [])],
        ),
        (  # a warning of what one side will do is a threat
            "Japan/NNP/nsubj/1 warned/VBD/ROOT/1 that/IN/mark/5 police/NNS/nsubj/5 "
            "will/MD/aux/5 tolerate/VB/ccomp/1 rallies/NNS/dobj/5 ././punct/1",
            [("warned", "130", "THREATEN", ["rallies"])],
        ),
    ],
)
def test_frames_code_the_frame_from_the_event_it_governs(spec, expected):
    assert drafts(spec) == expected


def test_frames_failure_negates_the_complement_instead_of_refusing():
    doc = parsed_doc(
        "Police/NNS/nsubj/1 failed/VBD/ROOT/1 to/TO/aux/3 stop/VB/xcomp/1 the/DT/det/5 "
        "attack/NN/dobj/3 ././punct/1"
    )
    [draft] = sentence_drafts(doc[:])
    assert (draft.token.text, draft.plover) == ("attack", "ASSAULT")
    assert draft.negated and draft.certainty == "negated"


VISIT = "Macron/NNP/nsubj/2 will/MD/aux/2 visit/VB/ROOT/2 China/NNP/dobj/2 ././punct/2"
NO_REFUGEES = (
    "Poland/NNP/nsubj/3 will/MD/aux/3 not/RB/neg/3 accept/VB/ROOT/3 refugees/NNS/dobj/3 ././punct/3"
)
WILL_ATTACK = "Russia/NNP/nsubj/2 will/MD/aux/2 attack/VB/ROOT/2 Ukraine/NNP/dobj/2 ././punct/2"


@pytest.mark.parametrize(
    ("spec", "cameo", "plover"),
    [(VISIT, "036", "AGREE"), (NO_REFUGEES, "122", "REJECT"), (WILL_ATTACK, "138", "THREATEN")],
)
def test_frames_future_recodes_plans_as_intents_refusals_and_threats(spec, cameo, plover):
    doc = parsed_doc(spec)
    [draft] = sentence_drafts(doc[:])
    mod = modality_of(draft.anchor)
    assert mod.future
    apply_future(draft, mod)
    assert (draft.cameo, draft.plover) == (cameo, plover)


# --- arguments --------------------------------------------------------------------------


def test_arguments_object_control_verb_lends_its_object_as_subject():
    doc = parsed_doc(
        "China/NNP/nsubj/1 urged/VBD/ROOT/1 Japan/NNP/dobj/1 to/TO/aux/4 "
        "negotiate/VB/xcomp/1 ././punct/1"
    )
    assert subject_tokens(doc[4]) == ([doc[2]], False)


def test_arguments_stative_passive_subject_is_the_actor():
    doc = parsed_doc(
        "Israel/NNP/nsubjpass/2 is/VBZ/auxpass/2 opposed/VBN/ROOT/2 to/IN/prep/2 "
        "talks/NNS/pobj/3 ././punct/2"
    )
    assert subject_tokens(doc[2]) == ([doc[0]], False)


def test_arguments_recipient_tokens_are_objects_and_to_phrases_outside_the_trigger():
    doc = parsed_doc(
        "Japan/NNP/nsubj/1 sent/VBD/ROOT/1 aid/NN/dobj/1 to/IN/prep/1 Kenya/NNP/pobj/3 ././punct/1"
    )
    assert recipient_tokens(doc[1], set()) == [doc[2], doc[4]]
    assert recipient_tokens(doc[1], {2}) == [doc[4]]  # "aid" is the trigger phrase's own word


@pytest.mark.parametrize(("verb", "found"), [("claimed", True), ("hoped", False)])
def test_arguments_reported_pronoun_is_the_sayer_of_a_saying_verb(verb, found):
    doc = parsed_doc(
        f"Japan/NNP/nsubj/1 {verb}/VBD/ROOT/1 it/PRP/nsubj/4 had/VBD/aux/4 "
        "halted/VBN/ccomp/1 aid/NN/dobj/4 ././punct/1"
    )
    actors = actors_for(doc, {"Japan": "JPN"})
    res = Resolver(doc, actors, [], [])
    assert res.np_actors(doc[2]) == (actors if found else [])


def test_arguments_joint_event_lists_every_side_as_actor_and_recipient():
    doc = parsed_doc("Russia/NNP/nsubj/3 and/CC/cc/0 China/NNP/conj/0 met/VBD/ROOT/3 ././punct/3")
    actors = actors_for(doc, {"Russia": "RUS", "China": "CHN"})
    [draft] = sentence_drafts(doc[:])
    ev_actors, recips, reciprocal = arguments(Resolver(doc, actors, [], []), draft)
    assert ev_actors == actors and recips == [] and reciprocal


def test_arguments_dateline_is_the_place_a_wire_story_was_filed_from():
    text = "MOSCOW (Reuters) - Russia said"
    moscow = Place("p1", "Moscow", (Span.of(text, 0, 6),), country="RUS")
    assert dateline(text, MentionIndex([moscow])) == moscow
    text = "Russia said on Monday that talks in Moscow (the capital) went well"
    k = text.index("Moscow")
    inside = Place("p1", "Moscow", (Span.of(text, k, k + 6),), country="RUS")
    assert dateline(text, MentionIndex([inside])) is None  # a place in the story, no dateline


# --- assembly ---------------------------------------------------------------------------


def _ctx(doc: Doc, published: str | None = "2024-03-04") -> ExtractContext:
    article = Article(id="t", text=doc.text, published=published)
    return ExtractContext(
        doc=doc, article=article, actors=actors_for(doc, {"Russia": "RUS", "Ukraine": "UKR"})
    )


ATTACK = "Russia/NNP/nsubj/1 attacked/VBD/ROOT/1 Ukraine/NNP/dobj/1 ././punct/1"


def test_assemble_dates_events_with_the_context_resolver():
    doc = parsed_doc(ATTACK)
    ctx = _ctx(doc)
    seen = []

    def date_of(sent, published, anchor=None):
        seen.append((sent.text, published, anchor.text if anchor is not None else None))
        return EventDate("2024-03-03", "2024-03-03", "yesterday", "day", "text")

    ctx.date_of = date_of
    [event] = extract(ctx)
    assert event.date == EventDate("2024-03-03", "2024-03-03", "yesterday", "day", "text")
    # the event's own word is the anchor: the date comes from its clause
    assert seen == [(doc.text, "2024-03-04", "attacked")]


@pytest.mark.parametrize(
    ("published", "date"),
    [
        ("2024-03-04", EventDate("2024-03-04", "2024-03-04", None, "publication", "publication")),
        (None, None),
    ],
)
def test_assemble_without_a_resolver_uses_the_publication_date(published, date):
    [event] = extract(_ctx(parsed_doc(ATTACK), published))
    assert event.date == date


def test_assemble_found_event_becomes_a_record_with_ids_and_sorted_contexts():
    text = "Russia attacked Ukraine."
    rus = Actor("a1", "Russia", "country", (Span.of(text, 0, 6),), code="RUS")
    ukr = Actor("a2", "Ukraine", "country", (Span.of(text, 16, 23),))
    found = FoundEvent(
        plover="ASSAULT",
        cameo="190",
        mode=None,
        contexts={"military", "cbrn"},
        goldstein=-10.0,
        quad_class=4,
        actors=[rus],
        recipients=[ukr],
        place=None,
        date=None,
        negated=False,
        certainty="asserted",
        attribution=None,
        trigger=Span.of(text, 7, 15),
        evidence=Span.of(text, 0, len(text)),
        confidence=0.8,
        order=7,
    )
    event = found.to_event("e3")
    assert (event.id, event.actors, event.recipients) == ("e3", ("a1",), ("a2",))
    assert event.actor_codes == ("RUS",) and event.recipient_codes == ()
    assert event.contexts == ("cbrn", "military") and event.trigger.text == "attacked"
