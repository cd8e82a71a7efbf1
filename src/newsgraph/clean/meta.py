"""Metadata as sources give it → the contract's forms: ISO dates, author lists."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

_ISO_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\|)\s*")


# Metadata dates in any written form ("March 20, 2023", "20/03/2023", epoch seconds), but
# only whole calendar days: "March 2023" and relative dates ("yesterday", "2 hours ago",
# relative to when?) are not a publication date.
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "TIMEZONE": "UTC",
}


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from a metadata date; None if it names no calendar day.

    ISO dates and datetimes keep the day they were written with (the publisher's own,
    whatever its offset), RFC 2822 dates (feeds, HTTP) likewise; anything else is read by
    dateparser (English, absolute dates only).
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if m := _ISO_START.match(text):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed:
        return parsed.date().isoformat()
    return _dateparser_day(text)


def _dateparser_day(text: str) -> str | None:
    import dateparser

    if len(text) > 200:  # a paragraph, not a date
        return None
    settings: Any = _DATEPARSER_SETTINGS
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date().isoformat() if found else None


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
