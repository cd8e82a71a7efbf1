"""RSS and Atom feeds (a file or a URL): each entry becomes an article.

Policy for an entry's body, decided here once:
- an entry whose ``content`` (or summary) holds at least :data:`FULL_TEXT_CHARS`
  characters of text is taken as the full article (kind "fragment": all body, no chrome);
- otherwise, when the feed itself was fetched from a URL, the entry's link is fetched
  under the same limits as any URL (timeout, size cap, private-address check) and the
  page goes through HTML extraction, with the entry's metadata as fallback;
- otherwise (a feed read from a file or stdin: newsgraph then makes no network requests
  of its own) the entry becomes a Failure saying its summary is too short to analyse.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from ..config import Settings
from ..errors import FetchError, InputError
from ..records import Failure
from .base import RawInput
from .fetch import fetch

log = logging.getLogger(__name__)

FULL_TEXT_CHARS = 500  # an entry body shorter than this is a teaser, not an article

_TAG = re.compile(r"<[^>]*>")


def _text_len(html: str) -> int:
    return len(" ".join(_TAG.sub(" ", html).split()))


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date().isoformat()
    return None


def _meta(entry: Any, feed_title: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if entry.get("title"):
        meta["title"] = " ".join(str(entry["title"]).split())
    if entry.get("link"):
        meta["url"] = entry["link"]
    if published := _date(entry):
        meta["published"] = published
    names = [a.get("name") for a in entry.get("authors") or () if a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    if names:
        meta["authors"] = names
    if feed_title:
        meta["source"] = feed_title
    return meta


def _body(entry: Any) -> tuple[str, str]:
    """The longest body the entry carries, and whether it is HTML or plain text."""
    candidates = [
        (c.get("value") or "", c.get("type") or "text/html") for c in entry.get("content") or ()
    ]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    if not candidates:
        return "", "text/html"
    return max(candidates, key=lambda c: _text_len(c[0]))


def parse_feed(
    data: bytes, origin: str, settings: Settings, *, from_url: bool
) -> Iterator[RawInput | Failure]:
    """Articles from a feed document; raise InputError if it is not a readable feed."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo:
        # a broken feed may still yield entries; keep those that carry something
        parsed.entries = [e for e in parsed.entries if e.get("link") or _body(e)[0].strip()]
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(
                f"not a valid RSS/Atom feed: {parsed.get('bozo_exception')}", input=origin
            )
        raise InputError("the feed has no entries", input=origin)
    if parsed.bozo:
        log.info(
            "%s: feed is not well-formed (%s); reading its %d entries anyway",
            origin,
            parsed.get("bozo_exception"),
            len(parsed.entries),
        )
    feed_title = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{i}"
        meta = _meta(entry, feed_title)
        body, media_type = _body(entry)
        if _text_len(body) >= FULL_TEXT_CHARS:
            kind = "record" if media_type == "text/plain" else "fragment"
            yield RawInput(origin=where, kind=kind, data=body, meta=meta)
            continue
        link = meta.get("url")
        if from_url and link:
            try:
                page = fetch(link, settings)
            except FetchError as e:
                yield Failure(
                    input=where,
                    stage="ingest",
                    code=e.code,
                    reason=f"entry link {link}: {e.reason}",
                )
                continue
            yield RawInput(
                origin=f"{where} {page.url}",
                kind="html",
                data=page.content,
                meta={**meta, "url": page.url},
            )
            continue
        why = (
            "its link is fetched only for feeds read from a URL"
            if link
            else "it has no link to fetch"
        )
        yield Failure(
            input=where,
            stage="ingest",
            code="input",
            reason=f"entry has only {_text_len(body)} characters of text "
            f"(under {FULL_TEXT_CHARS}) and {why}",
        )
