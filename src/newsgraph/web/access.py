"""Per-thread store handles for the web server.

A :class:`~newsgraph.store.Store` is not shared between threads (SQLite connections are
bound to their thread), while FastAPI runs plain endpoints in a pool of worker threads.
So the app keeps the store it was given for the thread that made it and opens one more
handle, on the same URL, for each worker thread that asks.

FastAPI may run a dependency and its endpoint on *different* pool threads, so a request is
handed :meth:`StoreAccess.handle`, which looks its thread's store up at each use, never a
handle taken on the dependency's thread (two requests at once then failed with SQLite's
"objects created in a thread can only be used in that same thread").
"""

from __future__ import annotations

import threading
from typing import Any, cast

from ..errors import StoreError
from ..store import Store, open_store


class StoreAccess:
    """Hands each thread its own handle on one store URL."""

    def __init__(self, store: Store | str, *, read_only: bool | None = None) -> None:
        self.read_only: bool | None = read_only
        if isinstance(store, str):
            self.url = store
            self._owner_store: Store | None = None
            self._owner = -1
        else:
            self.url = store.url
            self._owner_store = store
            self._owner = threading.get_ident()
            self.read_only = bool(getattr(store, "read_only", False)) or read_only
        if self.url.endswith(":memory:"):
            raise StoreError(
                "an in-memory store cannot be served (each server thread would see an empty one)",
                input=self.url,
                hint="ingest into a file or a PostgreSQL database and serve that",
            )
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        """The store handle for the calling thread (opened on first use)."""
        if self._owner_store is not None and threading.get_ident() == self._owner:
            return self._owner_store
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url, read_only=self.read_only)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def handle(self) -> Store:
        """A stand-in for the store that uses the calling thread's handle at each call."""
        return cast(Store, _ThreadStore(self))

    def close(self) -> None:
        """Close the handles this object opened (never the one it was given)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - a handle of a finished thread may be gone
                pass


class _ThreadStore:
    """Forwards every attribute to the store of the thread that uses it."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    def __getattr__(self, name: str) -> Any:
        return getattr(self._access.get(), name)


__all__ = ["StoreAccess"]
