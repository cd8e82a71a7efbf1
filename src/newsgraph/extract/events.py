"""Events: who did what to whom, coded in PLOVER and CAMEO, with trigger and evidence.

Not yet implemented (issue 5): returns no events.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Article, Attribution, Event, Place


def extract_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    attributions: list[Attribution],
) -> list[Event]:
    return []
