"""Quote-mark scanning (extract/quotes.py): pure string tests, no model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.speech.quotes import find_quotes


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We are ready."', ["We are ready."]),
        ('"We are ready," he said.', ["We are ready,"]),
        ("She said: \u201cWe are ready.\u201d", ["We are ready."]),
        ('Putin said: "We hold joint exercises.\u201d', ["We hold joint exercises."]),  # mixed
        (
            '\u201cWe hold joint exercises." he said',
            ["We hold joint exercises."],
        ),  # mixed other way
        ("``It is fine,'' she said.", ["It is fine,"]),  # PTB style
        ('"A," he said, "B."', ["A,", "B."]),
        ("They find \u201cdifferent electronics\u201d in material.", ["different electronics"]),
        ("\u201eDas ist gut\u201d, sagte er.", ["Das ist gut"]),
    ],
)
def test_attributions_quotes_forms(text, expected):
    assert contents(text) == expected


def test_attributions_quotes_nested_single_quotes_stay_inside():
    text = "\"He told me 'no'.\" she said"
    assert contents(text) == ["He told me 'no'."]


def test_attributions_quotes_multi_paragraph():
    text = 'He said: "First part.\n\n"Second part.\n\n"Last part." Then he left.'
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == 'First part.\n\n"Second part.\n\n"Last part.'
    assert q.paragraphs == 3 and q.closed


def test_attributions_quotes_unclosed_is_bounded_to_its_paragraph():
    text = 'He said: "We will win.\n\nThe council meets on Friday. "It is late," Jones said.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["We will win.", "It is late,"]
    assert not qs[0].closed and qs[1].closed


def test_attributions_quotes_stray_closing_mark_ignored():
    assert contents("The plan is ready\u201d and the vote is Friday.") == []


def test_attributions_quotes_single_quotes_only_in_headlines():
    text = "Lake says 'Trump is the man' to turn America around\n\nHe said it's 'fine' today."
    assert contents(text) == ["Trump is the man"]


def test_attributions_quotes_apostrophes_are_not_quotes():
    assert contents("Xi's plan and the players' union don't agree on Trump's wall") == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .,\n\"\u201c\u201d'\u2018\u2019`:")), max_size=120)
)
def test_attributions_quotes_never_crash_and_stay_in_bounds(text):
    for q in find_quotes(text):
        assert 0 <= q.open_mark < q.start < q.end <= len(text)
        inner = text[q.start : q.end]
        assert inner == inner.strip()
        # a quote crosses a paragraph break only into a paragraph that opens with a mark
        for part in inner.split("\n")[1:]:
            stripped = part.strip()
            assert not stripped or stripped[0] in "\"\u201c\u201d`'\u2018\u2019"
