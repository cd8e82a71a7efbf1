"""JSONL dumps: one article per line, gzipped or not, read as a stream.

Fields: ``text`` (a clean body) or ``html`` (a page), and optional ``title``, ``url``,
``published`` or ``date``, ``source`` or ``source_url``, ``authors`` (a list or a string).
A bad line becomes a Failure naming ``file:line``; the lines after it are still read.
The size cap applies per line, so a dump may be far larger than one article.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..records import Failure
from .base import RawInput

_STR_FIELDS = ("title", "url")


def _failure(origin: str, reason: str) -> Failure:
    return Failure(input=origin, stage="ingest", code="input", reason=reason)


def record_to_raw(obj: Any, origin: str) -> RawInput:
    """One parsed JSON object as a RawInput; raise InputError if it holds no article."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", input=origin)
    meta: dict[str, Any] = {}
    for key in _STR_FIELDS:
        if isinstance(obj.get(key), str) and obj[key].strip():
            meta[key] = obj[key].strip()
    published = obj.get("published") or obj.get("date")
    if isinstance(published, str) and published.strip():
        meta["published"] = published.strip()
    source = obj.get("source") or obj.get("source_url")
    if isinstance(source, str) and source.strip():
        meta["source"] = source.strip()
    authors = obj.get("authors")
    if isinstance(authors, str | list):
        meta["authors"] = authors
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return RawInput(origin=origin, kind="record", data=text, meta=meta)
    if isinstance(html, str) and html.strip():
        return RawInput(origin=origin, kind="html", data=html, meta=meta)
    raise InputError("the record has no non-empty 'text' or 'html' field", input=origin)


def iter_jsonl_lines(
    lines: Iterable[bytes], name: str, settings: Settings
) -> Iterator[RawInput | Failure]:
    """Articles from JSONL lines; each bad line becomes a Failure naming ``name:line``."""
    seen_any = False
    lineno = 0
    it = iter(lines)
    while True:
        try:
            line = next(it)
        except StopIteration:
            break
        except EOFError:
            yield _failure(
                f"{name}:{lineno + 1}",
                f"truncated gzip data: the file ends early after line {lineno}",
            )
            return
        except (gzip.BadGzipFile, zlib.error, OSError) as e:
            yield _failure(f"{name}:{lineno + 1}", f"corrupt gzip data: {e}")
            return
        lineno += 1
        origin = f"{name}:{lineno}"
        if not line.strip():
            continue
        seen_any = True
        if len(line) > settings.max_bytes:
            yield _failure(
                origin, f"line is {len(line):,} bytes, over the {settings.max_bytes:,}-byte limit"
            )
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as e:
            yield _failure(origin, f"not valid UTF-8 (byte {e.start} of the line)")
            continue
        except json.JSONDecodeError as e:
            yield _failure(origin, f"not valid JSON: {e.msg} at column {e.colno}")
            continue
        try:
            yield record_to_raw(obj, origin)
        except InputError as e:
            yield _failure(origin, e.reason)
    if not seen_any:
        raise InputError("empty JSONL file: no article lines", input=name)
