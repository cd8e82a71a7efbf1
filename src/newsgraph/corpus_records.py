"""Records the corpus side keeps beside the article JSON: failures, event clusters and what
one link run found.

None is part of ``newsgraph.article/1``; failures and clusters are re-exported by
:mod:`newsgraph.records`.
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


@dataclass
class LinkUpdate:
    """What one link run found; the store saves it in one transaction (``Store.save_links``)."""

    linked: list[str] = field(default_factory=list)  # article ids taken off the queue
    signatures: dict[str, bytes] = field(default_factory=dict)  # new signatures to keep
    bands: list[tuple[int, str]] = field(default_factory=list)  # (band key, article id)
    regrouped: set[str] = field(default_factory=set)  # articles whose group rows are replaced
    groups: dict[str, tuple[str, float]] = field(default_factory=dict)  # their new rows
    old_clusters: set[str] = field(default_factory=set)  # cluster ids replaced
    clusters: list[EventCluster] = field(default_factory=list)  # the clusters replacing them
    params: str = ""  # the link settings these links were made with
    rebuild: bool = False  # replace every link (bands, groups, clusters) instead
