"""Article text → highlighted HTML: actors, quotes, sources, hedges, unsourced claims, events.

Spans overlap freely (an actor mention inside a quote inside a claim), so the text is cut
at every span boundary (a sorted sweep) and each piece becomes one flat ``<span>`` that
carries the classes and note keys of every span covering it. Nothing nests, so nothing
can be mis-nested. Every piece of article text and every label is escaped; the result is
``Markup`` only because it was built from escaped parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..records import Actor, Analysis, Attribution, Event, Span
from ..vocab import actor_code_label, cameo_label

# Kinds in the order their notes are listed in a tooltip or the side panel.
KINDS = ("quote", "source", "cue", "hedge", "unsourced", "actor", "trigger")

LEGEND: tuple[tuple[str, str, str], ...] = (
    ("actor", "Actor", "a person, organisation or country the article names"),
    ("quote", "Quote", "what someone is reported to have said; the speaker is tagged"),
    ("source", "Source", "the words that name who said it"),
    ("cue", "Cue", "the verb or phrase that reports speech (said, told, according to)"),
    ("hedge", "Hedge", "a word that weakens a statement (reportedly, seems, may)"),
    ("unsourced", "Unsourced claim", "a sentence that asserts something on nobody's word"),
    ("trigger", "Event", "the word that reports a coded event (met, denied, attacked)"),
)

NO_SOURCE = "no source named"
_PARA = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a span of the text, its kind and the key of the note explaining it."""

    start: int
    end: int
    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class Note:
    """What the side panel and the tooltip say about one highlighted thing."""

    kind: str
    title: str
    lines: tuple[str, ...] = ()
    href: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "lines": list(self.lines),
            "href": self.href,
        }

    def plain(self) -> str:
        return " — ".join((self.title, *self.lines))


@dataclass
class Rendered:
    """The highlighted body plus everything the page lists beside it."""

    body: Markup
    notes: dict[str, Note]
    counts: dict[str, int] = field(default_factory=dict)


def actor_label(actor: Actor) -> str:
    """'Vladimir Putin (President, RUS)': name with the roles and country the text gave."""
    extra = [*actor.roles[:2], *([actor.country] if actor.country else [])]
    return f"{actor.name} ({', '.join(extra)})" if extra else actor.name


def speaker_name(att: Attribution, actors: dict[str, Actor]) -> str:
    """Who an attribution credits: the resolved actor, else the source words, else its kind."""
    if att.source and att.source in actors:
        return actors[att.source].name
    if att.source_text is not None and att.source_text.text.strip():
        return att.source_text.text.strip()
    # No source words at all ("reportedly", "it was reported that"): nobody is named, and
    # the claim resting on it is unsourced; saying "unnamed source" would contradict that.
    return NO_SOURCE if att.source_kind in ("anonymous", "none") else att.source_kind


_SPEECH_KINDS = {
    "direct": "a direct quote",
    "partial": "a partial quote",
    "mixed": "a quote",
    "indirect": "reported speech",
}


def is_speech_act(event: Event, att: Attribution) -> bool:
    """Whether the event is the attribution's own act ("X criticized Y", "'Y should go,' X
    said") rather than a happening it reports ("X said Russia shelled Kyiv"): the speaker
    is an actor of the event, or its trigger is the cue, outside what was said."""
    outside = not (att.content.start <= event.trigger.start < att.content.end)
    return bool(att.source and att.source in event.actors) or outside


def attribution_line(event: Event, att: Attribution, actors: dict[str, Actor]) -> str:
    """How an event stands to its attribution, in words: "said in a direct quote" for a
    speech act (its speaker is already the event's actor), else "reported by <speaker>"."""
    if is_speech_act(event, att):
        return f"said in {_SPEECH_KINDS.get(att.kind, 'a statement')}"
    return f"reported by {speaker_name(att, actors)}"


def _fmt_date(event: Event) -> str | None:
    d = event.date
    if d is None or not (d.start or d.text):
        return None
    when = d.start or ""
    if d.end and d.end != d.start:
        when = f"{d.start} – {d.end}"
    if d.text:
        when = f"{when} (“{d.text}”)" if when else f"“{d.text}”"
    return when


def event_summary(event: Event, actors: dict[str, Actor], places: dict[str, str]) -> str:
    """'Vladimir Putin → Li Shangfu': who acted on whom, by name where resolved."""

    def names(ids: Iterable[str], codes: Iterable[str]) -> str:
        got = [actors[i].name for i in ids if i in actors] or list(codes)
        return ", ".join(got) or "?"

    who = names(event.actors, event.actor_codes)
    whom = names(event.recipients, event.recipient_codes)
    return f"{who} → {whom}" if (event.recipients or event.recipient_codes) else who


def _valid(span: Span | None, n: int) -> bool:
    # Stored data is untrusted: a span outside the text is dropped rather than mis-drawn.
    return span is not None and 0 <= span.start < span.end <= n


def _unsourced_why(att: Attribution | None) -> str:
    """Why a claim counts as unsourced, in the same words its attribution's note uses."""
    if att is None:
        return "no named or anonymous source backs this sentence"
    cue = f" (“{att.cue.text}”)" if att.cue is not None else ""
    return f"it rests on a report that names no source{cue}"


def _actor_note(a: Actor, actor_href: Callable[[Actor], str | None] | None) -> Note:
    lines = [f"{a.type}" + (f", {a.country}" if a.country else "")]
    if a.roles:
        lines.append("roles: " + ", ".join(a.roles))
    if a.sectors or a.code:
        label = actor_code_label(a.code)
        lines.append(
            f"code {a.code or '—'}{f' = {label}' if label else ''} "
            f"(sectors {', '.join(a.sectors) or '—'})"
        )
    lines.append(f"{len(a.mentions)} mention(s) in this article")
    return Note("actor", a.name, tuple(lines), actor_href(a) if actor_href else None)


def _event_note(
    e: Event, actors: dict[str, Actor], places: dict[str, str], atts: dict[str, Attribution]
) -> Note:
    name = cameo_label(e.cameo)
    lines = [event_summary(e, actors, places), f"CAMEO {e.cameo}" + (f": {name}" if name else "")]
    if (when := _fmt_date(e)) is not None:
        lines.append(f"when: {when}")
    if e.place and e.place in places:
        lines.append(f"where: {places[e.place]}")
    if e.negated or e.certainty != "asserted":
        lines.append("negated" if e.negated else f"certainty: {e.certainty}")
    if e.attribution and e.attribution in atts:
        lines.append(attribution_line(e, atts[e.attribution], actors))
    return Note("trigger", f"Event {e.plover or 'CAMEO-only'}", tuple(lines))


def collect(
    analysis: Analysis, actor_href: Callable[[Actor], str | None] | None = None
) -> tuple[list[Mark], dict[str, Note]]:
    """Every highlight of an analysis and the note that explains each one."""
    n = len(analysis.article.text)
    actors = {a.id: a for a in analysis.actors}
    places = {p.id: p.name for p in analysis.places}
    atts = {a.id: a for a in analysis.attributions}
    marks: list[Mark] = []
    notes: dict[str, Note] = {}

    for a in analysis.actors:
        key = f"actor:{a.id}"
        notes[key] = _actor_note(a, actor_href)
        marks += [Mark(m.start, m.end, "actor", key) for m in a.mentions if _valid(m, n)]

    for at in analysis.attributions:
        who = speaker_name(at, actors)
        lines = [f"{at.kind.replace('_', ' ')} quote, cue “{at.cue.text}”" if at.cue else at.kind]
        if at.hedges:
            lines.append("hedged by: " + ", ".join(f"“{h.text}”" for h in at.hedges))
        lines.append(f"confidence {at.confidence:.2f}")
        qkey = f"quote:{at.id}"
        href = actor_href(actors[at.source]) if actor_href and at.source in actors else None
        title = "Reported, no source named" if who == NO_SOURCE else f"Said by {who}"
        notes[qkey] = Note("quote", title, tuple(lines), href)
        if _valid(at.content, n):
            marks.append(Mark(at.content.start, at.content.end, "quote", qkey))
        if _valid(at.source_text, n):
            skey = f"source:{at.id}"
            notes[skey] = Note(
                "source", f"Source: {who}", (f"source kind: {at.source_kind}",), href
            )
            marks.append(Mark(at.source_text.start, at.source_text.end, "source", skey))  # type: ignore[union-attr]
        if _valid(at.cue, n):
            ckey = f"cue:{at.id}"
            notes[ckey] = Note("cue", f"Reporting cue for {who}", (f"{at.kind} attribution",))
            marks.append(Mark(at.cue.start, at.cue.end, "cue", ckey))  # type: ignore[union-attr]
        for i, h in enumerate(at.hedges):
            if _valid(h, n):
                hkey = f"hedge:{at.id}:{i}"
                notes[hkey] = Note("hedge", f"Hedge “{h.text}”", (f"weakens what {who} said",))
                marks.append(Mark(h.start, h.end, "hedge", hkey))

    for c in analysis.claims:
        if not c.sourced and _valid(c.sentence, n):
            ukey = f"unsourced:{c.id}"
            lines = [
                f"certainty: {c.certainty}",
                f"check-worthiness {c.check_worthiness:.2f}",
                _unsourced_why(atts.get(c.attribution or "")),
            ]
            notes[ukey] = Note("unsourced", "Unsourced claim", tuple(lines))
            marks.append(Mark(c.sentence.start, c.sentence.end, "unsourced", ukey))
        for i, h in enumerate(c.hedges):
            if _valid(h, n):
                hkey = f"hedge:{c.id}:{i}"
                owner = "an unsourced claim" if not c.sourced else "a sourced claim"
                notes[hkey] = Note("hedge", f"Hedge “{h.text}”", (f"weakens {owner}",))
                marks.append(Mark(h.start, h.end, "hedge", hkey))

    for e in analysis.events:
        if not _valid(e.trigger, n):
            continue
        tkey = f"trigger:{e.id}"
        notes[tkey] = _event_note(e, actors, places, atts)
        marks.append(Mark(e.trigger.start, e.trigger.end, "trigger", tkey))
    return marks, notes


def note_order(marks: Iterable[Mark]) -> list[str]:
    """The note keys of the marks covering a piece, the narrowest highlight first.

    What a click lands on is the smallest thing under the pointer (an actor's name inside
    a quote inside a claim), so its note comes first in the side panel; ties go by kind,
    then position, then key, so the order never depends on set iteration.
    """
    ranked = sorted(marks, key=lambda m: (m.end - m.start, KINDS.index(m.kind), m.start, m.key))
    return list(dict.fromkeys(m.key for m in ranked))


def render_marked(
    text: str,
    marks: list[Mark],
    notes: dict[str, Note],
    *,
    offset: int = 0,
    labels: dict[int, list[Markup]] | None = None,
    paragraphs: bool = True,
) -> Markup:
    """Text with every mark drawn, as escaped HTML (``<p>`` per paragraph if asked).

    ``offset`` is where ``text`` starts in the article, for rendering a sentence with
    article offsets. ``labels`` inserts ready-made markup (speaker tags, anchors) before a
    position. Only a piece where a highlight begins is a keyboard stop (``tabindex``), so
    a long quote cut by many mentions is not a dozen stops.
    """
    n = len(text)
    local = [
        Mark(max(m.start - offset, 0), min(m.end - offset, n), m.kind, m.key)
        for m in marks
        if m.end - offset > 0 and m.start - offset < n
    ]
    labels = {k - offset: v for k, v in (labels or {}).items() if 0 <= k - offset < n}
    # Blank-line runs are paragraph breaks; they are cut points too so that a piece is
    # either wholly inside a break (drawn as </p><p>) or wholly text.
    breaks = [(m.start(), m.end()) for m in _PARA.finditer(text)] if paragraphs else []
    brk_of = dict(breaks)
    cuts = sorted(
        {0, n, *(m.start for m in local), *(m.end for m in local), *labels}
        | {x for br in breaks for x in br}
    )
    starts: dict[int, list[Mark]] = {}
    for m in local:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[str] = ["<p>"] if paragraphs else []
    in_break_until = -1
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        if a in brk_of:
            out.append("</p><p>")
            in_break_until = brk_of[a]
        if a < in_break_until:
            continue
        out.extend(str(x) for x in labels.get(a, ()))
        piece = str(escape(text[a:b]))
        if paragraphs:
            piece = piece.replace("\n", "<br>")
        if not active:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in active}, key=KINDS.index)
        keys = note_order(active)
        title = "\n".join(notes[k].plain() for k in keys if k in notes)
        stop = ""
        if a in starts:  # a keyboard stop: a button named by its words and what they are
            what = "; ".join(notes[k].title for k in keys if k in notes)
            label = f"{text[a:b].strip()} — {what}" if what else text[a:b].strip()
            stop = f' tabindex="0" role="button" aria-label="{escape(label)}"'
        out.append(
            f'<span class="hl {" ".join("hl-" + k for k in kinds)}"'
            f' data-notes="{escape(" ".join(keys))}" title="{escape(title)}"{stop}>{piece}</span>'
        )
    if paragraphs:
        out.append("</p>")
    html = "".join(out)
    if paragraphs:
        html = html.replace("<p></p>", "")
    return Markup(html)  # noqa: S704 - assembled only from escaped pieces above


def render_article(
    analysis: Analysis, actor_href: Callable[[Actor], str | None] | None = None
) -> Rendered:
    """The article body with all highlights, speaker tags on quotes and anchors to jump to.

    Anchors: ``#ev-<event id>`` at an event's trigger, ``#claim-<claim id>`` at an
    unsourced claim, ``#quote-<attribution id>`` on a quote's speaker tag.
    """
    text = analysis.article.text
    n = len(text)
    marks, notes = collect(analysis, actor_href)
    actors = {a.id: a for a in analysis.actors}
    labels: dict[int, list[Markup]] = {}
    anchor = Markup('<span class="anchor" id="{}"></span>')
    for e in analysis.events:
        if _valid(e.trigger, n):
            labels.setdefault(e.trigger.start, []).append(anchor.format(f"ev-{e.id}"))
    for c in analysis.claims:
        if not c.sourced and _valid(c.sentence, n):
            labels.setdefault(c.sentence.start, []).append(anchor.format(f"claim-{c.id}"))
    tag = Markup('<span class="speaker-tag" id="quote-{}" data-quote="{}">{}</span>')
    for at in analysis.attributions:
        if _valid(at.content, n):
            labels.setdefault(at.content.start, []).append(
                tag.format(at.id, at.id, speaker_name(at, actors))
            )
    body = render_marked(text, marks, notes, labels=labels)
    counts: dict[str, int] = {}
    for m in marks:
        counts[m.kind] = counts.get(m.kind, 0) + 1
    return Rendered(body=body, notes=notes, counts=counts)


def render_evidence(analysis: Analysis, event: Event) -> Markup:
    """An event's evidence sentence with its trigger and actors marked (no paragraphs)."""
    text = analysis.article.text
    ev = event.evidence
    if not _valid(ev, len(text)):
        return Markup("{}").format(ev.text)
    marks, notes = collect(analysis)
    keep = {f"trigger:{event.id}", *(f"actor:{i}" for i in (*event.actors, *event.recipients))}
    mine = [m for m in marks if m.key in keep]
    return render_marked(text[ev.start : ev.end], mine, notes, offset=ev.start, paragraphs=False)


__all__ = [
    "KINDS",
    "LEGEND",
    "Mark",
    "Note",
    "Rendered",
    "actor_label",
    "collect",
    "event_summary",
    "render_article",
    "render_evidence",
    "render_marked",
    "speaker_name",
]
