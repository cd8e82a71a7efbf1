"""Date resolution against the publication date (rules first, no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.actors.dates import resolve_expression, sentence_date
from newsgraph.nlp import blank_english

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
