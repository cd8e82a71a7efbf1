"""The Store interface and the SQL shared by SQLite and PostgreSQL.

Every statement is written once, with ``?`` placeholders, and every value is bound as a
parameter; :meth:`Store._sql` turns ``?`` into the driver's own style in one place. The
two back-ends differ only in how they connect, migrate, run transactions and search text
(FTS5 or tsvector) — see ``sqlite.py`` and ``postgres.py``. The rows an analysis is
stored as are built in ``rows.py``; the web's aggregate reads are in ``reads.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..records import Analysis, EventCluster, Failure
from .query import Filters, build_query
from .reads import CorpusReads
from .rows import INSERT_ARTICLE, article_row, child_rows, outlet_of
from .visual import VisualReads

# Columns left out of the canonical dump: they record when, not what.
VOLATILE = {"articles": {"seq", "ingested_at"}, "failures": {"first_seen", "last_seen", "attempts"}}
TABLES = (
    "articles", "actors", "events", "event_parties", "attributions", "claims", "failures",
    "minhashes", "duplicates", "event_clusters", "cluster_events",
)  # fmt: skip
LINKS, STALE, CURRENT = "links", "stale", "current"  # the store_state row of linking
CHUNK = 500  # ids per IN (...) list: well under both drivers' parameter limits
# An input inside a file (JSONL line, WARC record offset, feed entry): the file's name first.
_IN_FILE = re.compile(r"(?P<file>.+?)(?::\d+|#\d+(?: .*)?)\Z", re.DOTALL)


@dataclass(frozen=True)
class BatchResult:
    """What one committed batch changed."""

    added: int = 0  # new articles stored
    present: int = 0  # articles already in the store (same content hash)
    failures: int = 0  # failures recorded
    events: int = 0  # events stored with the new articles


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@cache
def migrations(dialect: str) -> tuple[tuple[int, str, str], ...]:
    """The (version, name, sql) migrations of one dialect, in order.

    Files are ``migrations/NNNN_name.<dialect>.sql``; both dialects have the same versions.
    """
    folder = resources.files("newsgraph.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith(f".{dialect}.sql"):
            version = int(entry.name.split("_", 1)[0])
            out.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return tuple(sorted(out))


class Store(CorpusReads, VisualReads, ABC):
    """A corpus of analysed articles: one small interface over SQLite and PostgreSQL.

    Writes go through :meth:`write_batch` (one transaction per batch); reads through the
    query methods, which take a :class:`~newsgraph.store.query.Filters`, and the aggregate
    reads of :class:`~newsgraph.store.reads.CorpusReads` (``overview``, ``timeline``,
    ``actor_profile``…). A store is a context manager; it is not shared between threads or
    processes (open one each).
    """

    dialect: str = ""
    url: str = ""

    # ---- back-end hooks -------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (already in the driver's style); return the cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A context in which every write commits together or not at all."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        """SQL (over the ``a`` alias of articles) matching articles whose text has ``text``."""

    def _sql(self, sql: str) -> str:
        return sql

    # ---- plumbing -------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._execute(self._sql(sql), params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        cur = self._execute(self._sql(sql), params)
        return int(cur.rowcount or 0)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._executemany(self._sql(sql), rows)

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        rows = self._rows("SELECT max(version) AS v FROM migrations")
        return int(rows[0]["v"] or 0)

    # ---- writes ---------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored (to skip them before parsing)."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), CHUNK):
            part = wanted[i : i + CHUNK]
            marks = ",".join("?" * len(part))
            found.update(
                r["id"] for r in self._rows(f"SELECT id FROM articles WHERE id IN ({marks})", part)
            )
        return found

    def write_batch(
        self, analyses: Sequence[Analysis], failures: Sequence[Failure] = ()
    ) -> BatchResult:
        """Store analyses and failures in one transaction.

        An article already stored (same content id) is left as it is. A stored failure
        for an input that now succeeded is cleared.
        """
        added = present = n_events = 0
        stamp = now()
        with self.transaction():
            for analysis in analyses:
                if self._insert_article(analysis, stamp):
                    added += 1
                    n_events += len(analysis.events)
                else:
                    present += 1
                a = analysis.article
                self._clear_failures(a.origin or a.id, a.id)
            for f in failures:
                self._run(
                    "INSERT INTO failures (input, stage, code, reason, attempts, first_seen, "
                    "last_seen) "
                    "VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (input) DO UPDATE SET stage = "
                    "excluded.stage, "
                    "code = excluded.code, reason = excluded.reason, "
                    "attempts = failures.attempts + 1, last_seen = excluded.last_seen",
                    (f.input, f.stage, f.code, f.reason, stamp, stamp),
                )
            if added:
                self._set_state(LINKS, STALE, stamp)
        return BatchResult(added=added, present=present, failures=len(failures), events=n_events)

    def _clear_failures(self, origin: str, article_id: str) -> None:
        """Forget the failures of an input that now succeeded: its own record, and the
        whole-file failure of the file it came from (``dump.jsonl`` for ``dump.jsonl:17``)."""
        self._run("DELETE FROM failures WHERE input = ? OR input = ?", (origin, article_id))
        inside = _IN_FILE.match(origin)  # file.jsonl:17, file.warc:4096, feed.xml#3 [url]
        if inside:
            self._run("DELETE FROM failures WHERE input = ?", (inside["file"],))

    # ---- state ----------------------------------------------------------------------
    def _set_state(self, name: str, value: str, stamp: str | None = None) -> None:
        self._run(
            "INSERT INTO store_state (name, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (name, value, stamp or now()),
        )

    def links_current(self) -> bool:
        """Whether the links (near-duplicates, event clusters) cover every stored article:
        False after new articles were stored, until a link run finishes."""
        rows = self._rows("SELECT value FROM store_state WHERE name = ?", (LINKS,))
        return bool(rows) and rows[0]["value"] == CURRENT

    def mark_links_current(self) -> None:
        """Record that a link run finished over everything stored."""
        with self.transaction():
            self._set_state(LINKS, CURRENT)

    def _insert_article(self, analysis: Analysis, stamp: str) -> bool:
        a = analysis.article
        outlet = outlet_of(a.source, a.url)
        doc = json.dumps(analysis.to_dict(), ensure_ascii=False)
        if not self._run(INSERT_ARTICLE, article_row(analysis, doc, outlet, stamp)):
            return False  # stored already: its rows are there too
        for sql, rows in child_rows(analysis, outlet):
            self._many(sql, rows)
        return True

    # ---- link results ---------------------------------------------------------------
    def minhashes(self, article_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored MinHash signatures by article id (all of them when ``article_ids`` is None)."""
        if article_ids is None:
            return {
                r["article_id"]: bytes(r["signature"])
                for r in self._rows("SELECT article_id, signature FROM minhashes")
            }
        wanted = list(article_ids)
        out: dict[str, bytes] = {}
        for i in range(0, len(wanted), CHUNK):
            part = wanted[i : i + CHUNK]
            marks = ",".join("?" * len(part))
            for r in self._rows(
                f"SELECT article_id, signature FROM minhashes WHERE article_id IN ({marks})", part
            ):
                out[r["article_id"]] = bytes(r["signature"])
        return out

    def save_minhashes(self, signatures: dict[str, bytes]) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO minhashes (article_id, signature) VALUES (?, ?) ON CONFLICT DO "
                "NOTHING",
                list(signatures.items()),
            )

    def save_duplicates(self, groups: dict[str, tuple[str, float]]) -> None:
        """Replace the near-duplicate groups: article id → (group id, similarity)."""
        with self.transaction():
            self._run("DELETE FROM duplicates")
            self._many(
                "INSERT INTO duplicates (article_id, group_id, similarity) VALUES (?, ?, ?)",
                [(k, g, float(s)) for k, (g, s) in sorted(groups.items())],
            )

    def save_clusters(self, clusters: Sequence[EventCluster]) -> None:
        """Replace the event clusters."""
        with self.transaction():
            self._run("DELETE FROM cluster_events")
            self._run("DELETE FROM event_clusters")
            self._many(
                "INSERT INTO event_clusters (cluster_id, plover, actor, recipient, day_first, "
                "day_last, n_events, "
                "n_articles, n_outlets, n_independent, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?)",
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

    # ---- reads ----------------------------------------------------------------------
    def get(self, article_id: str) -> Analysis | None:
        """One stored article's analysis, exactly as it was analysed."""
        rows = self._rows("SELECT analysis FROM articles WHERE id = ?", (article_id,))
        return Analysis.from_dict(json.loads(rows[0]["analysis"])) if rows else None

    def iter_json(self, filters: Filters | None = None, page: int = 500) -> Iterator[str]:
        """The stored ``newsgraph.article/1`` JSON of matching articles, oldest first, as stored."""
        filters = filters or Filters(limit=0)
        last = -1
        while True:
            sql, params = build_query(
                "articles_json", filters, self._fts_condition, after=last, page=page
            )
            rows = self._rows(sql, params)
            yield from (r["analysis"] for r in rows)
            if len(rows) < page:
                return
            last = rows[-1]["seq"]

    def iter_analyses(self, filters: Filters | None = None) -> Iterator[Analysis]:
        for doc in self.iter_json(filters):
            yield Analysis.from_dict(json.loads(doc))

    def query(self, kind: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Rows of ``events``, ``actors``, ``articles``, ``claims`` or ``clusters`` matching the "
        "filters."""
        sql, params = build_query(kind, filters or Filters(), self._fts_condition)
        return self._rows(sql, params)

    def table(
        self, kind: str, filters: Filters | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Like :meth:`query` but as (column names, row tuples): the columns even with no rows."""
        sql, params = build_query(kind, filters or Filters(), self._fts_condition)
        cur = self._execute(self._sql(sql), params)
        return [d[0] for d in cur.description], [tuple(r) for r in cur.fetchall()]

    def events(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        return self.query("events", filters)

    def actors(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        return self.query("actors", filters)

    def articles(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        return self.query("articles", filters)

    def claims(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        return self.query("claims", filters)

    def clusters(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        return self.query("clusters", filters)

    def failures(self) -> list[dict[str, Any]]:
        """Stored failures, newest first: input, stage, code, reason, attempts, first/last seen."""
        return self._rows(
            "SELECT input, stage, code, reason, attempts, first_seen, last_seen FROM failures "
            "ORDER BY last_seen DESC, input"
        )

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {t: int(self._rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in TABLES}

    def link_inputs(self) -> list[dict[str, Any]]:
        """What event clustering reads: one row per event party-dyad with its article's outlet."""
        return self._rows(
            "SELECT e.article_id, e.local_id, e.plover, e.actor_code, e.actor_country, "
            "e.recipient_code, "
            "e.recipient_country, e.day, e.outlet, e.negated, d.group_id "
            "FROM events e LEFT JOIN duplicates d ON d.article_id = e.article_id "
            "WHERE e.plover IS NOT NULL AND e.day IS NOT NULL ORDER BY e.article_id, e.local_id"
        )

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

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """The stored content of every table, sorted, without time stamps: for comparing stores."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in TABLES:
            rows = self._rows(f"SELECT * FROM {table}")
            skip = VOLATILE.get(table, set()) | {"tsv"}
            out[table] = sorted(
                (tuple(_plain(v) for k, v in r.items() if k not in skip) for r in rows),
                key=lambda t: tuple("" if v is None else str(v) for v in t),
            )
        return out


def _plain(v: Any) -> Any:
    if isinstance(v, memoryview | bytearray):
        return bytes(v)
    if isinstance(v, float):
        return round(v, 6)
    return v
