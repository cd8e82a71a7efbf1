"""WARC archives (``.warc``, ``.warc.gz``): HTTP response records holding HTML pages.

(Old ARC files are not read: warcio's ARC reader takes almost any text for a record.)

Other records (requests, metadata, images, scripts, redirects, errors) are not articles
and are passed over. A record that cannot be read becomes a Failure naming
``file:offset``, the offset of that record's own first byte (compressed, in a .warc.gz).

Budgets, on decompressed data: a record's payload may hold ``max_bytes`` (more is a
Failure, and the record is skipped without being held); the header lines read in a row
(WARC headers, then HTTP headers) may hold ``max_header_bytes`` in all — warcio reads a
header line without limit, so a gzip bomb made of one endless header line would otherwise
take gigabytes. A record over its header budget is a Failure; in a .warc.gz (one gzip member
per record) reading goes on at the next member, while an uncompressed WARC cannot be
re-synchronised after a broken record and is read no further. The whole file may hold
``max_dump_bytes`` decompressed: past that, the record being read is a Failure and the
rest of the file is not read.

warcio writes its own warnings to stderr; here they become newsgraph's: gzip data that
stops inflating inside a record is an error of that record (warcio printed it and read
on as if the record ended there), and a record not followed by its blank lines (a wrong
Content-Length) a one-line warning naming ``file:offset``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from ..config import Settings
from ..errors import InputError
from ..records import Failure
from .base import RawInput

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65536


class _HeadersTooLarge(Exception):
    pass


class _DumpTooLarge(Exception):
    pass


class _BudgetReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, with a budget on header lines: the bytes read by ``readline`` since
    the last ``read`` (payloads are read with ``read``, headers with ``readline``)."""

    def __init__(self, stream: Any, budget: int, total_budget: int) -> None:
        super().__init__(stream)
        self.budget = budget
        self.run = 0
        self.total_budget = total_budget
        self.total = 0  # decompressed bytes of the whole file so far

    def readline(self, length: int | None = None) -> bytes:
        room = self.budget - self.run + 1
        line: bytes = super().readline(room if length is None else min(length, room))
        self.run += len(line)
        if self.run > self.budget:
            raise _HeadersTooLarge
        return line

    def read(self, length: int | None = None) -> bytes:
        self.run = 0
        data: bytes = super().read(length)
        return data

    def _decompress(self, data: bytes) -> bytes:
        # warcio prints a decompression error inside a member to stderr and returns b""
        # (the record then looks complete): an error here, for a Failure naming the record
        if self.decompressor and data and self.num_block_read:
            try:
                out: bytes = self.decompressor.decompress(data)
            except Exception as e:  # noqa: BLE001 - zlib.error, brotli's own errors
                raise OSError(f"the compressed data is corrupt ({e})") from None
        else:
            out = super()._decompress(data)  # the first block: gzip, deflate or none
        self.total += len(out)
        if self.total > self.total_budget:
            raise _DumpTooLarge
        return out


class _Records(ArchiveIterator):  # type: ignore[misc]
    """An ArchiveIterator reading through a :class:`_BudgetReader`."""

    def __init__(
        self,
        stream: Any,
        settings: Settings,
        reader: _BudgetReader | None = None,
        name: str = "",
    ) -> None:
        super().__init__(stream)
        self.reader = reader or _BudgetReader(
            self.fh, settings.max_header_bytes, settings.max_dump_bytes
        )
        self.settings = settings
        self.name = name

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """warcio's, with its stderr warning made a log line: the blank lines after a
        record, (the next line, their length)."""
        empty_size = 0
        first_line = True
        while True:
            line: bytes = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip() or first_line:
                empty_size += len(line)
                if line.rstrip():
                    at = self.fh.tell() - self.reader.rem_length() - empty_size
                    log.warning(
                        "%s:%s: a WARC record is not followed by a blank line (its "
                        "Content-Length may be wrong): %r",
                        self.name,
                        at,
                        line[:60],
                    )
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


def _resume(records: _Records) -> _Records | None:
    """Records from the gzip member after the current one, or None if there is none to
    find (an uncompressed WARC, the end of the file, or a member that will not inflate)."""
    reader = records.reader
    if reader is None or not reader.decompressor:
        return None
    try:
        while reader.read(_CHUNK):  # the rest of this member, not kept
            pass
        next_offset = records.fh.tell() - reader.rem_length()
        if not reader.read_next_member():
            return None
    except Exception:  # noqa: BLE001 - a corrupt member: nothing more can be read
        return None
    nxt = _Records(records.fh, records.settings, reader, records.name)
    nxt.offset = next_offset
    return nxt


def _failure(where: str, reason: str) -> Failure:
    return Failure(input=where, stage="ingest", code="input", reason=reason)


def iter_warc(stream: IO[bytes], name: str, settings: Settings) -> Iterator[RawInput | Failure]:
    """HTML responses of a WARC stream, in file order."""
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if (
        hasattr(stream, "peek")
        and not head.lstrip().upper().startswith(b"WARC/")
        and head[:2] != b"\x1f\x8b"
    ):
        raise InputError("not a WARC file: it does not start with a WARC/1.x header", input=name)
    budget = settings.max_header_bytes
    records: _Records | None = _Records(stream, settings, name=name)
    found_any = False
    while records is not None:
        current = records
        records = None
        try:
            for record in current:
                found_any = True
                yield from _from_record(record, current, name, settings)
        except _HeadersTooLarge:
            found_any = True
            where = f"{name}:{current.offset}"
            records = _resume(current)
            then = "the next record is read" if records else "the rest of the file is not read"
            yield _failure(
                where,
                f"record headers are over the {budget:,}-byte limit (max_header_bytes); {then}",
            )
        except _BodyUnreadable as e:
            yield _failure(e.where, f"cannot read the record body: {e.reason}")
        except _DumpTooLarge:
            found_any = True
            yield _failure(
                f"{name}:{current.offset}",
                f"the WARC file is over the {settings.max_dump_bytes:,}-byte limit once "
                "decompressed (max_dump_bytes); the rest of the file is not read",
            )
        except ArchiveLoadFailed as e:
            if not found_any:
                raise InputError(
                    f"not a readable WARC file: {_first_line(e)}", input=name
                ) from None
            yield _failure(
                f"{name}:{current.offset}", f"malformed WARC record here: {_first_line(e)}"
            )
        except (EOFError, OSError, ValueError) as e:
            yield _failure(f"{name}:{current.offset}", f"WARC file is truncated or corrupt: {e}")
        except (AttributeError, TypeError, KeyError, IndexError) as e:
            # warcio trips over some malformed headers (e.g. a response with no target URI)
            yield _failure(
                f"{name}:{current.offset}",
                f"malformed WARC record here ({type(e).__name__}: {e})",
            )
    if not found_any:
        raise InputError("empty WARC file: no records", input=name)


class _BodyUnreadable(Exception):
    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where, self.reason = where, reason


def _from_record(
    record: Any, records: _Records, name: str, settings: Settings
) -> Iterator[RawInput | Failure]:
    """The article in one record, a Failure, or nothing (a record that is not a page)."""
    if record.rec_type != "response" or record.http_headers is None:
        return
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
        log.debug("%s: skipping %s %s (%s)", name, status, ctype, uri)
        return
    # the record's own offset: warcio sets it when the previous record was read to its end
    where = f"{name}:{records.offset}"
    try:
        body = _read_body(record, settings.max_bytes)
    except _DumpTooLarge:
        raise
    except Exception as e:  # noqa: BLE001 - warcio raises many kinds on bad data
        # a WARC cannot be re-synchronised inside a broken record: reading stops here
        raise _BodyUnreadable(where, str(e)) from None
    if body is None:
        yield _failure(where, f"record body is over the {settings.max_bytes:,}-byte limit")
        return
    meta = {"url": uri} if uri else {}
    yield RawInput(origin=where, kind="html", data=body, meta=meta)


def _read_body(record: object, limit: int) -> bytes | None:
    """The record's decoded payload, or None if it is over ``limit`` bytes."""
    stream = record.content_stream()  # type: ignore[attr-defined]
    body = bytearray()
    while chunk := stream.read(_CHUNK):
        body += chunk
        if len(body) > limit:
            return None
    if getattr(getattr(record, "raw_stream", None), "limit", 0):
        # the record's declared length was not reached: the file ends inside it
        raise EOFError("the file ends inside this record (truncated download or gzip)")
    return bytes(body)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
