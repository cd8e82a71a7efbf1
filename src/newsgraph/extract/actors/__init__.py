"""The actors wing: who and where — people, collectives, coreference, gazetteer, places, dates.

Entry point: :func:`extract` fills ``ctx.actors``, ``ctx.places`` and ``ctx.date_of`` (how
the events wing dates a sentence, without importing this wing). The date resolvers
(:func:`sentence_date`, :func:`resolve_expression`) are public too: other wings reach them
here, not through the module that holds them.
"""

from __future__ import annotations

from ..context import ExtractContext
from .build import extract_actors
from .dates import resolve_expression, sentence_date
from .places import extract_places

__all__ = ["extract", "extract_actors", "extract_places", "resolve_expression", "sentence_date"]


def extract(ctx: ExtractContext, *, places: bool = True) -> None:
    """Find the article's actors, then (unless ``places=False``) its places."""
    ctx.date_of = sentence_date
    ctx.actors = extract_actors(ctx.doc, ctx.article, ctx.options)
    if places:
        ctx.places = extract_places(ctx.doc, ctx.article, ctx.actors)
