"""WARC files: HTML responses become articles; other records are passed over; bad files fail."""

from __future__ import annotations

import gzip
import io

import pytest
from ingest_support import ARTICLE_HTML
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.config import Settings
from newsgraph.ingest import RawInput, iter_inputs
from newsgraph.records import Failure

S = Settings()


def make_warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))

    def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )

    response("https://news.example.org/oslo", ARTICLE_HTML.encode(), "text/html; charset=utf-8")
    response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
    response(
        "https://news.example.org/old", b"<html>moved</html>", "text/html", "301 Moved Permanently"
    )
    response(
        "https://news.example.org/second",
        ARTICLE_HTML.replace("Oslo", "Bergen").encode(),
        "application/xhtml+xml",
    )
    return buf.getvalue()


@pytest.mark.parametrize("gz, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_warc_html_responses_become_inputs(tmp_path, gz, name):
    p = tmp_path / name
    p.write_bytes(make_warc(gz))
    items = list(iter_inputs([str(p)], S))
    assert all(isinstance(x, RawInput) for x in items)
    assert [x.meta["url"] for x in items] == [
        "https://news.example.org/oslo",
        "https://news.example.org/second",
    ]
    assert items[0].kind == "html" and items[0].data == ARTICLE_HTML.encode()
    assert items[0].origin.startswith(f"{p}:") and items[0].origin != items[1].origin


def test_warc_articles_clean_with_the_record_url(tmp_path):
    from newsgraph.clean import clean

    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(make_warc(True))
    raw = next(iter(iter_inputs([str(p)], S)))
    a = clean(raw, S).article
    assert a.url == "https://news.example.org/oslo"
    assert "mackerel" in a.text and a.title.startswith("Ministers meet in Oslo")


def test_warc_garbage_is_one_clear_failure(tmp_path):
    p = tmp_path / "broken.warc"
    p.write_bytes(b"this is not a WARC file\r\n\r\nat all\n" * 20)
    (f,) = iter_inputs([str(p)], S)
    assert isinstance(f, Failure) and f.input == str(p) and "WARC" in f.reason


def test_warc_corrupt_record_after_good_ones_keeps_the_good_ones(tmp_path):
    p = tmp_path / "cut.warc"
    data = make_warc(False)
    cut = data.index(b"WARC/1.0\r\nWARC-Type: response", data.index(b"logo.png"))
    p.write_bytes(data[:cut] + b"GARBAGE IN THE MIDDLE\r\n" + data[cut + 30 :])
    items = list(iter_inputs([str(p)], S))
    assert len(items) == 2 and isinstance(items[0], RawInput)
    assert isinstance(items[1], Failure) and items[1].input.startswith(f"{p}:")
    assert "malformed WARC record" in items[1].reason


def test_warc_truncated_gzip_is_reported(tmp_path):
    p = tmp_path / "trunc.warc.gz"
    data = make_warc(True)
    p.write_bytes(data[: len(data) - 200])
    items = list(iter_inputs([str(p)], S))
    assert [type(x).__name__ for x in items] == ["RawInput", "Failure"]
    assert "truncated" in items[1].reason and items[1].input.startswith(f"{p}:")


def test_warc_empty_gzip_member_is_a_failure(tmp_path):
    p = tmp_path / "empty.warc.gz"
    p.write_bytes(gzip.compress(b""))
    (f,) = iter_inputs([str(p)], S)
    assert isinstance(f, Failure) and "WARC" in f.reason


@pytest.mark.parametrize("gz", [False, True])
def test_warc_each_failure_and_article_names_its_own_record_offset(tmp_path, gz):
    from warcio.archiveiterator import ArchiveIterator

    data = make_warc(gz)
    offsets = {}
    with io.BytesIO(data) as f:
        it = ArchiveIterator(f)
        for record in it:
            uri = record.rec_headers.get_header("WARC-Target-URI")
            offsets[uri] = it.get_record_offset()
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(data)
    items = list(iter_inputs([str(p)], S.with_(max_bytes=1024)))  # the article is over 1 KB
    assert [x.input for x in items] == [
        f"{p}:{offsets['https://news.example.org/oslo']}",
        f"{p}:{offsets['https://news.example.org/second']}",
    ]
    assert all("over the 1,024-byte limit" in x.reason for x in items)


def test_warc_header_bomb_is_a_failure_at_its_offset_and_the_next_record_is_read(tmp_path):
    from bombs import warc_header_bomb

    p = tmp_path / "bomb.warc.gz"
    first = warc_header_bomb(p, 64 << 20, ARTICLE_HTML.encode())
    items = list(iter_inputs([str(p)], S))
    assert [type(x).__name__ for x in items] == ["RawInput", "Failure", "RawInput"]
    assert items[1].input == f"{p}:{first}"
    assert "headers are over the 1,048,576-byte limit" in items[1].reason
    assert items[2].meta["url"] == "https://news.example.org/last"


def test_warc_uncompressed_header_bomb_stops_that_file_with_a_failure(tmp_path):
    p = tmp_path / "bomb.warc"
    good = make_warc(False)
    p.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"A" * (3 << 20))
    items = list(iter_inputs([str(p)], S))
    assert [type(x).__name__ for x in items] == ["RawInput", "RawInput", "Failure"]
    assert items[2].input == f"{p}:{len(good)}"
    assert "the rest of the file is not read" in items[2].reason


def test_warc_payload_bomb_is_a_failure(tmp_path):
    from bombs import warc_payload_bomb

    p = warc_payload_bomb(tmp_path / "pay.warc.gz", 64 << 20)
    (f,) = iter_inputs([str(p)], S)
    assert isinstance(f, Failure) and f.input == f"{p}:0"
    assert "over the 20,000,000-byte limit" in f.reason


def _big_record(uri: str) -> bytes:
    """A gzipped response record whose compressed body spans several of warcio's blocks."""
    import random

    from bombs import warc_record

    rnd = random.Random(7)
    words = " ".join("".join(rnd.choices("abcdefghijklmnop", k=6)) for _ in range(20_000))
    return warc_record(uri, ARTICLE_HTML.replace("</body>", f"<p>{words}</p></body>").encode())


def test_warc_corrupt_gzip_inside_a_record_is_its_failure_and_nothing_on_stderr(tmp_path, capfd):
    from bombs import warc_record

    first = warc_record("https://news.example.org/oslo", ARTICLE_HTML.encode())
    big = _big_record("https://news.example.org/long")
    at = len(big) * 2 // 3  # past warcio's first block of the member
    big = big[:at] + bytes(b ^ 0x55 for b in big[at : at + 40]) + big[at + 40 :]
    p = tmp_path / "corrupt.warc.gz"
    p.write_bytes(first + big)
    items = list(iter_inputs([str(p)], S))
    assert [type(x).__name__ for x in items] == ["RawInput", "Failure"]
    assert items[1].input == f"{p}:{len(first)}"
    assert "the compressed data is corrupt" in items[1].reason
    assert capfd.readouterr().err == ""  # warcio printed "Error -3 while decompressing…"


def test_warc_wrong_content_length_is_a_logged_warning_not_warcio_output(tmp_path, capfd, caplog):
    import re

    data = make_warc(False)
    n = int(re.search(rb"Content-Length: (\d+)", data[data.index(b"/oslo") :]).group(1))
    at = data.index(b"Content-Length: %d" % n, data.index(b"/oslo"))
    short = (
        data[:at] + b"Content-Length: %d" % (n - 10) + data[at + len(b"Content-Length: %d" % n) :]
    )
    p = tmp_path / "short.warc"
    p.write_bytes(short)
    with caplog.at_level("WARNING", logger="newsgraph.ingest.warc"):
        items = list(iter_inputs([str(p)], S))
    assert [type(x).__name__ for x in items] == ["RawInput", "RawInput"]
    assert capfd.readouterr().err == ""  # warcio printed "WARNING: Record not followed by…"
    (warning,) = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"{p}:") and "not followed by a blank line" in warning


def test_warc_cli_prints_nothing_of_warcios_own(tmp_path):
    """A WARC with a URI warcio repairs and a record whose gzip data is corrupt: stderr holds
    newsgraph's lines only (warcio wrote "Error -3 while decompressing…" and logged
    "Replacing spaces in invalid WARC-Target-URI")."""
    import io
    import os
    import subprocess
    import sys
    from pathlib import Path

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    page = io.BytesIO(ARTICLE_HTML.encode())
    uri = "https://news.example.org/a page"
    writer.write_record(
        writer.create_warc_record(uri, "response", payload=page, http_headers=headers)
    )
    big = _big_record("https://news.example.org/long")
    at = len(big) * 2 // 3
    big = big[:at] + bytes(b ^ 0x55 for b in big[at : at + 40]) + big[at + 40 :]
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue() + big)
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "analyze", "crawl.warc.gz", "--format", "jsonl"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(src), "NEWSGRAPH_CONFIG": str(tmp_path / "no.toml")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stderr  # InputError: an input failed
    assert len(result.stdout.splitlines()) == 1  # the first page is analysed
    assert "the compressed data is corrupt" in result.stderr
    assert "warcio" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert all("crawl.warc.gz:" in line or "input(s) failed" in line for line in lines), lines


@pytest.mark.parametrize("gz", [False, True])
def test_warc_file_over_its_total_budget_ends_with_a_failure(tmp_path, gz):
    from bombs import warc_record

    records = [
        warc_record("https://news.example.org/oslo", ARTICLE_HTML.encode()),
        _big_record("https://news.example.org/long"),  # about 140 kB
        warc_record("https://news.example.org/last", ARTICLE_HTML.encode()),
    ]
    if not gz:
        records = [gzip.decompress(r) for r in records]
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(b"".join(records))
    items = list(iter_inputs([str(p)], S.with_(max_dump_bytes=64 << 10)))
    assert [type(x).__name__ for x in items] == ["RawInput", "Failure"]
    assert items[0].meta["url"] == "https://news.example.org/oslo"
    assert items[1].input == f"{p}:{len(records[0])}"  # the long page's record
    assert "over the 65,536-byte limit once decompressed (max_dump_bytes)" in items[1].reason
    assert "the rest of the file is not read" in items[1].reason
