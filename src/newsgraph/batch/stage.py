"""The analysis stage a command should use, chosen from the settings: in-process or Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import chain
from typing import TYPE_CHECKING

from ..config import Settings
from ..pipeline import Item
from .run import DEFAULT_CHUNK, analyze_distributed

if TYPE_CHECKING:
    from distributed import Client

Stage = Callable[[Iterable[Item]], Iterator[Item]]


@contextmanager
def analysis_stage(settings: Settings, chunk_size: int = DEFAULT_CHUNK) -> Iterator[Stage | None]:
    """``None`` (analyse in this process) unless ``settings.workers`` or ``settings.scheduler``.

    Otherwise a stage function like :func:`newsgraph.pipeline.analyze_stage` that runs on
    Dask. The cluster is started (or joined) only when the first item arrives, so a re-run
    with nothing new to analyse starts nothing; it is closed when the context exits.
    """
    if not settings.workers and not settings.scheduler:
        yield None
        return
    with ExitStack() as stack:
        client: Client | None = None

        def stage(items: Iterable[Item]) -> Iterator[Item]:
            nonlocal client
            it = iter(items)
            first = next(it, None)
            if first is None:
                return
            if client is None:
                from .cluster import open_client

                client = stack.enter_context(
                    open_client(
                        workers=settings.workers,
                        scheduler=settings.scheduler,
                        model=settings.model,
                    )
                )
            yield from analyze_distributed(
                chain([first], it), client, settings, chunk_size=chunk_size
            )

        yield stage
