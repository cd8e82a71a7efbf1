"""The events wing: who did what to whom — triggers, frames, arguments, modality.

Entry point: :func:`extract` returns the events of a context whose actors, places and
attributions are filled.
"""

from __future__ import annotations

from ...records import Event
from ..context import ExtractContext
from .events import extract_events

__all__ = ["extract", "extract_events"]


def extract(ctx: ExtractContext) -> list[Event]:
    """The article's events, linked to the context's actors, places and attributions."""
    return extract_events(ctx.doc, ctx.article, ctx.actors, ctx.places, ctx.attributions)
