"""Corpus-level links: near-duplicate articles and event clusters with corroboration counts.

``link(store)`` recomputes both from what the store holds. MinHash signatures are kept in
the store, so only articles added since the last run are hashed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.base import Store
from .clusters import cluster_events
from .duplicates import group_duplicates, signature, signatures_for


@dataclass(frozen=True)
class LinkSummary:
    duplicate_groups: int
    duplicate_articles: int
    clusters: int
    corroborated: int  # clusters reported by two or more outlets


def link(store: Store, *, threshold: float = 0.8, window: int = 3) -> LinkSummary:
    """Group near-duplicate articles, then cluster events across articles; store both."""
    known = store.minhashes()
    new = signatures_for(store.article_texts(exclude=set(known)))
    if new:
        store.save_minhashes(new)
    groups = group_duplicates({**known, **new}, threshold=threshold)
    store.save_duplicates(groups)
    clusters = cluster_events(store.link_inputs(), window=window)
    store.save_clusters(clusters)
    return LinkSummary(
        duplicate_groups=len({g for g, _ in groups.values()}),
        duplicate_articles=len(groups),
        clusters=len(clusters),
        corroborated=sum(c.n_outlets >= 2 for c in clusters),
    )


__all__ = ["LinkSummary", "cluster_events", "group_duplicates", "link", "signature"]
