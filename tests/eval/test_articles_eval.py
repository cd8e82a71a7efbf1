"""``newsgraph eval articles`` agrees with the reference scorer (shared/eval/score.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import need_shared
from newsgraph.config import Settings
from newsgraph.evaluate.articles import (
    analyze_records,
    article_inputs,
    find_articles_dir,
    load_golds,
    score,
)

pytestmark = pytest.mark.model

_ARTICLE = re.compile(
    r"^(?P<stem>\S+)\s+events: (?P<n>\d+) predicted, P (?P<pl>[\d.]+)/(?P<ps>[\d.]+)"
    r" R (?P<rl>\d+)/(?P<rs>\d+) of (?P<req>\d+)",
    re.M,
)
_TOTAL = re.compile(
    r"(?P<n>\d+) events predicted \((?P<dup>\d+) duplicate mentions\), (?P<req>\d+) required gold; "
    r"precision lenient (?P<pl>[\d.]+) strict (?P<ps>[\d.]+); recall lenient (?P<rl>[\d.]+) "
    r"strict (?P<rs>[\d.]+)"
)


@pytest.fixture(scope="module")
def data_dir() -> Path:
    need_shared("golden", "articles")
    need_shared("eval", "score.py")
    return need_shared("eval", "data")


@pytest.fixture(scope="module")
def golds(data_dir):
    return load_golds(find_articles_dir(data_dir))


@pytest.fixture(scope="module")
def outputs(golds, data_dir, nlp):
    results = analyze_records(article_inputs(golds, data_dir), Settings(), nlp)
    assert all(isinstance(r, dict) for r in results), [r for r in results if isinstance(r, str)]
    return results


def _reference(outputs, golds_dir: Path, tmp_path: Path) -> str:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in outputs), encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            str(need_shared("eval", "score.py")),
            "articles",
            str(path),
            str(golds_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _assert_agree(golds, outputs, data_dir, tmp_path) -> dict:
    stdout = _reference(outputs, find_articles_dir(data_dir), tmp_path)
    metrics, _ = score(golds, outputs)
    per_article = list(_ARTICLE.finditer(stdout))
    assert len(per_article) == metrics["articles"] == len(golds), stdout
    for m in per_article:
        stem = m["stem"]
        assert f"{metrics[f'{stem} precision lenient']:.2f}" == m["pl"], stem
        assert f"{metrics[f'{stem} precision strict']:.2f}" == m["ps"], stem
        req = int(m["req"])
        assert round(metrics[f"{stem} recall lenient"] * max(req, 1)) == int(m["rl"]), stem
        assert round(metrics[f"{stem} recall strict"] * max(req, 1)) == int(m["rs"]), stem
    total = _TOTAL.search(stdout)
    assert total, stdout
    assert metrics["events predicted"] == int(total["n"])
    assert metrics["duplicate mentions"] == int(total["dup"])
    assert metrics["required gold events"] == int(total["req"])
    for ours, theirs in (("precision lenient", "pl"), ("precision strict", "ps")):
        assert f"{metrics[ours]:.3f}" == total[theirs], ours
    for ours, theirs in (("recall lenient", "rl"), ("recall strict", "rs")):
        assert f"{metrics[ours]:.3f}" == total[theirs], ours
    return metrics


def test_articles_eval_inputs_agree_with_reference(golds, data_dir, tmp_path):
    dest = tmp_path / "in.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(need_shared("eval", "score.py")),
            "articles-inputs",
            str(find_articles_dir(data_dir)),
            str(dest),
        ],
        check=True,
    )
    theirs = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert article_inputs(golds, data_dir) == theirs


def test_articles_eval_agrees_with_reference_scorer(golds, outputs, data_dir, tmp_path):
    metrics = _assert_agree(golds, outputs, data_dir, tmp_path)
    assert metrics["events predicted"] > 0 and 0 < metrics["precision lenient"] < 1


def test_articles_eval_agrees_on_a_degraded_output(golds, outputs, data_dir, tmp_path):
    # every other event dropped, recipients cleared, one negation flipped, one event
    # repeated (a duplicate mention): both scorers must see the same losses
    degraded = []
    for out in outputs:
        out = json.loads(json.dumps(out))
        events = out["events"][::2]
        for e in events[::3]:
            e["recipients"] = []
        if events:
            events[0]["negated"] = not events[0]["negated"]
            events.append(dict(events[0]))
        out["events"] = events
        degraded.append(out)
    before, _ = score(golds, outputs)
    after = _assert_agree(golds, degraded, data_dir, tmp_path)
    assert after["recall lenient"] < before["recall lenient"]
    assert after["duplicate mentions"] > before["duplicate mentions"]
