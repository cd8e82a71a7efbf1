"""Page furniture in text inputs: hand-labelled lines of 300 AllSides articles.

The gold is the project's own (``labels/furniture.tsv``: article id, line index, label and a
hash of the line, never the text), over the ``text`` field of the AllSides corpus in the
shared data (``corpora/allsides-article-bias/articles.jsonl.gz``). Each non-empty line of a
sampled article is furniture (caption, credit, share bar, related link, byline, repeated
headline…) or body. What is scored is :func:`newsgraph.clean.chrome.chrome_lines` with the
record's title: exactly what ``clean`` removes from a JSONL body. Precision and recall are
of removal, per line; ``body_lines_lost`` counts real lines removed.

A line whose hash no longer matches the corpus is reported as drift and not scored.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalDataError
from . import Report, prf, require, split_labels

CORPUS = ("corpora", "allsides-article-bias", "articles.jsonl.gz")
# split → labels file: the sample the rules were written on, and a held-out check
LABELS = {"dev": "furniture.tsv", "heldout": "furniture_heldout.tsv"}
BODY = "body"


@dataclass
class Labels:
    """One sampled article's labels: line index → (label, hash), and the text's hash."""

    text_hash: str
    lines: dict[int, tuple[str, str]] = field(default_factory=dict)


def line_hash(line: str) -> str:
    """The drift check of a labelled line: 8 hex digits of the SHA-1 of the stripped line."""
    return hashlib.sha1(line.strip().encode("utf-8")).hexdigest()[:8]


def load_labels(split: str = "dev") -> dict[str, Labels]:
    """The labelled sample of ``split`` (dev, heldout), by article id, in file order."""
    rows = split_labels("furniture", LABELS, split)
    out: dict[str, Labels] = {}
    for row in rows:
        art, line = row["article"], row["line"]
        if line == "*":
            out[art] = Labels(row["hash"])
        else:
            out[art].lines[int(line)] = (row["label"], row["hash"])
    return out


def load_articles(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The sampled records of the AllSides dump (id → record)."""
    found = {}
    with gzip.open(require(path), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("id") in ids:
                found[rec["id"]] = rec
    missing = ids - found.keys()
    if missing:
        raise EvalDataError(
            f"{len(missing)} labelled article(s) not in the corpus, e.g. {sorted(missing)[0]}",
            input=str(path),
        )
    return found


def score_article(text: str, title: str | None, labels: Labels, tally: Counter[str]) -> None:
    """Add one article's line counts to ``tally`` (tp, fp, fn, tn, drift, and per kind)."""
    from ..clean.chrome import chrome_lines

    removed = chrome_lines(text, title)
    for i, raw in enumerate(text.split("\n")):
        if not raw.strip():
            continue
        label, digest = labels.lines.get(i, (BODY, ""))
        if digest and digest != line_hash(raw):
            tally["drift"] += 1
            continue
        gold, pred = label != BODY, i in removed
        key = ("tp" if pred else "fn") if gold else ("fp" if pred else "tn")
        tally[key] += 1
        if gold:
            tally[f"{label}:{'found' if pred else 'missed'}"] += 1
        elif digest:
            tally["hard_negatives"] += 1
            tally["hard_negatives_removed"] += int(pred)


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
) -> Report:
    """Per-line precision and recall of furniture removal on the labelled AllSides sample.

    ``split``: ``dev`` (default; the 300 articles the rules were written on) or ``heldout``
    (60 articles labelled after the rules, a check of how they carry over).
    """
    labels = load_labels(split or "dev")
    ids = list(labels)[:limit]
    records = load_articles(data_dir.joinpath(*CORPUS), set(ids))
    tally: Counter[str] = Counter()
    drifted_articles = 0
    for art in ids:
        rec = records[art]
        text = rec.get("text") or ""
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:8] != labels[art].text_hash:
            drifted_articles += 1
        score_article(text, rec.get("title"), labels[art], tally)
    p, r, f1 = prf(tally["tp"], tally["fp"], tally["fn"])
    kinds = sorted({k.split(":")[0] for k in tally if ":" in k})
    details = {k: {"found": tally[f"{k}:found"], "missed": tally[f"{k}:missed"]} for k in kinds}
    return Report(
        f"furniture: page furniture in text inputs, labelled AllSides articles ({split or 'dev'})",
        {
            "articles": len(ids),
            "precision": p,
            "recall": r,
            "f1": f1,
            "furniture_lines": tally["tp"] + tally["fn"],
            "body_lines": tally["tn"] + tally["fp"],
            "body_lines_lost": tally["fp"],
            "hard_negatives": tally["hard_negatives"],
            "hard_negatives_removed": tally["hard_negatives_removed"],
            "drifted_lines": tally["drift"],
            "drifted_articles": drifted_articles,
        },
        {"by_kind": details},
    )
