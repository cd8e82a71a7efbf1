"""One link run: what the queued (new) articles change, or everything again (``rebuild``).

Near-duplicates: a new article's band keys find its candidates among linked articles by
an indexed lookup; the groups it joins are merged (the union-find of ``duplicates.py``) and
only their members' rows are rewritten. Clusters: the blocks (``clusters.py``) of the new
events, and of old events whose duplicate group changed, are closed over — every event of
those blocks, and of those events' blocks, until nothing new is reached (a cluster is
connected through shared blocks, so all its members are reached with any one) — and only
the clusters of that closure are recomputed. Components outside it share no block with it,
so the result is the one a full rebuild gives; ``tests/link/test_incremental.py`` checks it.

Cost: a block is read whole, so a run costs the history of the dyads it touches. That is
flat while blocks stay small; a store with very long dyad histories needs the block reads
bounded by date (see the note in ``benchmarks/link_scale.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..records import EventCluster
from .clusters import Block, Key, blocks, cluster_events
from .duplicates import Groups, band_keys, group_duplicates, group_rows, near_pairs, signatures_for


class Updates(Protocol):
    """The :class:`~newsgraph.store.links.LinkTables` reads a link run uses."""

    def link_queue(self) -> list[str]: ...
    def minhashes(self, article_ids: Iterable[str] | None = None) -> dict[str, bytes]: ...
    def texts_of(self, article_ids: Iterable[str]) -> Iterable[tuple[str, str]]: ...
    def article_texts(self, exclude: set[str] | None = None) -> Iterable[tuple[str, str]]: ...
    def band_matches(self, keys: Iterable[int]) -> dict[str, bytes]: ...
    def duplicate_groups(self, article_ids: Iterable[str]) -> dict[str, str]: ...
    def group_members(self, group_ids: Iterable[str]) -> dict[str, list[str]]: ...
    def link_inputs(self, article_ids: Iterable[str] | None = None) -> list[dict[str, Any]]: ...
    def block_inputs(self, block: Block) -> list[dict[str, Any]]: ...
    def clusters_of(self, keys: Iterable[Key]) -> dict[Key, str]: ...


def _signatures(store: Updates, article_ids: list[str]) -> tuple[dict[str, bytes], set[str]]:
    """Signatures of these articles (kept ones reused) and the ids hashed just now."""
    kept = store.minhashes(article_ids)
    fresh = signatures_for(store.texts_of([a for a in article_ids if a not in kept]))
    return {**kept, **fresh}, set(fresh)


def _bands(signatures: dict[str, bytes], threshold: float) -> list[tuple[int, str]]:
    return [(k, a) for a, sig in sorted(signatures.items()) for k in band_keys(sig, threshold)]


def rebuild(store: Updates, threshold: float, window: int) -> dict[str, Any]:
    """Every link from scratch (the reference the incremental path must agree with)."""
    queued = store.link_queue()
    kept = store.minhashes()
    fresh = signatures_for(store.article_texts(exclude=set(kept)))
    signatures = {**kept, **fresh}
    groups = group_duplicates(signatures, threshold=threshold)
    rows = [  # the groups of this run: the stored ones are about to be replaced
        {**r, "group_id": groups.get(r["article_id"], (None,))[0]} for r in store.link_inputs()
    ]
    return {
        "linked": queued,
        "signatures": fresh,
        "bands": _bands(signatures, threshold),
        "groups": groups,
        "clusters": cluster_events(rows, window=window),
        "rebuild": True,
    }


def incremental(store: Updates, threshold: float, window: int) -> dict[str, Any]:
    """The links the queued articles add or change."""
    queued = store.link_queue()
    if not queued:
        return {}
    new, fresh = _signatures(store, queued)
    keys = {k for sig in new.values() for k in band_keys(sig, threshold)}
    candidates = {a: s for a, s in store.band_matches(keys).items() if a not in new}
    pairs = list(near_pairs(new, candidates, threshold))

    touched = {b for _, b in pairs if b in candidates}
    groups = Groups()
    joined = set(store.duplicate_groups(touched).values())
    for gid, members in store.group_members(joined).items():
        for m in members:
            groups.add(m)
            groups.union(m, gid)
    for a in [*touched, *new]:
        groups.add(a)
    for a, b in pairs:
        groups.union(a, b)
    regrouped = set(groups.parent)
    signatures = {**new, **store.minhashes(regrouped - set(new))}
    rows = group_rows(groups.members(), signatures)
    before = store.duplicate_groups(regrouped)
    moved = {a for a in regrouped if before.get(a) != rows.get(a, (None,))[0]}

    old_clusters, clusters = _recluster(store, set(new) | moved, rows, regrouped, window)
    return {
        "linked": queued,
        "signatures": {a: new[a] for a in fresh},
        "bands": _bands(new, threshold),
        "regrouped": regrouped,
        "groups": {a: g for a, g in rows.items()},
        "old_clusters": old_clusters,
        "clusters": clusters,
    }


def _recluster(
    store: Updates,
    seeds: set[str],
    groups: dict[str, tuple[str, float]],
    regrouped: set[str],
    window: int,
) -> tuple[set[str], list[EventCluster]]:
    """Recompute the clusters reachable from the seed articles' events through blocks and
    existing clusters; return the cluster ids replaced and the clusters replacing them."""
    rows: dict[Key, dict[str, Any]] = {}
    seen_blocks: set[Block] = set()
    old: set[str] = set()

    def take(found: Iterable[dict[str, Any]]) -> set[Key]:
        added = set()
        for r in found:
            key = (r["article_id"], r["local_id"])
            if key not in rows:
                if r["article_id"] in regrouped:  # the group it is in after this run
                    r = {**r, "group_id": groups.get(r["article_id"], (None,))[0]}
                rows[key] = r
                added.add(key)
        return added

    frontier = take(store.link_inputs(seeds))
    while frontier:
        todo = {b for k in frontier for b in blocks(rows[k])} - seen_blocks
        seen_blocks |= todo
        reached = set()
        for block in sorted(todo):
            reached |= take(r for r in store.block_inputs(block) if block in blocks(r))
        # A cluster is connected through shared blocks, so its members are reached too.
        old |= set(store.clusters_of(frontier | reached).values())
        frontier = reached
    return old, cluster_events(rows.values(), window=window)
