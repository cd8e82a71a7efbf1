"""Evaluation on gold sets: each module scores the pipeline's contract output on one set.

Every module has ``run(data_dir: Path, nlp, **options) -> Report``. The gold data lives
outside the package (research-use licences): the caller names its folder, or
:func:`find_data_dir` looks for ``shared/eval/data`` beside the working directory.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import EvalDataError


@dataclass
class Report:
    """Scores of one evaluation: named figures, plus free-form details for the JSON output."""

    name: str
    metrics: dict[str, float | int]
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "metrics": self.metrics, "details": self.details}


def find_data_dir(explicit: str | None = None) -> Path:
    """The gold-data folder: explicit, $NEWSGRAPH_EVAL_DATA, or shared/eval/data up the cwd."""
    candidates = [explicit, os.environ.get("NEWSGRAPH_EVAL_DATA")]
    candidates += [str(p / "shared" / "eval" / "data") for p in (Path.cwd(), *Path.cwd().parents)]
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c)
    raise EvalDataError(
        "no evaluation data folder found",
        hint="pass --data DIR or set NEWSGRAPH_EVAL_DATA to the folder holding the gold sets",
    )


def split_labels(what: str, files: dict[str, str], split: str) -> list[dict[str, str]]:
    """The rows of a packaged TSV label file (``evaluate/labels/``, a header row, ``#``
    comments) for one split of ``files`` (split → file name); an unknown split is an error."""
    if split not in files:
        raise EvalDataError(
            f"no {what} split {split!r}", hint=f"use one of: {', '.join(sorted(files))}"
        )
    text = resources.files(__package__).joinpath("labels", files[split]).read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where a ratio is undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def require(path: Path) -> Path:
    if not path.exists():
        raise EvalDataError("gold data not found", input=str(path))
    return path
