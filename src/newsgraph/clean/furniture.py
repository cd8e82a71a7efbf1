"""Page furniture that only its context gives away, in text inputs (JSONL and plain text).

The line rules of :mod:`.chrome` judge each line alone. Some furniture looks like prose
until one knows where it stands or what the headline is:

- the headline repeated as the first line(s) of the body, or a photo caption that ends with
  it ("… in the first place. | Getty The propaganda war Obama is losing");
- a line of names just above a byline line ("Nicole Gaudiano" over "USA TODAY");
- the author's note at the top or the very end ("Rich Lowry is editor of National Review.");
- an image title repeated at the start of the caption line under it;
- The Hill's hover cards, the one piece cut out of a line: "Sen. Marco Rubio Marco Antonio
  RubioGOP senators plan to … MORE (R-Fla.)" keeps "Sen. Marco Rubio (R-Fla.)".

Everything here is positional and conservative: a line is furniture only when both its
form and its place say so, so a real first paragraph or closing sentence stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TITLE_WINDOW = 3  # the headline is repeated within the first lines, if at all
MIN_LINES = 3  # a text of fewer lines is a sentence or two, not a page with furniture
BIO_TAIL = 3  # an author's note is among the last lines (or the first)
TAIL_MIN_WORDS = 3
TAIL_TITLE_SHARE = 0.6
TITLE_PREFIX_SHARE = 0.5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# where a caption's own text stops and the headline after it starts
_TAIL_START = re.compile(r"(?:[.!?][\"'”’)\]]*|\|\s*(?:getty|ap photos?|reuters|afp)\b)\s+")
_NAME = r"[A-Z][\w.'’-]+"
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_NAMES_ONLY = re.compile(rf"^{_NAME}(?:(?:\s+|\s*,\s*|\s*,?\s+and\s+|\s*&\s*){_NAME})*$")
_BIO = re.compile(
    rf"^[—–•-]?\s*{_NAME}(?:\s+{_NAME}){{1,3}},?\s+"
    r"(?:(?:is|was)\s+(?:a|an|the|(?:senior |contributing |executive )?editor)\b"
    r"|writes\s+(?:his|her|a|the)\b|covers\b)"
)
_BIO_JOB = re.compile(
    r"\b(?:editor|columnist|writer|reporter|correspondent|contributor|author|host|blogger|"
    r"commentator|blog|column)s?\b",
    re.IGNORECASE,
)
BIO_MAX_WORDS = 60

Entry = tuple[int, str, str | None]  # line index, stripped text, reason of its line rule


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _title_line(text: str, title_words: list[str]) -> bool:
    """The headline itself, or the headline with its standfirst run on after it."""
    words = _words(text)
    if not words or not title_words:
        return False
    short, long = sorted((words, title_words), key=len)
    # the headline with its standfirst run on, or the title field with a tail the page added
    return long[: len(short)] == short and (
        short == long or len(short) >= 4 and len(short) >= TITLE_PREFIX_SHARE * len(long)
    )


def _ends_with_title(text: str, title_words: list[str]) -> bool:
    """A caption with the headline run on after it: "<caption>. <headline>"."""
    if not title_words or _SENTENCE_END.search(text):
        return False
    starts = [m.end() for m in _TAIL_START.finditer(text)]
    if not starts:
        return False
    tail = _words(text[starts[-1] :])
    if len(tail) < TAIL_MIN_WORDS:
        return False
    known = set(title_words)
    return sum(w in known for w in tail) / len(tail) >= TAIL_TITLE_SHARE


def _is_bio(text: str, first: bool) -> bool:
    """An author's note; at the top, its first sentence must name the job."""
    if len(text.split()) > BIO_MAX_WORDS or not _BIO.match(text):
        return False
    return _BIO_JOB.search(text.split(". ", 1)[0] if first else text) is not None


# a photo credit in brackets at the end of the first line: "… in Henderson, Nev. (Gage Skidmore)"
_FIRST_LINE_CREDIT = re.compile(rf"\(\s*{_NAME}(?:\s+{_NAME}){{1,3}}\s*\)$")
CREDIT_LINE_MAX_WORDS = 40


def context_furniture(lines: Sequence[Entry], title: str | None = None) -> dict[int, str]:
    """Furniture found by context among the non-empty lines of a body: index → reason.

    ``lines`` are (index, stripped text, reason of the line rule that matched or None), in
    order; only lines that no rule matched are judged here.
    """
    out: dict[int, str] = {}
    n = len(lines)
    page = n >= MIN_LINES  # a sentence or two has no byline or author's note around it
    # an e-mail address alone under the byline at the top ("tmilliard@rgj.com")
    for index, text, reason in lines[:TITLE_WINDOW] if page else ():
        if reason is None and _EMAIL.match(text):
            out[index] = "byline-noise"
    title_words = _words(title) if title else []
    for pos, (index, text, reason) in enumerate(lines):
        if reason is not None or index in out:
            continue
        nxt = lines[pos + 1] if pos + 1 < n else None
        if nxt is not None and nxt[0] in out:
            nxt = (nxt[0], nxt[1], out[nxt[0]])
        if pos < TITLE_WINDOW and _title_line(text, title_words):
            out[index] = "title"
        elif pos < 2 and _ends_with_title(text, title_words):
            out[index] = "caption"
        elif not page:
            continue
        elif (
            pos == 0
            and len(text.split()) <= CREDIT_LINE_MAX_WORDS
            and _FIRST_LINE_CREDIT.search(text)
        ):
            out[index] = "caption"
        elif (
            pos < TITLE_WINDOW
            and nxt is not None
            and nxt[2] == "byline-noise"
            and len(text.split()) <= 10
            and _NAMES_ONLY.match(text)
        ):
            out[index] = "byline-noise"
        elif (pos == 0 or pos >= n - BIO_TAIL) and _is_bio(text, pos == 0):
            out[index] = "byline-noise"
        elif (
            nxt is not None
            and nxt[2] == "caption"
            and len(text.split()) <= 20
            and nxt[1].startswith(text)
        ):
            out[index] = "caption"
    return out


# a hover card opens with the person's full name glued to its first headline ("PelosiHouse")
_GLUED_NAME = re.compile(r"(?<= )(?:Mc|Mac)?[A-Z][a-z'’-]+(?=[A-Z\"“‘'(0-9])")
_WORD_BEFORE = re.compile(r"(\S+) +$")
_CARD_END = re.compile(r" MORE\b")
CARD_MAX_CHARS = 700
CARD_NAME_WORDS = 4


def _card_start(line: str, glued: re.Match[str]) -> int | None:
    """Where the card's full name starts: right after the same surname shown in the text."""
    last = glued.group()
    start = glued.start()
    for _ in range(CARD_NAME_WORDS + 1):
        m = _WORD_BEFORE.search(line, 0, start)
        if m is None:
            return None
        if m.group(1) == last:
            return start
        start = m.start()
    return None


def strip_hover_cards(line: str) -> tuple[str, list[str]]:
    """The line without The Hill's hover cards, and the cards cut out.

    A card follows a person's name: the card's full name ends with the same surname and is
    glued to its first headline; the card ends at "MORE" ("Pelosi Nancy PelosiHouse
    Republicans … MORE").
    """
    cards: list[str] = []
    out: list[str] = []
    pos = 0
    for glued in _GLUED_NAME.finditer(line):
        if glued.start() < pos:
            continue
        start = _card_start(line, glued)
        end = _CARD_END.search(line, glued.end(), glued.end() + CARD_MAX_CHARS)
        if start is None or end is None or start < pos:
            continue
        out.append(line[pos : start - 1])  # without the space before the card
        cards.append(line[start : end.end()])
        pos = end.end()
    if not cards:
        return line, []
    out.append(line[pos:])
    return "".join(out), cards


__all__ = ["context_furniture", "strip_hover_cards"]
