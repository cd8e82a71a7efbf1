"""Exports of a store: the article contract as JSONL, tables as CSV or Parquet, GDELT and
POLECAT TSV.

``export(store, fmt, out)`` writes to a file path, or to stdout when ``out`` is None,
and returns how many records it wrote.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ..errors import InputError
from ..store import Filters, Store
from .gdelt import GDELT_COLUMNS, gdelt_rows, write_gdelt
from .jsonl import write_jsonl
from .polecat import POLECAT_COLUMNS, polecat_rows, write_polecat
from .tabular import write_csv, write_parquet

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")


@contextmanager
def _text_out(out: str | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def export(
    store: Store,
    fmt: str,
    out: str | None,
    filters: Filters | None = None,
    *,
    table: str = "events",
) -> int:
    """Write the store (or the part ``filters`` selects) in ``fmt``; return the record count."""
    filters = filters or Filters(limit=0)
    if fmt == "parquet":
        if out is None:
            raise InputError("parquet needs an output file")
        return write_parquet(store, table, filters, out)
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with _text_out(out) as fh:
        if fmt == "jsonl":
            return write_jsonl(store, filters, fh)
        if fmt == "csv":
            return write_csv(store, table, filters, fh)
        if fmt == "polecat":
            return write_polecat(store, filters, fh)
        return write_gdelt(store, filters, fh)


__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "POLECAT_COLUMNS",
    "export",
    "gdelt_rows",
    "polecat_rows",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
    "write_parquet",
    "write_polecat",
]
