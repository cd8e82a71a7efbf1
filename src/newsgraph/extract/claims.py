"""Claims: every asserting body sentence, its source (or none), hedges and certainty.

Not yet implemented (issue 4): returns no claims.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Article, Attribution, Claim


def extract_claims(
    doc: Doc, article: Article, actors: list[Actor], attributions: list[Attribution]
) -> list[Claim]:
    return []
