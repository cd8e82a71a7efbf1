"""Doc → records. Each extractor is a plain function over the parsed Doc and the article.

The order matters and is fixed here: actors first (everyone else refers to actor ids),
then places, attributions (speakers are actors), claims (rest on attributions), events
(link actors, places and attributions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..records import Analysis
from .actors import extract_actors
from .attributions import extract_attributions
from .claims import extract_claims
from .events import extract_events
from .places import extract_places


@dataclass(frozen=True)
class ExtractOptions:
    """What the extractors may be told from outside: user dictionaries, nothing global."""

    actor_dictionaries: tuple[str, ...] = field(default=())


def run_extractors(doc: Doc, analysis: Analysis, options: ExtractOptions | None = None) -> Analysis:
    """Fill actors, places, attributions, claims and events of a cleaned article's analysis."""
    options = options or ExtractOptions()
    article = analysis.article
    actors = extract_actors(doc, article, options)
    places = extract_places(doc, article, actors)
    attributions = extract_attributions(doc, article, actors)
    claims = extract_claims(doc, article, actors, attributions)
    events = extract_events(doc, article, actors, places, attributions)
    return analysis.with_(
        actors=tuple(actors),
        places=tuple(places),
        attributions=tuple(attributions),
        claims=tuple(claims),
        events=tuple(events),
    )
