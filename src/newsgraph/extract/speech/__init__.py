"""The speech wing: who said what, and on whose word — quotes, attributions, claims, hedges.

Entry point: :func:`extract` fills ``ctx.attributions`` and ``ctx.claims`` (needs actors).

- ``attributions``: runs the attribution phases below and turns their drafts into records;
- ``quotes``: where the quoted stretches are (a scan of the quote marks, no parse);
- ``direct``: direct quotes tied to their cue and speaker;
- ``reported``: indirect speech, "according to"/"per" sources, "reportedly";
- ``headlines``: ``Name: …`` and ``Name Says …`` lines;
- ``cues``: the cue-verb lexicon; ``speakers``: a source phrase to an actor id and a
  source kind (and the wing's one he/she lookup); ``draft``: what the phases share;
- ``claims``: claim sentences, their attribution, certainty and check-worthiness;
- ``hedges``: hedge and negation cues, certainty.

Word lists live in ``newsgraph/lexicons``; the wing reads the other wings' results only
through the records in the context, never their modules.
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
