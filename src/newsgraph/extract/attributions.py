"""Attributions: direct, indirect and partial quotes and "according to" sources.

Not yet implemented (issue 4): returns no attributions.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Article, Attribution


def extract_attributions(doc: Doc, article: Article, actors: list[Actor]) -> list[Attribution]:
    return []
