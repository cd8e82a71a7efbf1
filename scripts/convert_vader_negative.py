#!/usr/bin/env python3
"""Convert VADER's sentiment lexicon into newsgraph's negative- and positive-evaluation lists.

VADER (C.J. Hutto, MIT licence) rates ~7,500 English words from -4 (most negative) to +4
by the mean of ten human raters. ``src/newsgraph/lexicons/negative_evaluation.tsv`` keeps
the words (letters and hyphens only, no emoticons) rated -1.5 or lower: words that say
something is bad ("insulting", "unacceptable", "betrayal", "lied"). The events wing reads
a reported clause built on one of them as criticism of whom the clause is about.
``positive_evaluation.tsv`` keeps the words rated +1.5 or higher ("statesmanship", "win",
"friend"): a verdict built on one of them is praise (CAMEO 051).

Get the lexicon with the ordinary client, e.g.
    pip download vaderSentiment==3.3.2 --no-deps -d /tmp/vader
    unzip /tmp/vader/*.whl -d /tmp/vader
Usage: python3 scripts/convert_vader_negative.py /tmp/vader/vaderSentiment/vader_lexicon.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/newsgraph/lexicons/negative_evaluation.tsv"
OUT_POSITIVE = ROOT / "src/newsgraph/lexicons/positive_evaluation.tsv"
THRESHOLD = -1.5
THRESHOLD_POSITIVE = 1.5
WORD = re.compile(r"^[a-z][a-z-]+$")

LICENSE = """\
The MIT License (MIT)

Copyright (c) 2016 C.J. Hutto

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def header(positive: bool = False) -> str:
    first = (
        "Positive evaluation words: what a speaker says when praising (valence >= 1.5)."
        if positive
        else "Negative evaluation words: what a speaker says when finding fault (valence <= -1.5)."
    )
    scale = "1.5..4" if positive else "-4..-1.5"
    lines = [
        first,
        "Converted by scripts/convert_vader_negative.py from VADER's vader_lexicon.txt",
        f"(vaderSentiment 3.3.2). Regenerate, do not edit. Columns: word, valence ({scale}).",
        "",
        *LICENSE.splitlines(),
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines) + "word\tvalence\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows, positive = [], []
    for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORD.match(parts[0]) and float(parts[1]) <= THRESHOLD:
            rows.append((parts[0], parts[1]))
        elif len(parts) >= 2 and WORD.match(parts[0]) and float(parts[1]) >= THRESHOLD_POSITIVE:
            positive.append((parts[0], parts[1]))
    OUT.write_text(header() + "".join(f"{w}\t{v}\n" for w, v in sorted(rows)))
    print(f"{len(rows)} negative evaluation words -> {OUT.relative_to(ROOT)}")
    OUT_POSITIVE.write_text(
        header(positive=True) + "".join(f"{w}\t{v}\n" for w, v in sorted(positive))
    )
    print(f"{len(positive)} positive evaluation words -> {OUT_POSITIVE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
