"""Rows as a CSV download: the same rows, filters and order as the JSON page."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """RFC 4180 CSV with a header row; lists joined with '; ', null as empty."""
    cols = list(columns or (rows[0].keys() if rows else ()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in cols])
    return out.getvalue()


def csv_response(
    rows: Sequence[dict[str, Any]],
    name: str,
    headers: dict[str, str] | None = None,
    columns: Sequence[str] | None = None,
) -> Response:
    """A ``text/csv`` attachment named ``<name>.csv`` (the header row even with no rows)."""
    return Response(
        csv_text(rows, columns),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"', **(headers or {})},
    )


__all__ = ["csv_response", "csv_text"]
