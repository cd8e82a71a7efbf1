"""Records the corpus side keeps beside the article JSON: failures and event clusters.

Neither is part of ``newsgraph.article/1``; both are re-exported by :mod:`newsgraph.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into an analysis, and why."""

    input: str  # path, URL or "file.jsonl:17"
    stage: str  # ingest|clean|analyze|store
    code: str  # NewsgraphError.code
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "stage": self.stage, "code": self.code, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Failure:
        return cls(d["input"], d["stage"], d["code"], d["reason"])


@dataclass(frozen=True, slots=True)
class EventCluster:
    """Events from one or more articles that describe the same happening."""

    cluster_id: str
    plover: str
    actor: str | None
    recipient: str | None
    day_first: str | None
    day_last: str | None
    members: tuple[tuple[str, str], ...]  # (article_id, event_id)
    n_articles: int
    n_outlets: int
    n_independent: int
    outlets: tuple[str, ...] = field(default=())
