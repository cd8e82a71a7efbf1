"""The speech wing: who said what, and on whose word — quotes, attributions, claims, hedges.

Entry point: :func:`extract` fills ``ctx.attributions`` and ``ctx.claims`` (needs actors).
"""

from __future__ import annotations

from ..context import ExtractContext
from .attributions import extract_attributions
from .claims import extract_claims

__all__ = ["extract", "extract_attributions", "extract_claims"]


def extract(ctx: ExtractContext, *, claims: bool = True) -> None:
    """Find the attributions, then (unless ``claims=False``) the claims that rest on them."""
    ctx.attributions = extract_attributions(ctx.doc, ctx.article, ctx.actors)
    if claims:
        ctx.claims = extract_claims(ctx.doc, ctx.article, ctx.actors, ctx.attributions)
