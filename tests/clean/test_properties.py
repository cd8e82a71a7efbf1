"""Properties over arbitrary inputs: clean keeps whole lines and explains every removal;
every span the pipeline emits matches the text; results round-trip and are stable."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean
from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import RawInput
from newsgraph.records import Analysis, Article

S = Settings()

CHROME = [
    "Advertisement",
    "View All",
    "Image: Title: putin china",
    "Related Topics",
    "Share",
    "Read more: Oil prices jump",
    "Sign up for our newsletter",
    "Copyright 2023 AP.",
    "Follow us on Twitter",
    "We use cookies on this site.",
    "Photo: A man / Getty Images",
    "Reporting by A; Editing by B",
    "Oil prices jump as OPEC cuts output",
    "Stocks slide...",
]
SENTENCES = [
    "Russia and China have reportedly solidified a military partnership.",
    'Putin said: "We are working actively through our military departments."',
    "The US is taking part in illegal combat, officials said on Monday.",
    "Shangfu reportedly told Putin during the meeting that cooperation was developing well.",
    "NATO and the US have suggested that there are no signs of weapons supplies to Moscow.",
    "(CNN) President Joe Biden will travel to Poland next week.",
]

line = st.one_of(
    st.sampled_from(CHROME),
    st.sampled_from(SENTENCES),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=60),
    st.just(""),
)
page = st.lists(line, max_size=25).map("\n".join)


def _input_lines(text: str) -> set[str]:
    return {x.strip() for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}


@settings(max_examples=300, deadline=None)
@given(page, st.sampled_from(["text", "record"]))
def test_properties_clean_keeps_whole_lines_and_explains_removals(text, kind):
    raw = RawInput("prop.txt", kind, text.encode("utf-8"))
    try:
        result = clean(raw, S)
    except InputError as e:
        assert e.input == "prop.txt" and e.reason
        return
    a = result.article
    assert a.text and a.text == a.text.strip()
    assert a.id == Article.make_id(a.text, a.title)
    source = _input_lines(text)
    assert all(x.strip() in source for x in a.text.split("\n"))
    for piece in result.removed:
        assert piece.text and piece.text in text, piece
        assert piece.reason
    # every non-blank input line is accounted for: title, body or removed
    accounted = _input_lines(a.text) | {r.text for r in result.removed} | {a.title or ""}
    assert {x for x in source if x} <= accounted
    # the same input cleans to the same record
    assert clean(raw, S) == result
    assert Analysis.from_dict(result.to_dict()).to_dict() == result.to_dict()


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES + CHROME), min_size=1, max_size=12))
def test_properties_every_emitted_span_matches_the_article_text(nlp, lines):
    from newsgraph.pipeline import analyze_stage

    text = "A title\n\n" + "\n\n".join(lines)
    try:
        cleaned = clean(RawInput("prop.txt", "text", text), S)
    except InputError:
        return
    (result,) = analyze_stage([cleaned], nlp, S)
    assert isinstance(result, Analysis), result
    body = result.article.text
    bad = [s for s in result.spans() if not s.is_valid_in(body)]
    assert not bad
    # origin is not serialised and scores are rounded: compare the serialised forms
    assert Analysis.from_dict(result.to_dict()).to_dict() == result.to_dict()
    (again,) = analyze_stage([clean(RawInput("prop.txt", "text", text), S)], nlp, S)
    assert again.to_dict() == result.to_dict()
