# ruff: noqa: F811 - the fixtures imported from store_support are parameters of the tests
"""The store under stress: read-only opens, locks held too long, a full disk, link state,
failures cleared for whole files — on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from newsgraph.errors import StoreError
from newsgraph.link import link
from newsgraph.records import Failure
from newsgraph.store import open_store
from store.builders import corpus
from store.store_support import pg_url, store, store_url  # noqa: F401 - fixtures


def test_store_links_stale_after_new_articles_current_after_link(store):
    assert store.links_current()  # an empty store has nothing to link
    store.write_batch(corpus()[:2])
    assert not store.links_current()
    link(store)
    assert store.links_current()
    store.write_batch(corpus()[:2])  # nothing new: links stay current
    assert store.links_current()
    store.write_batch(corpus()[2:])
    assert not store.links_current()


def test_store_link_killed_midway_leaves_links_stale(store, monkeypatch):
    store.write_batch(corpus())

    def killed(*_a, **_k):
        raise KeyboardInterrupt  # as a kill between the duplicate groups and the clusters

    monkeypatch.setattr(store, "_insert_clusters", killed)  # inside the saving transaction
    with pytest.raises(KeyboardInterrupt):
        link(store)
    assert not store.links_current() and store.counts()["minhash_bands"] == 0
    monkeypatch.undo()
    summary = link(store)
    assert summary.linked == len(corpus())
    assert store.links_current() and summary.clusters == len(store.clusters())


def test_store_whole_file_failure_cleared_when_its_records_succeed(store):
    store.write_batch([], [Failure("dump.jsonl", "ingest", "input", "corrupt gzip data")])
    store.write_batch([], [Failure("feed.xml", "ingest", "input", "not a valid RSS/Atom feed")])
    store.write_batch([], [Failure("other.jsonl", "ingest", "input", "corrupt gzip data")])
    first, second = corpus()[:2]
    store.write_batch([first.with_(article=replace(first.article, origin="dump.jsonl:3"))])
    store.write_batch([second.with_(article=replace(second.article, origin="feed.xml#0"))])
    assert [f["input"] for f in store.failures()] == ["other.jsonl"]


def test_store_read_only_reads_and_refuses_writes(store_url):
    with open_store(store_url) as s:
        s.write_batch(corpus())
        dump = s.dump()
    with open_store(store_url, read_only=True) as ro:
        assert ro.read_only and ro.dump() == dump and ro.events()
        with pytest.raises(StoreError, match="read-only"):
            ro.write_batch(corpus())
        with pytest.raises(StoreError):  # refused by the database too, not only by us
            ro._run("DELETE FROM failures")
    with open_store(store_url) as s:
        assert s.dump() == dump


def test_store_read_only_runs_no_migration(store_url):
    with open_store(store_url) as s:  # a store of schema 3, as an older newsgraph left it
        s.write_batch(corpus())
        latest = s.schema_version()
        with s.transaction():
            s._run("DELETE FROM migrations WHERE version > 3")
            s._run("DROP TABLE link_queue")
            s._run("DROP TABLE minhash_bands")
            s._run("DROP INDEX articles_outlet_key")
            s._run("ALTER TABLE articles DROP COLUMN outlet_key")
            s._run("ALTER TABLE actors DROP COLUMN country_source")
    with open_store(store_url, read_only=True) as ro:
        assert ro.schema_version() == 3 and len(ro.articles()) == len(corpus())
    with open_store(store_url) as s:  # a writable open migrates; old articles are queued
        assert s.schema_version() == latest and not s.links_current()


def test_store_read_only_missing_sqlite_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "absent.db", read_only=True)
    assert not (tmp_path / "absent.db").exists()


def test_store_not_writable_sqlite_file_opens_read_only(tmp_path, monkeypatch):
    path = tmp_path / "corpus.db"
    with open_store(path) as s:
        s.write_batch(corpus())
    import newsgraph.store as store_pkg
    import newsgraph.store.sqlite as sqlite_mod

    # As on read-only media (root can write anywhere, so the test says it is not writable).
    monkeypatch.setattr(store_pkg.os, "access", lambda *_a, **_k: False)
    monkeypatch.setattr(sqlite_mod.os, "access", lambda *_a, **_k: False)
    with open_store(path, read_only=None) as ro:
        assert ro.read_only and len(ro.articles()) == len(corpus())


def test_store_missing_or_unwritable_folder_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the SQLite store"):
        open_store(blocker / "sub" / "corpus.db")


def test_store_lock_held_too_long_at_commit_is_a_store_error(store_url, monkeypatch):
    with open_store(store_url) as s:
        pass  # created and migrated
    if store_url.startswith("postgres"):
        import psycopg

        import newsgraph.store.postgres as pg

        monkeypatch.setattr(pg, "LOCK_SECONDS", 0.2)
        holder = psycopg.connect(store_url)
        holder.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
    else:
        import newsgraph.store.sqlite as sq

        monkeypatch.setattr(sq, "LOCK_SECONDS", 0.2)
        holder = sqlite3.connect(store_url, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(store_url) as s, pytest.raises(StoreError) as err:
            s.write_batch(corpus())
        assert "lock" in err.value.message.lower()
    finally:
        holder.rollback() if store_url.startswith("postgres") else holder.execute("ROLLBACK")
        holder.close()


def test_store_disk_full_is_a_store_error_and_keeps_what_was_committed(tmp_path):
    path = tmp_path / "corpus.db"
    with open_store(path) as s:
        s.write_batch(corpus()[:1])
        pages = s._rows("PRAGMA page_count")[0]["page_count"]
        s._rows(f"PRAGMA max_page_count = {pages}")  # SQLite reports SQLITE_FULL past this
        with pytest.raises(StoreError) as err:
            s.write_batch(corpus()[1:])
        assert "full" in err.value.message
    with open_store(path) as s:
        assert s.counts()["articles"] == 1
