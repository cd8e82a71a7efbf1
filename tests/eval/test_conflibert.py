# ruff: noqa: E501 - hand-made outputs read best one to a line
"""ConfliBERT coarse-class evaluation: class rules and macro F1 (no model needed)."""

from __future__ import annotations

import pytest

from conftest import need_shared
from newsgraph.evaluate.conflibert import load_split, macro_f1, predict_class
from newsgraph.records import Analysis, Article, Event, Span

ART = Article(id="x", text="Troops attacked.")
SPAN = Span.of(ART.text, 0, 6)


def _event(cameo, quad=None, conf=0.5, goldstein=None, negated=False):
    return Event(
        "e",
        None,
        cameo,
        SPAN,
        SPAN,
        quad_class=quad,
        confidence=conf,
        goldstein=goldstein,
        negated=negated,
    )


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], 0),
        ([_event("010", quad=1)], 0),  # a statement is neutral whatever its quad class
        ([_event("043", quad=1)], 1),
        ([_event("190")], 4),  # no quad class: from the CAMEO root
        ([_event("111")], 3),
        ([_event("190", quad=4, negated=True)], 0),  # a denied attack is not one
        ([_event("043", quad=1, conf=0.4), _event("190", quad=4, conf=0.9)], 4),
        (
            [
                _event("043", quad=1, conf=0.9, goldstein=2.8),
                _event("190", quad=4, conf=0.9, goldstein=-10),
            ],
            4,
        ),
    ],
)
def test_conflibert_predict_class(events, expected):
    assert predict_class(Analysis(article=ART, events=tuple(events))) == expected


def test_conflibert_macro_f1():
    macro, per = macro_f1([0, 1, 2, 3, 4, 4], [0, 1, 2, 3, 4, 3])
    assert (
        per[0] == per[1] == per[2] == 1.0
        and per[4] == pytest.approx(2 / 3)
        and per[3] == pytest.approx(2 / 3)
    )
    assert macro == pytest.approx((3 + 4 / 3) / 5)


def test_conflibert_load_split_reads_labels_and_refuses_test():
    items = load_split(need_shared("eval", "data"), "train", limit=5)
    assert len(items) == 5 and all(label in range(5) and text for text, label in items)
    assert not any(text.endswith("\r") for text, _ in items)
    with pytest.raises(Exception, match="held out"):
        load_split(need_shared("eval", "data"), "test")
