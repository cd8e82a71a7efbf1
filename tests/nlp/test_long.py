"""Articles longer than the model's max_length: parsed in chunks, spans in article coordinates."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from conftest import assert_valid_article
from newsgraph.errors import InputError
from newsgraph.nlp.long import chunks, parse

ROOT = Path(__file__).resolve().parents[2]


def _sample_body() -> str:
    text = resources.files("newsgraph.data").joinpath("sample", "seed-putin-li-shangfu.txt")
    return text.read_text("utf-8").split("\n", 1)[1].split("\nImage:", 1)[0].strip() + "\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph here.\n\nAnother one there.\n\n" * 40,
        "Lines only, no blank line.\n" * 60,
        "Sentences. " * 200,
        "x" * 1000,  # no boundary at all: cut anyway
    ],
)
def test_long_chunks_rejoin_exactly_within_size(text):
    parts = chunks(text, size=100)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 100 for p in parts)
    assert len(parts) > 1


def test_long_chunks_cut_at_paragraph_boundaries():
    text = ("A paragraph of a few words.\n\n" * 20) + "Last line."
    for part in chunks(text, size=120)[:-1]:
        assert part.endswith("\n\n")


def test_long_parse_joins_chunks_with_article_offsets():
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 200
    text = "Putin met Li in Moscow.\n\nBoth sides praised the talks. " * 30
    doc = parse(nlp, text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_long_parse_holds_one_chunk_at_a_time():
    # nlp.pipe's default batch (1,000 texts) would parse every chunk at once, at about 1 GB
    # per 100,000 characters: 9 GB of RSS for a 3,000,000-character article
    import spacy
    from spacy.language import Language
    from spacy.util import minibatch

    batches: list[int] = []

    class Batched:  # batches docs as the parser and NER do
        def __call__(self, doc):
            return doc

        def pipe(self, docs, batch_size=1000):
            for batch in minibatch(docs, size=batch_size):
                batches.append(len(batch))
                yield from batch

    if not Language.has_factory("test_long_batched"):
        Language.factory("test_long_batched", func=lambda nlp, name: Batched())
    nlp = spacy.blank("en")
    nlp.add_pipe("test_long_batched")
    nlp.max_length = 200
    text = "Putin met Li in Moscow.\n\nBoth sides praised the talks. " * 30
    assert parse(nlp, text).text == text
    assert len(batches) > 5 and set(batches) == {1}


@pytest.mark.model
def test_long_analysis_over_max_length_keeps_every_span_in_article(nlp):
    import newsgraph

    pipeline = newsgraph.load()
    body = _sample_body() * 6
    small = pipeline.analyze(_sample_body(), published="2023-04-17")
    saved, limit = pipeline.nlp.max_length, len(body) // 4
    pipeline.nlp.max_length = limit  # as if the article were 4× the model's limit
    try:
        a = pipeline.analyze(body, published="2023-04-17")
        streamed = list(pipeline.analyze_many([{"text": body, "published": "2023-04-17"}]))
    finally:
        pipeline.nlp.max_length = saved
    text = a.article.text
    assert len(text) > limit
    assert all(s.is_valid_in(text) for s in a.spans())
    assert len(a.events) >= 4 * len(small.events) > 0  # every chunk was analysed
    assert_valid_article(a.to_dict())
    # the ingest path (analyze_stage) chunks the same way
    assert (streamed[0].actors, streamed[0].events) == (a.actors, a.events)


def test_long_over_max_chars_is_refused_by_name():
    import spacy

    with pytest.raises(InputError, match="max_chars") as err:
        parse(spacy.blank("en"), "word " * 1000, origin="big.txt", max_chars=1000)
    assert err.value.input == "big.txt" and "5,000 characters" in err.value.reason


@pytest.mark.model
def test_long_three_million_characters_refused_clearly_within_five_minutes(tmp_path):
    body = _sample_body()
    (tmp_path / "big.txt").write_text("A very long article\n" + body * (3_000_000 // len(body) + 1))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSGRAPH_CONFIG": "none.toml"}
    t0 = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "analyze", "big.txt"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert time.monotonic() - t0 < 300
    assert result.returncode == InputError.exit_status, result.stderr
    assert "too long to analyse" in result.stderr and "max_chars" in result.stderr
    assert "internal" not in result.stderr and "Traceback" not in result.stderr
