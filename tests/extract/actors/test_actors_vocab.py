"""The actors wing's word lists: read from lexicons/, each file with its header."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsgraph.extract.actors import vocab
from newsgraph.extract.actors.dates import NUMBERS
from newsgraph.lexicons import load_table

# file -> its column names and the kinds its rows may have (None: no kind column)
FILES = {
    "name_words.tsv": (["word", "kind"], {"particle", "suffix", "not_name"}),
    "place_cues.tsv": (["word", "kind"], {"locative", "motion", "transfer"}),
    "org_words.tsv": (["word", "kind", "sector"], {"sector", "media", "site"}),
    "pair_words.tsv": (["word", "kind"], {"pair", "people", "country"}),
    "number_words.tsv": (["phrase", "value"], None),
    "us_state_homonyms.tsv": (["name", "iso3"], None),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_file_has_a_described_header_and_known_kinds(name: str):
    columns, kinds = FILES[name]
    lines = resources.files("newsgraph.lexicons").joinpath(name).read_text("utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    data = [line for line in lines if line.strip() and not line.startswith("#")]
    assert lines[0].startswith("# ") and comments == lines[: len(comments)]
    for col in columns:  # the comment header says what each column means
        assert any(re.match(rf"#\s+{col}:", line) for line in comments), col
    assert data[0].split("\t") == columns  # then the header row load_table reads
    rows = load_table(name)
    assert len(rows) == len(data) - 1
    key = columns[0]
    assert all(r[key] and r[key] == r[key].strip().lower() for r in rows)
    if kinds is not None:
        assert {r["kind"] for r in rows} == kinds  # a misspelt kind would drop its words
        pairs = [(r[key], r["kind"]) for r in rows]
        assert len(pairs) == len(set(pairs)), "a word listed twice under one kind"


def test_vocab_sets_hold_their_words():
    assert {"bin", "von", "al-"} <= vocab.NAME_PARTICLES and "jr." in vocab.NAME_SUFFIXES
    assert {"visited", "flew"} <= vocab.MOTION_VERBS and "weapons" in vocab.TRANSFER_WORDS
    assert "in" in vocab.LOCATIVE_PREPS and "visited" not in vocab.LOCATIVE_PREPS
    assert vocab.ORG_SECTOR_WORDS["court"] == "JUD" and "times" in vocab.MEDIA_WORDS
    assert "tower" in vocab.PLACE_WORDS and "tower" not in vocab.ORG_SECTOR_WORDS
    assert vocab.US_STATE_HOMONYMS == {"georgia": "GEO"}


def test_vocab_parties_and_sides_can_be_people_or_countries():
    # "both sides" after two countries is those countries; after two people, those people
    for noun in ("parties", "sides"):
        assert noun in vocab.PEOPLE_NOUNS and noun in vocab.COUNTRY_NOUNS
    assert "leaders" in vocab.PEOPLE_NOUNS and "leaders" not in vocab.COUNTRY_NOUNS
    assert vocab.PAIR_WORDS == {"both", "two", "neighboring", "neighbouring"}


def test_vocab_number_words_read_as_integers_in_file_order():
    assert NUMBERS["several"] == 3 and NUMBERS["a couple of"] == 2 and NUMBERS["twelve"] == 12
    assert list(NUMBERS)[:3] == ["a", "an", "one"]
