"""The attribution phases (cues, speakers, direct, reported, headlines) on hand-built Docs:
tags and a dependency parse written by hand, so the rules are tested, not the model."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.speech.attributions import extract_attributions
from newsgraph.extract.speech.cues import GENERIC, cue_of, that_clause_cue
from newsgraph.extract.speech.draft import Draft, SpeechContext
from newsgraph.extract.speech.reported import _clip_to_paragraph, drop_nested_reports
from newsgraph.extract.speech.speakers import kind_of, previous_person
from newsgraph.nlp import blank_english
from newsgraph.records import Actor, Article, Attribution, Span


def make_doc(
    words: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
    spaces: list[bool] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A parsed Doc from words, PTB tags, absolute head indices and dependency labels."""
    if spaces is None:  # a space after every word but before punctuation
        spaces = [i + 1 < len(words) and words[i + 1] not in ".,:" for i in range(len(words))]
    return Doc(
        blank_english().vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        heads=heads,
        deps=deps,
        ents=ents,
    )


def person(aid: str, text: str, *names: str) -> Actor:
    """A person actor with a mention at each occurrence of each name in ``text``."""
    spans = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            spans.append(Span.of(text, i, i + len(name)))
            i = text.find(name, i + 1)
    return Actor(
        id=aid, name=names[0], type="person", mentions=tuple(sorted(spans, key=lambda s: s.start))
    )


def attributions(doc: Doc, actors: list[Actor]) -> list[Attribution]:
    return extract_attributions(doc, Article(id="t", text=doc.text, language="en"), actors)


def said_that(subject: str = "Smith") -> Doc:
    # Smith said that it rained .
    return make_doc(
        [subject, "said", "that", "it", "rained", "."],
        ["NNP", "VBD", "IN", "PRP", "VBD", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    )


# ------------------------------------------------------------------ cues
def test_cues_cue_of_reads_lemma_and_tag() -> None:
    doc = make_doc(
        ["Smith", "said", "acknowledged", "said"],
        ["NNP", "VBD", "VBD", "NN"],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "conj", "dep"],
    )
    said = cue_of(doc[1])
    assert said is not None and (said.lemma, said.cls) == ("say", "speech")
    assert "q" in said.complements and "c" in said.complements
    # the lemma rules give "acknowledg"; the inflected forms of the lexicon catch it
    acknowledged = cue_of(doc[2])
    assert acknowledged is not None and acknowledged.lemma == "acknowledge"
    assert cue_of(doc[3]) is None  # not a verb
    assert cue_of(doc[0]) is None


def test_cues_that_clause_cue_is_generic_unless_listed() -> None:
    # She learned that it rained / It means that it rained / She learned it
    learned = make_doc(
        ["She", "learned", "that", "it", "rained"],
        ["PRP", "VBD", "IN", "PRP", "VBD"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
    )
    means = make_doc(
        ["It", "means", "that", "it", "rained"],
        ["PRP", "VBZ", "IN", "PRP", "VBD"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
    )
    bare = make_doc(
        ["She", "learned", "it"], ["PRP", "VBD", "PRP"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]
    )
    assert that_clause_cue(learned[1]) is GENERIC
    assert that_clause_cue(means[1]) is None  # "mean" is in not_cue_verbs.txt
    assert that_clause_cue(bare[1]) is None  # no that-clause


# ------------------------------------------------------------------ speakers
def test_speakers_kind_of_unresolved_heads() -> None:
    words = ["officials", "report", "newspaper", "he", "Acme", "farmer", "farmers"]
    doc = make_doc(
        words,
        ["NNS", "NN", "NN", "PRP", "NNP", "NN", "NNS"],
        [0] * 7,
        ["ROOT"] + ["dep"] * 6,
        ents=["O", "O", "O", "O", "B-ORG", "O", "O"],
    )
    kinds = {t.text: kind_of(t) for t in doc}
    assert kinds == {
        "officials": "anonymous",  # anonymous_sources.txt
        "report": "document",  # source_nouns.tsv
        "newspaper": "media",
        "he": "person",
        "Acme": "organization",  # entity label ORG
        "farmer": "person",  # a singular noun no list knows
        "farmers": "organization",  # a plural one
    }


def test_speakers_pronoun_speaker_is_the_previous_subject() -> None:
    # Ann met Smith . He said that it rained .
    doc = make_doc(
        ["Ann", "met", "Smith", ".", "He", "said", "that", "it", "rained", "."],
        ["NNP", "VBD", "NNP", ".", "PRP", "VBD", "IN", "PRP", "VBD", "."],
        [1, 1, 1, 1, 5, 5, 8, 8, 5, 5],
        ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    )
    ann, smith = person("a1", doc.text, "Ann"), person("a2", doc.text, "Smith")
    ctx = SpeechContext(doc, doc.text, [ann, smith])
    # Smith is nearer, but Ann was the subject
    assert previous_person(ctx, doc[4].idx) is ann
    (att,) = attributions(doc, [ann, smith])
    assert (att.source, att.source_text and att.source_text.text) == ("a1", "He")
    assert att.cue is not None and att.cue.text == "said"


def test_speakers_pronoun_falls_back_to_last_person_within_reach() -> None:
    filler = "x" * 1600
    # Ann met Smith . He said … / Smith , FILLER . He said …
    near = make_doc(
        ["Smith", "spoke", "to", "Ann", ".", "He", "left"],
        ["NNP", "VBD", "IN", "NNP", ".", "PRP", "VBD"],
        [1, 1, 1, 2, 1, 6, 6],
        ["dobj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT"],
    )
    far = make_doc(
        ["Smith", filler, ".", "He", "left"],
        ["NNP", "NN", ".", "PRP", "VBD"],
        [1, 1, 1, 4, 4],
        ["compound", "ROOT", "punct", "nsubj", "ROOT"],
    )
    ann, smith = person("a1", near.text, "Ann"), person("a2", near.text, "Smith")
    # no subject among them: the person mentioned last
    assert previous_person(SpeechContext(near, near.text, [ann, smith]), near[5].idx) is ann
    far_smith = person("a2", far.text, "Smith")
    # more than 1,500 characters back: nobody
    assert previous_person(SpeechContext(far, far.text, [far_smith]), far[3].idx) is None


# ------------------------------------------------------------------ reported
def test_reported_said_that_with_actor_source() -> None:
    doc = said_that()
    (att,) = attributions(doc, [person("a1", doc.text, "Smith")])
    assert (att.kind, att.content.text, att.cue and att.cue.text) == (
        "indirect",
        "that it rained",
        "said",
    )
    assert (att.source, att.source_kind) == ("a1", "person")


def test_reported_anonymous_subject_gets_source_text_and_kind() -> None:
    doc = said_that("Officials")
    (att,) = attributions(doc, [])
    assert att.source is None
    assert (att.source_text and att.source_text.text, att.source_kind) == ("Officials", "anonymous")


def test_reported_according_to_names_the_source_of_the_rest() -> None:
    # According to Reuters , the ship left .
    doc = make_doc(
        ["According", "to", "Reuters", ",", "the", "ship", "left", "."],
        ["VBG", "IN", "NNP", ",", "DT", "NN", "VBD", "."],
        [6, 0, 1, 6, 5, 6, 6, 6],
        ["prep", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "punct"],
    )
    reuters = Actor(id="a1", name="Reuters", type="media", mentions=(Span.of(doc.text, 13, 20),))
    (att,) = attributions(doc, [reuters])
    assert att.kind == "according_to"
    assert (att.content.text, att.cue and att.cue.text) == ("the ship left", "According to Reuters")
    assert (att.source, att.source_kind) == ("a1", "media")


def test_reported_reportedly_rests_on_unnamed_reports() -> None:
    # Smith reportedly left .
    doc = make_doc(
        ["Smith", "reportedly", "left", "."],
        ["NNP", "RB", "VBD", "."],
        [2, 2, 2, 2],
        ["nsubj", "advmod", "ROOT", "punct"],
    )
    (att,) = attributions(doc, [person("a1", doc.text, "Smith")])
    assert (att.kind, att.source, att.source_kind) == ("according_to", None, "anonymous")
    assert att.content.text == "Smith reportedly left"
    assert [h.text for h in att.hedges] == ["reportedly"]


def test_reported_clip_to_paragraph_stays_on_the_cue_line() -> None:
    text = "Headline here\nSmith said it rained  \nNext line"
    anchor = text.index("said")
    assert text[slice(*_clip_to_paragraph(text, anchor, 0, len(text)))] == "Smith said it rained"


def test_reported_drop_nested_reports_keeps_the_outer_one() -> None:
    outer = Draft(kind="indirect", content=(10, 60), cue=(5, 9))
    inner = Draft(kind="indirect", content=(30, 50), cue=(20, 28))
    apart = Draft(kind="indirect", content=(70, 90), cue=(62, 66))
    assert drop_nested_reports([outer, inner, apart]) == [outer, apart]


# ------------------------------------------------------------------ direct quotes
def test_direct_quote_then_name_said() -> None:
    # "We will win," Smith said.
    doc = make_doc(
        ['"', "We", "will", "win", ",", '"', "Smith", "said", "."],
        ["``", "PRP", "MD", "VB", ",", "''", "NNP", "VBD", "."],
        [7, 3, 3, 7, 3, 7, 7, 7, 7],
        ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        spaces=[False, True, True, False, False, True, True, False, False],
    )
    assert doc.text == '"We will win," Smith said.'
    (att,) = attributions(doc, [person("a1", doc.text, "Smith")])
    assert att.kind == "direct" and att.content.text.startswith("We will win")
    assert (att.cue and att.cue.text, att.source, att.confidence) == ("said", "a1", 0.9)


def test_direct_dash_then_name_is_the_speaker() -> None:
    # "We will win the war." — Sonya Herridge
    words = ['"', "We", "will", "win", "the", "war", ".", '"', "—", "Sonya", "Herridge"]
    doc = make_doc(
        words,
        ["``", "PRP", "MD", "VB", "DT", "NN", ".", "''", ":", "NNP", "NNP"],
        [3, 3, 3, 3, 5, 3, 3, 3, 3, 10, 3],
        [
            "punct",
            "nsubj",
            "aux",
            "ROOT",
            "det",
            "dobj",
            "punct",
            "punct",
            "punct",
            "compound",
            "appos",
        ],
        spaces=[False, True, True, True, True, False, False, True, True, True, False],
    )
    (att,) = attributions(doc, [person("a1", doc.text, "Sonya Herridge")])
    assert (att.kind, att.content.text) == ("direct", "We will win the war.")
    assert (att.cue and att.cue.text, att.source) == ("—", "a1")


# ------------------------------------------------------------------ headlines
def test_headlines_name_colon_line() -> None:
    # Putin: We will win the war
    doc = make_doc(
        ["Putin", ":", "We", "will", "win", "the", "war"],
        ["NNP", ":", "PRP", "MD", "VB", "DT", "NN"],
        [4, 4, 4, 4, 4, 6, 4],
        ["nsubj", "punct", "nsubj", "aux", "ROOT", "det", "dobj"],
        spaces=[False, True, True, True, True, True, False],
    )
    atts = attributions(doc, [person("a1", doc.text, "Putin")])
    colon = [a for a in atts if a.cue is not None and a.cue.text == ":"]
    assert len(colon) == 1
    assert (colon[0].content.text, colon[0].source, colon[0].kind) == (
        "We will win the war",
        "a1",
        "indirect",
    )


def test_headlines_title_case_says() -> None:
    # Hillary Clinton Says Crash Seems Like Terrorism
    words = ["Hillary", "Clinton", "Says", "Crash", "Seems", "Like", "Terrorism"]
    doc = make_doc(
        words,
        ["NNP", "NNP", "VBZ", "NNP", "VBZ", "IN", "NNP"],
        [1, 2, 2, 4, 2, 4, 5],
        ["compound", "nsubj", "ROOT", "nsubj", "ccomp", "prep", "pobj"],
    )
    atts = attributions(doc, [person("a1", doc.text, "Hillary Clinton")])
    says = [a for a in atts if a.content.text == "Crash Seems Like Terrorism"]
    assert says and all(a.source == "a1" and a.cue and a.cue.text == "Says" for a in says)
