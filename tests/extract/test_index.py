"""MentionIndex: which actor a span of text refers to."""

from __future__ import annotations

from newsgraph.extract.index import MentionIndex
from newsgraph.records import Actor, Span

TEXT = "Putin met Li Shangfu in Moscow. He said the talks went well."


def _actors():
    return [
        Actor("a1", "Vladimir Putin", "person", (Span.of(TEXT, 0, 5),)),
        Actor("a2", "Li Shangfu", "person", (Span.of(TEXT, 10, 20), Span.of(TEXT, 32, 34))),
    ]


def test_index_finds_actor_by_overlap():
    ix = MentionIndex(_actors())
    assert ix.at(32, 34).id == "a2"  # the pronoun mention
    assert ix.at(13, 20).id == "a2"  # part of a mention
    assert ix.at(0, 40).id == "a2"  # the longest overlap wins: 10 chars against 5
    assert ix.at(6, 9) is None


def test_index_overlapping_lists_every_mention():
    found = MentionIndex(_actors()).overlapping(0, 34)
    assert [(m.text, a.id) for m, a in found] == [
        ("Putin", "a1"),
        ("Li Shangfu", "a2"),
        ("He", "a2"),
    ]


def test_index_empty():
    assert MentionIndex([]).at(0, 5) is None
