"""Dask execution of the same stages: analysis (and cleaning) on a cluster of workers.

``open_client(workers=N)`` starts a ``LocalCluster`` of N single-threaded worker
processes; ``open_client(scheduler="tcp://HOST:PORT")`` joins an existing cluster. Each
worker loads the spaCy model once. :func:`analyze_distributed` is a drop-in for
:func:`newsgraph.pipeline.analyze_stage` and :func:`run_distributed` for
:func:`newsgraph.pipeline.run`: same records, same ids, same failures, same order.
:func:`analysis_stage` is what :func:`newsgraph.corpus.ingest` runs its analysis through::

    with analysis_stage(settings.with_(workers=2)) as analyze:
        ingest(paths, store, settings, analyze=analyze)
"""

from __future__ import annotations

from .cluster import open_client, prepare_workers, worker_peak_rss
from .run import DEFAULT_CHUNK, analyze_distributed, chunk_failed, run_distributed
from .stage import analysis_stage

__all__ = [
    "DEFAULT_CHUNK",
    "analysis_stage",
    "analyze_distributed",
    "chunk_failed",
    "open_client",
    "prepare_workers",
    "run_distributed",
    "worker_peak_rss",
]
