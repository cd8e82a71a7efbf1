"""CSV and Parquet exports of one kind of row (events, actors, articles, claims, clusters).

CSV is the query table as it is. Parquet carries Arrow types a reader need not guess:
dates are ``date32``, the ingestion time a UTC ``timestamp``, flags ``bool``, counts
``int64``, scores ``float64``, and lists (a cluster's outlets) ``list<string>``. Parquet
events also keep what the flat table leaves out: the mode, the contexts, and every actor and
recipient of an event (names, codes, countries aligned by position; sectors of the side).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Any

from ..store import Filters, Store
from .events import event_details, sectors_of

DATES = {"day", "date_start", "date_end", "published", "first_seen", "last_seen"} | {
    "day_first",
    "day_last",
}
TIMES = {"ingested_at"}
BOOLS = {"negated", "sourced"}
INTS = {"quad_class", "n_actors", "n_events", "n_claims", "articles", "mentions", "geonames_id"} | {
    "n_articles",
    "n_outlets",
    "n_independent",
}
FLOATS = {"goldstein", "confidence", "check_worthiness", "lat", "lon"}
LISTS = {"outlets", "contexts"} | {
    f"{side}{part}"
    for side in ("actor", "recipient")
    for part in ("s", "_codes", "_countries", "_sectors")
}
EVENT_EXTRAS = (
    "mode", "contexts",
    "actors", "actor_codes", "actor_countries", "actor_sectors",
    "recipients", "recipient_codes", "recipient_countries", "recipient_sectors",
)  # fmt: skip


def write_csv(store: Store, kind: str, filters: Filters, out: IO[str]) -> int:
    """Write the rows of ``kind`` as CSV with a header; return the row count."""
    columns, rows = store.table(kind, filters)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return len(rows)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _time(value: Any) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    return t.replace(tzinfo=t.tzinfo or dt.UTC) if t else None


def _list(value: Any) -> list[Any] | None:
    if value is None or isinstance(value, list):
        return value
    try:
        decoded = json.loads(value)
    except (TypeError, ValueError):
        return [str(value)]
    return [str(v) for v in decoded] if isinstance(decoded, list) else [str(decoded)]


def _arrow_column(name: str, values: list[Any]) -> Any:
    """One column as an Arrow array of the type its name says."""
    import pyarrow as pa

    if name in DATES:
        return pa.array([_date(v) for v in values], pa.date32())
    if name in TIMES:
        return pa.array([_time(v) for v in values], pa.timestamp("s", tz="UTC"))
    if name in BOOLS:
        return pa.array([None if v is None else bool(v) for v in values], pa.bool_())
    if name in INTS:
        return pa.array([None if v is None else int(v) for v in values], pa.int64())
    if name in FLOATS:
        return pa.array([None if v is None else float(v) for v in values], pa.float64())
    if name in LISTS:
        return pa.array([_list(v) for v in values], pa.list_(pa.string()))
    if any(v is not None for v in values):
        return pa.array(values)
    return pa.array(values, pa.string())  # no value to infer a type from


def _event_extras(store: Store, columns: list[str], rows: list[tuple[Any, ...]]) -> list[list[Any]]:
    """The EVENT_EXTRAS columns of event rows (keyed by article_id, event_id)."""
    a, e = columns.index("article_id"), columns.index("event_id")
    details = event_details(store, ((r[a], r[e]) for r in rows))
    out: list[list[Any]] = []
    for r in rows:
        d = details.get((r[a], r[e]))
        if d is None:
            out.append([None, [], [], [], [], [], [], [], [], []])
            continue
        sides = []
        for side in (d.actors, d.recipients):
            sides += [
                [p.name or p.code for p in side],
                [p.code for p in side],
                [p.country for p in side],
                sectors_of(side),
            ]
        out.append([d.event.mode, list(d.event.contexts), *sides])
    return out


def write_parquet(store: Store, kind: str, filters: Filters, path: str) -> int:
    """Write the rows of ``kind`` as a typed Parquet file; return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = store.table(kind, filters)
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    if kind == "events":
        extras = _event_extras(store, columns, rows)
        for i, c in enumerate(EVENT_EXTRAS):
            data[c] = [x[i] for x in extras]
    arrays = {c: _arrow_column(c, values) for c, values in data.items()}
    pq.write_table(pa.table(arrays), path)
    return len(rows)
