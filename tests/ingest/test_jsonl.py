"""JSONL dumps: fields, gzip, bad lines as Failures naming file:line, and the AllSides file."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from ingest_support import ARTICLE_HTML, ARTICLE_TEXT

from conftest import need_shared
from newsgraph.config import Settings
from newsgraph.ingest import RawInput, iter_inputs
from newsgraph.records import Failure

S = Settings()


@pytest.fixture
def article_html() -> str:
    return ARTICLE_HTML


@pytest.fixture
def article_text() -> str:
    return ARTICLE_TEXT


def write_jsonl(path, rows, compress=False):
    data = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return str(path)


def test_jsonl_record_fields_become_meta(tmp_path):
    src = write_jsonl(
        tmp_path / "dump.jsonl",
        [
            {
                "text": "Body one.",
                "title": "One",
                "url": "https://a.example/1",
                "published": "2023-04-17",
                "source": "Example Times",
                "authors": ["A B", "C D"],
            },
            {
                "text": "Body two.",
                "date": "2019-07-11",
                "source_url": "www.cnn.com",
                "authors": "Analysis Stephen Collinson",
            },
        ],
    )
    one, two = list(iter_inputs([src], S))
    assert (one.kind, one.origin, one.data) == ("record", f"{src}:1", "Body one.")
    assert one.meta == {
        "title": "One",
        "url": "https://a.example/1",
        "published": "2023-04-17",
        "source": "Example Times",
        "authors": ["A B", "C D"],
    }
    assert two.meta == {
        "published": "2019-07-11",
        "source": "www.cnn.com",
        "authors": "Analysis Stephen Collinson",
    }


def test_jsonl_html_field_gives_an_html_input(tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", [{"html": "<html><p>x</p></html>", "url": "u"}])
    (raw,) = iter_inputs([src], S)
    assert raw.kind == "html" and raw.data == "<html><p>x</p></html>" and raw.meta == {"url": "u"}


def test_jsonl_bad_lines_become_failures_and_the_rest_is_read(tmp_path):
    src = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"text": "Good one."},
            "{not json",
            "",
            '["a", "list"]',
            {"title": "no body"},
            {"text": "Good two."},
        ],
    )
    items = list(iter_inputs([src], S))
    assert [type(x).__name__ for x in items] == [
        "RawInput",
        "Failure",
        "Failure",
        "Failure",
        "RawInput",
    ]
    failures = [x for x in items if isinstance(x, Failure)]
    assert [f.input for f in failures] == [f"{src}:2", f"{src}:4", f"{src}:5"]
    assert "not valid JSON" in failures[0].reason
    assert "JSON object" in failures[1].reason
    assert "no non-empty 'text' or 'html'" in failures[2].reason
    assert items[-1].origin == f"{src}:6"


def test_jsonl_invalid_utf8_line_names_the_line(tmp_path):
    p = tmp_path / "latin.jsonl"
    p.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    items = list(iter_inputs([str(p)], S))
    assert isinstance(items[1], Failure) and items[1].input == f"{p}:2"
    assert "UTF-8" in items[1].reason


def test_jsonl_gzipped_and_streamed_past_the_file_size_cap(tmp_path):
    rows = [{"text": "word " * 300, "title": f"t{i}"} for i in range(200)]
    src = write_jsonl(tmp_path / "dump.jsonl.gz", rows, compress=True)
    small = Settings(max_bytes=4096)  # each line fits, the whole dump does not
    items = list(iter_inputs([src], small))
    assert len(items) == 200 and all(isinstance(x, RawInput) for x in items)


def test_jsonl_truncated_gzip_yields_what_came_before_then_a_failure(tmp_path):
    rows = [{"text": f"article number {i} " * 50} for i in range(400)]
    p = tmp_path / "cut.jsonl.gz"
    full = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    p.write_bytes(full[: len(full) // 2])
    items = list(iter_inputs([str(p)], S))
    assert isinstance(items[-1], Failure) and "truncated gzip" in items[-1].reason
    assert items[-1].input.startswith(f"{p}:")
    assert 0 < len(items) - 1 < 400 and all(isinstance(x, RawInput) for x in items[:-1])


def test_jsonl_empty_file_is_one_failure(tmp_path):
    p = tmp_path / "empty.jsonl"
    p.write_text("\n\n")
    (f,) = iter_inputs([str(p)], S)
    assert isinstance(f, Failure) and f.input == str(p) and "empty" in f.reason


def test_jsonl_allsides_file_loads_as_it_is():
    path = need_shared("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")
    items = list(iter_inputs([str(path)], S))
    assert len(items) == 6000
    assert not [x for x in items if isinstance(x, Failure)]
    first = items[0]
    assert first.kind == "record" and first.origin == f"{path}:1"
    assert first.meta["title"] and first.meta["url"].startswith("http")
    assert {"source", "authors"} <= set(first.meta)


def test_jsonl_allsides_records_clean_into_articles():
    from newsgraph.clean import clean
    from newsgraph.records import Analysis

    path = need_shared("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")
    raws = list(itertools.islice(iter_inputs([str(path)], S), 50))
    done = [clean(r, S) for r in raws]
    assert all(isinstance(a, Analysis) and a.article.text for a in done)
    assert sum(a.article.language == "en" for a in done) >= 45
    assert all(a.article.published is None or len(a.article.published) == 10 for a in done)


def test_jsonl_pathological_lines_are_failures_naming_file_line_and_the_rest_is_read(tmp_path):
    from bombs import pathological_jsonl

    src = str(pathological_jsonl(tmp_path / "dump.jsonl"))
    items = list(iter_inputs([src], S))
    assert [x.data for x in items if isinstance(x, RawInput)] == [
        f"Body of story {i}." for i in range(5)
    ]
    failures = [x for x in items if isinstance(x, Failure)]
    assert [f.input for f in failures] == [f"{src}:3", f"{src}:5"]
    assert "nested too deeply" in failures[0].reason
    assert "digits" in failures[1].reason


def test_jsonl_gzip_bomb_line_is_a_failure_and_the_next_line_is_read(tmp_path):
    from bombs import jsonl_bomb

    src = str(jsonl_bomb(tmp_path / "bomb.jsonl.gz", 64 << 20))
    before, bomb, after = iter_inputs([src], Settings(max_bytes=1 << 20))
    assert isinstance(before, RawInput) and isinstance(after, RawInput)
    assert after.data == "The last article of the dump." and after.origin == f"{src}:3"
    assert isinstance(bomb, Failure) and bomb.input == f"{src}:2"
    assert bomb.reason.startswith("record larger than 1,048,576 bytes")


@pytest.mark.parametrize(
    "authors, expected",
    [
        (["A B", None, 7, {"name": "C D"}, {"x": 1}, ["E"], True, " "], ["A B", "7", "C D"]),
        ([None], None),
        ("Jane Doe and John Roe", "Jane Doe and John Roe"),
        ({"name": "X"}, None),
    ],
)
def test_jsonl_authors_keep_only_names(tmp_path, authors, expected):
    src = write_jsonl(tmp_path / "a.jsonl", [{"text": "Body.", "authors": authors}])
    (raw,) = iter_inputs([src], S)
    assert raw.meta.get("authors") == expected


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_dump_over_its_total_budget_ends_with_a_failure_at_that_line(tmp_path, compress):
    rows = [{"title": f"Story {i}", "text": "x" * 300} for i in range(1, 6)]  # ~330 bytes each
    src = write_jsonl(tmp_path / "dump.jsonl", rows, compress=compress)
    items = list(iter_inputs([src], Settings(max_dump_bytes=1024)))
    assert [type(x).__name__ for x in items] == ["RawInput"] * 3 + ["Failure"]
    assert items[3].input == f"{src}:4"  # the line that took the dump past 1,024 bytes
    assert "over the 1,024-byte limit once decompressed (max_dump_bytes)" in items[3].reason
    assert "the rest of the file is not read" in items[3].reason


def test_jsonl_dump_budget_counts_the_skipped_part_of_an_overlong_line(tmp_path):
    from bombs import jsonl_bomb

    src = str(jsonl_bomb(tmp_path / "bomb.jsonl.gz", 64 << 20))
    settings = Settings(max_bytes=1 << 20, max_dump_bytes=8 << 20)
    before, failure = iter_inputs([src], settings)
    assert isinstance(before, RawInput) and failure.input == f"{src}:2"
    assert "max_dump_bytes" in failure.reason  # not read to its end: 8 MiB of the 64 MiB


def test_jsonl_dump_of_many_short_lines_stops_at_its_budget(tmp_path):
    from bombs import jsonl_many_lines_bomb

    src = str(jsonl_many_lines_bomb(tmp_path / "lines.jsonl.gz", 16 << 20))
    items = list(iter_inputs([src], Settings(max_dump_bytes=4 << 20)))
    assert [x.meta["title"] for x in items if isinstance(x, RawInput)] == ["Story 1", "Story 2"]
    (failure,) = [x for x in items if isinstance(x, Failure)]
    with gzip.open(src) as f:
        articles = len(f.readline()) + len(f.readline())
    fillers = -(-((4 << 20) + 1 - articles) // 1024)  # 1,024-byte lines to pass 4 MiB
    assert failure.input == f"{src}:{2 + fillers}"
