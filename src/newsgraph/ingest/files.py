"""Reading bytes from disk or stdin within the size cap, gzip, and telling kinds apart.

A kind is what reader understands the bytes: "text" (scraped plain text), "html",
"jsonl", "feed" or "warc". The file name decides where it is explicit; otherwise the first
bytes are sniffed.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import IO, cast

from ..config import Settings
from ..errors import InputError

GZIP_MAGIC = b"\x1f\x8b"

_SUFFIX_KIND = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
}  # fmt: skip


def is_gzip_file(path: Path) -> bool:
    """True if the file starts with the gzip magic bytes (whatever its name)."""
    with path.open("rb") as f:
        return f.read(2) == GZIP_MAGIC


def open_maybe_gzip(path: Path) -> IO[bytes]:
    """The file's bytes as a stream, gunzipped on the fly if it is gzip."""
    if is_gzip_file(path):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_capped(stream: IO[bytes], limit: int, origin: str) -> bytes:
    """Read the whole stream, refusing more than ``limit`` bytes (gzip errors named)."""
    try:
        data = stream.read(limit + 1)
    except EOFError:
        raise InputError(
            "truncated gzip data (the compressed stream ends early)", input=origin
        ) from None
    except (gzip.BadGzipFile, zlib.error) as e:
        raise InputError(f"corrupt gzip data: {e}", input=origin) from None
    if len(data) > limit:
        raise InputError(
            f"content is over the {limit:,}-byte limit",
            input=origin,
            hint="raise NEWSGRAPH_MAX_BYTES if this is really one article",
        )
    return data


def gunzip(data: bytes, limit: int, origin: str) -> bytes:
    """Decompress gzip data (all members), refusing more than ``limit`` bytes of output.

    zlib checks each member's trailer (CRC and length), so a file cut anywhere — even in
    the last 8 bytes, which Python's gzip module lets pass — is reported as truncated.
    """
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=31)
        try:
            chunk = rest
            while chunk:
                out += d.decompress(chunk, limit + 1 - len(out))
                if len(out) > limit:
                    raise InputError(
                        f"content is over the {limit:,}-byte limit once decompressed",
                        input=origin,
                        hint="raise NEWSGRAPH_MAX_BYTES if this is really one article",
                    )
                chunk = d.unconsumed_tail
        except zlib.error as e:
            raise InputError(f"corrupt gzip data: {e}", input=origin) from None
        if not d.eof:
            raise InputError("truncated gzip data (the compressed stream ends early)", input=origin)
        rest = d.unused_data.lstrip(b"\x00")  # padding between members is allowed
    return bytes(out)


def read_file(path: Path, settings: Settings) -> bytes:
    """A whole (possibly gzipped) file, within ``settings.max_bytes`` once decompressed."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {settings.max_bytes:,}-byte limit",
                input=origin,
                hint="raise NEWSGRAPH_MAX_BYTES if this is really one article",
            )
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}", input=origin) from None
    return gunzip(data, settings.max_bytes, origin) if data[:2] == GZIP_MAGIC else data


def strip_gz(name: str) -> str:
    """The file name without a trailing .gz / .gzip."""
    lower = name.lower()
    for ext in (".gz", ".gzip"):
        if lower.endswith(ext):
            return name[: -len(ext)]
    return name


def kind_from_name(name: str) -> str | None:
    """The kind a file name declares (``page.html.gz`` → html), or None if it says nothing."""
    return _SUFFIX_KIND.get(Path(strip_gz(name)).suffix.lower())


def sniff(head: bytes) -> str:
    """Guess a kind from the first bytes of a document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    lower = start.lower()
    if lower.startswith(b"warc/"):
        return "warc"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:512]:
        return "html"
    if lower.startswith(b"<?xml") or lower.startswith((b"<rss", b"<feed", b"<rdf")):
        if any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
            return "feed"
        if b"<html" in lower:
            return "html"
        return "feed"
    if start.startswith(b"{"):
        return "jsonl"
    if lower.startswith((b"<head", b"<body", b"<meta", b"<div", b"<article", b"<!--")):
        return "html"
    return "text"
