"""ConfliBERT CAMEO coarse class (SCORING.md §4): accuracy and macro F1 of the event class.

Gold: ``conflibert_cameo/cameo_class/train.tsv`` (``sentence<TAB>label``), a 5-way label:
0 = no event or a neutral statement/appeal (CAMEO 01–02), 1 = verbal cooperation,
2 = material cooperation, 3 = verbal conflict, 4 = material conflict. The test split is
held out.

Prediction: each sentence is analysed as a one-sentence article; its strongest event
(highest confidence, then largest |Goldstein|; negated events left out) gives the class:
CAMEO root 01–02 → 0, else the event's ``quad_class``, else the CAMEO root (03–05 → 1,
06–09 → 2, 10–13 → 3, 14–20 → 4, following the set's README). No event → 0.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from ..records import Analysis, Event
from . import Report, prf, require

CLASSES = (0, 1, 2, 3, 4)


def load_split(
    data_dir: Path, split: str = "train", limit: int | None = None
) -> list[tuple[str, int]]:
    """(sentence, label) pairs of a split, in file order."""
    if split == "test":
        raise EvalDataError("the ConfliBERT test split is held out", hint="use --split train")
    path = require(data_dir / "conflibert_cameo" / "cameo_class" / f"{split}.tsv")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise EvalDataError(f"line {n} is not 'sentence<TAB>label(0-4)'", input=str(path))
        out.append((text.strip(), int(label)))
    return out[:limit] if limit else out


def _class_of_cameo(code: str) -> int | None:
    if not code[:2].isdigit():
        return None
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 13:
        return 3
    return 4


def strongest(events: Sequence[Event]) -> Event | None:
    """The event the sentence is most about: most confident, then most intense."""
    live = [e for e in events if not e.negated]
    if not live:
        return None
    return max(live, key=lambda e: (e.confidence, abs(e.goldstein or 0.0)))


def predict_class(analysis: Analysis) -> int:
    """The 5-way class of one analysed sentence."""
    e = strongest(analysis.events)
    if e is None:
        return 0
    by_root = _class_of_cameo(e.cameo)
    if by_root == 0:
        return 0
    if e.quad_class in (1, 2, 3, 4):
        return int(e.quad_class)
    return by_root if by_root is not None else 0


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, dict[int, float]]:
    """Macro-averaged F1 over the five classes, and each class's F1."""
    per: dict[int, float] = {}
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        per[c] = prf(tp, fp, fn)[2]
    return sum(per.values()) / len(per), per


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Score the coarse event class on a ConfliBERT split (default: train)."""
    from ..nlp import load_model
    from .plover import analyze_all

    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    items = load_split(data_dir, split or "train", limit)
    t0 = time.perf_counter()
    results = analyze_all(nlp, [t for t, _ in items], settings)
    seconds = time.perf_counter() - t0
    gold = [label for _, label in items]
    pred = [predict_class(a) for a, _ in results]
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    macro, per = macro_f1(gold, pred)
    metrics: dict[str, float | int] = {
        "sentences": len(items),
        "accuracy": accuracy,
        "macro F1": macro,
    }
    for c in CLASSES:
        metrics[f"F1 class {c}"] = per[c]
    metrics["extractor failures"] = sum(1 for _, f in results if f)
    metrics["sentences/s"] = len(items) / seconds if seconds else 0.0
    confusion: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        confusion[f"{g}->{p}"] = confusion.get(f"{g}->{p}", 0) + 1
    return Report(f"conflibert {split or 'train'}", metrics, {"confusion gold->pred": confusion})


__all__ = ["load_split", "macro_f1", "predict_class", "run", "strongest"]
