"""The run loop: order kept, failures isolated, one bad article never stops a batch."""

from __future__ import annotations

import pytest

from conftest import assert_valid_article
from newsgraph import pipeline
from newsgraph.config import Settings
from newsgraph.records import Analysis, Article, Failure


def _item(text: str, origin: str) -> Analysis:
    return Analysis(article=Article(id=Article.make_id(text), text=text, origin=origin))


def test_pipeline_extractor_crash_becomes_failure_and_batch_goes_on(monkeypatch):
    import spacy

    nlp = spacy.blank("en")

    def explode_on_bad(doc, analysis, options=None):
        if "BAD" in doc.text:
            raise ZeroDivisionError("boom")
        return analysis

    monkeypatch.setattr(pipeline, "run_extractors", explode_on_bad)
    items = [
        _item("good one", "a.txt"),
        _item("BAD one", "b.txt"),
        Failure("c.bin", "clean", "input", "binary"),
        _item("good two", "d.txt"),
    ]
    out = list(pipeline.analyze_stage(items, nlp, Settings(batch_size=2)))
    assert [type(x).__name__ for x in out] == ["Analysis", "Failure", "Failure", "Analysis"]
    assert (
        out[1].input == "b.txt"
        and out[1].code == "internal"
        and "ZeroDivisionError" in out[1].reason
    )
    assert out[2].input == "c.bin"
    assert [x.article.origin for x in out if isinstance(x, Analysis)] == ["a.txt", "d.txt"]
    assert all(x.extractor.startswith("newsgraph ") for x in out if isinstance(x, Analysis))


@pytest.mark.model
def test_pipeline_analyze_text_is_deterministic(nlp):
    text = "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow."
    a = pipeline.analyze_text(text, published="2023-04-17", nlp=nlp)
    b = pipeline.analyze_text(text, published="2023-04-17", nlp=nlp)
    assert a.to_dict() == b.to_dict()
    assert_valid_article(a.to_dict())
    assert all(s.is_valid_in(text) for s in a.spans())
