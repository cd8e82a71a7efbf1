"""What linking reads and writes: MinHash signatures and band keys, near-duplicate groups,
event clusters and the queue of articles not linked yet.

A mixin of :class:`~newsgraph.store.Store`. Storing an article queues it (in the batch's
transaction); a link run saves everything it found and takes the articles it linked off
the queue in one transaction, so the links are current exactly when the queue is empty and
a link killed half-way is redone whole by the next run. Every read is an indexed lookup by
article, band key, block or cluster: a run costs what the new articles touch, not what the
store holds.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from ..corpus_records import EventCluster, LinkUpdate

CHUNK = 500  # values per IN (...) list: well under both drivers' parameter limits
Key = tuple[str, str]  # (article_id, event_id)

# One row per event with its article's outlet (name and key) and near-duplicate group.
_INPUTS = (
    "SELECT e.article_id, e.local_id, e.plover, e.actor_code, e.actor_country, "
    "e.recipient_code, e.recipient_country, e.day, e.date_start, e.date_end, e.outlet, "
    "coalesce(a.outlet_key, e.outlet) AS outlet_key, e.negated, d.group_id FROM events e "
    "LEFT JOIN duplicates d ON d.article_id = e.article_id "
    "LEFT JOIN articles a ON a.id = e.article_id "
    "WHERE e.plover IS NOT NULL AND e.day IS NOT NULL"
)
_BLOCK_SIDES = {
    "code": "e.plover = ? AND e.actor_code = ? AND e.recipient_code = ?",
    "country": "e.plover = ? AND e.actor_country = ? AND e.recipient_country = ?",
}


class LinkTables(ABC):
    """The link tables of a store (see the module docstring)."""

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    @abstractmethod
    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]: ...

    def _in(self, sql: str, values: Iterable[Any], extra: Sequence[Any] = ()) -> list[dict]:
        """Run ``sql`` (with one ``{marks}`` for an IN list) over ``values`` in chunks."""
        wanted = sorted(set(values))
        out: list[dict[str, Any]] = []
        for i in range(0, len(wanted), CHUNK):
            part = wanted[i : i + CHUNK]
            out += self._rows(sql.format(marks=",".join("?" * len(part))), [*part, *extra])
        return out

    # ---- state ----------------------------------------------------------------------
    def links_current(self) -> bool:
        """Whether the links (near-duplicates, event clusters) cover every stored article:
        False after new articles were stored, until a link run has taken them in."""
        return not self._rows("SELECT article_id FROM link_queue LIMIT 1")

    def link_queue(self) -> list[str]:
        """The ids of stored articles not linked yet."""
        return sorted(r["article_id"] for r in self._rows("SELECT article_id FROM link_queue"))

    def link_params(self) -> str | None:
        """The settings the stored links were made with (None before the first link)."""
        rows = self._rows("SELECT value FROM store_state WHERE name = 'link_params'")
        return rows[0]["value"] if rows else None

    # ---- reads ----------------------------------------------------------------------
    def minhashes(self, article_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored MinHash signatures by article id (all of them when ``article_ids`` is None)."""
        if article_ids is None:
            rows = self._rows("SELECT article_id, signature FROM minhashes")
        else:
            rows = self._in(
                "SELECT article_id, signature FROM minhashes WHERE article_id IN ({marks})",
                article_ids,
            )
        return {r["article_id"]: bytes(r["signature"]) for r in rows}

    def texts_of(self, article_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(id, text) of these articles."""
        for r in self._in("SELECT id, text FROM articles WHERE id IN ({marks})", article_ids):
            yield r["id"], r["text"]

    def article_texts(self, exclude: set[str] | None = None) -> Iterator[tuple[str, str]]:
        """(id, text) of every stored article not in ``exclude``, in storage order."""
        last = -1
        while True:
            rows = self._rows(
                "SELECT seq, id, text FROM articles WHERE seq > ? ORDER BY seq LIMIT 500", (last,)
            )
            for r in rows:
                if not exclude or r["id"] not in exclude:
                    yield r["id"], r["text"]
            if len(rows) < 500:
                return
            last = rows[-1]["seq"]

    def band_matches(self, keys: Iterable[int]) -> dict[str, bytes]:
        """Linked articles that share one of these LSH band keys, with their signatures."""
        rows = self._in(
            "SELECT DISTINCT b.article_id, m.signature FROM minhash_bands b "
            "JOIN minhashes m ON m.article_id = b.article_id WHERE b.band_key IN ({marks})",
            keys,
        )
        return {r["article_id"]: bytes(r["signature"]) for r in rows}

    def duplicate_groups(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Article id → near-duplicate group id, for those of these articles in a group."""
        rows = self._in(
            "SELECT article_id, group_id FROM duplicates WHERE article_id IN ({marks})",
            article_ids,
        )
        return {r["article_id"]: r["group_id"] for r in rows}

    def group_members(self, group_ids: Iterable[str]) -> dict[str, list[str]]:
        """Group id → its member articles."""
        out: dict[str, list[str]] = {}
        rows = self._in(
            "SELECT article_id, group_id FROM duplicates WHERE group_id IN ({marks})", group_ids
        )
        for r in rows:
            out.setdefault(r["group_id"], []).append(r["article_id"])
        return out

    def link_inputs(self, article_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """What event clustering reads, for these articles' events (all when None)."""
        if article_ids is None:
            return self._rows(_INPUTS + " ORDER BY e.article_id, e.local_id")
        return self._in(_INPUTS + " AND e.article_id IN ({marks})", article_ids)

    def block_inputs(self, block: tuple[str, str, str, str, str]) -> list[dict[str, Any]]:
        """The clustering rows of every event with this block's type and parties (its date
        precision is checked by the caller)."""
        plover, _precision, side, actor, recipient = block
        return self._rows(
            f"{_INPUTS} AND {_BLOCK_SIDES[side]} AND e.negated = 0", (plover, actor, recipient)
        )

    def clusters_of(self, keys: Iterable[Key]) -> dict[Key, str]:
        """(article id, event id) → the cluster it is in, for these events."""
        wanted = set(keys)
        rows = self._in(
            "SELECT article_id, event_id, cluster_id FROM cluster_events "
            "WHERE article_id IN ({marks})",
            {a for a, _ in wanted},
        )
        return {
            (r["article_id"], r["event_id"]): r["cluster_id"]
            for r in rows
            if (r["article_id"], r["event_id"]) in wanted
        }

    # ---- writes ---------------------------------------------------------------------
    def save_links(self, u: LinkUpdate) -> None:
        """Save one link run and take its articles off the queue, all in one transaction."""
        with self.transaction():
            if u.rebuild:
                for table in ("minhash_bands", "duplicates", "cluster_events", "event_clusters"):
                    self._run(f"DELETE FROM {table}")
            self._many(
                "INSERT INTO minhashes (article_id, signature) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                sorted(u.signatures.items()),
            )
            self._many("INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?)", u.bands)
            self._delete_in("duplicates", "article_id", u.regrouped)
            self._many(
                "INSERT INTO duplicates (article_id, group_id, similarity) VALUES (?, ?, ?)",
                [(k, g, float(s)) for k, (g, s) in sorted(u.groups.items())],
            )
            self._delete_in("cluster_events", "cluster_id", u.old_clusters)
            self._delete_in("event_clusters", "cluster_id", u.old_clusters)
            self._insert_clusters(u.clusters)
            self._delete_in("link_queue", "article_id", u.linked)
            self._run(
                "INSERT INTO store_state (name, value, updated_at) VALUES ('link_params', ?, '') "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (u.params,),
            )

    def _delete_in(self, table: str, column: str, values: Iterable[str]) -> None:
        wanted = sorted(set(values))
        for i in range(0, len(wanted), CHUNK):
            part = wanted[i : i + CHUNK]
            marks = ",".join("?" * len(part))
            self._run(f"DELETE FROM {table} WHERE {column} IN ({marks})", part)

    def save_clusters(self, clusters: Sequence[EventCluster]) -> None:
        """Replace every event cluster (fixtures; ``link`` saves through ``save_links``)."""
        with self.transaction():
            self._run("DELETE FROM cluster_events")
            self._run("DELETE FROM event_clusters")
            self._insert_clusters(clusters)

    def _insert_clusters(self, clusters: Sequence[EventCluster]) -> None:
        self._many(
            "INSERT INTO event_clusters (cluster_id, plover, actor, recipient, day_first, "
            "day_last, n_events, n_articles, n_outlets, n_independent, outlets) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.cluster_id,
                    c.plover,
                    c.actor,
                    c.recipient,
                    c.day_first,
                    c.day_last,
                    len(c.members),
                    c.n_articles,
                    c.n_outlets,
                    c.n_independent,
                    json.dumps(sorted(c.outlets), ensure_ascii=False),
                )
                for c in clusters
            ],
        )
        self._many(
            "INSERT INTO cluster_events (article_id, event_id, cluster_id) VALUES (?, ?, ?)",
            [(aid, eid, c.cluster_id) for c in clusters for aid, eid in c.members],
        )
