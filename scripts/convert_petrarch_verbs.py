#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary into newsgraph's speech-act cue lexicon.

Reads ``CAMEO.2.0.txt`` (PETRARCH2, Open Event Data Alliance, MIT licence) and writes
``src/newsgraph/lexicons/speech_act_verbs.tsv``: every single-word verb of the dictionary
whose code is a speech act — CAMEO's verbal codes that are acts of speaking: roots 01-03
(statements other than the neutral 010, appeals, intents) and 10-13 (demands, disapproval,
rejection, threats), and of root 05 the verbal ones (051 praise, 052 defend verbally, 053
rally support, 055 apologize, 056 forgive) — with that code. A verb's code is its own
``[code]``, else its synonym block's, else (a block coded ``---``, e.g. DENY, REJECT) the
code its own patterns most often give (the patterns' comments name the verb). Neutral
statements (010, "say", "tell"), meetings (04), 050/054/057 (cooperation, recognition,
signing: acts, not words) and the material roots 06-09 are left out. A verb listed in
blocks of different CAMEO roots is ambiguous in the dictionary itself and is left out too,
unless the verb's own ``[code]`` settles it (an explicit code outranks inherited ones);
within one root the most general code (the shortest, then the smallest) is kept.

Usage: python3 scripts/convert_petrarch_verbs.py [PATH/TO/CAMEO.2.0.txt]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared/eval/data/petrarch/petrarch2/dictionaries/CAMEO.2.0.txt"
OUT = ROOT / "src/newsgraph/lexicons/speech_act_verbs.tsv"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB = re.compile(r"^([A-Z][A-Z_]*)\s*(?:\[([^\]]*)\])?")

LICENSE = """\
The MIT License (MIT)

Copyright (c) 2015 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def header() -> str:
    lines = [
        "Speech-act verbs: reporting verbs whose use is itself a CAMEO verbal event.",
        "Converted by scripts/convert_petrarch_verbs.py from PETRARCH2's CAMEO verb dictionary",
        "(CAMEO.2.0.txt). Regenerate, do not edit. Columns: lemma (lower case), cameo.",
        "",
        *LICENSE.splitlines(),
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines) + "lemma\tcameo\n"


SPEECH_ROOTS = ("01", "02", "03", "10", "11", "12", "13")
VERBAL_05 = ("051", "052", "053", "055", "056")
PATTERN = re.compile(r"^-.*\[(\d+)\]\s*#\s*([A-Z_]+)")


def speech_code(code: str | None) -> bool:
    if not code or not code.isdigit() or code == "010":
        return False
    return code[:2] in SPEECH_ROOTS or code[:3] in VERBAL_05


def _pattern_code(counts: dict[str, int]) -> str | None:
    """The code a verb's own patterns most often give (ties: the smallest)."""
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def convert(src: Path) -> dict[str, str]:
    codes: dict[str, set[str]] = defaultdict(set)
    explicit: dict[str, set[str]] = defaultdict(set)
    patterns: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    block = None
    for raw in src.read_text(encoding="latin-1").splitlines():
        p = PATTERN.match(raw.strip())
        if p and block == "---":
            patterns[p.group(2).lower()][p.group(1)] += 1
        line = raw.split("#", 1)[0].rstrip()
        m = BLOCK.match(line)
        if m:
            block = m.group(2).strip()
            continue
        if not line or line.startswith(("-", " ", "\t")) or block is None:
            continue
        v = VERB.match(line)
        if not v or "_" in v.group(1):
            continue  # multi-word forms: phrases, not a cue verb
        code = (v.group(2) or block).strip()
        codes[v.group(1).lower()].add(code)
        if v.group(2) and v.group(2).strip() != "---":
            explicit[v.group(1).lower()].add(v.group(2).strip())
    out: dict[str, str] = {}
    for verb, found in codes.items():
        if explicit.get(verb):
            found = set(explicit[verb])
        if "---" in found:
            found.discard("---")
            best = _pattern_code(patterns.get(verb, {}))
            if best:
                found.add(best)
        if not found or not all(speech_code(c) for c in found):
            continue
        if len({c[:2] for c in found}) > 1:
            continue
        out[verb] = min(found, key=lambda c: (len(c), c))
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT
    table = convert(src)
    OUT.write_text(header() + "".join(f"{v}\t{c}\n" for v, c in sorted(table.items())))
    print(f"{len(table)} speech-act verbs -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
