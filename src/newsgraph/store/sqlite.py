"""The default store: one SQLite file, WAL journal, FTS5 for text search."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import socket
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from .base import Store, migrations, now

_WORD = re.compile(r"\w+", re.UNICODE)
LOCK_SECONDS = 60  # how long a writer waits for another one's lock


class SQLiteStore(Store):
    """A store in one SQLite file (created, with its schema, on first open)."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        self.read_only = read_only
        self._depth = 0
        self._writer_depth = 0
        try:
            self.conn = self._connect_read_only() if read_only else self._connect()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(
                f"cannot open the SQLite store: {_reason(e)}", input=self.path, hint=_hint(e)
            ) from None

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per batch.
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_SECONDS)
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",
            f"busy_timeout={int(LOCK_SECONDS * 1000)}",
            "cache_size=-65536",
            "temp_store=MEMORY",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        self._migrate()
        return self.conn

    def _applied(self) -> set[int]:
        """The migrations already applied (none if there is no migrations table yet)."""
        try:
            return {r[0] for r in self.conn.execute("SELECT version FROM migrations")}
        except sqlite3.OperationalError:
            return set()

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open without writing anything, migrations included; on read-only media (the
        folder cannot hold SQLite's WAL side files) as an immutable file."""
        file = Path(self.path)
        if not file.is_file():
            raise StoreError(
                "no store here (a read-only open does not create one)",
                input=self.path,
                hint="fill one with `newsgraph ingest SOURCES --db PATH`",
            )
        immutable = not os.access(file.parent, os.W_OK)
        uri = f"{file.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=LOCK_SECONDS)
        self.conn.execute(f"PRAGMA busy_timeout={int(LOCK_SECONDS * 1000)}")
        self.conn.execute("PRAGMA query_only=ON")
        self.conn.execute("SELECT max(version) FROM migrations").fetchall()  # a newsgraph store?
        return self.conn

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except (sqlite3.Error, OverflowError) as e:
            raise StoreError(f"{e} in: {sql[:120]}", input=self.path, hint=_hint(e)) from e

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except (sqlite3.Error, OverflowError) as e:
            raise StoreError(f"{e} in: {sql[:120]}", input=self.path, hint=_hint(e)) from e

    def _control(self, statement: str) -> None:
        """BEGIN, COMMIT or ROLLBACK, failing as a StoreError (a lock held too long, a full
        disk, a read-only file)."""
        try:
            self.conn.execute(statement)
        except sqlite3.Error as e:
            raise StoreError(
                f"{statement.split()[0]} failed: {e}", input=self.path, hint=_hint(e)
            ) from None

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
        if self.read_only:
            raise StoreError("the store is open read-only", input=self.path)
        self._control("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self._control("ROLLBACK")
            raise
        else:
            try:
                self._control("COMMIT")
            except StoreError:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        finally:
            self._depth = 0

    @contextmanager
    def writer(self) -> Iterator[None]:
        """One writer at a time: a second ingest or link on this file stops at once, naming
        the process that writes, instead of waiting on SQLite's lock batch after batch.

        The claim is an advisory lock on ``<store>.writer`` (released by the system when the
        process ends, however it ends). Re-entrant within one store object."""
        if self._writer_depth or self.path == ":memory:":
            self._writer_depth += 1
            try:
                yield
            finally:
                self._writer_depth -= 1
            return
        handle = _claim(Path(self.path + ".writer"), self.path)
        self._writer_depth = 1
        try:
            yield
        finally:
            self._writer_depth = 0
            handle.close()  # closing the file releases the lock

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
        if self._applied() >= {v for v, _, _ in migrations("sqlite")}:
            return  # up to date: opening writes nothing
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
                self._after_migration(version)
                self.conn.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now()),
                )


def _claim(lock: Path, store: str) -> IO[str]:
    """Take the writer lock file without waiting; a StoreError names the holder if taken."""
    try:
        handle = open(lock, "a+", encoding="utf-8")  # noqa: SIM115 - held until released
    except OSError as e:
        raise StoreError(f"cannot claim the store for writing: {_reason(e)}", input=store) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreError(
            f"another newsgraph process is writing to this store ({holder})",
            input=store,
            hint="SQLite takes one writer at a time: wait for it to finish, or use a "
            "PostgreSQL store for several writers",
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()} on {socket.gethostname()}, since {now()}\n")
    handle.flush()
    return handle


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError):
        return f"{e.strerror or e}: {e.filename}" if e.filename else str(e.strerror or e)
    return str(e)


def _hint(e: BaseException) -> str | None:
    """What to do about the SQLite errors users meet."""
    text = str(e).lower()
    if "locked" in text or "busy" in text:
        return f"another process held the store locked for over {LOCK_SECONDS} s; try again"
    if "full" in text or getattr(e, "errno", None) == errno.ENOSPC:
        return "the disk is full: free some space and run it again (committed batches are kept)"
    if "readonly" in text or "read-only" in text or isinstance(e, PermissionError):
        return "the store or its folder is not writable: give --db a writable path"
    if isinstance(e, OverflowError):
        return "a number is too large for the store"
    return None


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
