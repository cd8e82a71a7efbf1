"""Evaluation gate: place readings on hand-checked mentions of AllSides articles.

Floor: the issue's target, accuracy 0.90, on the 274 mentions the geocoder's rules were
revised against (0.989 when set; the code before issue 13: 0.843 even ignoring the place kind)
and on 56 held-out mentions checked after the rules (0.964). Raising a floor is easy, lowering one
needs a reason in the commit.
"""

from __future__ import annotations

import json

import pytest

from conftest import need_shared
from newsgraph.evaluate.places import GoldPlace, body_offset, load_gold
from newsgraph.records import Place, Span

pytestmark = [pytest.mark.model, pytest.mark.slow]

FLOOR = 0.90


@pytest.mark.parametrize(("split", "at_least"), [("dev", 100), ("heldout", 50)])
def test_places_gate(split, at_least):
    from newsgraph.evaluate.places import run

    need_shared("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")
    m = run(need_shared("eval", "data"), split=split).metrics
    assert m["mentions"] >= at_least and m["mentions_on_removed_lines"] == 0, m
    assert m["accuracy"] >= FLOOR, m


def test_places_gold_covers_each_class():
    kinds = {g.kind for g in load_gold()}
    assert {"continent", "region", "country", "admin1", "city", "none"} <= kinds


def test_places_gold_match_rules():
    oregon = Place("p1", "Oregon", (Span.of("Oregon", 0, 6),), "USA", geonames_id=5744337,
                   kind="admin1", admin1="US-OR")  # fmt: skip
    gold = GoldPlace("a", 0, 0, "Oregon", "admin1", "USA", "US-OR", 5744337)
    assert gold.matches(oregon)
    town = Place("p1", "Oregon", (Span.of("Oregon", 0, 6),), "USA", geonames_id=5165734,
                 kind="city", admin1="US-OH")  # fmt: skip
    assert not gold.matches(town) and not gold.matches(None)
    assert GoldPlace("a", 0, 0, "North", "none", None, None, None).matches(None)


def test_places_body_offset_follows_kept_lines():
    raw = "Enlarge this image toggle caption X/AP X/AP\n\nLeaders met in Oslo.\n\nThen Paris."
    body = "Leaders met in Oslo.\n\nThen Paris."
    assert body[body_offset(raw, body, 4, 5) :].startswith("Paris")
    assert body_offset(raw, body, 0, 0) is None
    # a hover card cut out before the mention shifts it; a mention inside one is gone
    raw = "Sen. Marco Rubio Marco Antonio RubioGOP senators balk MORE (R-Fla.) flew to Miami."
    body = "Sen. Marco Rubio (R-Fla.) flew to Miami."
    assert body[body_offset(raw, body, 0, raw.index("Miami")) :] == "Miami."
    assert body_offset(raw, body, 0, raw.index("GOP")) is None


def test_places_eval_command_prints_the_figures():
    from click.testing import CliRunner

    from newsgraph.cli import cli

    data = need_shared("eval", "data")
    result = CliRunner().invoke(
        cli, ["eval", "places", "--data", str(data), "--limit", "3", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["articles"] == 3 and 0 < metrics["accuracy"] <= 1
