# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""Per-thread store handles: a handle taken on one thread works when used on another."""

from __future__ import annotations

import threading

from web_support import corpus, store_path  # noqa: F401 - fixtures

from newsgraph.web.access import StoreAccess


def test_access_handle_taken_on_one_thread_is_used_on_another(store_path):
    # FastAPI may resolve a dependency on one pool thread and run the endpoint on another.
    access = StoreAccess(str(store_path))
    taken: list = []
    results: list = []
    errors: list = []

    def take() -> None:
        taken.append(access.handle())

    def use() -> None:
        try:
            results.append(taken[0].overview()["articles"])
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    for target in (take, use):
        t = threading.Thread(target=target)
        t.start()
        t.join()
    access.close()
    assert errors == [] and results == [4]


def test_access_raw_handles_are_bound_to_their_thread(store_path):
    # The control: the handle get() returns is the thread's own; another thread cannot use it.
    access = StoreAccess(str(store_path))
    raw = access.get()
    errors: list = []

    def use() -> None:
        try:
            raw.overview()
        except Exception as e:  # noqa: BLE001 - expected
            errors.append(e)

    t = threading.Thread(target=use)
    t.start()
    t.join()
    access.close()
    assert errors and "thread" in str(errors[0])
