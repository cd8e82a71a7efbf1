"""The run loop: ingest → clean → analyze, one article at a time, failures kept.

Stages take an iterable and yield ``Analysis`` or ``Failure`` items in input order. The
same functions run in one process or inside a Dask task (``newsgraph.batch``). A bad
article becomes a Failure with a reason; the run goes on.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from . import EXTRACTOR
from .clean import clean
from .config import Settings
from .errors import InputError, NewsgraphError
from .extract import ExtractOptions, run_extractors
from .ingest import RawInput, iter_inputs
from .nlp.long import max_length, parse
from .records import Analysis, Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Item = Analysis | Failure

# With several spaCy processes, each nlp.pipe call gets this many batches per process:
# enough that starting the processes costs little, few enough to keep results streaming.
PROCESS_CHUNKS = 4


def clean_stage(
    raws: Iterable[RawInput | Failure],
    settings: Settings,
    *,
    published: str | None = None,
    url: str | None = None,
) -> Iterator[Item]:
    """Clean every raw input; an unreadable one becomes a Failure."""
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        try:
            yield clean(raw, settings, published=published, url=url)
        except InputError as e:
            yield Failure(input=e.input or raw.origin, stage="clean", code=e.code, reason=e.reason)


def extract_doc(doc: Doc, item: Analysis, options: ExtractOptions) -> Analysis:
    """A cleaned article's analysis from its parsed Doc: the extractors, and provenance.

    Raises what the extractors raise; the stages below turn that into a Failure. The
    Python API and the spaCy component call this too, so all give the same analysis.
    """
    return run_extractors(doc, item, options).with_(extractor=EXTRACTOR)


def _analyze_one(
    nlp: Language,
    doc_or_text: object,
    item: Analysis,
    options: ExtractOptions,
    max_chars: int | None = None,
) -> Item:
    try:
        doc = doc_or_text
        if isinstance(doc_or_text, str):  # a long article, or a retry one at a time
            origin = item.article.origin or item.article.id
            doc = parse(nlp, doc_or_text, origin=origin, max_chars=max_chars)
        return extract_doc(doc, item, options)  # type: ignore[arg-type]
    except NewsgraphError as e:
        return Failure(
            input=item.article.origin or item.article.id,
            stage="analyze",
            code=e.code,
            reason=e.reason,
        )
    except Exception as e:  # noqa: BLE001 - one bad article never stops a batch
        log.debug("extractor crash on %s", item.article.origin, exc_info=True)
        where = traceback.extract_tb(e.__traceback__)[-1]
        at = f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}"
        return Failure(
            input=item.article.origin or item.article.id,
            stage="analyze",
            code="internal",
            reason=f"{type(e).__name__}: {e} (at {at}); please report it",
        )


def analyze_stage(
    items: Iterable[Item], nlp: Language, settings: Settings, *, n_process: int = 1
) -> Iterator[Item]:
    """Parse cleaned articles in batches with ``nlp.pipe`` and run the extractors.

    Skipped and failed items pass through in their place. ``n_process`` > 1 (or -1, one
    per core) parses in that many spaCy worker processes, started afresh for each chunk of
    ``PROCESS_CHUNKS`` batches per process, so every worker gets batches; the extractors
    (~2% of the time) run here.
    """
    options = ExtractOptions(actor_dictionaries=settings.actor_dictionaries)
    procs = (os.cpu_count() or 1) if n_process == -1 else n_process
    chunk_size = settings.batch_size * (1 if procs == 1 else procs * PROCESS_CHUNKS)
    it = iter(items)
    while chunk := list(islice(it, chunk_size)):
        todo = [x for x in chunk if isinstance(x, Analysis) and not x.skipped]
        # Too long for one parse (or for max_chars): parsed in chunks, alone, or refused.
        limit = min(settings.max_chars, max_length(nlp)) if todo else 0
        long = [x for x in todo if len(x.article.text) > limit]
        todo = [x for x in todo if len(x.article.text) <= limit]
        try:
            docs: list[object] = list(
                nlp.pipe(
                    (x.article.text for x in todo),
                    batch_size=settings.batch_size,
                    n_process=procs if todo else 1,
                )
            )
        except Exception:  # noqa: BLE001 - fall back to one at a time to find the bad one
            docs = [x.article.text for x in todo]
        parsed = dict(zip((id(x) for x in todo), docs, strict=True))
        parsed.update((id(x), x.article.text) for x in long)
        for x in chunk:
            if isinstance(x, Analysis) and id(x) in parsed:
                yield _analyze_one(nlp, parsed[id(x)], x, options, settings.max_chars)
            else:
                yield x


def run(
    sources: Iterable[str],
    settings: Settings,
    *,
    published: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
) -> Iterator[Item]:
    """The whole single-process flow over named sources."""
    from .nlp import load_model

    nlp = nlp or load_model(settings.model)
    cleaned = clean_stage(iter_inputs(sources, settings), settings, published=published, url=url)
    yield from analyze_stage(cleaned, nlp, settings)


def analyze_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article given as a body text (no cleaning); raise on failure.

    The library entry point for callers who already have clean text.
    """
    from .nlp import load_model
    from .records import Article

    settings = settings or Settings()
    nlp = nlp or load_model(settings.model)
    article = Article(
        id=Article.make_id(text, title),
        text=text,
        title=title,
        url=url,
        published=published,
        language="en",
    )
    result = _analyze_one(
        nlp,
        text,
        Analysis(article=article),
        ExtractOptions(settings.actor_dictionaries),
        settings.max_chars,
    )
    if isinstance(result, Failure):
        raise NewsgraphError(result.reason, input=result.input)
    return result
