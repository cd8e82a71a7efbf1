"""JSONL export: one ``newsgraph.article/1`` document per line, exactly as analysed."""

from __future__ import annotations

from typing import IO

from ..store import Filters, Store


def write_jsonl(store: Store, filters: Filters, out: IO[str]) -> int:
    """Write the stored JSON of every matching article, one per line, in storage order.

    The stored text is what ``newsgraph analyze --format jsonl`` printed for the article,
    so the lines are byte-equal to it.
    """
    n = 0
    for doc in store.iter_json(filters):
        out.write(doc)
        out.write("\n")
        n += 1
    return n
