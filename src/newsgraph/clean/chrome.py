"""Page chrome in scraped text: captions, share rows, newsletters, cookies, teaser lists.

The rules are data (``lexicons/chrome_rules.tsv``: pattern, reason, action, word limit);
this module applies them line by line and decides where the article ends.

The hard part is the end of the page. A strong marker ("View All", "Related Topics",
"More from …") near the end is followed by teasers for other stories — headlines and
snippets cut off with "…" — and everything after it goes. The same marker in the middle
of a real article is followed by ordinary paragraphs, and then only the marker line goes.
A weak marker ("Read more: …") ends the article only when nothing but teasers and chrome
follows it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ..lexicons import load_table
from ..records import Removed
from .furniture import context_furniture, strip_hover_cards

RULES_FILE = "chrome_rules.tsv"

TEASER = "teaser"  # the reason for a piece of a teaser list that matches no rule itself

# A strong marker cuts when at least this share of the lines after it are teasers or
# chrome, and the words after it are no more than the words before it.
STRONG_TEASER_SHARE = 0.5
# A weak marker cuts only when (nearly) everything after it is teasers or chrome, and
# what follows is short next to the article.
WEAK_TEASER_SHARE = 0.8
WEAK_AFTER_RATIO = 0.5

HEADLINE_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_TRUNCATED = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")


@dataclass(frozen=True)
class Rule:
    """One chrome rule from the data file."""

    reason: str
    action: str  # line | cut | weak
    max_words: int
    pattern: re.Pattern[str]


@cache
def rules() -> tuple[Rule, ...]:
    """The chrome rules, compiled once."""
    out = []
    for row in load_table(RULES_FILE):
        if row["action"] not in ("line", "cut", "weak"):
            raise ValueError(f"{RULES_FILE}: unknown action {row['action']!r}")
        out.append(
            Rule(
                row["reason"],
                row["action"],
                int(row["max_words"]),
                re.compile(row["pattern"], re.IGNORECASE),
            )
        )
    return tuple(out)


def match_rule(line: str) -> Rule | None:
    """The first rule (in file order) that matches this stripped line within its word limit.

    Rules are grouped by word limit: a line is tried only against the one alternation of
    the rules that allow its length, so a long prose line meets few patterns.
    """
    n_words = len(line.split())
    limits = _limits()
    i = bisect.bisect_left(limits, n_words)
    if i == len(limits):
        return None  # longer than any rule allows: prose
    m = _combined(limits[i]).match(line)
    return rules()[int(m.lastgroup[1:])] if m and m.lastgroup else None


@cache
def _limits() -> tuple[int, ...]:
    return tuple(sorted({r.max_words for r in rules()}))


@cache
def _combined(min_limit: int) -> re.Pattern[str]:
    """One alternation of the rules allowed for lines of up to ``min_limit`` words, in file
    order, each in a named group ``r<index>`` so the match tells which rule it was."""
    parts = [
        f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(rules()) if r.max_words >= min_limit
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def is_teaser_like(line: str) -> bool:
    """A headline (short, no sentence end) or a snippet cut off with an ellipsis."""
    if _TRUNCATED.search(line):
        return True
    return len(line.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


@dataclass(frozen=True)
class _Line:
    index: int
    text: str  # stripped
    words: int
    rule: Rule | None
    teaser: bool


def _find_cut(lines: list[_Line]) -> int | None:
    """Position (in ``lines``) of the marker where the article ends, or None."""
    total_words = sum(x.words for x in lines)
    before_words = 0
    for pos, line in enumerate(lines):
        if line.rule and line.rule.action in ("cut", "weak"):
            after = lines[pos + 1 :]
            after_words = total_words - before_words - line.words
            share = (sum(1 for x in after if x.rule or x.teaser) / len(after)) if after else 1.0
            if line.rule.action == "cut":
                ok = share >= STRONG_TEASER_SHARE and after_words <= before_words
            else:
                ok = share >= WEAK_TEASER_SHARE and after_words <= WEAK_AFTER_RATIO * before_words
            if ok and before_words > 0:
                return pos
        if not line.rule:
            before_words += line.words
    return None


def chrome_lines(text: str, title: str | None = None) -> dict[int, str]:
    """The page chrome in ``text``: index in ``text.split("\\n")`` → reason, for each line
    that goes (whole lines only). ``title``, when known, lets a repeated headline go too."""
    raw_lines = text.split("\n")
    lines = []
    for i, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if stripped:
            rule = match_rule(stripped)
            lines.append(
                _Line(
                    i,
                    stripped,
                    len(stripped.split()),
                    rule,
                    rule is None and is_teaser_like(stripped),
                )
            )
    found = context_furniture(
        [(x.index, x.text, x.rule.reason if x.rule else None) for x in lines], title
    )
    if found:
        lines = [
            _Line(x.index, x.text, x.words, _CONTEXT[found[x.index]], False)
            if x.index in found and x.rule is None
            else x
            for x in lines
        ]
    cut = _find_cut(lines)
    drop: dict[int, str] = {}
    for pos, line in enumerate(lines):
        if cut is not None and pos >= cut:
            drop[line.index] = line.rule.reason if line.rule else TEASER
        elif line.rule:
            drop[line.index] = line.rule.reason
    return drop


# A line found by its context acts in the cut decision as a line rule of its reason.
_CONTEXT = {
    reason: Rule(reason, "line", 0, re.compile("$^"))
    for reason in ("title", "caption", "byline-noise", "related", "chrome")
}


def remove_chrome(text: str, title: str | None = None) -> tuple[str, tuple[Removed, ...]]:
    """The body without page chrome, and the removed pieces with their reasons.

    Whole lines are removed, and only one piece of a kept line: a hover card (The Hill's
    "Nancy Pelosi Nancy PelosiHouse Republicans … MORE"); every other kept line is exactly as
    it was. Runs of blank lines left behind are collapsed to one paragraph break. ``title`` (the
    article's headline, when the input gives it) lets a body line that repeats it go.
    """
    drop = chrome_lines(text, title)
    raw_lines = text.split("\n")
    cards: dict[int, list[str]] = {}
    if " MORE" in text:  # The Hill's hover cards, cut out of the lines that keep them
        for i, line in enumerate(raw_lines):
            if i not in drop and " MORE" in line:
                raw_lines[i], cards[i] = strip_hover_cards(line)
    if not drop and not any(cards.values()):
        return text.strip(), ()
    pieces = [(i, raw_lines[i].strip(), reason) for i, reason in drop.items()]
    pieces += [(i, card, "hover-card") for i, found in cards.items() for card in found]
    removed = tuple(
        Removed(piece, reason) for _i, piece, reason in sorted(pieces, key=lambda x: x[0])
    )
    kept = "\n".join(line for i, line in enumerate(raw_lines) if i not in drop)
    kept = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", kept)
    return kept.strip(), removed
