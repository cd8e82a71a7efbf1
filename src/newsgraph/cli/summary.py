"""A readable, terminal-sized summary of one analysis (for ``newsgraph demo``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import Analysis, Event, EventDate


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    """Actors, who said what, unsourced claims and events, one screen each."""
    console = console or Console(
        width=max(Console().width, 110) if not Console().is_terminal else None
    )
    a = analysis.article
    console.rule(f"[bold]{escape(a.title or '(untitled)')}")
    console.print(
        f"published {a.published or 'unknown'} · {len(a.text.split())} words · "
        f"{len(analysis.removed)} piece(s) of page chrome removed · {analysis.extractor}"
    )
    names = {x.id: x.name for x in analysis.actors}
    places = {p.id: p.name for p in analysis.places}

    if analysis.actors:
        t = Table("actor", "type", "code", "role", "mentions", title="Actors", title_justify="left")
        for x in analysis.actors:
            t.add_row(
                escape(x.name),
                x.type,
                x.code or "",
                escape(_clip("; ".join(x.roles), 40)),
                str(len(x.mentions)),
            )
        console.print(t)
    if analysis.attributions:
        t = Table("speaker", "kind", "cue", "content", title="Who said what", title_justify="left")
        for q in analysis.attributions:
            speaker = names.get(q.source or "") or (
                f"({q.source_text.text})" if q.source_text else f"— {q.source_kind}"
            )
            hedged = " [italic](hedged)[/]" if q.hedges else ""
            t.add_row(
                escape(speaker),
                q.kind,
                escape(q.cue.text if q.cue else "") + hedged,
                escape(_clip(q.content.text, 70)),
            )
        console.print(t)
    unsourced = [c for c in analysis.claims if not c.sourced]
    if unsourced:
        t = Table(
            "certainty",
            "worth checking",
            "claim resting on no source",
            title="Unsourced claims",
            title_justify="left",
        )
        for c in sorted(unsourced, key=lambda c: -c.check_worthiness):
            t.add_row(c.certainty, f"{c.check_worthiness:.2f}", escape(_clip(c.sentence.text, 90)))
        console.print(t)
    if analysis.events:
        t = Table(
            "event",
            "who → whom",
            "where / when",
            "status",
            "trigger",
            title="Events",
            title_justify="left",
        )
        for e in analysis.events:
            where = " · ".join(x for x in (places.get(e.place or ""), _when(e.date)) if x)
            t.add_row(
                f"{e.plover or '—'} {e.cameo}",
                escape(_dyad(e, names)),
                escape(where),
                _status(e),
                escape(e.trigger.text),
            )
        console.print(t)


def _dyad(e: Event, names: dict[str, str]) -> str:
    who = ", ".join(names.get(i, i) for i in e.actors)
    whom = ", ".join(names.get(i, i) for i in e.recipients if i not in e.actors)
    if set(e.actors) == set(e.recipients):
        return who.replace(", ", " ↔ ")
    return f"{who} → {whom}" if whom else who


def _when(d: EventDate | None) -> str:
    if d is None or d.start is None:
        return ""
    return d.start if d.end in (None, d.start) else f"{d.start}..{d.end}"


def _status(e: Event) -> str:
    status = "negated" if e.negated else e.certainty
    return status + (" (reported)" if e.attribution else "")


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
