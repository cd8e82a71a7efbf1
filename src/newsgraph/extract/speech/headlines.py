"""Headline attributions, read from the line rather than the parse (which is poor on
title-case lines): ``Name: what they said`` and ``Name Says What They Said``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ...lexicons import load_words
from .cues import cue_lexicon
from .draft import Draft, SpeechContext
from .speakers import resolve


@cache
def _headline_labels() -> frozenset[str]:
    return load_words("headline_labels.txt")


def headline_colons(ctx: SpeechContext) -> Iterable[Draft]:
    """``Wash Post Fact-Check: If Obama Says It, It's True`` — a short line whose head is a
    name and a colon: the name is the source of what follows."""
    text = ctx.text
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        colon = line.find(": ")
        if colon <= 0:
            continue
        head, rest = line[:colon].strip(), line[colon + 2 :].strip()
        if not head or not rest or len(head.split()) > 6 or len(rest.split()) < 3:
            continue
        if len(line.split()) > 30 and not head.isupper():
            continue  # long lines only for transcript labels ("PENCE: Well, …")
        if (
            head.lower() in _headline_labels()
            or not head[0].isupper()
            or any(ch.isdigit() for ch in head)
        ):
            continue
        src = ctx.doc.char_span(start + line.index(head), start + colon, alignment_mode="expand")
        if src is None or any(t.tag_.startswith("VB") for t in src) or ctx.quoted[start + colon]:
            continue
        if not any(t.tag_ in ("NNP", "NNPS") for t in src):
            continue
        c0 = start + colon + 2 + (len(line[colon + 2 :]) - len(line[colon + 2 :].lstrip()))
        c1 = c0 + len(rest)
        while c1 > c0 and text[c1 - 1] in ".":
            c1 -= 1
        d = Draft(
            kind="indirect",
            content=(c0, c1),
            cue=(start + colon, start + colon + 1),
            confidence=0.6,
        )
        resolve(ctx, d, src.root)
        d.source_span = (src.start_char, src.end_char)  # the whole name before the colon
        yield d


_TITLE_WORD = re.compile(r"[A-Z][\w’'-]*")


def headline_says(ctx: SpeechContext) -> Iterable[Draft]:
    """``Hillary Clinton Says EgyptAir Crash Seems Like An ‘Act Of Terrorism’`` — a title-case
    line (the parse of such lines is poor) with a capitalised cue verb in it."""
    text = ctx.text
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = line.split()
        if not 4 <= len(words) <= 30 or ": " in line:
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        if caps < 0.6 * len(words):
            continue  # not title case: the parse-based rules handle it
        d = _title_case_says(ctx, line, start)
        if d is not None:
            yield d


def _title_case_says(ctx: SpeechContext, line: str, start: int) -> Draft | None:
    """The attribution of one title-case line at ``start``: its first inflected cue verb
    with a name before it and words after it."""
    text = ctx.text
    lex = cue_lexicon()
    for m in _TITLE_WORD.finditer(line):
        w = m.group()
        cue = lex.get(w.lower())
        # an inflected verb ("Says", "Warns"); a bare "Say" or "Call" is an imperative
        if cue is None or not ({"c", "q"} & set(cue.complements)) or w.lower() == cue.lemma:
            continue
        head, rest = line[: m.start()].strip(), line[m.end() :].strip()
        if not 1 <= len(head.split()) <= 8 or len(rest.split()) < 2:
            return None
        c0 = start + m.end() + (len(line[m.end() :]) - len(line[m.end() :].lstrip()))
        c1 = c0 + len(rest)
        while c1 > c0 and text[c1 - 1] in ". ":
            c1 -= 1
        src = ctx.doc.char_span(
            start, start + len(line[: m.start()].rstrip()), alignment_mode="expand"
        )
        d = Draft(
            kind="indirect",
            content=(c0, c1),
            cue=(start + m.start(), start + m.end()),
            confidence=0.6,
        )
        if src is not None and len(src):
            heads = [t for t in src if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
            resolve(ctx, d, heads[-1] if heads else src[-1])
        return d
    return None
