"""Actors of real articles (issue 13): country and sector of each hand-labelled actor.

Gold: ``evaluate/data/actors_allsides.tsv`` (packaged; labels only) names, for 46 AllSides
articles, each main actor as written with its country (ISO3 or none) and CAMEO sector(s).
The articles themselves are read from the AllSides sample in the data folder and run
through the whole pipeline as ``newsgraph analyze`` runs a JSONL line.

Matching a gold actor to the output: the actor whose name is the gold name, else one with
a mention of exactly that text, else one with a mention containing it, else (for a name
of two or more words) a person with a mention ending in its last word whose name is a
part of the gold name or the other way round ("Jackson" for "Amy Berman Jackson") — in
that order, several candidates at one level broken by the most mentions.

Figures:
- ``found``: share of gold actors matched to some actor;
- ``country right``: of the found, the actor's country is the gold one (none = none);
  ``country right (all gold)`` counts an unfound actor as wrong;
- ``sector right``: of the found with a gold sector, one of the gold sectors is among the
  actor's sectors (an IGO's code counts as sector IGO);
- ``persons without a country``: of the found gold people with a gold country, the share
  whose actor has none; ``all person actors without a country``: the same over every
  person actor the pipeline gives in these articles;
- ``persons split``: gold people whose name parts land in more than one person actor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import Settings
from . import Report
from .articles import analyze_records, article_inputs

LABELS = "actors_allsides.tsv"


@dataclass(frozen=True)
class GoldActor:
    article: str
    name: str
    country: str | None
    sectors: tuple[str, ...]  # alternatives; empty = not scored on sector


def load_labels(limit: int | None = None) -> list[GoldActor]:
    """The packaged labels in file order (``limit`` = the first N articles)."""
    text = resources.files(__package__).joinpath("data", LABELS).read_text(encoding="utf-8")
    rows = [r for r in text.splitlines() if r.strip() and not r.startswith("#")]
    out: list[GoldActor] = []
    for row in csv.DictReader(rows, delimiter="\t"):
        country = row["country"].strip()
        sector = row["sector"].strip()
        out.append(
            GoldActor(
                row["article"].strip(),
                row["name"].strip(),
                None if country == "-" else country,
                () if sector == "-" else tuple(sector.split("|")),
            )
        )
    if limit:
        keep = list(dict.fromkeys(g.article for g in out))[:limit]
        out = [g for g in out if g.article in keep]
    return out


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _mentions(actor: dict[str, Any]) -> list[str]:
    return [_norm(m["text"]) for m in actor.get("mentions") or []]


def match(gold: GoldActor, actors: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The output actor standing for ``gold`` (see the module docstring), else None."""
    name = _norm(gold.name)
    bare = name[4:] if name.startswith("the ") else name
    last = bare.split()[-1] if len(bare.split()) >= 2 else None
    tests = [
        lambda a: _norm(a["name"]) in (name, bare),
        lambda a: any(m in (name, bare) for m in _mentions(a)),
        lambda a: any(bare in m for m in _mentions(a)),
        lambda a: (
            last is not None
            and a["type"] == "person"
            and _same_person(set(bare.split()), set(_norm(a["name"]).split()))
            and any(m.split()[-1:] == [last] for m in _mentions(a))
        ),
    ]
    for test in tests:
        hits = [a for a in actors if test(a)]
        if hits:
            return max(hits, key=lambda a: len(a.get("mentions") or []))
    return None


def _same_person(gold: set[str], name: set[str]) -> bool:
    """'Amy Berman Jackson' ~ 'Jackson', 'Donald J. Trump' ~ 'Donald Trump'; never 'Melania
    Trump' ~ 'Donald Trump' (one name's words inside the other's, initials aside)."""

    def words(x: set[str]) -> set[str]:
        return {w for w in x if len(w.strip(".")) > 1}

    return words(gold) <= words(name) or words(name) <= words(gold)


def _split(gold: GoldActor, actors: list[dict[str, Any]]) -> bool:
    words = [w for w in _norm(gold.name).split() if len(w) > 2]
    if len(words) < 2:
        return False
    holders = {
        a["id"]
        for a in actors
        if a["type"] == "person" and any(set(m.split()) & {words[-1]} for m in _mentions(a))
    }
    return len(holders) > 1


def score(
    gold: list[GoldActor], outputs: dict[str, dict[str, Any]]
) -> tuple[dict[str, float | int], dict[str, Any]]:
    """Figures over all labels, and the wrong and unfound labels for reading."""
    found = country_ok = sector_n = sector_ok = 0
    persons = persons_none = split = 0
    wrong: list[str] = []
    split_names: list[str] = []
    for g in gold:
        out = outputs.get(g.article) or {}
        actors = out.get("actors") or []
        a = match(g, actors)
        if a is None:
            wrong.append(f"{g.article} {g.name}: not found")
            continue
        found += 1
        sectors = set(a.get("sectors") or ())
        if a.get("type") == "igo" or str(a.get("code") or "").startswith("IGO"):
            sectors.add("IGO")
        c_ok = a.get("country") == g.country
        s_ok = not g.sectors or bool(sectors & set(g.sectors))
        country_ok += c_ok
        if g.sectors:
            sector_n += 1
            sector_ok += s_ok
        if a.get("type") == "person" and g.country:
            persons += 1
            persons_none += a.get("country") is None
            if _split(g, actors):
                split += 1
                split_names.append(f"{g.article} {g.name}")
        if not (c_ok and s_ok):
            wrong.append(
                f"{g.article} {g.name}: gold {g.country or '-'} {'|'.join(g.sectors) or '-'}"
                f", got {a.get('name')} {a.get('country') or '-'} "
                f"{','.join(a.get('sectors') or ()) or '-'} [{a.get('country_source', '')}]"
            )
    all_people = [
        a for out in outputs.values() for a in out.get("actors") or [] if a["type"] == "person"
    ]
    n = len(gold)
    metrics: dict[str, float | int] = {
        "articles": len({g.article for g in gold}),
        "gold actors": n,
        "found": found / n if n else 0.0,
        "country right": country_ok / found if found else 0.0,
        "country right (all gold)": country_ok / n if n else 0.0,
        "sector right": sector_ok / sector_n if sector_n else 0.0,
        "persons without a country": persons_none / persons if persons else 0.0,
        "all person actors without a country": (
            sum(1 for a in all_people if not a.get("country")) / len(all_people)
            if all_people
            else 0.0
        ),
        "persons split": split,
    }
    return metrics, {"wrong": wrong, "split": split_names}


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Analyse the labelled AllSides articles and score their actors (no splits)."""
    settings = settings or Settings()
    gold = load_labels(limit)
    ids = list(dict.fromkeys(g.article for g in gold))
    records = article_inputs([(i, {"input": {"allsides_id": i}}) for i in ids], data_dir)
    results = analyze_records(records, settings, nlp)
    outputs = {i: r for i, r in zip(ids, results, strict=True) if isinstance(r, dict)}
    failures = {i: r for i, r in zip(ids, results, strict=True) if isinstance(r, str)}
    metrics, details = score(gold, outputs)
    metrics["analysis failures"] = len(failures)
    details["failures"] = failures
    return Report("actors", metrics, details)


__all__ = ["GoldActor", "load_labels", "match", "run", "score"]
