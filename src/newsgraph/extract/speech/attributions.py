"""Attributions: direct, indirect and partial quotes, "according to"/"per" sources, and
statements resting on unnamed reports ("reportedly").

:func:`extract_attributions` runs the phases in order and turns their drafts into
records:

1. direct quotes (:mod:`.direct`): each quoted stretch of :mod:`.quotes` tied to its cue
   verb and speaker;
2. indirect speech (:mod:`.reported`): cue verbs of ``lexicons/cue_verbs.tsv`` with their
   reported clause, infinitive or object; a report nested in another's clause and a quote
   inside the clause of its own cue are dropped;
3. headlines (:mod:`.headlines`): ``Name: …`` and ``Name Says …`` lines;
4. "according to X" / "per X" and "reportedly" (:mod:`.reported`);
5. finishing (here): a trailing ", per X" cut out of other contents, duplicates dropped,
   hedges attached, ids q1, q2, … in text order.

The speaker is resolved to an actor id through the actors' mention spans
(:mod:`.speakers`). When no actor covers it, ``source`` stays None and
``source_text``/``source_kind`` say who it is (anonymous "officials", a document "the
report", a media outlet …).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import Actor, Article, Attribution, Span
from .direct import direct_quotes
from .draft import Draft, SpeechContext
from .headlines import headline_colons, headline_says
from .hedges import HedgeCue, find_hedges
from .reported import according_to, drop_nested_reports, indirect, reportedly

__all__ = ["extract_attributions"]


def extract_attributions(doc: Doc, article: Article, actors: list[Actor]) -> list[Attribution]:
    """Every attribution in the article, in text order, with ids q1, q2, …"""
    text = article.text
    if not text.strip() or len(doc) == 0:
        return []
    if doc.text != text:
        raise ValueError(f"article {article.id}: the Doc was not parsed from the article text")
    ctx = SpeechContext(doc, text, actors)
    drafts = direct_quotes(ctx)
    reported = drop_nested_reports(list(indirect(ctx)))
    drafts = _drop_nested_partials(drafts, reported, text)
    drafts.extend(reported)
    drafts.extend(headline_colons(ctx))
    drafts.extend(headline_says(ctx))
    drafts.extend(according_to(ctx))
    drafts.extend(reportedly(ctx, drafts))
    return _finish(ctx, drafts)


def _drop_nested_partials(direct: list[Draft], indirect: list[Draft], text: str) -> list[Draft]:
    """A quote inside the reported clause of the same cue ("reported that soldiers find
    “different electronics”", "said that, “of course he will defend himself” against …")
    is part of that attribution, not one of its own."""
    spans: dict[int | None, list[tuple[int, int]]] = {}  # reported clauses by cue token
    for r in indirect:
        spans.setdefault(r.cue_token, []).append(r.content)

    def nested(d: Draft) -> bool:
        ps, pe = d.content
        return any(
            s <= ps < e and not text[e:pe].strip(".,;:!?\"'”’ ")
            for s, e in spans.get(d.cue_token, ())
        )

    return [d for d in direct if not nested(d)]


# ------------------------------------------------------------------ records
def _finish(ctx: SpeechContext, drafts: list[Draft]) -> list[Attribution]:
    text = ctx.text
    _trim_source_phrases(text, drafts)
    seen: set[tuple[tuple[int, int], tuple[int, int] | None]] = set()
    kept = []
    for d in sorted(drafts, key=lambda d: (d.content[0], d.cue[0] if d.cue else -1, d.content[1])):
        key = (d.content, d.cue)
        if key in seen or d.content[1] <= d.content[0]:
            continue
        seen.add(key)
        kept.append(d)
    hedges_by_sent = [find_hedges(s) for s in ctx.sents]
    out = []
    for n, d in enumerate(kept, 1):
        lo = min(x[0] for x in (d.content, d.cue, d.source_span) if x)
        hi = max(x[1] for x in (d.content, d.cue, d.source_span) if x)
        hedges = _hedges_between(ctx, hedges_by_sent, lo, hi, d)
        out.append(
            Attribution(
                id=f"q{n}",
                kind=d.kind,
                content=Span.of(text, *d.content),
                source=d.source,
                source_text=Span.of(text, *d.source_span) if d.source_span else None,
                cue=Span.of(text, *d.cue) if d.cue else None,
                hedges=tuple(Span.of(text, s, e) for s, e in hedges),
                confidence=d.confidence,
                source_kind=d.source_kind
                if (d.source or d.source_span or d.kind == "according_to")
                else "none",
            )
        )
    return out


def _trim_source_phrases(text: str, drafts: list[Draft]) -> None:
    """Cut a trailing ", per the report" / ", according to X" out of other contents: it
    names the source, it is not part of what was said."""
    phrases = [d.cue for d in drafts if d.kind == "according_to" and d.cue and d.source_span]
    for d in drafts:
        if d.kind == "according_to":
            continue
        s, e = d.content
        for ps, pe in phrases:
            if s < ps < e and not text[pe:e].strip(" .,;"):
                e = ps
                while e > s and text[e - 1] in " ,;—–(":
                    e -= 1
        d.content = (s, e)


def _hedges_between(
    ctx: SpeechContext, by_sent: list[list[HedgeCue]], lo: int, hi: int, d: Draft
) -> list[tuple[int, int]]:
    found = set(d.extra_hedges)
    for si in range(ctx.sent_index(lo), ctx.sent_index(max(hi - 1, lo)) + 1):
        for h in by_sent[si]:
            if lo <= h.start and h.end <= hi and (d.cue is None or (h.start, h.end) != d.cue):
                found.add((h.start, h.end))
    return sorted(found)
