"""Stream articles through Dask workers and get the results back in input order.

The client keeps at most ``max_in_flight`` chunks outstanding (submitted, or finished but
waiting for an earlier chunk), so memory stays flat however long the input is, and the
consumer (the store) can write the results in batches as they arrive.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import NewsgraphError
from ..ingest import RawInput, iter_inputs
from ..pipeline import Item
from ..records import Analysis, Failure
from .tasks import ChunkItem, analyze_chunk

if TYPE_CHECKING:
    from distributed import Client, Future

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 16  # articles per task: ~1-2 s of work, small enough to balance 2 workers


def _origin(x: ChunkItem) -> str:
    if isinstance(x, RawInput):
        return x.origin
    if isinstance(x, Failure):
        return x.input
    return x.article.origin or x.article.id


def chunk_failed(chunk: list[ChunkItem], error: BaseException) -> list[Item]:
    """The results of a chunk whose task died: a Failure for each article it carried.

    Failures and skipped articles that were only passing through keep their place as
    they were, so the output still has one item per input.
    """
    reason = (
        f"the Dask task for a chunk of {len(chunk)} inputs failed: {type(error).__name__}: {error}"
    )
    out: list[Item] = []
    for x in chunk:
        if isinstance(x, Failure) or (isinstance(x, Analysis) and x.skipped):
            out.append(x)
        else:
            out.append(Failure(input=_origin(x), stage="analyze", code="worker", reason=reason))
    return out


def analyze_distributed(
    items: Iterable[ChunkItem],
    client: Client,
    settings: Settings,
    *,
    published: str | None = None,
    url: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    max_in_flight: int | None = None,
) -> Iterator[Item]:
    """The distributed counterpart of :func:`newsgraph.pipeline.analyze_stage`.

    ``items`` may be raw inputs (cleaned on the workers), cleaned ``Analysis`` records or
    Failures (passed through); one result comes back per item, in input order. A chunk
    whose task raises or whose worker dies (after Dask's own retries) becomes Failures
    for its articles and the run goes on. Losing the scheduler stops the run with an
    error: what was yielded before stays valid, and a re-run completes the rest.
    """
    from distributed import as_completed
    from distributed.client import FutureCancelledError

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be ≥ 1, got {chunk_size}")
    if max_in_flight is None:
        threads = sum(client.nthreads().values())  # every worker, however many there are
        max_in_flight = 2 * max(threads, 1) + 1
    run_id = uuid.uuid4().hex[:12]
    source = iter(items)
    chunks: dict[int, list[ChunkItem]] = {}
    results: dict[int, list[Item]] = {}
    futures: dict[Future, int] = {}
    pending = as_completed()
    submitted = 0
    next_out = 0

    def fill() -> None:
        nonlocal submitted
        while len(chunks) < max_in_flight:
            chunk = list(islice(source, chunk_size))
            if not chunk:
                return
            fut = client.submit(
                analyze_chunk,
                chunk,
                settings,
                published,
                url,
                key=f"newsgraph-analyze-{run_id}-{submitted}",
                pure=False,
            )
            chunks[submitted] = chunk
            futures[fut] = submitted
            pending.add(fut)
            submitted += 1

    try:
        fill()
        for fut in pending:
            index = futures.pop(fut)
            try:
                out = fut.result()
            except FutureCancelledError as e:
                raise NewsgraphError(
                    f"the Dask run was cancelled (scheduler lost?): {e}",
                    hint="re-run the same command; what was stored is kept",
                ) from None
            except Exception as e:  # noqa: BLE001 - one dead chunk never stops the run
                log.warning("Dask chunk %d failed: %s: %s", index, type(e).__name__, e)
                out = chunk_failed(chunks[index], e)
            else:
                if len(out) != len(chunks[index]):  # would silently misalign the output
                    out = chunk_failed(
                        chunks[index],
                        RuntimeError(f"{len(out)} results for {len(chunks[index])} inputs"),
                    )
            results[index] = out
            while next_out in results:
                del chunks[next_out]
                yield from results.pop(next_out)
                next_out += 1
            fill()
    finally:
        if futures:
            client.cancel(list(futures))


def run_distributed(
    sources: Iterable[str],
    settings: Settings,
    client: Client,
    *,
    published: str | None = None,
    url: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Item]:
    """The whole flow of :func:`newsgraph.pipeline.run`, with cleaning and analysis on Dask.

    Reading the inputs stays here (files and URLs are local to this machine); raw inputs
    are cleaned on the workers together with their analysis.
    """
    raws = iter_inputs(sources, settings)
    yield from analyze_distributed(
        raws, client, settings, published=published, url=url, chunk_size=chunk_size
    )
