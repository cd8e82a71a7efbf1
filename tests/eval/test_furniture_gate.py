"""Evaluation gate: page furniture in text inputs, hand-labelled AllSides articles.

Floors: the issue's targets (precision 0.95, recall 0.90) on both the 300 articles the rules
were written on (dev; measured P 1.000 R 0.984 when set) and the 60 held-out articles
(P 1.000 R 0.823 before any rule was changed for them, R 0.954 after). Raising a floor is
easy, lowering one needs a reason in the commit.
"""

from __future__ import annotations

import json

import pytest

from conftest import need_shared
from newsgraph.evaluate.furniture import LABELS, load_labels, run

FLOORS = {"precision": 0.95, "recall": 0.90}


@pytest.mark.parametrize("split", sorted(LABELS))
def test_furniture_gate(split):
    need_shared("eval", "data", "corpora", "allsides-article-bias", "articles.jsonl.gz")
    m = run(need_shared("eval", "data"), split=split).metrics
    assert m["drifted_lines"] == 0 and m["drifted_articles"] == 0, m
    for key, floor in FLOORS.items():
        assert m[key] >= floor, (split, m)
    assert m["hard_negatives_removed"] == 0, m


def test_furniture_labels_hold_no_article_text():
    # labels only: id, line number, label, an 8-digit hash and a short note
    for split in LABELS:
        for art, labels in load_labels(split).items():
            assert len(art) == 16 and len(labels.text_hash) == 8
            for label, digest in labels.lines.values():
                assert len(digest) == 8 and len(label) <= 16


def test_furniture_sample_is_300_articles_outside_the_golden_set():
    golden = need_shared("golden", "articles")
    used = {json.loads(p.read_text())["input"].get("allsides_id") for p in golden.glob("*.json")}
    dev, held = load_labels("dev"), load_labels("heldout")
    assert len(dev) >= 300 and len(held) >= 50
    assert not (dev.keys() | held.keys()) & used
    assert not dev.keys() & held.keys()


def test_furniture_eval_command_prints_the_figures():
    from click.testing import CliRunner

    from newsgraph.cli import cli

    data = need_shared("eval", "data")
    result = CliRunner().invoke(
        cli, ["eval", "furniture", "--data", str(data), "--limit", "20", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["articles"] == 20
    assert 0 < metrics["precision"] <= 1 and 0 < metrics["recall"] <= 1


def test_furniture_unknown_split_is_an_eval_data_error():
    from newsgraph.errors import EvalDataError

    with pytest.raises(EvalDataError):
        load_labels("test")
