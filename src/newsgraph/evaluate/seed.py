"""The seed article's golden expectations (SCORING.md §2), scored on the contract output.

Score = required items found / required items, per section (body, actors, places, quotes,
attributions, unsourced claims, hedges, events), plus the number of ``must_not``
violations (must be 0). The rules are those of SCORING.md §2, read the same way as the
independent reference scorer ``shared/eval/score.py seed`` (a test runs both and
compares): text comparisons fold curly quotes, lower-case and collapse whitespace.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from . import Report, require

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
SECTIONS = ("body", "actors", "places", "quotes", "attributions", "unsourced", "hedges", "events")
# Names from the seed page's teaser chrome: none may reach the article's actors.
TEASER_NAMES = ("posobiec", "kari lake", "nicole russell", "biden", "trump", "hur report", "cpac")


def norm(s: str | None) -> str:
    """Fold curly quotes, collapse whitespace, lower-case."""
    return re.sub(r"\s+", " ", (s or "").translate(_QUOTES)).strip().lower()


def _stext(span: Any) -> str:
    return norm(span.get("text")) if isinstance(span, dict) else ""


def _as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else [x]


@dataclass
class SeedScore:
    """Found/total per section, the misses by label, and must_not violations."""

    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def tally(self, section: str, ok: bool, label: str) -> None:
        found, total = self.sections.get(section, (0, 0))
        self.sections[section] = (found + bool(ok), total + 1)
        if not ok:
            self.misses.append(f"{section}: {label}")

    @property
    def found(self) -> int:
        return sum(f for f, _ in self.sections.values())

    @property
    def total(self) -> int:
        return sum(t for _, t in self.sections.values())


class _Out:
    """Lookups over one contract output."""

    def __init__(self, out: dict[str, Any]):
        self.out = out
        self.article = out.get("article", {})
        self.actors = {a.get("id"): a for a in out.get("actors", [])}
        self.places = out.get("places", [])
        self.atts = out.get("attributions", [])
        self.claims = out.get("claims", [])
        self.events = out.get("events", [])

    @staticmethod
    def actor_names(a: dict[str, Any]) -> set[str]:
        return {norm(a.get("name"))} | {_stext(m) for m in a.get("mentions", [])}

    def find_actor(self, g: dict[str, Any]) -> dict[str, Any] | None:
        for a in self.actors.values():
            if norm(a.get("name")) == norm(g["name"]):
                return a
        for a in self.actors.values():
            if any(norm(al) in self.actor_names(a) for al in g.get("aliases_in_text", [])[:1]):
                return a
        return None

    def speaker_names(self, att: dict[str, Any]) -> set[str]:
        src = self.actors.get(att.get("source"))
        names = self.actor_names(src) if src else set()
        names.add(_stext(att.get("source_text")))
        return names

    def countries(self, ids: list[str] | None) -> set[str | None]:
        return {self.actors[i].get("country") for i in ids or [] if i in self.actors}

    def names_of(self, ids: list[str] | None) -> set[str]:
        return {norm(self.actors[i].get("name")) for i in ids or [] if i in self.actors}


def _body(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    body = norm(o.article.get("text"))
    b = gold["body"]
    s.tally("body", norm(o.article.get("title")) == norm(gold["title"]), "title")
    s.tally("body", body.startswith(norm(b["must_start_with"])), "start")
    s.tally("body", body.endswith(norm(b["must_end_with"])), "end")
    for text in b["must_exclude"]:
        s.tally("body", bool(body) and norm(text) not in body, f"excluded {text!r}")


def _actors(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    for g in gold["actors"]:
        a = o.find_actor(g)
        ok = a is not None
        if a is not None and g.get("country"):
            ok = a.get("country") == g["country"]
        if a is not None and ok and g.get("sector"):
            ok = bool(set(a.get("sectors") or []) & set(g["sector"]))
        if a is not None and ok and g.get("min_mentions"):
            ok = len(a.get("mentions", [])) >= g["min_mentions"]
        s.tally("actors", ok, g["name"])


def _places(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    for g in gold["places"]:
        ok = False
        for p in o.places:
            if norm(p.get("name")) == norm(g["name"]) and p.get("country") == g["country"]:
                ok = True
                if "lat" in g:
                    tol = g.get("tolerance_deg", 0.5)
                    ok = (
                        p.get("lat") is not None
                        and abs(p["lat"] - g["lat"]) <= tol
                        and abs(p["lon"] - g["lon"]) <= tol
                    )
                if ok:
                    break
        s.tally("places", ok, g["name"])


def _att_match(o: _Out, g: dict[str, Any]) -> bool:
    for q in o.atts:
        kind = g.get("kind")
        if kind in ("direct", "indirect", "partial") and q.get("kind") not in (kind, None):
            if not (kind == "partial" and q.get("kind") == "direct"):
                continue
        content, cue = _stext(q.get("content")), _stext(q.get("cue"))
        if "content_starts_with" in g and not content.lstrip("\"' ").startswith(
            norm(g["content_starts_with"])
        ):
            continue
        if "content_ends_with" in g and not content.rstrip("\"' ").endswith(
            norm(g["content_ends_with"]).rstrip("\"' ")
        ):
            continue
        if "content_contains" in g and norm(g["content_contains"]) not in content:
            continue
        if "claim_contains" in g and norm(g["claim_contains"]) not in content:
            continue
        if (
            "cue_contains" in g
            and norm(g["cue_contains"]) not in cue
            and norm(g["cue_contains"]) not in content
        ):
            continue
        speaker = g.get("speaker", g.get("source", "__any__"))
        if speaker is None:
            if q.get("source") or _stext(q.get("source_text")):
                continue
        elif speaker != "__any__":
            names = o.speaker_names(q)
            wanted = [norm(x) for x in _as_list(speaker)]
            if not any(w in names or any(w in n for n in names if n) for w in wanted):
                continue
        return True
    return False


def _attributions(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    for g in gold["quotes"]:
        if g.get("required"):
            s.tally(
                "quotes",
                _att_match(o, g),
                g.get("content_starts_with") or g.get("content_contains"),
            )
    for g in gold["attributions"]:
        if g.get("required"):
            s.tally("attributions", _att_match(o, g), g["claim_contains"])


def _claims(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    for g in gold["unsourced_claims"]:
        if not g.get("required"):
            continue
        needle = norm(g["sentence_contains"])
        ok = any(
            needle in _stext(c.get("sentence")) and c.get("sourced") is False for c in o.claims
        )
        s.tally("unsourced", ok, g["sentence_contains"])
    for g in gold["hedges"]:
        needle = norm(g["sentence_contains"])
        hits = [
            h for c in o.claims if needle in _stext(c.get("sentence")) for h in c.get("hedges", [])
        ]
        first_word = needle.split()[0]
        hits += [
            h for q in o.atts for h in q.get("hedges", []) if first_word in _stext(q.get("content"))
        ]
        cue = norm(g["cue"]).split()[0]
        s.tally(
            "hedges",
            any(cue in _stext(h) for h in hits),
            g["cue"] + " in " + g["sentence_contains"],
        )


def _asserted(e: dict[str, Any]) -> bool:
    return not e.get("negated") and e.get("certainty") in (None, "asserted")


def _events(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    places = {p.get("id"): p for p in o.places}
    for g in gold["events"]:
        if not g.get("required"):
            continue
        ok = False
        for e in o.events:
            if not _asserted(e):
                continue
            if not (
                e.get("plover") == g.get("plover")
                or (e.get("cameo") or "") in g.get("cameo_accept", [])
            ):
                continue
            ac, rc = o.countries(e.get("actors")), o.countries(e.get("recipients"))
            if "between" in g and not set(g["between"]) <= (ac | rc):
                continue
            if "actor_country" in g and g["actor_country"] not in ac:
                continue
            if "recipient_country" in g and g["recipient_country"] not in rc:
                continue
            if "actors" in g and not {norm(n) for n in g["actors"]} <= (
                o.names_of(e.get("actors")) | o.names_of(e.get("recipients"))
            ):
                continue
            if "location" in g:
                p = places.get(e.get("place"))
                if not p or norm(p.get("name")) != norm(g["location"]):
                    continue
            if "date_from" in g:
                d = e.get("date") or {}
                if not d.get("start") or not (g["date_from"] <= d["start"][:10] <= g["date_to"]):
                    continue
            ok = True
            break
        s.tally("events", ok, f"{g.get('plover')} {g.get('note', '')[:40]}")


def _must_not(o: _Out, gold: dict[str, Any], s: SeedScore) -> None:
    for e in o.events:
        ac, rc = o.countries(e.get("actors")), o.countries(e.get("recipients"))
        if _asserted(e) and e.get("plover") == "AID" and "CHN" in ac and "RUS" in rc:
            s.violations.append("asserted AID CHN->RUS")
        if _asserted(e) and e.get("plover") == "ASSAULT" and {"USA", "RUS"} <= (ac | rc):
            s.violations.append("asserted ASSAULT USA-RUS")
    for a in o.actors.values():
        if any(t in n for n in o.actor_names(a) for t in TEASER_NAMES):
            s.violations.append(f"teaser actor {a.get('name')}")
    if any(norm(a.get("name")) == "shangfu" for a in o.actors.values()):
        s.violations.append("separate actor 'Shangfu'")
    for m in gold.get("must_not", []):
        check = m.get("check") or {}
        for needle in check.get("actor_name_contains", []):
            for a in o.actors.values():
                if any(norm(needle) in n for n in o.actor_names(a)):
                    s.violations.append(f"actor {a.get('name')!r} ({m['why']})")
        ae = check.get("asserted_event")
        if not ae:
            continue
        for e in o.events:
            if not _asserted(e) or e.get("plover") not in ae.get("plover", [e.get("plover")]):
                continue
            ac, rc = o.countries(e.get("actors")), o.countries(e.get("recipients"))
            if "actor_country" in ae and ae["actor_country"] not in ac:
                continue
            if "recipient_country" in ae and ae["recipient_country"] not in rc:
                continue
            if "text_contains" in ae and norm(ae["text_contains"]) not in _stext(e.get("evidence")):
                continue
            if (
                "date_before" in ae
                and not ((e.get("date") or {}).get("start") or "9999") < ae["date_before"]
            ):
                continue
            s.violations.append(
                f"event {e.get('plover')} {sorted(map(str, ac))}->{sorted(map(str, rc))}"
            )


def score_seed(gold: dict[str, Any], out: dict[str, Any]) -> SeedScore:
    """Score one contract output (a dict, as printed by ``newsgraph analyze``) against the gold."""
    o = _Out(out)
    s = SeedScore()
    for part in (_body, _actors, _places, _attributions, _claims, _events, _must_not):
        part(o, gold, s)
    return s


def find_seed_dir(data_dir: Path) -> Path:
    """The ``golden/seed`` folder near the eval data (``shared/eval/data`` → ``shared/golden``)."""
    for base in (data_dir, *data_dir.parents[:3]):
        cand = base / "golden" / "seed"
        if (cand / "expected.json").is_file():
            return cand
    raise EvalDataError(
        "the seed gold (golden/seed/expected.json) was not found", input=str(data_dir)
    )


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Analyse the seed article with the whole pipeline and score it (split/limit unused)."""
    from ..pipeline import run as run_pipeline
    from ..records import Failure

    settings = settings or Settings()
    seed = find_seed_dir(data_dir)
    gold = json.loads(require(seed / "expected.json").read_text(encoding="utf-8"))
    article = require(seed / gold["input"]["file"])
    items = list(
        run_pipeline([str(article)], settings, published=gold["input"].get("published"), nlp=nlp)
    )
    if not items or isinstance(items[0], Failure):
        raise EvalDataError(
            f"the seed article could not be analysed: {items[0] if items else 'no output'}"
        )
    result = score_seed(gold, items[0].to_dict())
    metrics: dict[str, float | int] = {}
    for name in SECTIONS:
        found, total = result.sections.get(name, (0, 0))
        metrics[f"{name} found"] = found
        metrics[f"{name} required"] = total
    metrics["required items found"] = result.found
    metrics["required items"] = result.total
    metrics["recall"] = result.found / result.total if result.total else 0.0
    metrics["must_not violations"] = len(result.violations)
    return Report("seed", metrics, {"misses": result.misses, "violations": result.violations})


__all__ = ["SeedScore", "find_seed_dir", "norm", "run", "score_seed"]
