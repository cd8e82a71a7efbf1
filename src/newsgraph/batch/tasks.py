"""What runs inside a Dask worker: one chunk of articles through the single-process stages.

The task reuses :func:`newsgraph.pipeline.clean_stage` and
:func:`newsgraph.pipeline.analyze_stage` unchanged, so a distributed run gives the same ids,
content and failures as one process. Only small picklable records cross the wire: raw
inputs or cleaned ``Analysis`` records in, ``Analysis | Failure`` out. The spaCy model is
looked up by name in the worker's process-level cache (filled by the ``LoadModel`` plugin);
neither the model nor a Doc is ever pickled.
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Iterator, Sequence

from ..config import Settings
from ..ingest import RawInput
from ..pipeline import Item, analyze_stage, clean_stage

ChunkItem = RawInput | Item


def _cleaned(
    items: Sequence[ChunkItem], settings: Settings, published: str | None, url: str | None
) -> Iterator[Item]:
    """Clean the raw inputs of a chunk in place; cleaned items and failures pass through."""
    for x in items:
        if isinstance(x, RawInput):
            yield from clean_stage([x], settings, published=published, url=url)
        else:
            yield x


def analyze_chunk(
    items: Sequence[ChunkItem],
    settings: Settings,
    published: str | None = None,
    url: str | None = None,
) -> list[Item]:
    """Clean (if raw) and analyse one chunk; one result per input item, in order."""
    from ..nlp import load_model

    nlp = load_model(settings.model)
    return list(analyze_stage(_cleaned(items, settings, published, url), nlp, settings))


WARM_UP_TEXT = (
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on "
    'Sunday, the Kremlin said. "We work closely together," Putin told him, according to RIA.'
)


def warm_up(model: str) -> None:
    """Load the model and compile the extractors' lexicons now, not during the first chunk."""
    from ..nlp import load_model
    from ..records import Analysis, Article

    nlp = load_model(model)
    article = Article(id=Article.make_id(WARM_UP_TEXT), text=WARM_UP_TEXT, language="en")
    list(analyze_stage([Analysis(article=article)], nlp, Settings(model=model)))


def peak_rss() -> int:
    """This process's peak resident set size in bytes (for the benchmark and the report)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak if sys.platform == "darwin" else peak * 1024


def worker_identity() -> str:
    """The extractor version a worker runs; results from different versions must not mix."""
    from .. import EXTRACTOR

    return EXTRACTOR
