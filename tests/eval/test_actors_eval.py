"""The actor scorer (evaluate/actors.py) on hand-written outputs: matching and figures."""

from __future__ import annotations

from newsgraph.evaluate.actors import GoldActor, load_labels, match, score


def _actor(i, name, country, sectors=(), kind="person", mentions=None, source="text"):
    return {
        "id": i, "name": name, "type": kind, "country": country, "sectors": list(sectors),
        "code": (country or "") + "".join(sectors[:1]), "country_source": source,
        "mentions": [{"text": m} for m in (mentions or [name])],
    }  # fmt: skip


def test_actors_eval_labels_cover_enough_articles_and_keep_no_text():
    labels = load_labels()
    assert len(labels) >= 200 and len({g.article for g in labels}) >= 40
    assert all(len(g.name) < 60 for g in labels)  # names, never sentences of the article
    assert all(g.country is None or len(g.country) == 3 for g in labels)


def test_actors_eval_match_prefers_the_name_then_a_mention_then_the_surname():
    out = [
        _actor("a1", "Donald Trump", "USA", ("GOV",), mentions=["Donald Trump", "Trump"]),
        _actor("a2", "Trump Tower", None, kind="organization"),
    ]
    assert match(GoldActor("x", "Trump", "USA", ("GOV",)), out)["id"] == "a1"
    assert match(GoldActor("x", "Donald J. Trump", "USA", ()), out)["id"] == "a1"  # surname
    assert match(GoldActor("x", "Melania Trump", "USA", ()), out) is None  # another person
    assert match(GoldActor("x", "Vladimir Putin", "RUS", ()), out) is None


def test_actors_eval_score_counts_country_sector_and_missing_countries():
    gold = [
        GoldActor("x", "Donald Trump", "USA", ("GOV",)),
        GoldActor("x", "Sergei Lavrov", "RUS", ("GOV",)),
        GoldActor("x", "Islamic State", None, ("REB",)),
        GoldActor("x", "Nobody Here", "FRA", ()),
    ]
    out = {
        "x": {
            "actors": [
                _actor("a1", "Donald Trump", "USA", ("GOV",)),
                _actor("a2", "Sergei Lavrov", None, ("GOV",), source="none-unknown"),
                _actor("a3", "Islamic State", None, ("REB",), kind="organization"),
            ]
        }
    }
    metrics, details = score(gold, out)
    assert metrics["found"] == 0.75
    assert round(metrics["country right"], 4) == round(2 / 3, 4)
    assert metrics["sector right"] == 1.0
    assert metrics["persons without a country"] == 0.5
    assert any("Lavrov" in w and "none-unknown" in w for w in details["wrong"])
    assert any("Nobody Here: not found" in w for w in details["wrong"])
