# ruff: noqa: F811 - the fixtures imported from store_support are parameters of the tests
"""Incremental linking gives the links a full rebuild gives, on SQLite and PostgreSQL.

A synthetic corpus (no model) is stored in batches and linked after each; another store
gets the same articles at once and a rebuild. Texts are variants of a few stories, so
near-duplicate groups form, grow and merge across batches (a later article can bridge two
earlier groups); events share dyads and dates across batches, with year-only dates,
one-sided and negated events among them.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsgraph.link import link
from newsgraph.records import EventDate
from newsgraph.store import open_store
from store.builders import BIDEN, LI, PUTIN, XI, ZELENSKY, make_analysis
from store.store_support import pg_url, store_url  # noqa: F401 - fixtures

LINK_TABLES = ("minhashes", "minhash_bands", "duplicates", "event_clusters", "cluster_events")
PEOPLE = (PUTIN, LI, XI, BIDEN, ZELENSKY)
NAMES = " ".join(f"{w.name} spoke." for w in PEOPLE)
OUTLETS = ("Reuters", "AP", "BBC News", "Al Jazeera", None)


def synthetic_corpus(seed: int, n: int = 48):
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    stories = []
    for _ in range(5):  # a story: its text and the events it reports
        words = [rng.choice(vocabulary) for _ in range(300)]
        events = [
            (
                rng.choice(("CONSULT", "ACCUSE")),
                rng.choice(PEOPLE),
                rng.choice([*PEOPLE, None]),
                rng.randint(1, 20),
            )
            for _ in range(3)
        ]
        stories.append((words, events))
    docs = []
    for i in range(n):
        story, story_events = rng.choice(stories)
        words = list(story)
        for _ in range(rng.choice((0, 1, 2, 4, 8, 12, 40))):  # from copies to rewrites
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        text = " ".join(words) + ". " + NAMES
        events = [
            (plover, "040", actor, recipient, f"2023-04-{day + rng.randint(0, 2):02d}", words[0])
            for plover, actor, recipient, day in rng.sample(story_events, rng.randint(1, 3))
        ]
        analysis = make_analysis(
            f"story {i}",
            text,
            source=rng.choice(OUTLETS),
            events=tuple(events),
            negated=(2,) if rng.random() < 0.2 else (),
        )
        if rng.random() < 0.25:  # a year-only date ("in 2023")
            year = EventDate("2023-01-01", "2023-12-31", "in 2023", "year", "text")
            first = dataclasses.replace(analysis.events[0], date=year)
            analysis = analysis.with_(events=(first, *analysis.events[1:]))
        docs.append(analysis)
    return docs


def link_tables(store):
    dump = store.dump()
    return {t: dump[t] for t in LINK_TABLES}


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_links_equal_a_rebuild(seed, store_url, tmp_path):
    docs = synthetic_corpus(seed)
    other = str(tmp_path / "rebuilt.db")
    with open_store(store_url) as inc:
        sizes = (5, 1, 12, 3, 27)
        start = 0
        for size in sizes:
            inc.write_batch(docs[start : start + size])
            summary = link(inc)
            assert summary.linked == size and inc.links_current()
            start += size
        assert start == len(docs)
        incremental = link_tables(inc)
        assert link(inc).linked == 0 and link_tables(inc) == incremental  # nothing new
        link(inc, rebuild_all=True)
        assert link_tables(inc) == incremental  # a rebuild in place agrees
    with open_store(other) as full:
        full.write_batch(docs)
        link(full, rebuild_all=True)
        rebuilt = link_tables(full)
    assert incremental == rebuilt
    # The corpus exercises what incremental linking must get right.
    groups = {row[1] for row in rebuilt["duplicates"]}
    assert len(groups) >= 3 and len(rebuilt["duplicates"]) > 2 * len(groups)
    assert any(row[7] >= 2 for row in rebuilt["event_clusters"])  # multi-outlet clusters


def test_incremental_link_other_settings_rebuild(tmp_path):
    docs = synthetic_corpus(3, n=20)
    with open_store(tmp_path / "a.db") as store:
        store.write_batch(docs)
        link(store)
        default = link_tables(store)
        wide = link(store, window=10)  # settings differ from the stored links': all again
        assert wide.linked == 0 and wide.clusters > 0
        assert link_tables(store)["event_clusters"] != default["event_clusters"]
        assert store.link_params() == "threshold=0.8 window=10"


def test_incremental_bridge_merges_groups_and_recounts_their_clusters(tmp_path):
    # X and Y are each 4 words off a wire story, 8 off each other: too far to group. The
    # wire copy N, stored later, is near both: one group, so the event X and Y both report
    # is one independent report, though N itself does not report it.
    rng = random.Random(7)
    wire = [f"w{rng.randrange(400)}" for _ in range(300)]

    def variant(positions):
        words = list(wire)
        for p in positions:
            words[p] = "changed"
        return " ".join(words) + ". " + NAMES

    meeting = ("CONSULT", "040", PUTIN, XI, "2023-04-16", "w")
    other = ("ACCUSE", "111", BIDEN, ZELENSKY, "2023-04-10", "w")
    x = make_analysis("x", variant((10, 80, 150, 220)), source="AP", events=(meeting,))
    y = make_analysis("y", variant((40, 110, 180, 250)), source="BBC News", events=(meeting,))
    n = make_analysis("n", variant(()), source="Reuters", events=(other,))
    with open_store(tmp_path / "inc.db") as store:
        store.write_batch([x, y])
        link(store)
        [before] = [c for c in store.clusters() if c["plover"] == "CONSULT"]
        assert before["n_independent"] == 2 and store.counts()["duplicates"] == 0
        store.write_batch([n])
        assert link(store).duplicate_articles == 3
        [after] = [c for c in store.clusters() if c["plover"] == "CONSULT"]
        assert after["n_independent"] == 1
        incremental = link_tables(store)
        link(store, rebuild_all=True)
        assert link_tables(store) == incremental
