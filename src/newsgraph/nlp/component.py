"""The ``newsgraph`` spaCy component: ``nlp.add_pipe("newsgraph")`` sets ``doc._.newsgraph``.

On a user's own English pipeline, after its tagger, parser and NER, the component runs the
extractors on each Doc, its text taken as the article body, and stores the
:class:`~newsgraph.records.Analysis` in ``doc._.newsgraph``. The text is taken as it is: no
title, no chrome removal (``newsgraph.analyze`` removes "Advertisement"-like lines first),
so on a clean text both give the same analysis. Bad Docs raise as ``newsgraph.analyze``
does (empty text: InputError; not English: LanguageError);
``nlp.get_pipe("newsgraph").set_error_handler(...)`` lets ``nlp.pipe`` go on past them.

The factory is registered when this module is imported: by spaCy through the package's
``spacy_factories`` entry point, or by ``import newsgraph`` (see :mod:`newsgraph.nlp.hook`).
It keeps its imports light, since an installed newsgraph is imported by every new spaCy
pipeline; the extractors are imported when the component is made.
"""

# No `from __future__ import annotations`: spaCy reads the factory's annotations at run
# time to validate its config.
from collections.abc import Callable
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from ..errors import ModelError
from ..records import Analysis

FACTORY = "newsgraph"
EXTENSION = "newsgraph"
ORIGIN = "<doc>"  # what errors name as the input: a Doc has no path or URL

# What the extractors read, and the component that provides each in spaCy's pipelines.
REQUIRED = (
    ("tagger", "token.tag", "TAG"),
    ("parser", "token.dep", "DEP"),
    ("ner", "doc.ents", "ENT_IOB"),
)

_MSGPACK_KEY = "__newsgraph.analysis__"


def missing_components(nlp: Language) -> list[str]:
    """The required components (tagger, parser, ner) that no enabled pipe provides."""
    assigned = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
    return [label for label, attr, _ in REQUIRED if attr not in assigned]


def require_components(nlp: Language, what: str = "this pipeline") -> None:
    """Raise ModelError naming the missing components if ``nlp`` cannot feed the extractors."""
    if nlp.lang != "en":
        raise ModelError(
            f"{what} is for language {nlp.lang!r}; newsgraph analyses English",
            hint="use an English pipeline such as en_core_web_sm",
        )
    missing = missing_components(nlp)
    if missing:
        has = ", ".join(nlp.pipe_names) or "no components"
        raise ModelError(
            f"the newsgraph component needs a tagger, a parser and an entity recognizer "
            f"(ner) before it; {what} ({has}) has no {', '.join(missing)}",
            hint="load a trained English pipeline, e.g. spacy.load('en_core_web_sm'), "
            "then nlp.add_pipe('newsgraph')",
        )


class NewsgraphComponent:
    """Sets ``doc._.newsgraph`` to the Analysis of the Doc (its text as the article body)."""

    def __init__(self, name: str, actor_dictionaries: tuple[str, ...] = ()) -> None:
        from ..config import Settings
        from ..extract import ExtractOptions

        self.name = name
        self.error_handler: Callable[..., Any] = raise_error
        # validates the dictionaries now (ConfigError), not on the first Doc
        self.settings = Settings(actor_dictionaries=actor_dictionaries)
        self.options = ExtractOptions(actor_dictionaries=self.settings.actor_dictionaries)

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        """What spaCy does with a Doc this component raises on (default: raise).

        spaCy's ``nlp.set_error_handler`` does the same for every component, but in spaCy
        3.8.18 it fails on the parser and NER (they have no ``error_handler`` attribute).
        """
        self.error_handler = error_handler

    def get_error_handler(self) -> Callable[..., Any]:
        return self.error_handler

    def __call__(self, doc: Doc) -> Doc:
        from ..clean.article import check_language
        from ..errors import InputError
        from ..pipeline import extract_doc
        from ..records import Article

        text = doc.text
        if not text.strip():
            raise InputError("empty input: no text", input=ORIGIN)
        unset = [label for label, _, attr in REQUIRED if not doc.has_annotation(attr)]
        if unset:
            raise ModelError(
                f"the Doc has no {', '.join(unset)} annotation when it reaches the newsgraph "
                f"component",
                hint="add the component after the tagger, parser and ner: "
                "nlp.add_pipe('newsgraph', last=True)",
            )
        article = Article(
            id=Article.make_id(text),
            text=text,
            language=check_language(text, ORIGIN, self.settings),
        )
        doc._.set(EXTENSION, extract_doc(doc, Analysis(article=article), self.options))
        return doc


@Language.factory(
    FACTORY,
    default_config={"actor_dictionaries": []},
    assigns=[f"doc._.{EXTENSION}"],
    requires=[attr for _, attr, _ in REQUIRED],
)
def make_newsgraph(nlp: Language, name: str, actor_dictionaries: list[str]) -> NewsgraphComponent:
    """The ``newsgraph`` component; refuses a pipeline without a tagger, parser or NER.

    ``actor_dictionaries``: paths of user actor dictionaries (CSV or PETRARCH ``.actors``),
    as the ``actor_dictionaries`` setting.
    """
    require_components(nlp)
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)
    return NewsgraphComponent(name, tuple(actor_dictionaries))


# doc._.newsgraph travels in Doc.to_bytes (nlp.pipe with n_process > 1 sends Docs back
# from the workers that way): srsly's msgpack learns to carry an Analysis as its dict.
@srsly.msgpack_encoders(FACTORY)
def _encode_analysis(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, Analysis):
        return {_MSGPACK_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders(FACTORY)
def _decode_analysis(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return Analysis.from_dict(obj[_MSGPACK_KEY])
    return obj if chain is None else chain(obj)
