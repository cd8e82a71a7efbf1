"""Dispatch a RawInput to the right cleaner and build the Article."""

from __future__ import annotations

from ..config import Settings
from ..errors import InputError
from ..ingest.base import RawInput
from ..records import Analysis, Article


def _decode(raw: RawInput) -> str:
    if isinstance(raw.data, str):
        return raw.data
    try:
        return raw.data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not valid UTF-8 (byte {e.start})", input=raw.origin) from None


def clean(raw: RawInput, settings: Settings, published: str | None = None, url: str | None = None) -> Analysis:
    """The cleaned article of one raw input: title, body, metadata and what was removed."""
    text = _decode(raw)
    lines = text.strip().splitlines()
    if not lines:
        raise InputError("empty input", input=raw.origin)
    title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
    if not body:
        raise InputError("no article body after the title line", input=raw.origin)
    article = Article(
        id=Article.make_id(body, title),
        text=body,
        title=title,
        url=url or raw.meta.get("url"),
        published=published or raw.meta.get("published"),
        language="en",
        origin=raw.origin,
    )
    return Analysis(article=article)
