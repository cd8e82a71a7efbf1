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
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import StoreError
from ..records import Analysis, Failure
from .links import LinkTables
from .outlets import backfill_outlets, outlet_of
from .query import FACETS, Filters, build_query, count_query, facet_query
from .reads import CorpusReads
from .rows import INSERT_ARTICLE, article_row, child_rows
from .visual import VisualReads

# Columns left out of the canonical dump: they record when, not what.
VOLATILE = {"articles": {"seq", "ingested_at"}, "failures": {"first_seen", "last_seen", "attempts"}}
TABLES = (
    "articles", "actors", "events", "event_parties", "attributions", "claims", "failures",
    "minhashes", "minhash_bands", "duplicates", "event_clusters", "cluster_events", "link_queue",
)  # fmt: skip
BATCH_ATTEMPTS = 3  # a batch that meets a deadlock with another writer is run again
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


class Store(CorpusReads, LinkTables, VisualReads, ABC):
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

    def writer(self) -> AbstractContextManager[None]:
        """Hold the right to write for a whole run (an ingest, a link).

        PostgreSQL takes many writers at once (rows are inserted in id order and a batch
        that meets a deadlock is retried), so this holds nothing there; SQLite has one writer
        at a time and refuses a second one at once, naming the first (``sqlite.py``)."""
        return nullcontext()

    def link_lock(self) -> AbstractContextManager[None]:
        """Serialise link runs: two writers that finish together link one after the other."""
        return self.writer()

    def _write_order(self, analyses: Sequence[Analysis]) -> Sequence[Analysis]:
        """The order a batch is written in (as given: one writer at a time)."""
        return analyses

    def _transient(self, error: BaseException) -> bool:
        """Whether a failed batch may simply be run again (a deadlock between writers)."""
        return False

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

    def _after_migration(self, version: int) -> None:
        """A migration's Python step, run after its SQL in the same transaction: what SQL
        cannot compute (a registered domain needs the public-suffix list)."""
        if version == 4:
            backfill_outlets(self)

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
        ordered = self._write_order(analyses)
        for attempt in range(BATCH_ATTEMPTS):
            try:
                added, present, n_events = self._write(ordered, failures)
                break
            except StoreError as e:
                if attempt + 1 == BATCH_ATTEMPTS or not self._transient(e.__cause__ or e):
                    raise
        return BatchResult(added=added, present=present, failures=len(failures), events=n_events)

    def _write(
        self, analyses: Sequence[Analysis], failures: Sequence[Failure]
    ) -> tuple[int, int, int]:
        """One batch in one transaction: (articles added, already present, events added)."""
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
            for f in sorted(failures, key=lambda f: f.input):
                self._run(
                    "INSERT INTO failures (input, stage, code, reason, attempts, first_seen, "
                    "last_seen) "
                    "VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (input) DO UPDATE SET stage = "
                    "excluded.stage, "
                    "code = excluded.code, reason = excluded.reason, "
                    "attempts = failures.attempts + 1, last_seen = excluded.last_seen",
                    (f.input, f.stage, f.code, f.reason, stamp, stamp),
                )
        return added, present, n_events

    def _clear_failures(self, origin: str, article_id: str) -> None:
        """Forget the failures of an input that now succeeded: its own record, and the
        whole-file failure of the file it came from (``dump.jsonl`` for ``dump.jsonl:17``)."""
        self._run("DELETE FROM failures WHERE input = ? OR input = ?", (origin, article_id))
        inside = _IN_FILE.match(origin)  # file.jsonl:17, file.warc:4096, feed.xml#3 [url]
        if inside:
            self._run("DELETE FROM failures WHERE input = ?", (inside["file"],))

    def _insert_article(self, analysis: Analysis, stamp: str) -> bool:
        a = analysis.article
        outlet = outlet_of(a.source, a.url)
        doc = json.dumps(analysis.to_dict(), ensure_ascii=False)
        if not self._run(INSERT_ARTICLE, article_row(analysis, doc, outlet, stamp)):
            return False  # stored already: its rows are there too
        self._run("INSERT INTO link_queue (article_id) VALUES (?)", (a.id,))
        for sql, rows in child_rows(analysis, outlet.name):
            self._many(sql, rows)
        return True

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

    def count(self, kind: str, filters: Filters | None = None) -> int:
        """How many ``kind`` rows match the filters (their limit and offset ignored)."""
        sql, params = count_query(kind, filters or Filters(), self._fts_condition)
        return int(self._rows(sql, params)[0]["n"] or 0)

    def facets(
        self,
        kind: str,
        filters: Filters | None = None,
        names: Sequence[str] | None = None,
        limit: int = 12,
    ) -> dict[str, list[tuple[Any, int]]]:
        """Counts of the rows matching ``filters`` by each facet (most frequent ``limit``
        values): for events plover, outlet, actor_country, month … (``query.FACETS``)."""
        out = {}
        for name in names if names is not None else FACETS.get(kind, {}):
            sql, params = facet_query(kind, filters or Filters(), self._fts_condition, name, limit)
            out[name] = [(r["value"], int(r["n"])) for r in self._rows(sql, params)]
        return out

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
        names, rows = self.failures_table()
        return [dict(zip(names, row, strict=True)) for row in rows]

    def failures_table(self) -> tuple[list[str], list[tuple[Any, ...]]]:
        """:meth:`failures` as (column names, row tuples): the columns even with no rows."""
        cur = self._execute(
            "SELECT input, stage, code, reason, attempts, first_seen, last_seen FROM failures "
            "ORDER BY last_seen DESC, input"
        )
        return [d[0] for d in cur.description], [tuple(r) for r in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {t: int(self._rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in TABLES}

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
