"""The worker plugin that loads the spaCy model once in every Dask worker process."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class LoadModel(WorkerPlugin):
    """Load the model (and lexicons) when a worker starts or joins, not on its first task.

    Only the model *name* travels to the worker; the model itself is loaded there by
    :func:`newsgraph.nlp.load_model` into its process-level cache, which the analysis
    tasks then hit. A worker that cannot load the model makes plugin registration fail,
    so a broken cluster is reported before any article is sent.
    """

    name = "newsgraph-load-model"
    idempotent = True

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from .tasks import warm_up

        warm_up(self.model)
