"""Dispatch a RawInput to the right cleaner and build the Article.

Metadata precedence: what the caller passes (``--published``, ``--url``) overrides; then
what the source says (JSONL fields, feed entry, WARC target URI); then what trafilatura
reads from the page.
"""

from __future__ import annotations

import logging
from typing import Any

from ..config import Settings
from ..errors import InputError, LanguageError, NewsgraphError
from ..ingest.base import RawInput
from ..records import Analysis, Article, Removed
from .chrome import remove_chrome
from .html import clean_html, fragment_to_text
from .language import MIN_CONFIDENCE, detect
from .meta import iso_date, split_authors

log = logging.getLogger(__name__)

TITLE_MAX_CHARS = 300  # a longer first line is a paragraph, not a title


def decode_text(data: bytes | str, origin: str) -> str:
    """Plain text from UTF-8 bytes (BOM dropped, line ends normalised); errors name the byte."""
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise InputError("binary data (NUL bytes), not text", input=origin)
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(
                f"not valid UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start}",
                input=origin,
                hint="convert the file to UTF-8, or give HTML so its charset is detected",
            ) from None
    return data.replace("\r\n", "\n").replace("\r", "\n")


def split_title(text: str) -> tuple[str | None, str]:
    """Scraped text's title (its first line) and the rest; no title if that line is prose."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if len(first) > TITLE_MAX_CHARS or not rest.strip():
        return None, stripped
    return first, rest


def _pieces(raw: RawInput) -> tuple[str, tuple[Removed, ...], dict[str, Any]]:
    """Body, removed chrome and found metadata of one raw input."""
    if raw.kind == "html":
        page = clean_html(raw.data, raw.origin, url=raw.meta.get("url"))
        found = {
            "title": page.title,
            "published": page.date,
            "authors": page.authors,
            "source": page.sitename,
            "url": page.url,
        }
        return page.text, page.removed, found
    text = decode_text(raw.data, raw.origin)
    if not text.strip():
        raise InputError("empty input: no text", input=raw.origin)
    if raw.kind == "fragment":
        text = fragment_to_text(text)
        body, removed = remove_chrome(text, raw.meta.get("title"))
        return body, removed, {}
    if raw.kind == "record":
        body, removed = remove_chrome(text, raw.meta.get("title"))
        return body, removed, {}
    if raw.kind == "text":
        title, rest = split_title(text)
        body, removed = remove_chrome(rest)
        return body, removed, {"title": title}
    raise InputError(f"unknown input kind {raw.kind!r}", input=raw.origin)


def check_language(text: str, origin: str, settings: Settings) -> str | None:
    """The body's language if it is analysed; raise LanguageError for other languages."""
    lang, prob = detect(text)
    if lang is None:
        return None
    if lang in settings.languages:
        return lang
    if prob >= MIN_CONFIDENCE:
        allowed = ", ".join(repr(x) for x in settings.languages)
        only = "only English is" if settings.languages == ("en",) else f"only {allowed} are"
        raise LanguageError(
            f"language is {lang!r} (confidence {prob:.2f}); {only} analysed", input=origin
        )
    log.info("%s: language unsure (%s at %.2f); analysing it anyway", origin, lang, prob)
    return None


def _published(values: list[Any], origin: str) -> str | None:
    """The first publication date the source or the page gives that reads as YYYY-MM-DD.

    A date that cannot be read is a warning naming the input; with none readable the
    article has no publication date, so the relative dates in its text stay unresolved.
    """
    for value in values:
        day = iso_date(value)
        if day:
            return day
        if value:
            log.warning(
                "%s: cannot read the publication date %r (not a calendar day); relative "
                "dates in the text are resolved only from a readable one (--published "
                "YYYY-MM-DD)",
                origin,
                str(value)[:100],
            )
    return None


def clean(
    raw: RawInput, settings: Settings, published: str | None = None, url: str | None = None
) -> Analysis:
    """The cleaned article of one raw input: title, body, metadata and what was removed."""
    try:
        body, removed, found = _pieces(raw)
    except NewsgraphError:
        raise
    except Exception as e:  # noqa: BLE001 - a cleaner's bug must not end the batch
        log.debug("cleaner crashed on %s", raw.origin, exc_info=True)
        raise InputError(
            f"cannot clean this input ({type(e).__name__}: {e}); please report it", input=raw.origin
        ) from e
    if not body.strip():
        raise InputError("no article body (only a title, or only page chrome)", input=raw.origin)
    meta = {**{k: v for k, v in found.items() if v}, **{k: v for k, v in raw.meta.items() if v}}
    language = check_language(body, raw.origin, settings)
    title = meta.get("title")
    if not published:
        published = _published([raw.meta.get("published"), found.get("published")], raw.origin)
    article = Article(
        id=Article.make_id(body, title),
        text=body,
        title=title,
        url=url or meta.get("url"),
        source=meta.get("source"),
        published=published,
        authors=split_authors(meta.get("authors")),
        language=language,
        origin=raw.origin,
    )
    return Analysis(article=article, removed=removed)
