"""Corpus runs: the pipeline driven into a store, batch by batch.

    from newsgraph.corpus import ingest
    from newsgraph.store import open_store
    with open_store("corpus.db") as store:
        summary = ingest(["articles.jsonl.gz"], store, settings)

The store only keeps what it is given; this package is what cleans, skips articles the
store already holds, analyses the rest and hands each batch to the store to commit.
"""

from __future__ import annotations

from .run import DEFAULT_BATCH, IngestSummary, ingest

__all__ = ["DEFAULT_BATCH", "IngestSummary", "ingest"]
