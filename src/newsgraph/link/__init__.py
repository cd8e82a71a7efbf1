"""Corpus-level links: near-duplicate articles and event clusters with corroboration counts.

``link(store)`` takes in the articles stored since the last run (the store's link queue):
their near-duplicate candidates are found by band-key lookup and only the clusters their
events can reach are recomputed (``incremental.py``), so a run costs what is new, not what
the store holds. ``link(store, rebuild=True)`` recomputes everything and gives the same
links; it is also what a run with other settings than the stored links' does. Linking knows
the records and the store methods :class:`LinkStore` names, not the store's insides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from ..corpus_records import LinkUpdate
from .clusters import cluster_events
from .duplicates import group_duplicates, signature
from .incremental import Updates, incremental, rebuild


class LinkStore(Updates, Protocol):
    """What linking reads from and writes to a store (:class:`newsgraph.store.Store` has it)."""

    def link_lock(self) -> AbstractContextManager[None]: ...
    def link_params(self) -> str | None: ...
    def save_links(self, update: LinkUpdate) -> None: ...
    def article_texts(self, exclude: set[str] | None = None) -> Iterator[tuple[str, str]]: ...
    def texts_of(self, article_ids: Iterable[str]) -> Iterator[tuple[str, str]]: ...


@dataclass(frozen=True)
class LinkSummary:
    """What one run wrote (everything, for a rebuild): counting the whole store would cost
    what the store holds, which the run itself does not."""

    linked: int  # articles taken in
    duplicate_groups: int  # near-duplicate groups written (new or changed)
    duplicate_articles: int  # their articles
    clusters: int  # event clusters written (new or changed)
    corroborated: int  # of those, reported by two or more outlets

    @classmethod
    def of(cls, found: dict[str, Any]) -> LinkSummary:
        groups, clusters = found.get("groups", {}), found.get("clusters", [])
        return cls(
            linked=len(found.get("linked", ())),
            duplicate_groups=len({g for g, _ in groups.values()}),
            duplicate_articles=len(groups),
            clusters=len(clusters),
            corroborated=sum(c.n_outlets >= 2 for c in clusters),
        )


def link(
    store: LinkStore, *, threshold: float = 0.8, window: int = 3, rebuild_all: bool = False
) -> LinkSummary:
    """Link the articles stored since the last run (or everything, ``rebuild_all``).

    One link run at a time per store (``Store.link_lock``); what a run found is saved, and
    its articles taken off the queue, in one transaction: a run killed half-way leaves the
    queue as it was, and the next run does it whole."""
    params = f"threshold={threshold} window={window}"
    with store.link_lock():
        stored = store.link_params()
        again = rebuild_all or (stored is not None and stored != params)
        found = (rebuild if again else incremental)(store, threshold, window)
        if found or stored != params:
            store.save_links(LinkUpdate(**found, params=params))
    return LinkSummary.of(found)


__all__ = ["LinkStore", "LinkSummary", "cluster_events", "group_duplicates", "link", "signature"]
