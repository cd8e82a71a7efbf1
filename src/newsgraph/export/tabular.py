"""CSV and Parquet exports of one kind of row (events, actors, articles, claims, clusters)."""

from __future__ import annotations

import csv
from typing import IO

from ..store import Filters, Store


def write_csv(store: Store, kind: str, filters: Filters, out: IO[str]) -> int:
    """Write the rows of ``kind`` as CSV with a header; return the row count."""
    columns, rows = store.table(kind, filters)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return len(rows)


def write_parquet(store: Store, kind: str, filters: Filters, path: str) -> int:
    """Write the rows of ``kind`` as a Parquet file; return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = store.table(kind, filters)
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    arrays = {}
    for c, values in data.items():
        # An all-NULL or empty column has no type to infer: make it a nullable string.
        arrays[c] = (
            pa.array(values)
            if any(v is not None for v in values)
            else pa.array(values, pa.string())
        )
    pq.write_table(pa.table(arrays), path)
    return len(rows)
