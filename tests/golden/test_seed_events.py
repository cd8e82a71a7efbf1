"""Golden test: the seed article's events (SCORING.md §2, expected.json ``events``/``must_not``).

An event counts only when it is asserted (not negated, not hedged): a correct coder must
find the meeting, the cooperation, the approval, Macron's visit and his appeal as facts,
and must never assert the denied arms transfer or the speculated US-Russian fighting.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def _norm(s: str | None) -> str:
    table = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
    return " ".join((s or "").translate(table).split()).lower()


@pytest.fixture(scope="module")
def gold(seed_dir):
    return json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def view(seed_analysis):
    actors = {a.id: a for a in seed_analysis.actors}
    places = {p.id: p for p in seed_analysis.places}

    def countries(ids):
        return {actors[i].country for i in ids if i in actors}

    def names(ids):
        return {_norm(actors[i].name) for i in ids if i in actors}

    return seed_analysis, countries, names, places


def _asserted(e) -> bool:
    return not e.negated and e.certainty == "asserted"


def _matches(g: dict, e, countries, names, places) -> bool:
    if not _asserted(e):
        return False
    if not (e.plover == g.get("plover") or e.cameo in g.get("cameo_accept", [])):
        return False
    ac, rc = countries(e.actors), countries(e.recipients)
    if "between" in g and not set(g["between"]) <= ac | rc:
        return False
    if "actor_country" in g and g["actor_country"] not in ac:
        return False
    if "recipient_country" in g and g["recipient_country"] not in rc:
        return False
    if "actors" in g and not {_norm(n) for n in g["actors"]} <= names(e.actors) | names(
        e.recipients
    ):
        return False
    if "context_contains" in g and not any(g["context_contains"] in c for c in e.contexts):
        return False
    if "location" in g:
        place = places.get(e.place)
        if place is None or _norm(place.name) != _norm(g["location"]):
            return False
    if "date_from" in g:
        start = (e.date.start or "")[:10] if e.date else ""
        if not start or not g["date_from"] <= start <= g["date_to"]:
            return False
    return True


def test_seed_events_every_required_event_is_found(gold, view):
    analysis, countries, names, places = view
    missing = [
        f"{g['plover']}: {g.get('note', '')}"
        for g in gold["events"]
        if g.get("required")
        and not any(_matches(g, e, countries, names, places) for e in analysis.events)
    ]
    assert not missing, missing


def test_seed_events_denied_arms_transfer_is_never_asserted(view):
    analysis, countries, _, _ = view
    bad = [
        e
        for e in analysis.events
        if _asserted(e)
        and e.plover == "AID"
        and "CHN" in countries(e.actors)
        and "RUS" in countries(e.recipients)
    ]
    assert not bad, [e.evidence.text for e in bad]


def test_seed_events_denial_is_kept_as_negated_aid(view):
    analysis, countries, _, _ = view
    denied = [e for e in analysis.events if e.plover == "AID" and "CHN" in countries(e.actors)]
    assert denied, "the denied arms transfer should be kept, marked negated"
    assert all(e.negated and e.certainty == "negated" for e in denied)


def test_seed_events_speculated_us_russia_fighting_is_never_asserted(view):
    analysis, countries, _, _ = view
    bad = [
        e
        for e in analysis.events
        if _asserted(e)
        and e.plover == "ASSAULT"
        and {"USA", "RUS"} <= countries(e.actors) | countries(e.recipients)
    ]
    assert not bad, [e.evidence.text for e in bad]


def test_seed_events_nothing_from_the_teasers(view, gold):
    analysis, *_ = view
    body_end = len(analysis.article.text)
    assert all(e.evidence.end <= body_end for e in analysis.events)
    assert not any("posobiec" in _norm(e.evidence.text) for e in analysis.events)


def test_seed_events_contract_shape(view):
    analysis, *_ = view
    text = analysis.article.text
    assert [e.id for e in analysis.events] == [f"e{i}" for i in range(1, len(analysis.events) + 1)]
    starts = [e.trigger.start for e in analysis.events]
    assert starts == sorted(starts)
    for e in analysis.events:
        assert e.trigger.is_valid_in(text) and e.evidence.is_valid_in(text)
        assert isinstance(e.cameo, str) and 2 <= len(e.cameo) <= 4 and e.cameo.isdigit()
        assert e.quad_class in (1, 2, 3, 4)
        assert e.actors, "an event without an actor must not be emitted"
        actor_codes = {a.id: a.code for a in analysis.actors}
        assert list(e.actor_codes) == [actor_codes[a] for a in e.actors if actor_codes[a]]


def test_seed_events_quote_events_link_their_attribution(view):
    analysis, *_ = view
    atts = {a.id: a for a in analysis.attributions}
    linked = [e for e in analysis.events if e.attribution]
    assert linked
    for e in linked:
        att = atts[e.attribution]
        reported = att.content.start <= e.trigger.start < att.content.end
        # a speech act (DESIGN §4): the event is the saying itself, its trigger the cue
        said = att.cue is not None and att.cue.start <= e.trigger.start < att.cue.end
        assert reported or said
