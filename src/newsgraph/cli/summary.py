"""A readable, terminal-sized summary of one analysis (for ``newsgraph demo``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..records import Analysis


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    a = analysis.article
    console.rule(f"[bold]{a.title or '(untitled)'}")
    console.print(
        f"published {a.published or 'unknown'} · {len(a.text.split())} words · "
        f"{len(analysis.removed)} piece(s) of page chrome removed"
    )
    names = {x.id: x.name for x in analysis.actors}

    if analysis.actors:
        t = Table("actor", "country", "sectors", "role", "code", "mentions", title="Actors")
        for x in analysis.actors:
            t.add_row(
                x.name,
                x.country or "",
                " ".join(x.sectors),
                "; ".join(x.roles),
                x.code or "",
                str(len(x.mentions)),
            )
        console.print(t)
    if analysis.attributions:
        t = Table("kind", "speaker", "cue", "content", title="Who said what")
        for q in analysis.attributions:
            speaker = names.get(q.source or "", q.source_text.text if q.source_text else "—")
            t.add_row(q.kind, speaker, q.cue.text if q.cue else "", _clip(q.content.text, 90))
        console.print(t)
    unsourced = [c for c in analysis.claims if not c.sourced]
    if unsourced:
        t = Table("certainty", "claim", title="Claims with no source")
        for c in unsourced:
            t.add_row(c.certainty, _clip(c.sentence.text, 110))
        console.print(t)
    if analysis.events:
        t = Table(
            "PLOVER", "CAMEO", "actor", "recipient", "date", "status", "evidence", title="Events"
        )
        for e in analysis.events:
            status = "negated" if e.negated else e.certainty
            t.add_row(
                e.plover or "—",
                e.cameo,
                ", ".join(names.get(i, i) for i in e.actors),
                ", ".join(names.get(i, i) for i in e.recipients),
                (e.date.start or "") if e.date else "",
                status,
                _clip(e.evidence.text, 70),
            )
        console.print(t)


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
