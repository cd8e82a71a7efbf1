"""JSONL dumps: one article per line, gzipped or not, read as a stream.

Fields: ``text`` (a clean body) or ``html`` (a page), and optional ``title``, ``url``,
``published`` or ``date``, ``source`` or ``source_url``, ``authors`` (a list or a string).
A bad line becomes a Failure naming ``file:line``; the lines after it are still read.

The size cap (``max_bytes``) applies per line, to the decompressed bytes, while reading: a
line is read with ``readline(max_bytes + 1)``, so a longer one (a gzip bomb is one endless
line) is never held in memory — it becomes a Failure and the rest of it is skipped in
small pieces. A dump may therefore be far larger than one article, up to
``max_dump_bytes`` decompressed in all: past that (a bomb of many short lines), the line
where the budget ran out is a Failure and the rest of the file is not read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from ..config import Settings
from ..errors import InputError
from ..records import Failure
from .base import RawInput

_STR_FIELDS = ("title", "url")
_SKIP_CHUNK = 64 * 1024


def _failure(origin: str, reason: str) -> Failure:
    return Failure(input=origin, stage="ingest", code="input", reason=reason)


def _authors(value: Any) -> str | list[str] | None:
    """Author names as strings: numbers stringified, ``{"name": …}`` read, others dropped."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    names = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            continue
        name = " ".join(str(item).split())
        if name:
            names.append(name)
    return names or None


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
    if authors := _authors(obj.get("authors")):
        meta["authors"] = authors
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return RawInput(origin=origin, kind="record", data=text, meta=meta)
    if isinstance(html, str) and html.strip():
        return RawInput(origin=origin, kind="html", data=html, meta=meta)
    raise InputError("the record has no non-empty 'text' or 'html' field", input=origin)


def _skip_rest_of_line(stream: IO[bytes], room: int) -> int:
    """Read past the end of the current line in small pieces (nothing is kept), or until
    more than ``room`` bytes are read; the number of bytes read."""
    read = 0
    while read <= room:
        piece = stream.readline(_SKIP_CHUNK)
        read += len(piece)
        if not piece or piece.endswith(b"\n"):
            break
    return read


def _parse(line: bytes, origin: str) -> RawInput | Failure:
    """One line as a RawInput, or a Failure naming ``origin`` — whatever the line holds."""
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as e:
        return _failure(origin, f"not valid UTF-8 (byte {e.start} of the line)")
    except json.JSONDecodeError as e:
        return _failure(origin, f"not valid JSON: {e.msg} at column {e.colno}")
    except RecursionError:
        return _failure(origin, "not readable JSON: nested too deeply")
    except ValueError as e:
        # e.g. an integer of more than 4,300 digits (Python's int_max_str_digits)
        return _failure(origin, f"not readable JSON: {e}")
    try:
        return record_to_raw(obj, origin)
    except InputError as e:
        return _failure(origin, e.reason)


def iter_jsonl_lines(
    stream: IO[bytes], name: str, settings: Settings
) -> Iterator[RawInput | Failure]:
    """Articles from a JSONL stream; each bad line becomes a Failure naming ``name:line``."""
    cap, budget = settings.max_bytes, settings.max_dump_bytes
    seen_any = False
    lineno = 0
    total = 0  # decompressed bytes read from the dump so far
    while True:
        try:
            line = stream.readline(cap + 1)
            total += len(line)
            if len(line) > cap and not line.endswith(b"\n"):
                total += _skip_rest_of_line(stream, budget - total)
        except EOFError:
            yield _failure(
                f"{name}:{lineno + 1}",
                f"truncated gzip data: the file ends early after line {lineno}",
            )
            return
        except (gzip.BadGzipFile, zlib.error, OSError) as e:
            yield _failure(f"{name}:{lineno + 1}", f"corrupt gzip data: {e}")
            return
        if not line:
            break
        lineno += 1
        origin = f"{name}:{lineno}"
        if total > budget:
            yield _failure(
                origin,
                f"the dump is over the {budget:,}-byte limit once decompressed "
                "(max_dump_bytes); the rest of the file is not read",
            )
            return
        if not line.strip():
            continue
        seen_any = True
        if len(line.rstrip(b"\r\n")) > cap:
            yield _failure(origin, f"record larger than {cap:,} bytes (the max_bytes limit)")
            continue
        yield _parse(line, origin)
    if not seen_any:
        raise InputError("empty JSONL file: no article lines", input=name)
