"""Doc → records, in three wings that talk only through records and a typed context.

- ``actors``: who and where (people, collectives, coreference, gazetteer, places, dates);
- ``speech``: who said what (quotes, attributions, claims, hedges);
- ``events``: who did what to whom (triggers, frames, arguments, modality).

The order is fixed here: actors first (everyone else refers to actor ids), then places,
attributions (speakers are actors), claims (rest on attributions), events (link actors,
places and attributions). :func:`run_extractors` is the one place that chains them.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from ..records import Analysis
from . import actors, events, speech
from .context import ExtractContext, ExtractOptions

__all__ = ["STEPS", "ExtractContext", "ExtractOptions", "run_extractors"]

STEPS = ("actors", "places", "attributions", "claims", "events")
# what each step reads from the steps before it
_NEEDS: dict[str, tuple[str, ...]] = {
    "actors": (),
    "places": ("actors",),
    "attributions": ("actors",),
    "claims": ("actors", "attributions"),
    "events": ("actors", "places", "attributions"),
}


def _closure(only: Collection[str]) -> set[str]:
    unknown = set(only) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown extractor step(s) {sorted(unknown)}; steps are {STEPS}")
    todo = set(only)
    for step in reversed(STEPS):
        if step in todo:
            todo.update(_NEEDS[step])
    return todo


def run_extractors(
    doc: Doc,
    analysis: Analysis,
    options: ExtractOptions | None = None,
    *,
    only: Collection[str] | None = None,
) -> Analysis:
    """Fill the analysis of a cleaned article from its parsed Doc.

    ``only`` names the steps wanted (of :data:`STEPS`); the steps they read from run too,
    and the others are left empty — e.g. ``only={"attributions"}`` runs actors and
    attributions.
    """
    steps = set(STEPS) if only is None else _closure(only)
    ctx = ExtractContext(doc=doc, article=analysis.article, options=options or ExtractOptions())
    actors.extract(ctx, places="places" in steps)
    if "attributions" in steps:
        speech.extract(ctx, claims="claims" in steps)
    found_events = events.extract(ctx) if "events" in steps else []
    return analysis.with_(
        actors=tuple(ctx.actors),
        places=tuple(ctx.places),
        attributions=tuple(ctx.attributions),
        claims=tuple(ctx.claims),
        events=tuple(found_events),
    )
