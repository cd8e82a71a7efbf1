"""Quote-mark scanning: where the directly quoted stretches of an article are.

A pure scan over the article string, before any parse is consulted. It pairs opening and
closing double quotes (straight ``"``, curly ``“ ”`` and PTB-style ``\u0060\u0060 ''``, mixed
freely: the seed opens with ``"`` and closes with ``”``), lets a quote run over several
paragraphs when each following paragraph opens with a quote mark (the newspaper
convention: no closing mark until the last paragraph), and bounds an unclosed quote to
its paragraph so a stray mark never swallows the rest of the article. Single quotes are
read only in headline-like lines (``Lake says 'Trump is the man'``), where they stand for
double quotes; elsewhere they are apostrophes or quotes nested in a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that may sit just before an opening mark / just after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:\u00a0")
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-/\u00a0")
_DOUBLE = {
    '"': "either",
    "\u201c": "open",
    "\u201d": "close",
    "\u201e": "open",
    "\u00ab": "open",
    "\u00bb": "close",
}
_SINGLE = {"'": "either", "\u2018": "open", "\u2019": "close"}
_PTB = re.compile(r"``|''")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch: ``start:end`` is the content without the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote was never closed
    paragraphs: int = 1  # how many paragraphs it runs over
    single: bool = False  # read from single quotes (headline style)

    close_width: int = 1  # 2 for a PTB-style '' mark

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def outer_end(self) -> int:
        """End offset including the closing mark (or the content end when unclosed)."""
        return self.end if self.close_mark is None else self.close_mark + self.close_width


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    width: int
    role: str  # open | close | either


def _role(text: str, i: int, width: int, glyph_role: str) -> str:
    """Decide from the neighbours whether a mark opens or closes; fall back on its glyph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = before in _BEFORE_OPEN or before in _DOUBLE or before in _SINGLE
    closes = after in _AFTER_CLOSE or after in _DOUBLE or after in _SINGLE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return glyph_role


def _double_marks(text: str, start: int, end: int) -> list[_Mark]:
    marks = []
    for m in _PTB.finditer(text, start, end):
        role = "open" if m.group() == "``" else "close"
        marks.append(_Mark(m.start(), 2, _role(text, m.start(), 2, role)))
    ptb = {p for m in marks for p in (m.pos, m.pos + 1)}
    for i in range(start, end):
        ch = text[i]
        if ch in _DOUBLE and i not in ptb:
            marks.append(_Mark(i, 1, _role(text, i, 1, _DOUBLE[ch])))
    marks.sort(key=lambda m: m.pos)
    return marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), trailing whitespace excluded."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quotes(text: str) -> list[Quote]:
    """Every quoted stretch of ``text``, in order; never raises on unbalanced marks."""
    paras = _paragraphs(text)
    quotes: list[Quote] = []
    open_at: _Mark | None = None  # the unclosed opening mark carried across paragraphs
    n_paras = 0
    for k, (ps, pe) in enumerate(paras):
        marks = _double_marks(text, ps, pe)
        if open_at is not None:
            # A quote left open at the end of the previous paragraph continues only if this
            # paragraph starts with an opening mark; otherwise it ended with its paragraph.
            if marks and marks[0].pos == ps and marks[0].role != "close":
                marks = marks[1:]
                n_paras += 1
            else:
                quotes.append(_unclosed(text, open_at, paras[k - 1][1], n_paras))
                open_at = None
        for m in marks:
            role = m.role
            if role == "either":
                role = "close" if open_at is not None else "open"
            if role == "open":
                # Two openings in a row: the first was stray; the later one counts.
                open_at = m
                n_paras = 1
            elif open_at is not None:
                s, e = _trim(text, open_at.pos + open_at.width, m.pos)
                if s < e:
                    quotes.append(Quote(s, e, open_at.pos, m.pos, n_paras, close_width=m.width))
                open_at = None
        if not marks and open_at is None and _headline_like(text, ps, pe):
            quotes.extend(_single_quotes(text, ps, pe))
    if open_at is not None and paras:
        quotes.append(_unclosed(text, open_at, paras[-1][1], n_paras))
    return [q for q in quotes if q.end > q.start]


def _unclosed(text: str, mark: _Mark, para_end: int, n_paras: int) -> Quote:
    s, e = _trim(text, mark.pos + mark.width, para_end)
    return Quote(s, e, mark.pos, None, max(n_paras, 1))


def _headline_like(text: str, start: int, end: int) -> bool:
    """A short line without sentence-final punctuation: a title, headline or teaser."""
    line = text[start:end]
    return len(line) <= 200 and line[-1] not in ".!?\"”'’:" and len(line.split()) >= 3


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    out = []
    open_pos: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _SINGLE:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: don't, Xi's
        role = _role(text, i, 1, _SINGLE[ch])
        if role == "either":
            role = "close" if open_pos is not None else "open"
        if role == "open" and after.isalnum():
            open_pos = i
        elif (
            role == "close"
            and open_pos is not None
            and not (before == "s" and after == " " and _plural_possessive(text, i))
        ):
            s, e = _trim(text, open_pos + 1, i)
            if s < e:
                out.append(Quote(s, e, open_pos, i, 1, single=True))
            open_pos = None
    return out


def _plural_possessive(text: str, i: int) -> bool:
    """``players' union``: an apostrophe after a plural -s followed by a lower-case word."""
    rest = text[i + 1 : i + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].islower()
