"""``newsgraph eval seed`` agrees with the independent reference scorer (shared/eval/score.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import need_shared
from newsgraph.evaluate.seed import score_seed

pytestmark = pytest.mark.model


def _reference(out_path) -> tuple[dict[str, tuple[int, int]], int]:
    script = need_shared("eval", "score.py")
    proc = subprocess.run(
        [sys.executable, str(script), "seed", str(out_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    sections = {
        m.group(1): (int(m.group(2)), int(m.group(3)))
        for m in re.finditer(r"^(\w+)\s+(\d+)/(\d+)$", proc.stdout, re.M)
    }
    violations = re.search(r"(\d+) must_not violations", proc.stdout)
    assert sections and violations, proc.stdout + proc.stderr
    return sections, int(violations.group(1))


def test_seed_eval_agrees_with_reference_scorer(seed_analysis, seed_dir, tmp_path):
    out = seed_analysis.to_dict()
    path = tmp_path / "out.json"
    path.write_text(json.dumps(out), encoding="utf-8")
    ref_sections, ref_violations = _reference(path)
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    ours = score_seed(gold, out)
    assert ours.sections == ref_sections
    assert len(ours.violations) == ref_violations


def test_seed_eval_agrees_on_a_degraded_output(seed_analysis, seed_dir, tmp_path):
    # drop half the actors and every event: both scorers must see the same losses
    out = seed_analysis.to_dict()
    out["actors"] = out["actors"][::2]
    out["events"] = []
    out["actors"].append({"id": "zz", "name": "Shangfu", "type": "person", "mentions": []})
    path = tmp_path / "out.json"
    path.write_text(json.dumps(out), encoding="utf-8")
    ref_sections, ref_violations = _reference(path)
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    ours = score_seed(gold, out)
    assert ours.sections == ref_sections and len(ours.violations) == ref_violations >= 1
    assert ours.sections["actors"][0] < ours.sections["actors"][1]
