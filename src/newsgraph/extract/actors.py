"""Actors: people, organisations, countries, groups and media outlets, with every mention.

Not yet implemented (issue 3): returns no actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..records import Actor, Article

if TYPE_CHECKING:
    from . import ExtractOptions


def extract_actors(doc: Doc, article: Article, options: ExtractOptions) -> list[Actor]:
    return []
