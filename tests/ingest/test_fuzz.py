"""Fuzzing every reader and the cleaner: whatever the bytes, each input ends in a RawInput
(an Analysis, for the cleaner) or a named Failure/InputError — never another exception.

A reader's unexpected exception is turned into a Failure with code "internal" by
``ingest.base.guard`` and a cleaner's into an InputError saying "please report it": these
tests fail on either, so a crash cannot hide behind the guard.
"""

from __future__ import annotations

import gzip
import io
import json
from functools import partial

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_support import ARTICLE_HTML
from test_warc import make_warc

from newsgraph.clean import clean
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.base import KINDS, RawInput, guard
from newsgraph.ingest.feeds import parse_feed
from newsgraph.ingest.jsonl import iter_jsonl_lines
from newsgraph.ingest.sources import _from_bytes, _from_stream
from newsgraph.ingest.warc import iter_warc
from newsgraph.records import Analysis, Failure

S = Settings(max_bytes=64 * 1024)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        k: json_values | st.text(max_size=200)
        for k in ("text", "html", "title", "url", "published", "date", "source", "authors")
    },
)


def _read_all(origin: str, produce) -> list[RawInput | Failure]:
    items = list(guard(origin, produce))
    for item in items:
        assert isinstance(item, RawInput | Failure), item
        if isinstance(item, Failure):
            assert item.code != "internal", item.reason
            assert item.input.startswith(origin), item
    return items


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Cut, replace or insert bytes at the given places."""
    buf = bytearray(data)
    for where, cut, insert in edits:
        at = where % (len(buf) + 1)
        buf[at : at + cut] = insert
    return bytes(buf)


edits = st.lists(
    st.tuples(st.integers(0, 1 << 20), st.integers(0, 64), st.binary(max_size=16)), max_size=4
)


@FUZZ
@given(
    lines=st.lists(
        records.map(json.dumps) | json_values.map(json.dumps) | st.text(max_size=80), max_size=8
    ),
    raw=st.binary(max_size=200),
    compress=st.booleans(),
)
def test_fuzz_jsonl_every_line_is_an_input_or_a_failure_naming_it(lines, raw, compress):
    data = ("\n".join(lines) + "\n").encode() + raw
    stream = io.BytesIO(gzip.compress(data)) if compress else io.BytesIO(data)
    if compress:
        stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    _read_all("fuzz.jsonl", partial(iter_jsonl_lines, stream, "fuzz.jsonl", S))


@FUZZ
@given(gz=st.booleans(), changes=edits)
def test_fuzz_warc_damaged_archives_give_inputs_or_failures(gz, changes):
    data = _mutate(make_warc(gz), changes)
    _read_all("fuzz.warc", partial(iter_warc, io.BufferedReader(io.BytesIO(data)), "fuzz.warc", S))


entry_text = st.text(max_size=120)
feeds = st.builds(
    lambda title, link, body, date, author, wrap: wrap.format(
        title=title, link=link, body=body, date=date, author=author
    ),
    title=entry_text,
    link=st.sampled_from(["", "https://news.example.org/a", "not a url", "javascript:x"]),
    body=entry_text | st.just(ARTICLE_HTML.replace("<", "&lt;")),
    date=st.sampled_from(["", "Mon, 17 Apr 2023 09:30:00 GMT", "2023-99-99", "yesterday"]),
    author=entry_text,
    wrap=st.sampled_from(
        [
            "<rss version='2.0'><channel><title>{title}</title><item><title>{title}</title>"
            "<link>{link}</link><description>{body}</description><pubDate>{date}</pubDate>"
            "<author>{author}</author></item></channel></rss>",
            "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>{title}</title>"
            "<link href='{link}'/><content type='html'>{body}</content>"
            "<updated>{date}</updated><author><name>{author}</name></author></entry></feed>",
        ]
    ),
)


@FUZZ
@given(feed=feeds, changes=edits)
def test_fuzz_feeds_give_inputs_or_failures(feed, changes):
    data = _mutate(feed.encode("utf-8", "surrogatepass"), changes)
    _read_all("fuzz.xml", partial(parse_feed, data, "fuzz.xml", S, from_url=False))


@FUZZ
@given(
    head=st.sampled_from(
        [b"", b"<html>", b"<!DOCTYPE html>", b"WARC/1.0\r\n", b"{", b"<?xml ", b"<rss>"]
        + [b"\xff\xfe", b"\x1f\x8b"]
    ),
    body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
    compress=st.booleans(),
)
def test_fuzz_sniffed_bytes_and_streams_give_inputs_or_failures(head, body, compress):
    from newsgraph.ingest.files import sniff

    data = head + body
    _read_all("fuzz", partial(_from_bytes, data, "fuzz", sniff(data), S, from_url=False))
    stream = io.BytesIO(gzip.compress(data) if compress else data)
    _read_all("<stdin>", partial(_from_stream, stream, "<stdin>", S))


tags = st.sampled_from(
    ["p", "div", "article", "nav", "script", "style", "h1", "li", "table", "td", "br", "meta"]
)
html_trees = st.recursive(
    st.text(max_size=60).map(lambda t: t.replace("\x00", "")),
    lambda inner: st.builds(
        lambda tag, kids, close: f"<{tag}>{''.join(kids)}" + (f"</{tag}>" if close else ""),
        tags,
        st.lists(inner, max_size=4),
        st.booleans(),
    ),
    max_leaves=25,
)


@FUZZ
@given(
    kind=st.sampled_from(sorted(KINDS)),
    body=html_trees,
    wrap=st.booleans(),
    authors=json_values,
    as_bytes=st.booleans(),
)
def test_fuzz_cleaner_gives_an_analysis_or_a_named_input_error(kind, body, wrap, authors, as_bytes):
    page = f"<html><head><title>T</title></head><body>{body}</body></html>" if wrap else body
    data: bytes | str = page.encode("utf-8", "surrogatepass") if as_bytes else page
    raw = RawInput(origin="fuzz", kind=kind, data=data, meta={"authors": authors})
    try:
        result = clean(raw, S)
    except NewsgraphError as e:
        assert "please report it" not in e.reason, e.reason
        return
    assert isinstance(result, Analysis)
    assert all(isinstance(a, str) and a and a != "None" for a in result.article.authors)
