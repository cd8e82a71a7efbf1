"""Pipes, devices and stdin: read once as streams, sniffed from their first bytes, bounded."""

from __future__ import annotations

import gzip
import io
import os
import threading

import pytest
from ingest_support import ARTICLE_HTML, ARTICLE_TEXT

from newsgraph.config import Settings
from newsgraph.ingest import RawInput, iter_inputs
from newsgraph.records import Failure

S = Settings()


def fifo_with(tmp_path, data: bytes, name: str = "63"):
    """A named pipe (as ``<(cmd)`` gives) that a thread fills with ``data``, then closes."""
    path = tmp_path / name
    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as f:
            for i in range(0, len(data), 1000):  # in pieces, as a pipe delivers them
                f.write(data[i : i + 1000])

    threading.Thread(target=write, daemon=True).start()
    return str(path)


@pytest.mark.parametrize(
    "data, kind, needle",
    [
        (ARTICLE_TEXT.encode(), "text", b"Fisheries ministers"),
        (ARTICLE_HTML.encode(), "html", b"mackerel"),
        (gzip.compress(ARTICLE_HTML.encode()), "html", b"mackerel"),  # <(cat page.html.gz)
    ],
)
def test_streams_a_pipe_is_read_whole_and_sniffed_from_its_head(tmp_path, data, kind, needle):
    (raw,) = iter_inputs([fifo_with(tmp_path, data)], S)
    assert isinstance(raw, RawInput) and raw.kind == kind
    assert needle in raw.data


def test_streams_a_pipe_holding_a_jsonl_dump_is_streamed(tmp_path):
    data = b"".join(b'{"text": "Body %d."}\n' % i for i in range(3))
    items = list(iter_inputs([fifo_with(tmp_path, gzip.compress(data))], S))
    assert [x.data for x in items] == ["Body 0.", "Body 1.", "Body 2."]


def test_streams_a_pipe_over_the_byte_budget_is_refused(tmp_path):
    src = fifo_with(tmp_path, b"word " * 1000)
    (f,) = iter_inputs([src], Settings(max_bytes=2048))
    assert isinstance(f, Failure) and f.input == src and "2,048-byte limit" in f.reason


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_streams_endless_devices_are_refused_by_name(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    (f,) = iter_inputs([device], S)
    assert isinstance(f, Failure) and f.input == device and "endless device" in f.reason


def test_streams_dev_null_is_an_empty_input():
    (f,) = iter_inputs(["/dev/null"], S)
    assert isinstance(f, Failure) and "empty" in f.reason


def test_streams_binary_stream_is_refused_from_its_head(monkeypatch):
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    (f,) = iter_inputs(["-"], S)
    assert isinstance(f, Failure) and "binary" in f.reason
