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

from pathlib import Path

from ..errors import StoreError
from .base import BatchResult, Store
from .query import APPLIES, KINDS, Filters, parse_dyad
from .rows import outlet_of


def open_store(url: str | Path = "newsgraph.db") -> Store:
    """Open (and create or migrate) the store at ``url``.

    ``url`` is a file path or ``sqlite:///path`` (SQLite), or ``postgresql://…`` /
    ``postgres://…`` (PostgreSQL).
    """
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise StoreError(
            "unknown store URL scheme; use a path, sqlite:///path or postgresql://…", input=text
        )
    from .sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = [
    "APPLIES",
    "KINDS",
    "BatchResult",
    "Filters",
    "Store",
    "open_store",
    "outlet_of",
    "parse_dyad",
]
