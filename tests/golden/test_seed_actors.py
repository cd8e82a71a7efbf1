"""Seed golden test for actors and places (issue 3): the whole pipeline on the seed article."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.model


def _norm(s: str) -> str:
    return (
        re.sub(r"\s+", " ", s.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()
    )


@pytest.fixture(scope="module")
def gold(seed_dir):
    return json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))


def _find(analysis, g):
    for a in analysis.actors:
        if _norm(a.name) == _norm(g["name"]):
            return a
    aliases = [_norm(x) for x in g.get("aliases_in_text", [])[:1]]
    for a in analysis.actors:
        if any(_norm(m.text) in aliases for m in a.mentions):
            return a
    return None


def test_seed_actors_every_gold_actor_with_country_sector_and_mentions(seed_analysis, gold):
    problems = []
    for g in gold["actors"]:
        a = _find(seed_analysis, g)
        if a is None:
            problems.append(f"missing {g['name']}")
            continue
        if g.get("country") and a.country != g["country"]:
            problems.append(f"{g['name']}: country {a.country} != {g['country']}")
        if not set(a.sectors) & set(g["sector"]):
            problems.append(f"{g['name']}: sectors {a.sectors} not in {g['sector']}")
        if len(a.mentions) < g.get("min_mentions", 1):
            problems.append(f"{g['name']}: {len(a.mentions)} mentions < {g['min_mentions']}")
        if g.get("role_contains") and a.type == "person":
            if not any(g["role_contains"] in r.lower() for r in a.roles):
                problems.append(f"{g['name']}: roles {a.roles} lack {g['role_contains']!r}")
    assert not problems, problems


def test_seed_actors_li_shangfu_holds_every_shangfu_and_the_he(seed_analysis):
    li = next(a for a in seed_analysis.actors if a.name == "Li Shangfu")
    texts = [m.text for m in li.mentions]
    assert texts.count("Shangfu") == 2 and "He" in texts and len(texts) >= 4
    assert not [a for a in seed_analysis.actors if _norm(a.name) == "shangfu"]
    he = next(m for m in li.mentions if m.text == "He")
    assert seed_analysis.article.text[he.start :].startswith("He went on to note")


def test_seed_actors_putin_mentions(seed_analysis):
    putin = next(a for a in seed_analysis.actors if a.name == "Vladimir Putin")
    assert sum(m.text == "Putin" for m in putin.mentions) == 4
    assert len(putin.mentions) >= 6
    assert putin.code == "RUSGOV" and putin.roles == ("President",)


def test_seed_actors_spans_and_ids(seed_analysis):
    text = seed_analysis.article.text
    assert [a.id for a in seed_analysis.actors] == [
        f"a{i}" for i in range(1, len(seed_analysis.actors) + 1)
    ]
    for a in seed_analysis.actors:
        assert all(m.is_valid_in(text) for m in a.mentions), a.name
    for p in seed_analysis.places:
        assert all(m.is_valid_in(text) for m in p.mentions), p.name


def test_seed_places_with_coordinates(seed_analysis, gold):
    for g in gold["places"]:
        hits = [
            p
            for p in seed_analysis.places
            if _norm(p.name) == _norm(g["name"]) and p.country == g["country"]
        ]
        assert hits, f"no place {g['name']}"
        if "lat" in g:
            tol = g.get("tolerance_deg", 0.5)
            assert abs(hits[0].lat - g["lat"]) <= tol and abs(hits[0].lon - g["lon"]) <= tol
