"""Evaluation gate for events in real articles (``golden/articles``, SCORING.md §4b).

Floors are pinned a little under the figures measured when they were set; raising one is
easy, lowering one needs a reason in the commit. Measured 2026-12-01 with the whole
pipeline on the 30 gold articles: precision lenient 0.550, strict 0.221; recall lenient
0.250, strict 0.115 (132 events predicted, 192 required gold entries). Raised 2026-12-02
after the verb-sense rules and speech-act events: precision lenient 0.811, strict 0.342;
recall lenient 0.323, strict 0.146 (111 events predicted). Raised 2026-12-02 (second
session) after verdicts (naming verbs, evaluated acts, misconduct words), quoted demands,
reported refusals, verdict verbs with no attribution, party-member actors and recipient
rules: precision lenient 0.835, strict 0.432; recall lenient 0.453, strict 0.266 (141
events predicted).

The targets of issue 12 are NOT met yet: precision lenient >= 0.75 and strict >= 0.55,
recall lenient >= 0.65 and strict >= 0.45. When the extractors reach them, raise the
floors here to just under the new figures.

These articles are a development set: rules are written for classes of cases (each with
an example and a counterexample in its unit test), never for one gold sentence.
"""

from __future__ import annotations

import pytest

from conftest import need_shared

pytestmark = [pytest.mark.model, pytest.mark.slow]

PRECISION_LENIENT_FLOOR = 0.80
PRECISION_STRICT_FLOOR = 0.41
RECALL_LENIENT_FLOOR = 0.43
RECALL_STRICT_FLOOR = 0.25


@pytest.fixture(scope="module")
def report(nlp):
    from newsgraph.evaluate.articles import run

    need_shared("golden", "articles")
    return run(need_shared("eval", "data"), nlp=nlp)


def test_articles_gate_precision_lenient(report):
    assert report.metrics["precision lenient"] >= PRECISION_LENIENT_FLOOR, report.metrics


def test_articles_gate_precision_strict(report):
    assert report.metrics["precision strict"] >= PRECISION_STRICT_FLOOR, report.metrics


def test_articles_gate_recall_lenient(report):
    assert report.metrics["recall lenient"] >= RECALL_LENIENT_FLOOR, report.metrics


def test_articles_gate_recall_strict(report):
    assert report.metrics["recall strict"] >= RECALL_STRICT_FLOOR, report.metrics


def test_articles_gate_no_analysis_failures(report):
    assert report.metrics["analysis failures"] == 0, report.details["failures"]
