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
from pathlib import Path

from ..errors import StoreError
from .base import BatchResult, Store
from .query import APPLIES, KINDS, Filters, parse_dyad
from .rows import outlet_of
from .visual import GraphFilters


def open_store(url: str | Path = "newsgraph.db", *, read_only: bool | None = False) -> Store:
    """Open (and create or migrate) the store at ``url``.

    ``url`` is a file path or ``sqlite:///path`` (SQLite), or ``postgresql://…`` /
    ``postgres://…`` (PostgreSQL). ``read_only=True`` writes nothing, migrations
    included (the store must exist); ``None`` opens read-only when the SQLite file is not
    writable (read-only media, another user's file) and as usual otherwise.
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

    if read_only is None:
        read_only = not_writable(text)
    return SQLiteStore(text, read_only=read_only)


def not_writable(path: str) -> bool:
    """Whether an existing SQLite file (or the folder its journal goes in) cannot be written."""
    file = Path(path)
    return file.is_file() and not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK))


__all__ = [
    "APPLIES",
    "KINDS",
    "BatchResult",
    "Filters",
    "GraphFilters",
    "Store",
    "open_store",
    "outlet_of",
    "parse_dyad",
]
