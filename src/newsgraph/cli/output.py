"""How the corpus commands print rows: a terminal table, JSON or CSV, and what was left out.

Data goes to stdout; a note on stderr says when ``--limit`` cut the rows short, so a
file of the first 50 rows is never taken for the whole answer. CSV always has its header.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

# The columns a terminal table shows (json and csv carry every column).
TABLE_COLUMNS = {
    "events": (
        "day",
        "plover",
        "cameo",
        "actor_name",
        "actor_code",
        "recipient_name",
        "recipient_code",
        "outlet",
        "evidence",
    ),
    "actors": (
        "name",
        "code",
        "country",
        "type",
        "articles",
        "mentions",
        "first_seen",
        "last_seen",
    ),
    "articles": ("id", "published", "outlet", "title", "n_actors", "n_events", "n_claims"),
    "claims": ("published", "outlet", "sourced", "certainty", "speaker", "sentence"),
    "clusters": (
        "plover",
        "actor",
        "recipient",
        "day_first",
        "day_last",
        "n_articles",
        "n_outlets",
        "outlets",
    ),
    "failures": ("input", "stage", "code", "reason", "attempts", "last_seen"),
}


def write_rows(
    columns: Sequence[str], tuples: Sequence[Sequence[Any]], fmt: str, kind: str
) -> None:
    """Rows to stdout as ``fmt`` (table, json, csv); CSV has its header even with no rows."""
    rows = [dict(zip(columns, row, strict=True)) for row in tuples]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        w.writerows(tuples)
    else:
        from rich.console import Console
        from rich.table import Table

        console = Console()
        if not console.is_terminal:
            console = Console(width=200)  # piped: do not squeeze the table into 80 columns
        if not rows:
            console.print(f"no {kind}", highlight=False)
            return
        columns = [c for c in TABLE_COLUMNS.get(kind, tuple(rows[0])) if c in rows[0]]
        table = Table(*columns, title=f"{kind} ({len(rows)} row(s))")
        for r in rows:
            table.add_row(*(_cell(r[c]) for c in columns))
        console.print(table)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    text = " ".join(str(v).split())
    return text if len(text) <= 80 else text[:79] + "…"


def truncation_note(shown: int, offset: int, total: int) -> str | None:
    """The note for stderr when ``--limit`` left rows out ("50 of 322 rows; …"), else None."""
    if offset + shown >= total:
        return None
    if offset:
        return f"rows {offset + 1}-{offset + shown} of {total}; --limit 0 for all"
    return f"{shown} of {total} rows; --limit 0 for all"
