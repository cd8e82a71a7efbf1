"""Corpus-level links: near-duplicate articles and event clusters with corroboration counts.

``link(store)`` recomputes both from what the store holds. MinHash signatures are kept in
the store, so only articles added since the last run are hashed again. Linking knows the
records and the few store methods :class:`LinkStore` names, not the store's insides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..records import EventCluster
from .clusters import cluster_events
from .duplicates import group_duplicates, signature, signatures_for


class LinkStore(Protocol):
    """What linking reads from and writes to a store (:class:`newsgraph.store.Store` has it)."""

    def minhashes(self, article_ids: Iterable[str] | None = None) -> dict[str, bytes]: ...

    def save_minhashes(self, signatures: dict[str, bytes]) -> None: ...

    def article_texts(self, exclude: set[str] | None = None) -> Iterator[tuple[str, str]]: ...

    def save_duplicates(self, groups: dict[str, tuple[str, float]]) -> None: ...

    def link_inputs(self) -> list[dict[str, Any]]: ...

    def save_clusters(self, clusters: Sequence[EventCluster]) -> None: ...

    def mark_links_current(self) -> None: ...


@dataclass(frozen=True)
class LinkSummary:
    duplicate_groups: int
    duplicate_articles: int
    clusters: int
    corroborated: int  # clusters reported by two or more outlets


def link(store: LinkStore, *, threshold: float = 0.8, window: int = 3) -> LinkSummary:
    """Group near-duplicate articles, then cluster events across articles; store both.

    The store records that its links are current only when both are saved."""
    known = store.minhashes()
    new = signatures_for(store.article_texts(exclude=set(known)))
    if new:
        store.save_minhashes(new)
    groups = group_duplicates({**known, **new}, threshold=threshold)
    store.save_duplicates(groups)
    clusters = cluster_events(store.link_inputs(), window=window)
    store.save_clusters(clusters)
    store.mark_links_current()  # last: a run killed before this is finished by the next ingest
    return LinkSummary(
        duplicate_groups=len({g for g, _ in groups.values()}),
        duplicate_articles=len(groups),
        clusters=len(clusters),
        corroborated=sum(c.n_outlets >= 2 for c in clusters),
    )


__all__ = ["LinkStore", "LinkSummary", "cluster_events", "group_duplicates", "link", "signature"]
