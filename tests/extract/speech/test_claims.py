"""Claims (extract/claims.py): which sentences are claims, their source, certainty and
check-worthiness."""

from __future__ import annotations

import pytest

from newsgraph.extract.speech.attributions import extract_attributions
from newsgraph.extract.speech.claims import FEATURES, check_worthiness, extract_claims
from newsgraph.records import Article

TEXT = (
    "Budget Talks Resume In Capital\n\n"
    "By Jane Doe\n\n"
    "The deficit rose by 12 percent last year, the finance ministry said. "
    "Will the government cut spending? "
    "Unemployment fell to 4 percent in March, according to Reuters. "
    "The minister reportedly plans to resign. "
    "The opposition did not join the talks. "
    "If the talks fail, taxes would rise. "
    "The city is a lovely place."
)


@pytest.fixture(scope="module")
def claims(nlp):
    doc = nlp(TEXT)
    article = Article(id="t", text=TEXT, language="en")
    atts = extract_attributions(doc, article, [])
    return {c.sentence.text: c for c in extract_claims(doc, article, [], atts)}


def _claim(claims, start: str):
    return next(c for s, c in claims.items() if s.startswith(start))


@pytest.mark.model
def test_claims_skip_headline_byline_and_question(claims):
    assert not any(s.startswith(("Budget Talks", "By Jane", "Will the government")) for s in claims)


@pytest.mark.model
def test_claims_sourced_through_attribution(claims):
    c = _claim(claims, "The deficit rose")
    assert c.sourced and c.attribution is not None and c.certainty == "asserted"
    r = _claim(claims, "Unemployment fell")
    assert r.sourced and r.source_kind in ("organization", "media")


@pytest.mark.model
def test_claims_reportedly_is_hedged_and_unsourced(claims):
    c = _claim(claims, "The minister reportedly")
    assert c.certainty == "hedged" and not c.sourced and c.attribution is not None
    assert [h.text for h in c.hedges] == ["reportedly"]


@pytest.mark.model
def test_claims_negated_speculative_and_plain(claims):
    assert _claim(claims, "The opposition did not").certainty == "negated"
    assert _claim(claims, "If the talks fail").certainty == "speculative"
    plain = _claim(claims, "The city is")
    assert plain.certainty == "asserted" and not plain.sourced and plain.source_kind == "none"


@pytest.mark.model
def test_claims_ids_and_spans(claims):
    ordered = sorted(claims.values(), key=lambda c: c.sentence.start)
    assert [c.id for c in ordered] == [f"c{i}" for i in range(1, len(ordered) + 1)]
    for c in ordered:
        assert c.sentence.is_valid_in(TEXT) and 0.0 <= c.check_worthiness <= 1.0


@pytest.mark.model
def test_claims_check_worthiness_ranks_figures_above_small_talk(claims):
    assert (
        _claim(claims, "The deficit rose").check_worthiness
        > _claim(claims, "The city is").check_worthiness
    )


def test_claims_check_worthiness_is_logistic_in_the_weights():
    feats = dict.fromkeys(FEATURES, 0.0)
    assert check_worthiness(feats, {"bias": 0.0}) == pytest.approx(0.5)
    feats["number"] = 1.0
    assert check_worthiness(feats, {"bias": -1.0, "number": 2.0}) == pytest.approx(
        1 / (1 + 2.718281828**-1)
    )
    assert check_worthiness(feats, {"bias": -1e6}) == pytest.approx(0.0, abs=1e-12)
