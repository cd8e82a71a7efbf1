"""PolNeAR attribution relations (SCORING.md §3): content, content+source and full P/R/F1.

Gold: every relation of the first ``.ann`` file (sorted by name) of each article, with a
content and a cue. A predicted attribution (any kind) matches a gold relation when their
contents match leniently (shared characters ≥ 50 % of the shorter); matching is one to
one, greedy by overlap size. ``content+source`` also needs the source to overlap the gold
source (through ``source_text`` or a mention of the source actor; a sourceless gold
relation needs a sourceless prediction), ``full`` also the cue. Recall is also given per
kind: direct quotes (gold content begins with a quote mark) and the rest.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from ..records import Actor, Analysis, Article, Attribution
from . import Report, prf, require

Segs = list[tuple[int, int]]
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_QUOTE_START = "\"“”'‘`"


@dataclass(frozen=True)
class GoldRelation:
    content: Segs
    cue: Segs
    source: Segs | None
    direct: bool  # content begins with a quote mark


def parse_ann(ann: str, text: str) -> list[GoldRelation]:
    """Relations of one brat ``.ann`` file that have both a content and a cue."""
    spans: dict[str, Segs] = {}
    rels: list[dict[str, str]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [
                (int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))
            ]
            continue
        m = _E_LINE.match(line)
        if m:
            rels.append(dict(p.split(":", 1) for p in m.group(2).split() if ":" in p))
    out = []
    for r in rels:
        content, cue = spans.get(r.get("Content", "")), spans.get(r.get("Cue", ""))
        if not content or not cue:
            continue
        first = text[content[0][0] : content[0][1]].lstrip()
        out.append(
            GoldRelation(content, cue, spans.get(r.get("Source", "")), first[:1] in _QUOTE_START)
        )
    return out


def _len(segs: Segs) -> int:
    return sum(e - s for s, e in segs)


def _overlap(a: Segs, b: Segs) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _lenient(a: Segs, b: Segs) -> bool:
    ov = _overlap(a, b)
    return ov > 0 and ov >= 0.5 * min(_len(a), _len(b))


@dataclass
class Counts:
    """Tallies over articles; P/R/F1 are derived from them."""

    gold: int = 0
    pred: int = 0
    content: int = 0
    source: int = 0
    full: int = 0
    gold_direct: int = 0
    found_direct: int = 0
    gold_rest: int = 0
    found_rest: int = 0

    def add(self, other: Counts) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, hits: int) -> tuple[float, float, float]:
        return prf(hits, self.pred - hits, self.gold - hits)


def score_article(
    gold: Sequence[GoldRelation], attributions: Sequence[Attribution], actors: Sequence[Actor]
) -> Counts:
    """Match one article's predictions to its gold relations (SCORING.md §3)."""
    by_id = {a.id: a for a in actors}
    preds = []
    for q in attributions:
        src: Segs = []
        if q.source_text is not None:
            src.append((q.source_text.start, q.source_text.end))
        actor = by_id.get(q.source) if q.source else None
        if actor is not None:
            src.extend((m.start, m.end) for m in actor.mentions)
        preds.append(
            (
                (q.content.start, q.content.end),
                (q.cue.start, q.cue.end) if q.cue else None,
                src,
                bool(q.source or q.source_text),
            )
        )
    c = Counts(gold=len(gold), pred=len(preds))
    used: set[int] = set()
    for g in gold:
        if g.direct:
            c.gold_direct += 1
        else:
            c.gold_rest += 1
        best, best_ov = None, 0
        for k, (content, _, _, _) in enumerate(preds):
            if k in used or not _lenient([content], g.content):
                continue
            ov = _overlap([content], g.content)
            if ov > best_ov:
                best, best_ov = k, ov
        if best is None:
            continue
        used.add(best)
        c.content += 1
        if g.direct:
            c.found_direct += 1
        else:
            c.found_rest += 1
        _, cue, src, has_source = preds[best]
        src_ok = _overlap(src, g.source) > 0 if g.source else not has_source
        if src_ok:
            c.source += 1
            if cue is not None and _overlap([cue], g.cue) > 0:
                c.full += 1
    return c


def load_split(
    data_dir: Path, split: str, limit: int | None = None
) -> list[tuple[str, str, list[GoldRelation]]]:
    """(name, text, gold relations) for every article of a split that has an .ann file."""
    root = require(data_dir / "polnear" / "data" / split)
    texts = sorted((root / "text").glob("*.txt"))
    if not texts:
        raise EvalDataError(f"no PolNeAR texts in split {split!r}", input=str(root / "text"))
    out = []
    for path in texts:
        anns = sorted((root / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        out.append((path.stem, text, parse_ann(anns[0].read_text(encoding="utf-8"), text)))
        if limit is not None and len(out) >= limit:
            break
    return out


def predict(nlp: Any, texts: Sequence[str]) -> list[tuple[list[Attribution], list[Actor]]]:
    """Run actors and attributions over each text (one parse per article)."""
    from ..extract import run_extractors

    out = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
        article = Article(id=Article.make_id(text), text=text, language="en")
        found = run_extractors(doc, Analysis(article=article), only={"attributions"})
        out.append((list(found.attributions), list(found.actors)))
    return out


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Score attributions on a PolNeAR split (default: dev)."""
    from ..nlp import load_model

    split = split or "dev"
    if split == "test":
        raise EvalDataError("the PolNeAR test split is held out", hint="use --split train or dev")
    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    items = load_split(data_dir, split, limit)
    t0 = time.perf_counter()
    preds = predict(nlp, [text for _, text, _ in items])
    seconds = time.perf_counter() - t0
    total = Counts()
    kinds: dict[str, int] = {}
    for (_, _, gold), (atts, actors) in zip(items, preds, strict=True):
        total.add(score_article(gold, atts, actors))
        for a in atts:
            kinds[a.kind] = kinds.get(a.kind, 0) + 1
    metrics: dict[str, float | int] = {
        "articles": len(items),
        "gold": total.gold,
        "predicted": total.pred,
    }
    for name, hits in (
        ("content", total.content),
        ("content+source", total.source),
        ("full", total.full),
    ):
        p, r, f = total.prf(hits)
        metrics |= {f"{name} P": p, f"{name} R": r, f"{name} F1": f}
    metrics["recall direct"] = total.found_direct / total.gold_direct if total.gold_direct else 0.0
    metrics["recall rest"] = total.found_rest / total.gold_rest if total.gold_rest else 0.0
    metrics["gold direct"] = total.gold_direct
    metrics["articles/s"] = len(items) / seconds if seconds else 0.0
    return Report(name=f"polnear {split}", metrics=metrics, details={"predicted kinds": kinds})
