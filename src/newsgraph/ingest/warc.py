"""WARC archives (``.warc``, ``.warc.gz``): HTTP response records holding HTML pages.

(Old ARC files are not read: warcio's ARC reader takes almost any text for a record.)

Other records (requests, metadata, images, scripts, redirects, errors) are not articles
and are passed over. A record that cannot be read becomes a Failure naming
``file:offset``; since a WARC cannot be re-synchronised after a broken record, reading
that file stops there (records before it were already yielded).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Settings
from ..errors import InputError
from ..records import Failure
from .base import RawInput

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: IO[bytes], name: str, settings: Settings) -> Iterator[RawInput | Failure]:
    """HTML responses of a WARC stream, in file order."""
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if (
        hasattr(stream, "peek")
        and not head.lstrip().upper().startswith(b"WARC/")
        and head[:2] != b"\x1f\x8b"
    ):
        raise InputError("not a WARC file: it does not start with a WARC/1.x header", input=name)
    records = ArchiveIterator(stream)
    found_any = False
    offset = 0
    try:
        for record in records:
            found_any = True
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
                log.debug("%s: skipping %s %s (%s)", name, status, ctype, uri)
                continue
            try:
                body = _read_body(record, settings.max_bytes)
            except Exception as e:  # noqa: BLE001 - warcio raises many kinds on bad data
                yield Failure(
                    input=f"{name}:{offset}",
                    stage="ingest",
                    code="input",
                    reason=f"cannot read the record body: {e}",
                )
                return
            # warcio's offset must be asked for after the body is read (asking first
            # consumes the body stream)
            offset = records.get_record_offset()
            where = f"{name}:{offset}"
            if body is None:
                yield Failure(
                    input=where,
                    stage="ingest",
                    code="input",
                    reason=f"record body is over the {settings.max_bytes:,}-byte limit",
                )
                continue
            meta = {"url": uri} if uri else {}
            yield RawInput(origin=where, kind="html", data=body, meta=meta)
    except ArchiveLoadFailed as e:
        if not found_any:
            raise InputError(f"not a readable WARC file: {_first_line(e)}", input=name) from None
        yield Failure(
            input=f"{name}:{offset}",
            stage="ingest",
            code="input",
            reason=f"malformed WARC record after this offset: {_first_line(e)}",
        )
    except (EOFError, OSError, ValueError) as e:
        yield Failure(
            input=f"{name}:{offset}",
            stage="ingest",
            code="input",
            reason=f"WARC file is truncated or corrupt: {e}",
        )
    if not found_any:
        raise InputError("empty WARC file: no records", input=name)


def _read_body(record: object, limit: int) -> bytes | None:
    """The record's decoded payload, or None if it is over ``limit`` bytes."""
    stream = record.content_stream()  # type: ignore[attr-defined]
    body = bytearray()
    while chunk := stream.read(65536):
        body += chunk
        if len(body) > limit:
            return None
    if getattr(getattr(record, "raw_stream", None), "limit", 0):
        # the record's declared length was not reached: the file ends inside it
        raise EOFError("the file ends inside this record (truncated download or gzip)")
    return bytes(body)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
