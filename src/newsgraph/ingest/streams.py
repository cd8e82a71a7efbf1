"""Pipes, character devices and stdin: read once, as streams, under the byte budget.

A FIFO (``analyze <(zcat page.html.gz)``), a terminal or stdin cannot be stat'ed for a size
nor read twice, so its kind is sniffed from the first bytes read, and those bytes are then
put back in front of the rest (:func:`with_head`). Devices that never end (``/dev/zero``,
``/dev/urandom``…) are refused by name before a byte is read.
"""

from __future__ import annotations

import io
import os
import stat
import zlib
from typing import IO

from ..errors import InputError

# Linux "memory" character devices (major 1) that never reach end of file.
_ENDLESS_DEVICES = {5: "/dev/zero", 7: "/dev/full", 8: "/dev/random", 9: "/dev/urandom"}


def refuse_endless(st: os.stat_result, origin: str) -> None:
    """Raise InputError if ``st`` is a character device that would never end."""
    if not stat.S_ISCHR(st.st_mode):
        return
    if os.major(st.st_rdev) == 1 and os.minor(st.st_rdev) in _ENDLESS_DEVICES:
        like = _ENDLESS_DEVICES[os.minor(st.st_rdev)]
        raise InputError(f"an endless device (like {like}), not a document; refused", input=origin)


def read_head(stream: IO[bytes], n: int) -> bytes:
    """Up to ``n`` bytes from the start of a stream (a pipe may give them in pieces)."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        piece = stream.read(n - got)
        if not piece:
            break
        parts.append(piece)
        got += len(piece)
    return b"".join(parts)


class _Chained(io.RawIOBase):
    """``head`` then whatever ``rest`` still holds, as one raw stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def with_head(head: bytes, rest: IO[bytes]) -> io.BufferedReader:
    """A buffered stream that gives ``head`` again, then the rest of the stream."""
    return io.BufferedReader(_Chained(head, rest))


def gunzip_head(head: bytes, n: int) -> bytes:
    """The first (at most ``n``) decompressed bytes of a gzip head, for sniffing only."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, n)
    except zlib.error:
        return b""
