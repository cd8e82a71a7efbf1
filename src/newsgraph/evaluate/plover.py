"""PLOVER gold sentences (SCORING.md §4): event types and the countries of their actors.

Gold: ``plover/PLOVER_GSR_CAMEO.txt`` (a JSON array; the ``DOCUMENT`` header record is
skipped), 322 sentences with one coded event each. Each sentence is analysed as a
one-sentence article (no publication date); the scores read only the contract output.

Event metrics (the same as ``shared/eval/score.py plover``):
- ``type recall``: some predicted event has the gold type (old labels mapped:
  DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT);
- ``type+actor-country recall``: … and one of its actors' countries is a gold source
  country (either side when the markup says ``SRC/TAR``, reciprocal);
- ``type+both-countries recall``: … and a recipient's country is a gold target country
  (or the gold has no target);
- ``extra events/sentence``: mean number of predicted events whose type is not the gold type.

Actor metrics (issue 3's gate): for each gold source entity, is there a predicted actor in
the sentence with its country? Codes outside ISO 3166 in the gold are read as: JAP→JPN,
ITL→ITA, VTN→VAT; ``IGO``/``NGO`` match an actor with sector IGO or NGO (an international
organisation, whichever of the two CAMEO calls it); ``IMG``/``ISM`` (ethnic/religious
groups) have no country and count as misses. ``aligned`` also needs a mention of that
actor to overlap the gold actor text in the sentence.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from ..records import Analysis, Article
from . import Report, require

PLOVER_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
ISO_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}
ORG_CODES = frozenset({"IGO", "NGO"})


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str  # ISO3 or IGO/NGO/IMG/ISM


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    event: str  # mapped to the current 16 PLOVER types
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    reciprocal: bool


def _actors(side: Any) -> tuple[GoldActor, ...]:
    if not isinstance(side, list):
        return ()
    out = []
    for a in side:
        code = str(a.get("code") or "")
        out.append(GoldActor(str(a.get("actorText") or ""), ISO_FIX.get(code, code)))
    return tuple(out)


def load_gold(data_dir: Path, limit: int | None = None) -> list[GoldSentence]:
    """The gold records in file order (DOCUMENT header skipped)."""
    path = require(data_dir / "plover" / "PLOVER_GSR_CAMEO.txt")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise EvalDataError(f"PLOVER gold file is not valid JSON: {e}", input=str(path)) from None
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT":
            continue
        info = r.get("textInfo") or {}
        # one record carries its markup as a bare string instead of {"markup": …}
        markup = info if isinstance(info, str) else str(info.get("markup", ""))
        out.append(
            GoldSentence(
                id=r.get("id", ""),
                text=r["text"],
                event=PLOVER_MAP.get(r["event"], r["event"]),
                source=_actors(r.get("source")),
                target=_actors(r.get("target")),
                reciprocal="SRC/TAR" in markup,
            )
        )
    return out[:limit] if limit else out


def analyze_all(
    nlp: Any, texts: Sequence[str], settings: Settings | None = None
) -> list[tuple[Analysis, str | None]]:
    """Each text as a one-sentence article through every extractor (one batched parse).

    A crash in one extractor is recorded (second item) and the actors and places found
    so far are kept, so one broken stage does not hide the others' scores.
    """
    from ..extract import ExtractOptions, run_extractors

    settings = settings or Settings()
    options = ExtractOptions(actor_dictionaries=settings.actor_dictionaries)
    out: list[tuple[Analysis, str | None]] = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        article = Article(id=Article.make_id(text), text=text, language="en")
        base = Analysis(article=article)
        try:
            out.append((run_extractors(doc, base, options), None))
        except Exception as e:  # noqa: BLE001 - scored on what survives, failure reported
            found = run_extractors(doc, base, options, only={"places"})
            out.append((found, f"{type(e).__name__}: {e}"))
    return out


def _actor_found(g: GoldActor, analysis: Analysis, aligned: bool) -> bool:
    text = analysis.article.text
    where: tuple[int, int] | None = None
    if aligned:
        head = g.text.split("...")[0].strip()
        i = text.find(head) if head else -1
        if i < 0:
            i = text.lower().find(head.lower()) if head else -1
        if i >= 0:
            where = (i, i + len(head))
    for a in analysis.actors:
        if g.code in ORG_CODES:
            ok = bool({"IGO", "NGO"} & set(a.sectors)) or a.type == "igo"
        else:
            ok = a.country == g.code
        if not ok:
            continue
        if where is None:
            return True
        if any(m.start < where[1] and where[0] < m.end for m in a.mentions):
            return True
    return False


def score(gold: Sequence[GoldSentence], outputs: Sequence[Analysis]) -> dict[str, float | int]:
    """All figures of this set from contract outputs paired with gold sentences in order."""
    n = len(gold)
    t = ta = tb = extra = 0
    src_total = src_found = src_aligned = sent_any = 0
    for g, out in zip(gold, outputs, strict=True):
        countries = {a.id: a.country for a in out.actors}
        src = {x.code for x in g.source}
        tgt = {x.code for x in g.target}
        hit = hit_a = hit_b = False
        for e in out.events:
            if e.plover != g.event:
                extra += 1
                continue
            hit = True
            ac = {countries.get(i) for i in e.actors} - {None}
            rc = {countries.get(i) for i in e.recipients} - {None}
            a_ok = bool(ac & src) or (g.reciprocal and bool(rc & src))
            hit_a |= a_ok
            if a_ok and (not tgt or bool(rc & tgt) or (g.reciprocal and bool(ac & tgt))):
                hit_b = True
        t += hit
        ta += hit_a
        tb += hit_b
        found = [_actor_found(a, out, aligned=False) for a in g.source]
        src_total += len(g.source)
        src_found += sum(found)
        src_aligned += sum(_actor_found(a, out, aligned=True) for a in g.source)
        sent_any += any(found)
    with_source = sum(1 for g in gold if g.source)
    return {
        "sentences": n,
        "actor-country recall (source actors)": src_found / src_total if src_total else 0.0,
        "actor-country recall, aligned": src_aligned / src_total if src_total else 0.0,
        "sentences with a source country found": sent_any / with_source if with_source else 0.0,
        "source actors": src_total,
        "type recall": t / n if n else 0.0,
        "type+actor-country recall": ta / n if n else 0.0,
        "type+both-countries recall": tb / n if n else 0.0,
        "extra events/sentence": extra / n if n else 0.0,
    }


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Score the pipeline on the PLOVER gold sentences (one split only: ``split`` is ignored)."""
    from ..nlp import load_model

    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    gold = load_gold(data_dir, limit)
    t0 = time.perf_counter()
    results = analyze_all(nlp, [g.text for g in gold], settings)
    seconds = time.perf_counter() - t0
    outputs = [a for a, _ in results]
    failures = [(g.id, f) for g, (_, f) in zip(gold, results, strict=True) if f]
    metrics = score(gold, outputs)
    metrics["extractor failures"] = len(failures)
    metrics["sentences/s"] = len(gold) / seconds if seconds else 0.0
    missed = [
        {"id": g.id, "source": [f"{a.text}={a.code}" for a in g.source],
         "actors": [f"{a.name}={a.country}" for a in out.actors]}
        for g, out in zip(gold, outputs, strict=True)
        if g.source and not any(_actor_found(a, out, aligned=False) for a in g.source)
    ]  # fmt: skip
    return Report(
        name="plover",
        metrics=metrics,
        details={"failures": failures[:20], "missed source countries": missed},
    )


__all__ = ["GoldSentence", "load_gold", "run", "score"]
