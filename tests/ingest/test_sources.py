"""Files, gzip, directories, stdin and the bad inputs that must fail clearly, one by one."""

from __future__ import annotations

import gzip
import io

import pytest
from ingest_support import ARTICLE_HTML, ARTICLE_TEXT

from newsgraph.config import Settings
from newsgraph.ingest import RawInput, iter_inputs
from newsgraph.ingest.files import sniff
from newsgraph.records import Failure

S = Settings()


@pytest.fixture
def article_html() -> str:
    return ARTICLE_HTML


@pytest.fixture
def article_text() -> str:
    return ARTICLE_TEXT


def one(source, settings=S):
    items = list(iter_inputs([str(source)], settings))
    assert len(items) == 1, items
    return items[0]


def test_sources_plain_text_file_is_text(tmp_path, article_text):
    p = tmp_path / "article.txt"
    p.write_text(article_text, encoding="utf-8")
    raw = one(p)
    assert isinstance(raw, RawInput)
    assert (raw.kind, raw.origin, raw.data) == ("text", str(p), article_text.encode())


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_sources_html_file_by_suffix(tmp_path, article_html, name):
    p = tmp_path / name
    p.write_text(article_html, encoding="utf-8")
    assert one(p).kind == "html"


@pytest.mark.parametrize("name", ["page.html.gz", "page.gz", "page-without-suffix"])
def test_sources_gzipped_html_detected_by_magic_bytes(tmp_path, article_html, name):
    p = tmp_path / name
    p.write_bytes(gzip.compress(article_html.encode()))
    raw = one(p)
    assert raw.kind == "html"
    assert raw.data == article_html.encode()


def test_sources_html_saved_as_txt_is_sniffed(tmp_path, article_html):
    p = tmp_path / "saved.txt"
    p.write_text(article_html)
    assert one(p).kind == "html"


def test_sources_directory_is_read_recursively_in_sorted_order(tmp_path, article_text):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(article_text)
    (tmp_path / "b" / "a.txt").write_text(article_text)
    (tmp_path / "c.txt").write_text(article_text)
    (tmp_path / ".hidden.txt").write_text(article_text)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(article_text)
    origins = [x.origin for x in iter_inputs([str(tmp_path)], S)]
    assert origins == [
        str(tmp_path / "b" / "a.txt"),
        str(tmp_path / "b" / "z.txt"),
        str(tmp_path / "c.txt"),
    ]


def test_sources_keep_input_order_across_sources(tmp_path, article_text):
    paths = []
    for name in ("3.txt", "1.txt", "2.txt"):
        (tmp_path / name).write_text(article_text)
        paths.append(str(tmp_path / name))
    assert [x.origin for x in iter_inputs(paths, S)] == paths


def _failure(source, settings=S) -> Failure:
    item = one(source, settings)
    assert isinstance(item, Failure), item
    assert item.stage == "ingest"
    return item


def test_sources_missing_file_fails_naming_it(tmp_path):
    f = _failure(tmp_path / "nope.txt")
    assert f.input == str(tmp_path / "nope.txt") and "no such file" in f.reason


def test_sources_empty_file_fails(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert "empty" in _failure(p).reason


def test_sources_whitespace_only_file_fails(tmp_path):
    p = tmp_path / "blank.html"
    p.write_bytes(b"  \n\n\t ")
    assert "empty" in _failure(p).reason


def test_sources_binary_file_fails(tmp_path):
    p = tmp_path / "photo.bin"
    p.write_bytes(bytes(range(256)) * 40)
    f = _failure(p)
    assert f.input == str(p) and "binary" in f.reason


def test_sources_truncated_gzip_fails(tmp_path, article_html):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(article_html.encode() * 20)[:300])
    f = _failure(p)
    assert f.input == str(p) and "truncated gzip" in f.reason


def test_sources_gzip_cut_in_its_trailer_fails(tmp_path, article_html):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(article_html.encode())[:-3])  # deflate data complete, CRC cut
    assert "truncated gzip" in _failure(p).reason


def test_sources_corrupt_gzip_fails(tmp_path):
    p = tmp_path / "page.html.gz"
    p.write_bytes(b"\x1f\x8b" + b"not really gzip at all" * 10)
    f = _failure(p)
    assert "gzip" in f.reason


def test_sources_50_mb_page_fails_on_the_size_cap(tmp_path):
    p = tmp_path / "huge.html"
    with p.open("wb") as f:
        f.write(b"<html><body>")
        block = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(50_000_000 // len(block) + 1):
            f.write(block)
    assert p.stat().st_size > 50_000_000
    f = _failure(p)
    assert "over the 20,000,000-byte limit" in f.reason


def test_sources_gzip_bomb_is_capped_while_decompressing(tmp_path):
    p = tmp_path / "bomb.html.gz"
    p.write_bytes(gzip.compress(b"<html>" + b" " * 30_000_000))
    assert p.stat().st_size < 1_000_000
    assert "limit" in _failure(p).reason


def test_sources_bad_input_does_not_stop_the_batch(tmp_path, article_text):
    good1, bad, good2 = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    good1.write_text(article_text)
    bad.write_bytes(b"")
    good2.write_text(article_text)
    items = list(iter_inputs([str(good1), str(tmp_path / "missing"), str(bad), str(good2)], S))
    kinds = [type(x).__name__ for x in items]
    assert kinds == ["RawInput", "Failure", "Failure", "RawInput"]


def test_sources_stdin_is_read_and_sniffed(monkeypatch, article_html):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(article_html.encode())))
    raw = one("-")
    assert raw.origin == "<stdin>" and raw.kind == "html"


def test_sources_stdin_gzip_jsonl(monkeypatch):
    data = gzip.compress(b'{"title": "A", "text": "Body one."}\n{"text": "Body two."}\n')
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_inputs(["-"], S))
    assert [(x.kind, x.origin) for x in items] == [("record", "<stdin>:1"), ("record", "<stdin>:2")]


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf<html lang=en>", "html"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        (b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b'{"text": "x"}\n', "jsonl"),
        (b"Putin meets Li\n\nRussia and China...", "text"),
    ],
)
def test_sources_sniff_kinds(head, kind):
    assert sniff(head) == kind


def test_sources_utf16_html_with_bom_is_not_binary(tmp_path, article_html):
    p = tmp_path / "page-utf16.htm"
    p.write_bytes(article_html.replace("utf-8", "utf-16").encode("utf-16"))
    raw = one(p)
    assert raw.kind == "html" and isinstance(raw.data, str) and "mackerel" in raw.data


def test_sources_utf16_text_is_read(tmp_path):
    p = tmp_path / "note.txt"
    p.write_bytes("Title\n\nCafé body.".encode("utf-16"))
    raw = one(p)
    assert raw.kind == "text" and raw.data == "Title\n\nCafé body.".encode()


def test_sources_reader_crash_is_a_failure_not_a_crash(tmp_path, monkeypatch, article_text):
    def boom(*args, **kwargs):
        raise RuntimeError("feed parser exploded")

    monkeypatch.setattr("newsgraph.ingest.sources.parse_feed", boom)
    feed, good = tmp_path / "f.rss", tmp_path / "g.txt"
    feed.write_text("<rss><channel><item><title>x</title></item></channel></rss>")
    good.write_text(article_text)
    f, raw = iter_inputs([str(feed), str(good)], S)
    assert isinstance(f, Failure) and f.code == "internal" and "exploded" in f.reason
    assert isinstance(raw, RawInput)
