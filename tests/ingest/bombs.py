"""Hostile inputs built on the fly: gzip bombs, endless header lines, pathological lines.

Not a conftest.py (see ingest_support.py). Each builder streams its output through zlib,
so a bomb of a gigabyte costs the test a few megabytes of memory and disk.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GiB = 1 << 30
_BLOCK = 1 << 20


def gzip_member(prefix: bytes, filler: bytes, size: int, suffix: bytes = b"") -> bytes:
    """One gzip member: ``prefix``, then ``size`` bytes of ``filler`` repeated, ``suffix``.

    Built in about a second per GiB: a 1 MiB block is deflated once after a full flush
    (which makes it independent of what came before) and that unit is repeated.
    """
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", z.compress(prefix)]
    out.append(z.flush(zlib.Z_FULL_FLUSH))
    crc = zlib.crc32(prefix)
    block = (filler * (_BLOCK // len(filler) + 1))[:_BLOCK]
    unit = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    whole, rest = divmod(size, _BLOCK)
    out.append(unit * whole)
    for _ in range(whole):
        crc = zlib.crc32(block, crc)
    out.append(z.compress(block[:rest]) + z.compress(suffix) + z.flush())
    crc = zlib.crc32(suffix, zlib.crc32(block[:rest], crc))
    length = len(prefix) + size + len(suffix)
    out.append(struct.pack("<II", crc & 0xFFFFFFFF, length & 0xFFFFFFFF))
    return b"".join(out)


def jsonl_bomb(path: Path, size: int = GiB, *, around: bool = True) -> Path:
    """A .jsonl.gz whose middle line is ``size`` zero bytes (no newline in it)."""
    good = json.dumps({"title": "Before", "text": "The first article of the dump."}) + "\n"
    after = json.dumps({"title": "After", "text": "The last article of the dump."}) + "\n"
    data = gzip_member(good.encode() if around else b"", b"\0", size)
    if around:
        data += gzip.compress(b"\n" + after.encode())
    path.write_bytes(data)
    return path


def jsonl_many_lines_bomb(path: Path, size: int = GiB) -> Path:
    """A .jsonl.gz of two articles, ``size`` bytes of short blank lines (each under any
    per-line cap: only a budget on the whole dump stops it), then one more article."""
    first = "".join(
        json.dumps({"title": f"Story {i}", "text": f"Body of story {i}."}) + "\n" for i in (1, 2)
    )
    last = json.dumps({"title": "Story 3", "text": "Body of story 3."}) + "\n"
    path.write_bytes(gzip_member(first.encode(), b" " * 1023 + b"\n", size, last.encode()))
    return path


def pathological_jsonl(path: Path) -> Path:
    """Five articles, with a 100,000-deep line and a 100,000-digit number between them."""
    rows = [json.dumps({"title": f"Story {i}", "text": f"Body of story {i}."}) for i in range(5)]
    rows.insert(2, "[" * 100_000 + "]" * 100_000)
    rows.insert(4, '{"text": "x", "n": ' + "9" * 100_000 + "}")
    path.write_text("\n".join(rows) + "\n")
    return path


def warc_record(uri: str, html: bytes) -> bytes:
    """One gzipped WARC response record holding ``html``."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=headers)
    )
    return buf.getvalue()


def warc_header_bomb(path: Path, size: int = GiB, page: bytes = b"") -> int:
    """Write a .warc.gz: a good record, a record whose header line is ``size`` bytes of "A"
    (in its own gzip member), then another good record if ``page`` is given. Returns the
    bomb record's offset."""
    data = warc_record("https://news.example.org/first", page) if page else b""
    offset = len(data)
    data += gzip_member(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ", b"A", size)
    if page:
        data += warc_record("https://news.example.org/last", page)
    path.write_bytes(data)
    return offset


def warc_payload_bomb(path: Path, size: int = GiB) -> Path:
    """A .warc.gz whose one response record declares and holds ``size`` bytes of HTML."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http) + 6 + size).encode() + b"\r\n\r\n" + http + b"<html>"
    )
    path.write_bytes(gzip_member(head, b" ", size, b"\r\n\r\n"))
    return path


def deep_html(depth: int, paragraphs: str) -> str:
    """A page whose article sits ``depth`` elements deep."""
    return (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + paragraphs
        + "</div>" * depth
        + "</body></html>"
    )
