"""The events wing's vocabulary and frame tables, read from ``newsgraph/lexicons``."""

from __future__ import annotations

import pytest

from newsgraph.extract.events import lexicon
from newsgraph.extract.events.lexicon import event_words, frame_codes
from newsgraph.extract.events.triggers import code_table
from newsgraph.lexicons import _read, load_table

EVENT_FILES = (
    lexicon.WORDS_FILE,
    lexicon.CONTEXTS_FILE,
    lexicon.FRAMES_FILE,
    lexicon.SUBCODES_FILE,
)

# The saying verbs events.py listed as REPORTING before its words moved to cue_verbs.tsv.
REPORTING_BEFORE = {
    "say",
    "declare",
    "announce",
    "state",
    "reiterate",
    "insist",
    "conclude",
    "stress",
    "tell",
    "add",
    "affirm",
    "assert",
    "confirm",
    "warn",
    "write",
}


def test_lexicon_reporting_verbs_are_the_same_set_as_before():
    words = event_words()
    assert words.reporting == REPORTING_BEFORE
    # "X claimed it had …" names the sayer too, but "X claimed that Y must" is no demand
    assert words.sayer == REPORTING_BEFORE | {"claim", "threaten"}


def test_lexicon_reporting_verbs_come_from_cue_verbs_except_the_marked_extra():
    cues = {row["lemma"]: row.get("events") or "" for row in load_table("cue_verbs.tsv")}
    marked = {lem for lem, role in cues.items() if role == "reporting"}
    extra = {r["word"] for r in load_table(lexicon.WORDS_FILE) if r["class"] == "reporting"}
    assert marked | extra == event_words().reporting
    assert not extra & set(cues)  # the extra words are exactly the ones cue_verbs.tsv lacks


def test_lexicon_cue_verbs_keeps_the_columns_the_speech_wing_reads():
    rows = load_table("cue_verbs.tsv")
    assert all(row["lemma"] and row["class"] and "complements" in row for row in rows)
    assert {row.get("events") or "" for row in rows} == {"", "reporting", "sayer"}


@pytest.mark.parametrize(
    ("cls", "word"),
    [
        ("control", "urge"),
        ("reciprocal", "meet"),
        ("together", "jointly"),
        ("non_agent", "resolution"),
        ("stative_passive", "oppose"),
        ("group_head", "party"),
        ("generic_head", "effort"),
        ("participation", "part"),
        ("person_object", "host"),
        ("arrival", "arrive"),
        ("failure", "fail"),
        ("offer", "offer"),
        ("call_out", "call"),
        ("denial_cue", "deny"),
    ],
)
def test_lexicon_word_classes_hold_their_words(cls, word):
    assert word in getattr(event_words(), cls)


def test_lexicon_context_words_map_modifiers_to_plover_contexts():
    contexts = event_words().contexts
    assert contexts["naval"] == "military" and contexts["nuclear"] == "cbrn"
    assert set(contexts.values()) == {
        "military",
        "economic",
        "humanitarian",
        "cbrn",
        "intelligence",
    }


def test_lexicon_is_loaded_once():
    assert event_words() is event_words()
    assert frame_codes() is frame_codes()


def test_lexicon_frame_tables_give_the_codes_of_the_codebook():
    codes = frame_codes()
    assert codes.intent["CONSULT"] == "036" and codes.intent["RETREAT"] == "035"
    assert codes.threat["ASSAULT"] == "138" and codes.threat["REJECT"] == "131"
    assert codes.reject["CONSULT"] == "125" and "ASSAULT" not in codes.reject
    assert codes.appeal["AID"] == "023" and codes.demand["AID"] == "103"
    assert codes.intent_sub["071"] == "0331" and codes.threat_sub["161"] == "1313"
    assert "THREATEN" not in codes.intent  # a planned attack is a threat, not an intent


def test_lexicon_frame_groups_are_disjoint_and_every_code_is_known():
    codes = frame_codes()
    assert codes.cooperative == {"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"}
    assert codes.yielding == {"RETREAT", "CONCEDE"}
    assert not codes.cooperative & codes.conflict and not codes.yielding & codes.conflict
    known = code_table()
    tables = (codes.intent, codes.threat, codes.reject, codes.appeal, codes.demand)
    for table in (*tables, codes.intent_sub, codes.threat_sub):
        assert set(table.values()) <= set(known)


@pytest.mark.parametrize("name", EVENT_FILES)
def test_lexicon_event_files_say_what_each_column_means(name):
    text = _read(name)
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("#") and comments
    header = next(line for line in text.splitlines() if line and not line.startswith("#"))
    for column in header.split("\t"):
        assert any(c.lstrip("# ").startswith(column) for c in comments), column


def test_lexicon_unknown_word_class_is_refused(monkeypatch):
    real = lexicon.load_table

    def fake(name):
        if name == lexicon.WORDS_FILE:
            return ({"word": "meet", "class": "reciprocl"},)
        return real(name)

    monkeypatch.setattr(lexicon, "load_table", fake)
    with pytest.raises(ValueError, match="unknown class 'reciprocl'"):
        lexicon.event_words.__wrapped__()


def test_lexicon_unknown_frame_code_is_refused(monkeypatch):
    real = lexicon.load_table

    def fake(name):
        if name == lexicon.FRAMES_FILE:
            row = {"plover": "AID", "group": "cooperative", "intent": "999"}
            return ({**row, "threat": "", "reject": "", "appeal": "", "demand": ""},)
        return real(name)

    monkeypatch.setattr(lexicon, "load_table", fake)
    with pytest.raises(ValueError, match="unknown CAMEO code '999'"):
        lexicon.frame_codes.__wrapped__()
