"""WARC archives (``.warc``, ``.warc.gz``): HTTP response records holding HTML pages.

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
    records = ArchiveIterator(stream, arc2warc=True)
    found_any = False
    offset = 0
    try:
        for record in records:
            offset = records.get_record_offset()
            found_any = True
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
                log.debug("%s:%d: skipping %s %s (%s)", name, offset, status, ctype, uri)
                continue
            where = f"{name}:{offset}"
            try:
                body = record.content_stream().read(settings.max_bytes + 1)
            except Exception as e:  # noqa: BLE001 - warcio raises many kinds on bad data
                yield Failure(input=where, stage="ingest", code="input",
                              reason=f"cannot read the record body: {e}")
                return
            if len(body) > settings.max_bytes:
                yield Failure(input=where, stage="ingest", code="input",
                              reason=f"record body is over the {settings.max_bytes:,}-byte limit")
                continue
            meta = {"url": uri} if uri else {}
            yield RawInput(origin=where, kind="html", data=body, meta=meta)
    except ArchiveLoadFailed as e:
        if not found_any:
            raise InputError(f"not a readable WARC file: {_first_line(e)}", input=name) from None
        yield Failure(input=f"{name}:{offset}", stage="ingest", code="input",
                      reason=f"malformed WARC record after this offset: {_first_line(e)}")
    except (EOFError, OSError, ValueError) as e:
        yield Failure(input=f"{name}:{offset}", stage="ingest", code="input",
                      reason=f"WARC file is truncated or corrupt: {e}")
    if not found_any:
        raise InputError("empty WARC file: no records", input=name)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
