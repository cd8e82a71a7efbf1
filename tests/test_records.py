"""Records: span validity, to_dict/from_dict round trips, stable ids."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.records import (
    SCHEMA,
    Actor,
    Analysis,
    Article,
    Attribution,
    Claim,
    Event,
    EventDate,
    Place,
    Removed,
    Span,
)  # fmt: skip


@given(st.text(max_size=200), st.data())
def test_records_span_of_matches_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span.of(text, start, end)
    assert span.text == text[start:end]
    assert span.is_valid_in(text)
    assert Span.from_dict(span.to_dict()) == span


def test_records_span_of_rejects_out_of_range():
    with pytest.raises(ValueError):
        Span.of("abc", 2, 5)
    assert not Span(0, 2, "xy").is_valid_in("abc")


def _sample(text: str) -> Analysis:
    art = Article(
        id=Article.make_id(text, "T"),
        text=text,
        title="T",
        published="2023-04-17",
        authors=("A. Writer",),
        language="en",
    )
    s = Span.of(text, 0, 5)
    return Analysis(
        article=art,
        removed=(Removed("View All", "chrome"),),
        actors=(Actor("a1", "Putin", "person", (s,), "RUS", ("GOV",), ("President",), "RUSGOV"),),
        places=(Place("p1", "Moscow", (s,), "RUS", 55.75, 37.62, 524901),),
        attributions=(Attribution("q1", "direct", s, "a1", s, s, (s,), 0.9, "person"),),
        claims=(Claim("c1", s, True, "person", "q1", (s,), "hedged", 0.5),),
        events=(
            Event(
                "e1",
                "CONSULT",
                "043",
                s,
                s,
                ("a1",),
                (),
                ("RUSGOV",),
                (),
                "visit",
                ("military",),
                2.8,
                1,
                "p1",
                EventDate("2023-04-15", "2023-04-16", "x", "day"),
                False,
                "asserted",
                "q1",
                0.8,
            ),
        ),
        extractor="test",
    )


def test_records_analysis_round_trips_through_json():
    a = _sample("Putin met Li in Moscow.")
    d = json.loads(json.dumps(a.to_dict()))
    assert d["schema"] == SCHEMA
    assert Analysis.from_dict(d) == a
    assert d["events"][0]["cameo"] == "043"


def test_records_contract_keys_are_exact():
    d = _sample("Putin met Li in Moscow.").to_dict()
    assert list(d) == [
        "schema",
        "article",
        "removed",
        "actors",
        "places",
        "attributions",
        "claims",
        "events",
        "extractor",
    ]
    assert set(d["article"]) == {
        "id",
        "url",
        "source",
        "title",
        "published",
        "authors",
        "language",
        "text",
    }
    assert {"id", "kind", "source", "source_text", "cue", "content", "hedges", "confidence"} <= set(
        d["attributions"][0]
    )
    assert {
        "id",
        "plover",
        "mode",
        "contexts",
        "cameo",
        "goldstein",
        "quad_class",
        "actors",
        "recipients",
        "actor_codes",
        "recipient_codes",
        "place",
        "date",
        "negated",
        "certainty",
        "attribution",
        "trigger",
        "evidence",
        "confidence",
    } <= set(d["events"][0])


def test_records_event_rejects_integer_cameo():
    s = Span(0, 1, "x")
    with pytest.raises(TypeError):
        Event("e1", "CONSULT", 43, s, s)  # type: ignore[arg-type]


def test_records_from_dict_rejects_unknown_schema():
    d = _sample("Putin met Li.").to_dict()
    d["schema"] = "other/9"
    with pytest.raises(ValueError, match="unknown schema"):
        Analysis.from_dict(d)


@given(st.text(min_size=1, max_size=100), st.text(max_size=30))
def test_records_article_ids_are_stable_and_content_based(text, title):
    assert Article.make_id(text, title) == Article.make_id(text, title)
    # whitespace differences (re-wrapped copies of the same text) give the same id
    assert Article.make_id(text + "  ", title) == Article.make_id(text, title)
