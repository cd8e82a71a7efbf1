"""The dispatcher: from a named source (path, directory, URL, ``-``) to its reader."""

from __future__ import annotations

import gzip
import io
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, cast

from ..config import Settings
from ..errors import InputError
from ..records import Failure
from .base import RawInput, guard
from .feeds import parse_feed
from .fetch import fetch, is_url
from .files import (
    GZIP_MAGIC,
    kind_from_name,
    open_maybe_gzip,
    read_capped,
    read_file,
    sniff,
)
from .jsonl import iter_jsonl_lines
from .streams import gunzip_head, read_head, refuse_endless, with_head
from .warc import iter_warc

STDIN = "-"
STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 4096
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _check_content(data: bytes, origin: str) -> None:
    if not data.strip():
        raise InputError("empty input" if data else "empty file", input=origin)
    if b"\x00" in data[:65536] and not data.startswith(_UTF16_BOMS):
        raise InputError("binary data (NUL bytes), not text or HTML", input=origin)


def _from_bytes(
    data: bytes, origin: str, kind: str, settings: Settings, *, from_url: bool
) -> Iterator[RawInput | Failure]:
    """Articles from a whole document already in memory."""
    if kind == "warc":
        yield from iter_warc(io.BufferedReader(io.BytesIO(data)), origin, settings)
        return
    _check_content(data, origin)
    if data.startswith(_UTF16_BOMS):
        # UTF-16 text is full of NUL bytes: decode it here so every reader sees text
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"not valid UTF-16 (byte {e.start})", input=origin) from None
        data = decoded.encode("utf-8")
        if kind == "text":
            kind = sniff(data[:_SNIFF_BYTES])
        if kind == "html":
            # as str, so a <meta charset="utf-16"> cannot make the cleaner misread it
            yield RawInput(origin=origin, kind=kind, data=decoded)
            return
    if kind == "jsonl":
        yield from iter_jsonl_lines(io.BytesIO(data), origin, settings)
    elif kind == "feed":
        yield from parse_feed(data, origin, settings, from_url=from_url)
    else:
        yield RawInput(origin=origin, kind=kind, data=data)


def _head(path: Path) -> bytes:
    """The first bytes of a file (gunzipped), or b"" if they cannot be read: the full read
    that follows reports why, with the right words (truncated, corrupt, permission…)."""
    try:
        with open_maybe_gzip(path) as f:
            return f.read(_SNIFF_BYTES)
    except (EOFError, OSError, zlib.error):
        return b""


def _from_path(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    origin = str(path)
    if path.is_dir():
        children = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not children:
            raise InputError("directory holds no files", input=origin)
        for child in children:
            yield from guard(str(child), partial(_from_path, child, settings))
        return
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("no such file or directory", input=origin) from None
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}", input=origin) from None
    if not stat.S_ISREG(st.st_mode):
        # a pipe (<(zcat …)), a terminal or a device: no size to trust, read only once
        refuse_endless(st, origin)
        try:
            with path.open("rb", buffering=0) as f:
                yield from _from_stream(f, origin, settings, kind_from_name(path.name))
        except OSError as e:
            raise InputError(f"cannot read file: {e.strerror or e}", input=origin) from None
        return
    kind = kind_from_name(path.name) or sniff(_head(path))
    if kind in ("jsonl", "warc"):
        # dumps and archives are streamed: the size cap applies per article, not per file
        try:
            with open_maybe_gzip(path) if kind == "jsonl" else path.open("rb") as f:
                if kind == "jsonl":
                    yield from iter_jsonl_lines(f, origin, settings)
                else:
                    yield from iter_warc(f, origin, settings)
        except OSError as e:
            raise InputError(f"cannot read file: {e.strerror or e}", input=origin) from None
        return
    data = read_file(path, settings)
    if kind == "text" and not kind_from_name(path.name):
        kind = sniff(data[:_SNIFF_BYTES])
    yield from _from_bytes(data, origin, kind, settings, from_url=False)


def _from_url(url: str, settings: Settings) -> Iterator[RawInput | Failure]:
    page = fetch(url, settings)
    ctype = page.content_type
    if "html" in ctype:
        kind = "html"
    elif any(t in ctype for t in ("rss", "atom", "xml")):
        kind = "feed" if sniff(page.content[:_SNIFF_BYTES]) != "html" else "html"
    else:
        kind = kind_from_name(url.split("?", 1)[0].rsplit("/", 1)[-1]) or sniff(
            page.content[:_SNIFF_BYTES]
        )
    raws = _from_bytes(page.content, url, kind, settings, from_url=True)
    for raw in raws:
        if isinstance(raw, RawInput) and raw.kind == "html" and "url" not in raw.meta:
            raw = RawInput(raw.origin, raw.kind, raw.data, {**raw.meta, "url": page.url})
        yield raw


def _from_stream(
    stream: IO[bytes], origin: str, settings: Settings, kind: str | None = None
) -> Iterator[RawInput | Failure]:
    """Articles from a stream read once (stdin, a pipe, a device), sniffed from its head."""
    head = read_head(stream, _SNIFF_BYTES)
    whole: IO[bytes] = with_head(head, stream)
    compressed = head[:2] == GZIP_MAGIC
    plain_head = gunzip_head(head, _SNIFF_BYTES) if compressed else head
    kind = kind or sniff(plain_head)
    if kind == "warc":  # warcio reads gzip members itself
        yield from iter_warc(whole, origin, settings)
        return
    if compressed:
        whole = cast(IO[bytes], gzip.GzipFile(fileobj=whole, mode="rb"))
    elif plain_head:
        # refuse binary before reading max_bytes of it
        _check_content(plain_head + b"x", origin)
    if kind == "jsonl":
        yield from iter_jsonl_lines(whole, origin, settings)
        return
    data = read_capped(whole, settings.max_bytes, origin)
    if kind == "text":
        kind = sniff(data[:_SNIFF_BYTES])
    yield from _from_bytes(data, origin, kind, settings, from_url=False)


def _from_stdin(settings: Settings, stdin: IO[bytes] | None = None) -> Iterator[RawInput | Failure]:
    yield from _from_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN_NAME, settings)


def iter_inputs(sources: Iterable[str], settings: Settings) -> Iterator[RawInput | Failure]:
    """Every article in ``sources`` (paths, directories, URLs, ``-`` for stdin), in order."""
    for source in sources:
        if source == STDIN:
            yield from guard(STDIN_NAME, partial(_from_stdin, settings))
        elif is_url(source):
            yield from guard(source, partial(_from_url, source, settings))
        else:
            yield from guard(source, partial(_from_path, Path(source), settings))
