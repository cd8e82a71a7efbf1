"""Near-duplicate grouping with MinHash LSH."""

from __future__ import annotations

from newsgraph.link.duplicates import group_duplicates, shingles, signature

WIRE = (
    "MOSCOW (Reuters) - Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu "
    "on Sunday and praised military cooperation between the two countries, which he said was "
    "growing stronger every year despite pressure from the West. The two men spoke for three "
    "hours in the Kremlin, according to a statement released after the meeting by Moscow."
)


def test_duplicates_shingles_are_word_5grams_case_blind():
    assert shingles("One two three four five six") == {
        b"one two three four five",
        b"two three four five six",
    }
    assert shingles("Short TEXT") == {b"short text"}
    assert shingles("") == set()


def test_duplicates_syndicated_copy_grouped_other_story_not():
    copy = WIRE.replace("MOSCOW (Reuters) - ", "") + " Reporting by a staff writer."
    other = "Joe Biden visited Kyiv on Monday and announced new military aid for Ukraine."
    sigs = {"b-copy": signature(copy), "a-wire": signature(WIRE), "c-other": signature(other)}
    groups = group_duplicates(sigs, threshold=0.8)
    assert set(groups) == {"a-wire", "b-copy"}
    assert groups["a-wire"] == ("a-wire", 1.0)
    group, similarity = groups["b-copy"]
    assert group == "a-wire" and 0.8 <= similarity < 1.0


def test_duplicates_threshold_separates_rewrites():
    rewrite = (
        " ".join(WIRE.split()[:25]) + " Officials in Beijing declined to comment on the talks, and "
    )
    rewrite += (
        "analysts said little had been agreed beyond a promise to meet again next spring in China."
    )
    sigs = {"a": signature(WIRE), "b": signature(rewrite)}
    assert group_duplicates(sigs, threshold=0.8) == {}
    assert set(group_duplicates(sigs, threshold=0.2)) == {"a", "b"}


def test_duplicates_signature_is_stable_bytes():
    assert signature(WIRE) == signature(WIRE) and len(signature(WIRE)) == 128 * 8
