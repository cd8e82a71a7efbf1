"""Hedging on the Szeged uncertainty corpus, FactBank (news) part (SCORING.md §5).

Sentence level: a gold sentence is uncertain when it holds a ``<ccue>``. A sentence is
predicted uncertain when a claim or an attribution in it carries a hedge, or a claim in
it has a certainty other than ``asserted``. Each FactBank document is analysed as one
article (its sentences joined by spaces), so hedges are found in context.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from ..records import Analysis, Article, Attribution, Claim
from . import Report, prf, require


@dataclass(frozen=True)
class GoldDoc:
    """One FactBank document: its text and the sentences' offsets and labels."""

    name: str
    text: str
    starts: list[int]
    ends: list[int]
    uncertain: list[bool]


def load_factbank(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Documents of ``factbank.xml`` with sentence offsets into the joined text."""
    try:
        root = ET.parse(require(path)).getroot()
    except ET.ParseError as e:
        raise EvalDataError(f"cannot parse the Szeged XML: {e}", input=str(path)) from None
    docs: list[GoldDoc] = []
    for doc in root.iter("Document"):
        parts: list[str] = []
        starts, ends, labels = [], [], []
        pos = 0
        for sent in doc.iter("Sentence"):
            s = " ".join("".join(sent.itertext()).split())
            if not s:
                continue
            if parts:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(s)
            pos += len(s)
            ends.append(pos)
            labels.append(sent.find(".//ccue") is not None)
        if parts:
            name = doc.findtext("DocID") or f"doc{len(docs) + 1}"
            docs.append(GoldDoc(name, "".join(parts), starts, ends, labels))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise EvalDataError("no sentences found in the Szeged XML", input=str(path))
    return docs


def predicted_uncertain(
    gold: GoldDoc, claims: list[Claim], attributions: list[Attribution], count_negation: bool = True
) -> set[int]:
    """Indices of the gold sentences the analysis marks as uncertain."""
    out: set[int] = set()

    def sentence_of(char: int) -> int:
        return max(0, bisect_right(gold.starts, char) - 1)

    for c in claims:
        if c.hedges:
            out.update(sentence_of(h.start) for h in c.hedges)
        if c.certainty != "asserted" and (count_negation or c.certainty != "negated"):
            mid = (c.sentence.start + c.sentence.end) // 2
            out.add(sentence_of(mid))
    for a in attributions:
        out.update(sentence_of(h.start) for h in a.hedges)
    return out


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Sentence-level hedge detection P/R/F1 on the FactBank part."""
    from ..extract import run_extractors
    from ..nlp import load_model

    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    name = split or "factbank"
    docs = load_factbank(data_dir / "szeged_uncertainty" / f"{name}.xml", limit)
    t0 = time.perf_counter()
    tallies = {True: [0, 0, 0], False: [0, 0, 0]}  # count negation? -> tp, fp, fn
    for gold, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        article = Article(id=Article.make_id(gold.text), text=gold.text, language="en")
        found = run_extractors(doc, Analysis(article=article), only={"claims"})
        claims, atts = list(found.claims), list(found.attributions)
        for neg, t in tallies.items():
            pred = predicted_uncertain(gold, claims, atts, count_negation=neg)
            for i, label in enumerate(gold.uncertain):
                if label and i in pred:
                    t[0] += 1
                elif i in pred:
                    t[1] += 1
                elif label:
                    t[2] += 1
    seconds = time.perf_counter() - t0
    p, r, f = prf(*tallies[True])
    p2, r2, f2 = prf(*tallies[False])
    tp, fp, fn = tallies[True]
    metrics: dict[str, float | int] = {
        "sentences": sum(len(d.uncertain) for d in docs),
        "gold uncertain": sum(sum(d.uncertain) for d in docs),
        "P": p, "R": r, "F1": f,
        "P (negation not counted)": p2,
        "R (negation not counted)": r2,
        "F1 (negation not counted)": f2,
        "tp": tp, "fp": fp, "fn": fn,
        "sentences/s": sum(len(d.uncertain) for d in docs) / seconds if seconds else 0.0,
    }  # fmt: skip
    return Report(name=f"hedges {name}", metrics=metrics)
