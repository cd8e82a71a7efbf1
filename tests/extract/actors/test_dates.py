"""Date resolution against the publication date (rules first, no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.actors.dates import resolve_expression, sentence_date
from newsgraph.nlp import blank_english
from parsed_docs import parsed_doc

MONDAY = "2023-04-17"  # the seed's publication date, a Monday


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("over the weekend", MONDAY, "2023-04-15", "2023-04-16", "day"),
        (
            "this weekend",
            "2023-04-16",
            "2023-04-15",
            "2023-04-16",
            "day",
        ),  # Sunday: the weekend it is in
        ("on Tuesday", MONDAY, "2023-04-11", "2023-04-11", "day"),
        ("on Tuesday", "2023-04-18", "2023-04-18", "2023-04-18", "day"),  # same day counts
        ("last Monday", MONDAY, "2023-04-10", "2023-04-10", "day"),
        ("earlier this month", MONDAY, "2023-04-01", "2023-04-17", "month"),
        ("last month", MONDAY, "2023-03-01", "2023-03-31", "month"),
        ("last month", "2023-01-10", "2022-12-01", "2022-12-31", "month"),  # year boundary
        ("last month", "2024-03-05", "2024-02-01", "2024-02-29", "month"),  # leap February
        ("last year", MONDAY, "2022-01-01", "2022-12-31", "year"),
        ("last year", "2023-01-01", "2022-01-01", "2022-12-31", "year"),
        ("earlier this year", MONDAY, "2023-01-01", "2023-04-17", "year"),
        ("last week", MONDAY, "2023-04-10", "2023-04-16", "week"),
        ("yesterday", MONDAY, "2023-04-16", "2023-04-16", "day"),
        ("yesterday", "2023-03-01", "2023-02-28", "2023-02-28", "day"),  # month boundary
        ("today", MONDAY, "2023-04-17", "2023-04-17", "day"),
        ("two days ago", MONDAY, "2023-04-15", "2023-04-15", "day"),
        ("April 3", MONDAY, "2023-04-03", "2023-04-03", "day"),
        (
            "December 30",
            "2023-01-03",
            "2022-12-30",
            "2022-12-30",
            "day",
        ),  # read back across new year
        ("3 April 2023", MONDAY, "2023-04-03", "2023-04-03", "day"),
        ("April 3rd, 2021", MONDAY, "2021-04-03", "2021-04-03", "day"),
        ("2023-04-03", MONDAY, "2023-04-03", "2023-04-03", "day"),
        ("March 2022", MONDAY, "2022-03-01", "2022-03-31", "month"),
        ("in March", MONDAY, "2023-03-01", "2023-03-31", "month"),
        ("Sept. 11, 2001", None, "2001-09-11", "2001-09-11", "day"),
        ("2019", None, "2019-01-01", "2019-12-31", "year"),
    ],
)
def test_dates_resolve_expression(text, published, start, end, precision):
    got = resolve_expression(text, published)
    assert got is not None, text
    assert (got.start, got.end, got.precision, got.text) == (start, end, precision, text)


@pytest.mark.parametrize(
    "text",
    ["over the weekend", "on Tuesday", "earlier this month", "last year", "yesterday", "April 3"],
)
def test_dates_relative_without_publication_date_is_unresolved(text):
    assert resolve_expression(text, None) is None


@pytest.mark.parametrize("text", ["21-year-old", "four years", "", "the talks", "may"])
def test_dates_non_times_are_not_resolved(text):
    assert resolve_expression(text, MONDAY) is None


def _sentence(words, ents=()):
    doc = Doc(blank_english().vocab, words=words, ents=list(ents) or None)
    return doc[:]


def test_dates_sentence_date_uses_date_entity():
    sent = _sentence(
        ["Putin", "met", "Li", "over", "the", "weekend", "."],
        ["O", "O", "O", "O", "B-DATE", "I-DATE", "O"],
    )
    got = sentence_date(sent, MONDAY)
    assert (got.start, got.end, got.text, got.precision) == (
        "2023-04-15",
        "2023-04-16",
        "the weekend",
        "day",
    )


def test_dates_sentence_date_finds_expression_ner_missed():
    sent = _sentence(["He", "spoke", "on", "Tuesday", "."])
    got = sentence_date(sent, MONDAY)
    assert (got.start, got.precision) == ("2023-04-11", "day")


def test_dates_sentence_date_skips_ages_and_falls_back_to_publication():
    sent = _sentence(
        ["A", "21-year-old", "leaked", "documents", "."], ["O", "B-DATE", "O", "O", "O"]
    )
    got = sentence_date(sent, MONDAY)
    assert (got.start, got.end, got.precision) == (MONDAY, MONDAY, "publication")


def test_dates_sentence_date_without_publication_keeps_text_only():
    sent = _sentence(["They", "met", "on", "Tuesday", "."], ["O", "O", "O", "B-DATE", "O"])
    assert sentence_date(sent, None) == sentence_date(sent, None).__class__(
        None, None, "Tuesday", None
    )
    plain = _sentence(["They", "met", "."])
    got = sentence_date(plain, None)
    assert (got.start, got.end, got.precision) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("several days ago", "2023-04-14", "2023-04-14"),  # lexicons/number_words.tsv: 3
        ("a couple of days ago", "2023-04-15", "2023-04-15"),
        ("a few weeks ago", "2023-03-27", "2023-04-02"),
        ("twelve years ago", "2011-01-01", "2011-12-31"),
    ],
)
def test_dates_number_words_from_the_lexicon(text: str, start: str, end: str):
    found = resolve_expression(text, MONDAY)
    assert found is not None and (found.start, found.end) == (start, end)


# ---- dating an event from its own clause (issue 12, "Dates") -------------------------
# Parsed Docs are built by hand (``word/TAG/dep/head``, head = token index) so each rule is
# tested on the parse it reads, not on what the model happens to produce.

FRIDAY = "2023-04-21"


def _parsed(spec: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    return parsed_doc(spec, ents)


def _date_at(doc: Doc, anchor: str | None, published: str = FRIDAY):
    sent = next(iter(doc.sents))
    tok = next(t for t in doc if t.text == anchor) if anchor else None
    return sentence_date(sent, published, tok)


def test_dates_target_year_after_by_does_not_date_the_event():
    doc = _parsed(
        "China/NNP/nsubj/2 will/MD/aux/2 double/VB/ROOT/2 its/PRP$/poss/4 fleet/NN/dobj/2 "
        "by/IN/prep/2 2049/CD/pobj/5 ././punct/2",
        ((6, 7, "DATE"),),
    )
    got = _date_at(doc, "double")
    assert (got.start, got.precision, got.source) == (FRIDAY, "publication", "publication")


def test_dates_year_after_in_dates_the_event():  # counterexample of the "by" rule
    doc = _parsed(
        "China/NNP/nsubj/1 doubled/VBD/ROOT/1 its/PRP$/poss/3 fleet/NN/dobj/1 "
        "in/IN/prep/1 2019/CD/pobj/4 ././punct/1",
        ((5, 6, "DATE"),),
    )
    got = _date_at(doc, "doubled")
    assert (got.start, got.end, got.text, got.source) == (
        "2019-01-01",
        "2019-12-31",
        "2019",
        "text",
    )


# "The union, founded in 1998, protested (on Monday)."
_FOUNDED = (
    "The/DT/det/1 union/NN/nsubj/7 ,/,/punct/1 founded/VBN/acl/1 in/IN/prep/3 "
    "1998/CD/pobj/4 ,/,/punct/1 protested/VBD/ROOT/7"
)


def test_dates_year_of_a_clause_describing_a_noun_does_not_date_the_event():
    doc = _parsed(_FOUNDED + " ././punct/7", ((5, 6, "DATE"),))
    got = _date_at(doc, "protested")
    assert (got.start, got.source) == (FRIDAY, "publication")
    with_day = _parsed(
        _FOUNDED + " on/IN/prep/7 Monday/NNP/pobj/8 ././punct/7", ((5, 6, "DATE"), (9, 10, "DATE"))
    )
    got = _date_at(with_day, "protested")
    assert (got.start, got.text) == ("2023-04-17", "Monday")


def test_dates_year_of_a_noun_clause_dates_an_event_read_from_that_clause():
    doc = _parsed(_FOUNDED + " ././punct/7", ((5, 6, "DATE"),))
    assert _date_at(doc, "founded").start == "1998-01-01"


def test_dates_year_in_the_events_own_clause_is_used():  # counterexample of the two above
    doc = _parsed(
        "The/DT/det/1 union/NN/nsubj/2 protested/VBD/ROOT/2 in/IN/prep/2 1998/CD/pobj/3 "
        "././punct/2",
        ((4, 5, "DATE"),),
    )
    assert _date_at(doc, "protested").start == "1998-01-01"


def test_dates_origin_year_of_a_governing_clause_does_not_date_a_conjoined_event():
    # "The union was founded in 1998 and protested." — the founding year is no news date
    doc = _parsed(
        "The/DT/det/1 union/NN/nsubjpass/3 was/VBD/auxpass/3 founded/VBN/ROOT/3 in/IN/prep/3 "
        "1998/CD/pobj/4 and/CC/cc/3 protested/VBD/conj/3 ././punct/3",
        ((5, 6, "DATE"),),
    )
    assert _date_at(doc, "protested").source == "publication"


def test_dates_time_of_a_governing_clause_dates_a_conjoined_event():
    # counterexample: "The union marched on Monday and protested." — same time, inherited
    doc = _parsed(
        "The/DT/det/1 union/NN/nsubj/2 marched/VBD/ROOT/2 on/IN/prep/2 Monday/NNP/pobj/3 "
        "and/CC/cc/2 protested/VBD/conj/2 ././punct/2",
        ((4, 5, "DATE"),),
    )
    got = _date_at(doc, "protested")
    assert (got.start, got.source) == ("2023-04-17", "text")


# "Officials said on Friday that the leaders met on Tuesday."
_REPORTED = _parsed(
    "Officials/NNS/nsubj/1 said/VBD/ROOT/1 on/IN/prep/1 Friday/NNP/pobj/2 that/IN/mark/7 "
    "the/DT/det/6 leaders/NNS/nsubj/7 met/VBD/ccomp/1 on/IN/prep/7 Tuesday/NNP/pobj/8 "
    "././punct/1",
    ((3, 4, "DATE"), (9, 10, "DATE")),
)


@pytest.mark.parametrize(
    ("anchor", "start"),
    [("met", "2023-04-18"), ("said", FRIDAY), (None, FRIDAY)],  # no anchor: the root's clause
)
def test_dates_each_event_takes_the_time_of_its_own_clause(anchor, start):
    assert _date_at(_REPORTED, anchor).start == start


@pytest.mark.parametrize(
    ("spec", "anchor", "start"),
    [
        # "The leaders will meet on Tuesday." published on a Friday: the next Tuesday
        (
            "The/DT/det/1 leaders/NNS/nsubj/3 will/MD/aux/3 meet/VB/ROOT/3 on/IN/prep/3 "
            "Tuesday/NNP/pobj/4 ././punct/3",
            "meet",
            "2023-04-25",
        ),
        # "The leaders are scheduled to meet on Tuesday.": the plan word governs the clause
        (
            "The/DT/det/1 leaders/NNS/nsubjpass/3 are/VBP/auxpass/3 scheduled/VBN/ROOT/3 "
            "to/TO/aux/5 meet/VB/xcomp/3 on/IN/prep/5 Tuesday/NNP/pobj/6 ././punct/3",
            "meet",
            "2023-04-25",
        ),
        # counterexample: "The leaders met on Tuesday.": the Tuesday before
        (
            "The/DT/det/1 leaders/NNS/nsubj/2 met/VBD/ROOT/2 on/IN/prep/2 Tuesday/NNP/pobj/3 "
            "././punct/2",
            "met",
            "2023-04-18",
        ),
        # counterexample: "The leaders said they will meet, on Tuesday." — the Tuesday belongs
        # to the past-tense saying
        (
            "The/DT/det/1 leaders/NNS/nsubj/2 said/VBD/ROOT/2 they/PRP/nsubj/5 will/MD/aux/5 "
            "meet/VB/ccomp/2 ,/,/punct/2 on/IN/prep/2 Tuesday/NNP/pobj/7 ././punct/2",
            "said",
            "2023-04-18",
        ),
    ],
)
def test_dates_weekday_in_a_future_clause_lies_ahead(spec, anchor, start):
    got = _date_at(_parsed(spec), anchor)
    assert (got.start, got.end, got.source) == (start, start, "text")


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("on Tuesday", ("2023-04-18", "2023-04-18"), ("2023-04-25", "2023-04-25")),
        ("on Friday", (FRIDAY, FRIDAY), (FRIDAY, FRIDAY)),  # the publication day either way
        ("last Tuesday", ("2023-04-18", "2023-04-18"), ("2023-04-18", "2023-04-18")),
        ("in March", ("2023-03-01", "2023-03-31"), ("2024-03-01", "2024-03-31")),
        ("in April", ("2023-04-01", "2023-04-30"), ("2023-04-01", "2023-04-30")),  # under way
        ("April 3", ("2023-04-03", "2023-04-03"), ("2024-04-03", "2024-04-03")),
        ("May 2", ("2023-05-02", "2023-05-02"), ("2023-05-02", "2023-05-02")),
        ("this weekend", ("2023-04-15", "2023-04-16"), ("2023-04-22", "2023-04-23")),
        ("this month", ("2023-04-01", FRIDAY), (FRIDAY, "2023-04-30")),
        ("March 2022", ("2022-03-01", "2022-03-31"), ("2022-03-01", "2022-03-31")),  # a year
    ],
)
def test_dates_future_expressions_resolve_forward(text, past, future):
    back = resolve_expression(text, FRIDAY)
    ahead = resolve_expression(text, FRIDAY, future=True)
    assert back is not None and ahead is not None
    assert ((back.start, back.end), (ahead.start, ahead.end)) == (past, future)
    assert back.source == ahead.source == "text"


def test_dates_sentence_entities_are_those_wholly_inside_the_sentence():
    # "It rained on May 2 . Talks end today ." with an entity running over the boundary
    words = ["It", "rained", "on", "May", "2", ".", "Talks", "end", "today", "."]
    doc = Doc(
        blank_english().vocab,
        words=words,
        sent_starts=[True, False, False, False, False, False, True, False, False, False],
        ents=["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "B-DATE", "O"],
    )
    from newsgraph.extract.actors.dates import _time_entities

    for sent in doc.sents:
        ours = [(e.start, e.end, e.label_) for e in _time_entities(sent)]
        assert ours == [(e.start, e.end, e.label_) for e in sent.ents]
    assert [e.text for e in _time_entities(list(doc.sents)[1])] == ["today"]
