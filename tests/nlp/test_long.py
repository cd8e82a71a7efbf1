"""Articles longer than the model's max_length: parsed in chunks, spans in article coordinates."""

from __future__ import annotations

import time
from importlib import resources

import pytest

from conftest import assert_valid_article
from newsgraph.nlp.long import chunks, parse


def _sample_body() -> str:
    text = resources.files("newsgraph.data").joinpath("sample", "seed-putin-li-shangfu.txt")
    return text.read_text("utf-8").split("\n", 1)[1].split("\nImage:", 1)[0].strip() + "\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph here.\n\nAnother one there.\n\n" * 40,
        "Lines only, no blank line.\n" * 60,
        "Sentences. " * 200,
        "x" * 1000,  # no boundary at all: cut anyway
    ],
)
def test_long_chunks_rejoin_exactly_within_size(text):
    parts = chunks(text, size=100)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 100 for p in parts)
    assert len(parts) > 1


def test_long_chunks_cut_at_paragraph_boundaries():
    text = ("A paragraph of a few words.\n\n" * 20) + "Last line."
    for part in chunks(text, size=120)[:-1]:
        assert part.endswith("\n\n")


def test_long_parse_joins_chunks_with_article_offsets():
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 200
    text = "Putin met Li in Moscow.\n\nBoth sides praised the talks. " * 30
    doc = parse(nlp, text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


@pytest.mark.model
def test_long_analysis_over_max_length_keeps_every_span_in_article(nlp):
    import newsgraph

    pipeline = newsgraph.load()
    body = _sample_body() * 6
    small = pipeline.analyze(_sample_body(), published="2023-04-17")
    saved, limit = pipeline.nlp.max_length, len(body) // 4
    pipeline.nlp.max_length = limit  # as if the article were 4× the model's limit
    try:
        a = pipeline.analyze(body, published="2023-04-17")
        streamed = list(pipeline.analyze_many([{"text": body, "published": "2023-04-17"}]))
    finally:
        pipeline.nlp.max_length = saved
    text = a.article.text
    assert len(text) > limit
    assert all(s.is_valid_in(text) for s in a.spans())
    assert len(a.events) >= 4 * len(small.events) > 0  # every chunk was analysed
    assert_valid_article(a.to_dict())
    # the ingest path (analyze_stage) chunks the same way
    assert (streamed[0].actors, streamed[0].events) == (a.actors, a.events)


@pytest.mark.model
@pytest.mark.slow
def test_long_three_million_characters_analysed_within_five_minutes(nlp):
    import newsgraph

    body = _sample_body()
    text = body * (3_000_000 // len(body) + 1)
    assert len(text) > 3_000_000
    t0 = time.monotonic()
    a = newsgraph.load().analyze(text, published="2023-04-17")
    assert time.monotonic() - t0 < 300
    assert a.article.text == text.strip() or len(a.article.text) > 3_000_000
    assert a.actors and a.events
