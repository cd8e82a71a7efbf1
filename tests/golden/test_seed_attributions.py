"""Golden test: the seed article's quotes, attributions, unsourced claims and hedges
(expected.json), matched as SCORING.md §2 defines."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.model

_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").translate(_FOLD)).strip().lower()


@pytest.fixture(scope="module")
def expected(seed_dir):
    return json.loads((seed_dir / "expected.json").read_text())


def _speaker_names(analysis, att) -> set[str]:
    names = {norm(att.source_text.text)} if att.source_text else set()
    for actor in analysis.actors:
        if actor.id == att.source:
            names.add(norm(actor.name))
            names.update(norm(m.text) for m in actor.mentions)
    return names


def _matches(analysis, att, g) -> bool:
    """One attribution against one gold quote/attribution item (SCORING.md §2)."""
    kind = g.get("kind")
    if kind in ("direct", "indirect", "partial") and att.kind != kind:
        if not (kind == "partial" and att.kind == "direct"):
            return False
    content = norm(att.content.text)
    cue = norm(att.cue.text) if att.cue else ""
    if "content_starts_with" in g and not content.lstrip("\"' ").startswith(
        norm(g["content_starts_with"])
    ):
        return False
    if "content_ends_with" in g and not content.rstrip("\"' ").endswith(
        norm(g["content_ends_with"]).rstrip("\"' ")
    ):
        return False
    for key in ("content_contains", "claim_contains"):
        if key in g and norm(g[key]) not in content:
            return False
    if (
        "cue_contains" in g
        and norm(g["cue_contains"]) not in cue
        and norm(g["cue_contains"]) not in content
    ):
        return False
    speaker = g.get("speaker", g.get("source", "__any__"))
    if speaker is None:
        return att.source is None and att.source_text is None
    if speaker != "__any__":
        names = _speaker_names(analysis, att)
        wanted = speaker if isinstance(speaker, list) else [speaker]
        if not any(norm(s) in names or any(norm(s) in n for n in names if n) for s in wanted):
            return False
    if g.get("hedged") and not att.hedges:
        return False
    if "hedge_cue" in g and not any(norm(g["hedge_cue"]) in norm(h.text) for h in att.hedges):
        return False
    return True


def _items(expected, section):
    return [g for g in expected[section] if g.get("required")]


def _label(g) -> str:
    return (
        g.get("content_starts_with") or g.get("content_contains") or g.get("claim_contains") or "?"
    )


@pytest.mark.parametrize("section", ["quotes", "attributions"])
def test_seed_attributions_required_items_found(seed_analysis, expected, section):
    missing = [
        _label(g)
        for g in _items(expected, section)
        if not any(_matches(seed_analysis, a, g) for a in seed_analysis.attributions)
    ]
    assert not missing, f"{section} not found: {missing}"


def test_seed_attributions_unsourced_claims_found(seed_analysis, expected):
    missing = [
        g["sentence_contains"]
        for g in _items(expected, "unsourced_claims")
        if not any(
            norm(g["sentence_contains"]) in norm(c.sentence.text) and c.sourced is False
            for c in seed_analysis.claims
        )
    ]
    assert not missing


def test_seed_attributions_unsourced_claims_are_hedged_where_gold_says(seed_analysis, expected):
    for g in _items(expected, "unsourced_claims"):
        if "hedge_cue" not in g:
            continue
        claims = [
            c for c in seed_analysis.claims if norm(g["sentence_contains"]) in norm(c.sentence.text)
        ]
        assert any(c.certainty == "hedged" for c in claims), g["sentence_contains"]


def test_seed_attributions_hedges_found(seed_analysis, expected):
    missing = []
    for g in expected["hedges"]:
        sentence = norm(g["sentence_contains"])
        hits = [
            h for c in seed_analysis.claims if sentence in norm(c.sentence.text) for h in c.hedges
        ]
        hits += [
            h
            for a in seed_analysis.attributions
            if sentence.split()[0] in norm(a.content.text)
            for h in a.hedges
        ]
        if not any(norm(g["cue"]).split()[0] in norm(h.text) for h in hits):
            missing.append(f"{g['cue']} in {g['sentence_contains']}")
    assert not missing


def test_seed_attributions_reportedly_is_hedged_and_sourceless(seed_analysis):
    claim = next(c for c in seed_analysis.claims if "reportedly solidified" in c.sentence.text)
    assert claim.certainty == "hedged" and claim.sourced is False
    att = next(a for a in seed_analysis.attributions if a.id == claim.attribution)
    assert att.source is None and att.source_text is None and att.cue.text == "reportedly"


def test_seed_attributions_spans_are_exact_and_ids_ordered(seed_analysis):
    text = seed_analysis.article.text
    for a in seed_analysis.attributions:
        for span in (a.content, a.cue, a.source_text, *a.hedges):
            assert span is None or span.is_valid_in(text)
    assert [a.id for a in seed_analysis.attributions] == [
        f"q{i}" for i in range(1, len(seed_analysis.attributions) + 1)
    ]
    assert [c.id for c in seed_analysis.claims] == [
        f"c{i}" for i in range(1, len(seed_analysis.claims) + 1)
    ]


def test_seed_attributions_no_teaser_quotes(seed_analysis):
    """Nothing from the page chrome after 'Image: Title:' may become a quote."""
    leaked = [
        a.content.text
        for a in seed_analysis.attributions
        if "Trump" in a.content.text or "energy" in a.content.text
    ]
    assert not leaked
