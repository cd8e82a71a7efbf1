"""CLEF 2019 CheckThat! task 1: check-worthiness ranking, scored by MAP.

Each debate or speech line is analysed as a one-sentence article; its score is the
highest ``check_worthiness`` of its claims (0 when it asserts nothing: questions,
fragments). Sentences are ranked per debate and the average precision of the gold
check-worthy lines is averaged over debates (the task's official MAP; best published
0.166). ``fit`` learns the weights of the score on the TRAINING debates only and
writes them to ``lexicons/check_worthiness.json``::

    python -m newsgraph.evaluate.checkthat --fit DATA_DIR   # the folder holding the gold sets
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from ..records import Analysis, Article
from . import Report, require

DATA = ("clef2019_checkthat_task1", "data")


@dataclass(frozen=True)
class Line:
    debate: str
    text: str
    label: int


def load_lines(data_dir: Path, split: str, limit: int | None = None) -> list[Line]:
    """Lines of every debate in a split (``training`` or ``test_annotated``)."""
    folder = require(data_dir.joinpath(*DATA, split))
    out = []
    for path in sorted(folder.glob("*.tsv")):
        for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            cols = row.split("\t")
            if len(cols) < 4:
                raise EvalDataError(
                    f"line {n} has {len(cols)} columns, expected 4", input=str(path)
                )
            out.append(Line(path.stem, cols[2], int(cols[3])))
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise EvalDataError("no debate files found", input=str(folder))
    return out


def features(nlp: Any, lines: list[Line]) -> list[dict[str, float] | None]:
    """The features of each line's most check-worthy claim (None: no claim)."""
    from ..extract import run_extractors
    from ..extract.speech.claims import check_worthiness, claim_parts

    out: list[dict[str, float] | None] = []
    for line, doc in zip(lines, nlp.pipe([x.text for x in lines], batch_size=64), strict=True):
        article = Article(id=Article.make_id(line.text), text=line.text, language="en")
        found = run_extractors(doc, Analysis(article=article), only={"attributions"})
        actors, atts = list(found.actors), list(found.attributions)
        parts = [p.features for p in claim_parts(doc, article, actors, atts)]
        out.append(max(parts, key=check_worthiness) if parts else None)
    return out


def mean_average_precision(lines: list[Line], scores: list[float]) -> float:
    """Official task metric: average precision per debate, averaged over debates."""
    by_debate: dict[str, list[tuple[float, int]]] = {}
    for line, s in zip(lines, scores, strict=True):
        by_debate.setdefault(line.debate, []).append((s, line.label))
    aps = []
    for items in by_debate.values():
        # stable sort: ties keep transcript order, as the official scorer does
        ranked = sorted(items, key=lambda x: -x[0])
        hits, total = 0, 0.0
        for k, (_, label) in enumerate(ranked, 1):
            if label:
                hits += 1
                total += hits / k
        n_pos = sum(label for _, label in items)
        aps.append(total / n_pos if n_pos else 0.0)
    return sum(aps) / len(aps) if aps else 0.0


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """MAP of check-worthiness on the test debates (or ``--split training``)."""
    from ..extract.speech.claims import check_worthiness
    from ..nlp import load_model

    aliases = {"test": "test_annotated", "train": "training"}
    folder = aliases.get(split or "test", split or "test")
    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    lines = load_lines(data_dir, folder, limit)
    t0 = time.perf_counter()
    feats = features(nlp, lines)
    scores = [check_worthiness(f) if f is not None else 0.0 for f in feats]
    seconds = time.perf_counter() - t0
    metrics: dict[str, float | int] = {
        "debates": len({x.debate for x in lines}),
        "sentences": len(lines),
        "check-worthy": sum(x.label for x in lines),
        "MAP": mean_average_precision(lines, scores),
        "sentences/s": len(lines) / seconds if seconds else 0.0,
    }
    return Report(
        name=f"checkthat {folder}", metrics=metrics, details={"best published MAP": 0.166}
    )


def fit(data_dir: Path, nlp: Any = None, epochs: int = 400, l2: float = 1e-3) -> dict[str, float]:
    """Logistic regression of the label on claim features, TRAINING debates only.

    Positives are rare (2.7 %), so both classes are weighted equally; lines without a
    claim are left out (they score 0 whatever the weights).
    """
    import numpy as np

    from ..extract.speech.claims import FEATURES
    from ..nlp import load_model

    nlp = nlp or load_model()
    lines = load_lines(data_dir, "training")
    feats = features(nlp, lines)
    rows = [(f, x.label) for f, x in zip(feats, lines, strict=True) if f is not None]
    x = np.array([[f[k] for k in FEATURES] for f, _ in rows], dtype=float)
    y = np.array([label for _, label in rows], dtype=float)
    w_pos = 0.5 / max(y.mean(), 1e-9)
    w_neg = 0.5 / max(1 - y.mean(), 1e-9)
    sample_w = np.where(y > 0, w_pos, w_neg)
    w = np.zeros(x.shape[1])
    b = 0.0
    lr = 0.5
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * sample_w
        w -= lr * (x.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return {
        "bias": round(float(b), 4),
        **{k: round(float(v), 4) for k, v in zip(FEATURES, w, strict=True)},
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "--fit":
        print(__doc__, file=sys.stderr)
        return 2
    weights = fit(Path(argv[1]))
    target = Path(__file__).resolve().parents[1] / "lexicons" / "check_worthiness.json"
    doc = {
        "about": "Weights of the check-worthiness score (newsgraph.extract.speech.claims): "
        "logistic regression on claim features, fitted by newsgraph.evaluate.checkthat.fit.",
        "fitted_on": "CLEF 2019 CheckThat! task 1 training debates (19 files), class-balanced",
        "weights": weights,
    }
    target.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
