# ruff: noqa: E501 - hand-made outputs read best one to a line
"""PLOVER evaluation: scoring rules on hand-made outputs, and the actor-country gate."""

from __future__ import annotations

import pytest

from conftest import need_shared
from newsgraph.evaluate.plover import GoldActor, GoldSentence, load_gold, run, score
from newsgraph.records import Actor, Analysis, Article, Event, Span

# Floor for actor-country recall of the gold source actors (issue 3 asks ≥ 0.80; measured 0.886).
ACTOR_COUNTRY_FLOOR = 0.86


def _analysis(
    text: str,
    actors: list[tuple[str, str | None, tuple[str, ...]]],
    events: list[tuple[str, list[str], list[str]]],
) -> Analysis:
    art = Article(id="x", text=text)
    acts = tuple(
        Actor(
            f"a{i}",
            name,
            "country",
            (Span.of(text, text.index(name), text.index(name) + len(name)),),
            country,
            sectors,
        )
        for i, (name, country, sectors) in enumerate(actors, start=1)
    )
    span = Span.of(text, 0, 1)
    evs = tuple(
        Event(f"e{i}", plover, "000", span, span, actors=tuple(a), recipients=tuple(r))
        for i, (plover, a, r) in enumerate(events, start=1)
    )
    return Analysis(article=art, actors=acts, events=evs)


def _gold(event, source, target=(), reciprocal=False):
    return GoldSentence(
        "g",
        "t",
        event,
        tuple(GoldActor(t, c) for t, c in source),
        tuple(GoldActor(t, c) for t, c in target),
        reciprocal,
    )


def test_plover_score_types_countries_and_extras():
    text = "Israel accused Syria and NATO."
    out = _analysis(text, [("Israel", "ISR", ()), ("Syria", "SYR", ()), ("NATO", None, ("IGO",))],
                    [("ACCUSE", ["a1"], ["a2"]), ("THREATEN", ["a1"], [])])  # fmt: skip
    m = score([_gold("ACCUSE", [("Israel", "ISR")], [("Syria", "SYR")])], [out])
    assert (m["type recall"], m["type+actor-country recall"], m["type+both-countries recall"]) == (
        1.0,
        1.0,
        1.0,
    )
    assert m["extra events/sentence"] == 1.0
    assert m["actor-country recall (source actors)"] == 1.0
    # wrong target country: type and actor hold, both-countries does not
    m = score([_gold("ACCUSE", [("Israel", "ISR")], [("Egypt", "EGY")])], [out])
    assert (m["type+actor-country recall"], m["type+both-countries recall"]) == (1.0, 0.0)
    # IGO gold source matches an actor with sector IGO; an ethnic-group code matches nothing
    m = score([_gold("ACCUSE", [("NATO", "IGO"), ("Kurds", "IMG")])], [out])
    assert m["actor-country recall (source actors)"] == 0.5


def test_plover_score_reciprocal_allows_either_side():
    out = _analysis(
        "Jordan and Britain agreed.",
        [("Jordan", "JOR", ()), ("Britain", "GBR", ())],
        [("AGREE", ["a2"], ["a1"])],
    )
    gold = _gold("AGREE", [("Jordan", "JOR")], [("Britain", "GBR")], reciprocal=True)
    assert score([gold], [out])["type+both-countries recall"] == 1.0
    assert (
        score([_gold("AGREE", [("Jordan", "JOR")], [("Britain", "GBR")])], [out])[
            "type+actor-country recall"
        ]
        == 0.0
    )


def test_plover_load_gold_maps_old_labels_and_codes():
    gold = load_gold(need_shared("eval", "data"))
    assert len(gold) == 322
    types = {g.event for g in gold}
    assert not types & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "DOCUMENT"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types
    codes = {a.code for g in gold for a in (*g.source, *g.target)}
    assert not codes & {"JAP", "ITL", "VTN"}


@pytest.mark.model
def test_plover_gate_actor_country_recall(nlp):
    report = run(need_shared("eval", "data"), nlp=nlp)
    m = report.metrics
    assert m["sentences"] == 322 and m["extractor failures"] == 0
    assert m["actor-country recall (source actors)"] >= ACTOR_COUNTRY_FLOOR, m
