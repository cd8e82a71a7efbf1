"""Run the pipeline into a store: clean, skip what is stored, analyse, commit per batch.

Safe growth: ids are content hashes, so an article already in the store is skipped right
after cleaning (before the costly parse); each batch of analyses and failures commits in
one transaction, so a run killed at any moment keeps every batch it committed and a
re-run does only the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..pipeline import Item, analyze_stage, clean_stage
from ..records import Analysis, Failure
from ..store import Store

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_BATCH = 64


@dataclass
class IngestSummary:
    """What an ingest run did, updated as it goes (for progress) and returned at the end."""

    inputs: int = 0  # articles and failures seen
    added: int = 0  # new articles stored
    present: int = 0  # already in the store before analysis (or twice in this run)
    skipped: int = 0  # stored but kept out of analysis (e.g. not English)
    failures: int = 0
    events: int = 0
    batches: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.inputs / self.seconds if self.seconds else 0.0


def _skip_known(
    items: Iterable[Item], store: Store, summary: IngestSummary, chunk: int
) -> Iterator[Item]:
    """Drop cleaned articles whose id is stored already, asking the store once per chunk."""
    seen: set[str] = set()
    buf: list[Item] = []

    def flush() -> Iterator[Item]:
        ids = [x.article.id for x in buf if isinstance(x, Analysis)]
        known = store.known_ids(ids) | seen
        for x in buf:
            if isinstance(x, Analysis):
                if x.article.id in known:
                    summary.present += 1
                    summary.inputs += 1
                    continue
                seen.add(x.article.id)
            yield x
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from flush()
    yield from flush()


class _LazyModel:
    """The spaCy model, loaded on first use: a re-run with nothing new never loads it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._nlp: Language | None = None

    @property
    def max_length(self) -> int:
        return self._load().max_length

    def _load(self) -> Language:
        if self._nlp is None:
            from ..nlp import load_model

            self._nlp = load_model(self.name)
        return self._nlp

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        return self._load().pipe(texts, **kwargs) if texts else iter(())

    def __call__(self, text: str) -> Any:
        return self._load()(text)


def ingest(
    sources: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    batch: int = DEFAULT_BATCH,
    published: str | None = None,
    nlp: Language | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    analyze: Callable[[Iterable[Item]], Iterator[Item]] | None = None,
) -> IngestSummary:
    """Ingest every article in ``sources`` into ``store``; return what was done.

    ``batch`` articles (or failures) are committed per transaction. ``on_progress`` is
    called after each item with the running summary. ``analyze`` replaces the in-process
    analysis stage (``newsgraph.batch`` passes its Dask stage: same items, same order).
    """
    from ..ingest import iter_inputs

    summary = IngestSummary()
    start = time.monotonic()
    cleaned = clean_stage(iter_inputs(sources, settings), settings, published=published)
    fresh = _skip_known(cleaned, store, summary, chunk=max(batch, settings.batch_size))
    model: Any = nlp or _LazyModel(settings.model)
    analyses: list[Analysis] = []
    failures: list[Failure] = []

    def commit() -> None:
        if analyses or failures:
            result = store.write_batch(analyses, failures)
            summary.added += result.added
            summary.present += result.present
            summary.events += result.events
            summary.batches += 1
            analyses.clear()
            failures.clear()

    analyzed = analyze(fresh) if analyze else analyze_stage(fresh, model, settings)
    for item in analyzed:
        summary.inputs += 1
        if isinstance(item, Failure):
            failures.append(item)
            summary.failures += 1
        else:
            analyses.append(item)
            summary.skipped += bool(item.skipped)
        if len(analyses) + len(failures) >= batch:
            commit()
        summary.seconds = time.monotonic() - start
        if on_progress:
            on_progress(summary)
    commit()
    summary.seconds = time.monotonic() - start
    if on_progress:
        on_progress(summary)
    return summary
