"""Direct quotes: tie each quoted stretch (:mod:`.quotes`) to its cue and speaker.

The cue verb nearest to the quote in its sentence(s) wins — the one governing it in the
parse first; failing that a dash and a name after it (``“…” ― Sonya Herridge``), a name or
clause and a colon before it (``Putin: "…"``), a cue in the next sentence ("… \u201d The
minister said this on Monday") or the previous one ("Smith spoke to reporters. \u201c…\u201d"),
or the speaker of the quote just before (a quote running on in the next paragraph).
"""

from __future__ import annotations

import re

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ..syntax import subject_of
from .cues import cue_of
from .draft import FINITE, Draft, SpeechContext
from .quotes import Quote
from .speakers import name_head, on_cue_line, resolve


def _direct(ctx: SpeechContext, q: Quote, earlier: list[Draft]) -> Draft | None:
    """The attribution of quote ``q`` (``earlier``: the direct drafts before it), or None
    for a quoted stretch that is no quotation."""
    inner = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    words = [t for t in inner if not t.is_punct]
    alpha = [t for t in words if any(ch.isalpha() for ch in t.text)]
    if len(alpha) < 2:
        return None  # a scare-quoted word, a handle or a number: not a quotation
    finite = any(t.tag_ in FINITE for t in inner)
    if not finite and all(t.text[0].isupper() or t.tag_ in ("IN", "DT", "CC") for t in alpha):
        return None  # a title or name in quotes ("Sunday Morning Futures")
    kind = "direct" if finite and len(words) >= 3 else "partial"
    first_sent = ctx.sent_index(q.open_mark)
    last_sent = ctx.sent_index(max(q.outer_end - 1, q.open_mark))
    d = Draft(kind=kind, content=(q.start, q.end), confidence=0.9 if q.closed else 0.6)
    if q.single:
        d.kind = "direct"
    tok = _nearest_cue(ctx, q, inner, first_sent, last_sent)
    if tok is not None:
        d.cue = (tok.idx, tok.idx + len(tok.text))
        d.cue_token = tok.i
        return resolve(ctx, d, on_cue_line(ctx, tok, subject_of(tok)))
    dash = _dash_speaker(ctx, q)
    if dash is not None:
        d.cue = dash[0]
        return resolve(ctx, d, dash[1])
    colon = _colon_speaker(ctx, q)
    if colon is not None:
        d.cue = colon[0]
        return resolve(ctx, d, colon[1])
    bare = _next_or_previous_cue(ctx, q, first_sent, last_sent)
    if bare is not None:
        d.cue = (bare.idx, bare.idx + len(bare.text))
        d.cue_token = bare.i
        d.confidence = 0.7
        return resolve(ctx, d, subject_of(bare))
    prev = _runs_on_from(ctx, q, first_sent, earlier)
    if prev is not None:
        d.subject, d.source, d.source_span = prev.subject, prev.source, prev.source_span
        d.source_kind, d.cue, d.confidence = prev.source_kind, prev.cue, 0.6
        return d
    if kind == "partial" or len(words) < 5:
        return None
    d.confidence = 0.4
    return d


def _nearest_cue(
    ctx: SpeechContext, q: Quote, inner: TokenSpan, first_sent: int, last_sent: int
) -> Token | None:
    """The quote-taking cue verb nearest to the quote in its sentences, a verb governing
    the quote in the parse before any other."""
    doc = ctx.doc
    roots = {t.i for t in inner if not (q.start <= t.head.idx < q.end)}
    governors = {a.i for r in roots for a in doc[r].ancestors}
    best: tuple[float, Token] | None = None
    for si in range(first_sent, last_sent + 1):
        for tok in ctx.sents[si]:
            if ctx.is_quoted(tok):
                continue
            cue = cue_of(tok)
            if cue is None or "q" not in cue.complements:
                continue
            if "c" not in cue.complements and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "continue to find “…”": not a speech verb here
            if tok.idx < q.open_mark:
                dist = float(q.open_mark - tok.idx - len(tok.text))
            else:
                dist = float(tok.idx - q.outer_end)
            if tok.i in governors:
                dist -= 10_000
            if best is None or dist < best[0]:
                best = (dist, tok)
    return best[1] if best is not None else None


def _next_or_previous_cue(
    ctx: SpeechContext, q: Quote, first_sent: int, last_sent: int
) -> Token | None:
    """No cue around the quote: a bare cue in the next sentence ("The minister said this on
    Monday") or the previous one ("Smith spoke to reporters.")."""
    for si, where in ((last_sent + 1, "next"), (first_sent - 1, "prev")):
        if not 0 <= si < len(ctx.sents):
            continue
        if where == "prev" and _words_before(ctx, q, first_sent):
            continue
        if where == "next" and (_words_after(ctx, q, last_sent) or si == first_sent):
            continue
        bare = _bare_cue(ctx, ctx.sents[si], where)
        if bare is not None:
            return bare
    return None


def _runs_on_from(
    ctx: SpeechContext, q: Quote, first_sent: int, earlier: list[Draft]
) -> Draft | None:
    """The last sourced direct quote before ``q`` when ``q`` goes on with it (the next
    paragraph, or after that quote's own cue)."""
    text = ctx.text
    prev = next((p for p in reversed(earlier) if p.kind == "direct" and p.source_span), None)
    if (
        prev is not None
        and not _words_before(ctx, q, first_sent)
        and 0 < q.open_mark - prev.content[1] < 800
    ):
        between = text[prev.content[1] : q.open_mark]
        if (
            between.count("\n\n") <= 1
            and not any(ch in between for ch in ".!?")
            or _only_marks(between)
            or prev.cue is not None
            and prev.content[1] <= prev.cue[0] < q.open_mark
            and len(between.split()) <= 25
            and between.count("\n\n") <= 1
        ):
            return prev
    return None


def _only_marks(s: str) -> bool:
    return not s.strip(" \n\t\"“”'’‘,")


def _words_before(ctx: SpeechContext, q: Quote, si: int) -> bool:
    sent = ctx.sents[si]
    return any(not t.is_punct and not ctx.is_quoted(t) and t.idx < q.open_mark for t in sent)


def _words_after(ctx: SpeechContext, q: Quote, si: int) -> bool:
    sent = ctx.sents[si]
    return any(not t.is_punct and not ctx.is_quoted(t) and t.idx >= q.outer_end for t in sent)


def _bare_cue(ctx: SpeechContext, sent: TokenSpan, where: str) -> Token | None:
    """A cue verb with a subject and no reported clause of its own: the speaker of a quote
    standing next to its sentence."""
    for tok in sent:
        cue = cue_of(tok)
        if cue is None or "q" not in cue.complements or ctx.is_quoted(tok):
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            continue
        if (
            where == "next"
            and not any(
                c.dep_ == "dobj" and c.lower_ in ("this", "that", "so", "it") for c in tok.children
            )
            and any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue
        if subject_of(tok) is not None:
            return tok
    return None


_DASH_NAME = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][^\n]{0,80})$", re.M)


def _dash_speaker(ctx: SpeechContext, q: Quote) -> tuple[tuple[int, int], Token] | None:
    """``“…” ― Sonya Herridge``: a closed quote followed on its line by a dash and a name."""
    if q.close_mark is None:
        return None
    m = _DASH_NAME.match(ctx.text, q.outer_end)
    if m is None or len(m.group(1).split()) > 8:
        return None
    name = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None:
        return None
    heads = [t for t in name if t.tag_ in ("NNP", "NNPS")]
    if not heads:
        return None
    dash_start = q.outer_end + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
    return (dash_start, dash_start + len(m.group(0).strip(" \t").split()[0])), name_head(heads)


def _colon_speaker(ctx: SpeechContext, q: Quote) -> tuple[tuple[int, int], Token] | None:
    """``Putin: "We are …"`` — a name and a colon right before the quote — or a clause
    ending in a colon (``Jared Potts echoed:``), whose verb is the cue even when it is not
    in the cue lexicon."""
    i = q.open_mark - 1
    while i >= 0 and ctx.text[i] in " \t\n":
        i -= 1
    if i < 0 or ctx.text[i] != ":":
        return None
    colon = ctx.token_at(i)
    if colon is None or colon.i == 0:
        return None
    prev = ctx.doc[colon.i - 1]
    if ctx.is_quoted(prev):
        return None
    verb = colon.head if colon.head.tag_.startswith("VB") else None
    if verb is not None:
        subj = subject_of(verb)
        if subj is not None and subj.i < colon.i:
            return (verb.idx, verb.idx + len(verb.text)), subj
    if prev.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP"):
        return (colon.idx, colon.idx + 1), prev
    return None


def _continues(ctx: SpeechContext, prev: Draft, prev_q: Quote, d: Draft, q: Quote) -> bool:
    """Whether quote ``q`` goes on with the previous one across its attribution: the gap
    between them holds the previous quote's cue ("…,” he said, “…") and nothing else."""
    if prev.cue is None or prev.kind not in ("direct", "partial") or not prev_q.closed:
        return False
    gap_s, gap_e = prev_q.outer_end, q.open_mark
    if not gap_s <= prev.cue[0] < gap_e or "\n" in ctx.text[gap_s:gap_e]:
        return False
    if len(ctx.text[gap_s:gap_e].split()) > 15:
        return False
    same_speaker = d.source_span is None or d.source_span == prev.source_span
    return d.cue_token in (None, prev.cue_token) or d.cue == prev.cue or same_speaker


def direct_quotes(ctx: SpeechContext) -> list[Draft]:
    """One draft per quotation, a quotation interrupted by its attribution ("A," he said,
    "B.") joined into one."""
    drafts: list[Draft] = []
    prev_q: Quote | None = None
    for q in ctx.quotes:
        d = _direct(ctx, q, drafts)
        if d is None:
            continue
        if prev_q is not None and drafts and _continues(ctx, drafts[-1], prev_q, d, q):
            drafts[-1].content = (drafts[-1].content[0], d.content[1])
            drafts[-1].kind = "direct"
        else:
            drafts.append(d)
        prev_q = q
    return drafts
