"""Golden test: the seed article's title and clean body (expected.json, body section)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def expected(seed_dir):
    return json.loads((seed_dir / "expected.json").read_text())


def test_seed_title(seed_analysis, expected):
    assert seed_analysis.article.title == expected["title"]


def test_seed_body_starts_and_ends_as_expected(seed_analysis, expected):
    body = seed_analysis.article.text
    assert body.startswith(expected["body"]["must_start_with"])
    assert body.rstrip().endswith(expected["body"]["must_end_with"])


def test_seed_body_excludes_page_chrome(seed_analysis, expected):
    body = seed_analysis.article.text
    leaked = [s for s in expected["body"]["must_exclude"] if s in body]
    assert not leaked


def test_seed_every_span_matches_the_text(seed_analysis):
    text = seed_analysis.article.text
    bad = [s for s in seed_analysis.spans() if not s.is_valid_in(text)]
    assert not bad
