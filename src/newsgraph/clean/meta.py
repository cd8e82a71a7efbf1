"""Metadata as sources give it → the contract's forms: ISO dates, author lists."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

_ISO_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\|)\s*")


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime or an RFC 2822 date; None if unreadable."""
    if value is None:
        return None
    text = str(value).strip()
    if m := _ISO_START.match(text):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def split_authors(value: Any) -> tuple[str, ...]:
    """Authors from a list or a "A; B", "A, B and C" string, without duplicates.

    In a list, a ``{"name": …}`` mapping gives its name and a number its digits; anything
    else (None, booleans, nested lists or mappings without a name) is not an author.
    """
    if not value:
        return ()
    if isinstance(value, list | tuple):
        parts = [p.get("name") if isinstance(p, dict) else p for p in value]
    elif isinstance(value, str):
        parts = _AUTHOR_SPLIT.split(value)
    else:
        parts = [value]
    out: list[str] = []
    for part in parts:
        if isinstance(part, bool) or not isinstance(part, str | int | float):
            continue
        name = " ".join(str(part).split())
        if name and name not in out:
            out.append(name)
    return tuple(out)
