"""The team store: PostgreSQL through psycopg 3, tsvector + GIN for text search."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from ..errors import StoreError
from ..records import Analysis
from .base import Store, migrations, now

# Any fixed 64-bit number: serialises concurrent migrations (e.g. Dask workers starting).
_MIGRATION_LOCK = 0x6E657773677261
_LINK_LOCK = _MIGRATION_LOCK + 1  # one link run at a time over one database
# Errors after which a whole batch may simply be run again: deadlock, serialisation failure.
_TRANSIENT = {"40P01", "40001"}
LOCK_SECONDS = 60  # how long a writer waits for another one's lock


@cache
def _pg_style(sql: str) -> str:
    """``?`` → ``%s`` (psycopg's style); a literal ``%`` must be doubled for it."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    """A store in a PostgreSQL database named by a ``postgresql://`` URL."""

    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                "PostgreSQL needs psycopg: pip install 'newsgraph[postgres]'", input=url
            ) from None
        self._psycopg = psycopg
        self.url = url
        try:
            # autocommit: transactions are explicit (conn.transaction()), one per batch.
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL: {e}".strip(), input=_redact(url)
            ) from None
        self.read_only = read_only
        # A writer waits this long for another one's lock, then fails (a StoreError), as
        # SQLite's busy timeout does, instead of hanging on forever.
        self._execute(f"SET lock_timeout = {int(LOCK_SECONDS * 1000)}")
        if read_only:  # nothing written, migrations included; the server refuses writes too
            self._execute("SET default_transaction_read_only = on")
            self._execute("SELECT max(version) FROM migrations")  # a newsgraph store?
        else:
            self._migrate()

    def _sql(self, sql: str) -> str:
        return _pg_style(sql)

    def _write_order(self, analyses: Sequence[Analysis]) -> Sequence[Analysis]:
        # In id order, so that writers inserting the same articles lock them in one order.
        return sorted(analyses, key=lambda a: a.article.id)

    def _transient(self, error: BaseException) -> bool:
        return getattr(error, "sqlstate", None) in _TRANSIENT

    @contextmanager
    def link_lock(self) -> Iterator[None]:
        """A session advisory lock: a second link run waits (up to the lock timeout)."""
        self._execute("SELECT pg_advisory_lock(%s)", (_LINK_LOCK,))
        try:
            yield
        finally:
            self._execute("SELECT pg_advisory_unlock(%s)", (_LINK_LOCK,))

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params, prepare=False)
        except self._psycopg.Error as e:
            raise StoreError(f"{e} in: {sql[:120]}".strip(), input=_redact(self.url)) from e

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.executemany(sql, rows)
        except self._psycopg.Error as e:
            raise StoreError(f"{e} in: {sql[:120]}".strip(), input=_redact(self.url)) from e

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.read_only:
            raise StoreError("the store is open read-only", input=_redact(self.url))
        try:
            with self.conn.transaction():
                yield
        except self._psycopg.Error as e:  # at COMMIT: a lost connection, a full disk…
            raise StoreError(f"commit failed: {e}".strip(), input=_redact(self.url)) from None

    def close(self) -> None:
        self.conn.close()

    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        return "a.tsv @@ plainto_tsquery('english', ?)", [text]

    def _migrate(self) -> None:
        with self.transaction():
            self._execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in self._execute("SELECT version FROM migrations").fetchall()}
            for version, name, sql in migrations("postgres"):
                if version in done:
                    continue
                self._execute(sql)
                self._after_migration(version)
                self._execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (version, name, now()),
                )


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
