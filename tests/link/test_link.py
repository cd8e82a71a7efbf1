"""link(store): near-duplicates and event clusters computed from a store and queried back."""

from __future__ import annotations

from newsgraph.link import link
from newsgraph.store import Filters, open_store
from store.builders import LI, PUTIN, corpus, make_analysis


def test_link_store_clusters_and_duplicates(tmp_path):
    docs = corpus()
    a = docs[0]
    # A syndicated copy of article a from another outlet: same events, nearly the same text.
    copy_text = a.article.text + " Reporting by staff."
    copy = make_analysis(
        "Putin meets Li (wire)",
        copy_text,
        source="Yahoo News",
        events=(("CONSULT", "043", PUTIN, LI, "2023-04-16", "met"),),
    )
    with open_store(tmp_path / "x.db") as store:
        store.write_batch([*docs, copy])
        summary = link(store, threshold=0.5)
        assert (summary.duplicate_groups, summary.duplicate_articles) == (1, 2)
        top = store.clusters(Filters(min_outlets=2))
        assert len(top) == 1
        c = top[0]
        assert (c["plover"], c["actor"], c["recipient"]) == ("CONSULT", "RUS", "CHN")
        assert (c["n_articles"], c["n_outlets"], c["n_independent"]) == (4, 3, 3)
        assert [r["cluster_id"] for r in store.events(Filters(dyad=("RUS", "CHN")))] == [
            c["cluster_id"]
        ] * 4
        assert (
            store.clusters(Filters(dyad=("RUS", "CHN"), plover="CONSULT"))[0]["cluster_id"]
            == c["cluster_id"]
        )
        dups = {r["id"]: r["duplicate_group"] for r in store.articles(Filters(limit=0))}
        assert dups[a.article.id] == dups[copy.article.id] == min(a.article.id, copy.article.id)
        # Linking again changes nothing, and hashes nothing new.
        before = store.dump()
        link(store, threshold=0.5)
        assert store.dump() == before
