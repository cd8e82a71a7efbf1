"""The default store: one SQLite file, WAL journal, FTS5 for text search."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Store, migrations, now

_WORD = re.compile(r"\w+", re.UNICODE)


class SQLiteStore(Store):
    """A store in one SQLite file (created, with its schema, on first open)."""

    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per batch.
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60.0)
            for pragma in (
                "journal_mode=WAL",
                "synchronous=NORMAL",
                "busy_timeout=60000",
                "cache_size=-65536",
                "temp_store=MEMORY",
            ):
                self.conn.execute(f"PRAGMA {pragma}")
            self._depth = 0
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite store: {e}", input=self.path) from None

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as e:
            raise StoreError(f"{e} in: {sql[:120]}", input=self.path) from e

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as e:
            raise StoreError(f"{e} in: {sql[:120]}", input=self.path) from e

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT: writers queue up instead of failing half-way."""
        if self._depth:  # nested: part of the outer transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self.conn.close()

    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        # Each word becomes a quoted FTS5 string, so user text is never FTS syntax.
        words = _WORD.findall(text)
        if not words:
            return "1 = 0", []
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        return "a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [query]

    def _migrate(self) -> None:
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in self.conn.execute("SELECT version FROM migrations")}
            for version, name, sql in migrations("sqlite"):
                if version in done:
                    continue
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now()),
                )


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; a trigger body's inner ';' stays with its trigger."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
