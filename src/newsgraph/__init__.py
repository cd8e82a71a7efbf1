"""newsgraph: who did what to whom, who said what, and on whose word — from news articles.

    import newsgraph

    analysis = newsgraph.analyze(text, title="…", published="2023-04-17")
    for result in newsgraph.analyze_many(texts_or_records, n_process=2):
        ...

The public API is what ``__all__`` lists. Its names are imported on first use, so
``import newsgraph`` stays fast; the spaCy model is loaded by the first analysis. The
``newsgraph`` spaCy component (``nlp.add_pipe("newsgraph")``) is in
:mod:`newsgraph.nlp.component`.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not typing's: importing typing would double this module's import time
__version__ = "0.1.0"
EXTRACTOR = f"newsgraph {__version__}"

# public name → the module that defines it
_HOMES = {
    "analyze": "api",
    "analyze_many": "api",
    "load": "api",
    "Newsgraph": "api",
    "Settings": "config",
    "Analysis": "records",
    "Article": "records",
    "Actor": "records",
    "Place": "records",
    "Attribution": "records",
    "Claim": "records",
    "Event": "records",
    "EventDate": "records",
    "Span": "records",
    "Removed": "records",
    "Failure": "records",
    "NewsgraphError": "errors",
    "ConfigError": "errors",
    "InputError": "errors",
    "LanguageError": "errors",
    "ModelError": "errors",
}

__all__ = [
    "__version__",
    # functions and the pipeline they share
    "analyze",
    "analyze_many",
    "load",
    "Newsgraph",
    "Settings",
    # records (DESIGN.md §2)
    "Analysis",
    "Article",
    "Actor",
    "Place",
    "Attribution",
    "Claim",
    "Event",
    "EventDate",
    "Span",
    "Removed",
    "Failure",
    # errors
    "NewsgraphError",
    "ConfigError",
    "InputError",
    "LanguageError",
    "ModelError",
]

if TYPE_CHECKING:
    from typing import Any

    from .api import Newsgraph, analyze, analyze_many, load
    from .config import Settings
    from .errors import ConfigError, InputError, LanguageError, ModelError, NewsgraphError
    from .records import (
        Actor,
        Analysis,
        Article,
        Attribution,
        Claim,
        Event,
        EventDate,
        Failure,
        Place,
        Removed,
        Span,
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _register_spacy_component() -> None:
    from .nlp.hook import register_when_spacy_loads

    register_when_spacy_loads()


_register_spacy_component()
