"""The actors wing: who and where — people, collectives, coreference, gazetteer, places, dates.

Entry point: :func:`extract` fills ``ctx.actors`` and ``ctx.places``.
"""

from __future__ import annotations

from ..context import ExtractContext
from .build import extract_actors
from .places import extract_places

__all__ = ["extract", "extract_actors", "extract_places"]


def extract(ctx: ExtractContext, *, places: bool = True) -> None:
    """Find the article's actors, then (unless ``places=False``) its places."""
    ctx.actors = extract_actors(ctx.doc, ctx.article, ctx.options)
    if places:
        ctx.places = extract_places(ctx.doc, ctx.article, ctx.actors)
