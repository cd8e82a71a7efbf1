"""The corpus store: one small interface, SQLite by default, PostgreSQL by URL.

    from newsgraph.store import open_store, Filters
    with open_store("newsgraph.db") as store:
        store.write_batch(analyses, failures)          # one transaction
        store.events(Filters(dyad=("RUS", "CHN"), plover="CONSULT"))
        store.actor_profile("Vladimir Putin")          # the web's aggregate reads

Both back-ends have the same tables and columns (``migrations/<dialect>/``), record the
migrations they applied in a ``migrations`` table, and bind every value as a parameter.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from ..errors import StoreError
from .base import BatchResult, Store
from .outlets import Outlet, outlet_of, registered_domain
from .query import APPLIES, DEFAULT_SORT, FACETS, KINDS, SORTS, Filters, parse_dyad
from .visual import GraphFilters


def open_store(
    url: str | Path = "newsgraph.db", *, read_only: bool | None = False, create: bool = True
) -> Store:
    """Open (and create or migrate) the store at ``url``.

    ``url`` is a file path or ``sqlite:///path`` (SQLite), or ``postgresql://…`` /
    ``postgres://…`` (PostgreSQL). ``read_only=True`` writes nothing, migrations
    included (the store must exist); ``None`` opens read-only when the SQLite file is not
    writable (read-only media, another user's file) and as usual otherwise.
    ``create=False`` refuses a SQLite path that holds no newsgraph store (no file, or a
    database without newsgraph's migrations table) instead of creating one there.
    """
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(text, read_only=bool(read_only))
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise StoreError(
            "unknown store URL scheme; use a path, sqlite:///path or postgresql://…", input=text
        )
    from .sqlite import SQLiteStore

    if not create and text != ":memory:":
        must_exist(text)
    if read_only is None:
        read_only = not_writable(text)
    return SQLiteStore(text, read_only=read_only)


def must_exist(path: str) -> None:
    """Raise a StoreError naming ``path`` unless it is a SQLite file with a newsgraph store."""
    hint = "fill one with `newsgraph ingest SOURCES --db PATH`"
    if not Path(path).is_file():
        raise StoreError("no store here; nothing was created", input=path, hint=hint)
    try:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            found = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
            ).fetchone()
    except sqlite3.Error as e:
        raise StoreError(f"not a SQLite store: {e}", input=path) from None
    if not found:
        raise StoreError("not a newsgraph store (no migrations table)", input=path, hint=hint)


def not_writable(path: str) -> bool:
    """Whether an existing SQLite file (or the folder its journal goes in) cannot be written."""
    file = Path(path)
    return file.is_file() and not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK))


__all__ = [
    "APPLIES",
    "DEFAULT_SORT",
    "FACETS",
    "KINDS",
    "SORTS",
    "BatchResult",
    "Filters",
    "GraphFilters",
    "Store",
    "open_store",
    "Outlet",
    "outlet_of",
    "registered_domain",
    "parse_dyad",
]
