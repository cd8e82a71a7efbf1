"""Event clusters across articles: same type, compatible parties, close dates; corroboration."""

from __future__ import annotations

import pytest

from newsgraph.link.clusters import cluster_events


def row(
    article,
    event,
    day,
    plover="CONSULT",
    a=("RUSGOV", "RUS"),
    r=("CHNMIL", "CHN"),
    outlet="Reuters",
    negated=0,
    group=None,
):
    return {
        "article_id": article,
        "local_id": event,
        "plover": plover,
        "actor_code": a[0],
        "actor_country": a[1],
        "recipient_code": r[0],
        "recipient_country": r[1],
        "day": day,
        "outlet": outlet,
        "negated": negated,
        "group_id": group,
    }


def by_members(clusters):
    return {tuple(sorted(k for k, _ in c.members)): c for c in clusters}


def test_clusters_same_happening_across_outlets():
    rows = [
        row("a1", "e1", "2023-04-16"),
        row("a2", "e1", "2023-04-17", outlet="BBC"),
        row("a3", "e2", "2023-04-16", a=(None, "RUS"), r=(None, "CHN"), outlet="AP"),
    ]
    [c] = cluster_events(rows, window=3)
    assert (c.plover, c.actor, c.recipient) == ("CONSULT", "RUS", "CHN")
    assert (c.n_articles, c.n_outlets, c.n_independent) == (3, 3, 3)
    assert (c.day_first, c.day_last) == ("2023-04-16", "2023-04-17")
    assert c.outlets == ("AP", "BBC", "Reuters")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"plover": "ACCUSE"}, "another type"),
        ({"a": ("USAGOV", "USA")}, "another actor"),
        ({"r": ("RUSGOV", "RUS"), "a": ("CHNMIL", "CHN")}, "the dyad reversed"),
        ({"day": "2023-04-25"}, "beyond the window"),
    ],
)
def test_clusters_keep_apart(change, why):
    base = row("a1", "e1", "2023-04-16")
    other = row("a2", "e1", change.pop("day", "2023-04-17"), **change)
    assert len(cluster_events([base, other], window=3)) == 2, why


def test_clusters_count_outlets_and_independent_reports():
    rows = [
        row("a1", "e1", "2023-04-16", group="g1"),
        row("a2", "e1", "2023-04-16", group="g1"),
        row("a3", "e1", "2023-04-16"),
        row("a4", "e4", "2023-04-16", outlet=None),
    ]
    [c] = cluster_events(rows)
    assert (c.n_articles, c.n_outlets, c.n_independent) == (4, 1, 3)  # a1/a2 are one wire story


def test_clusters_leave_out_negated_and_undated():
    rows = [
        row("a1", "e1", "2023-04-16", negated=1),
        row("a2", "e1", ""),
        row("a3", "e1", "2023-04-16"),
    ]
    [c] = cluster_events(rows)
    assert c.members == (("a3", "e1"),)


def test_clusters_do_not_chain_forever():
    rows = [
        row(f"a{i}", "e1", f"2023-04-{10 + i:02d}") for i in range(10)
    ]  # one a day for ten days
    clusters = cluster_events(rows, window=3)
    assert all(c.n_articles <= 4 for c in clusters) and sum(c.n_articles for c in clusters) == 10


def test_clusters_ids_stable():
    rows = [row("a1", "e1", "2023-04-16"), row("a2", "e1", "2023-04-17")]
    assert cluster_events(rows)[0].cluster_id == cluster_events(list(reversed(rows)))[0].cluster_id


def test_clusters_bare_role_codes_do_not_link():
    # "a government" in one story and "a government" in another are not the same party.
    rows = [
        row("a1", "e1", "2023-04-16", a=("GOV", None), r=(None, None)),
        row("a2", "e1", "2023-04-16", a=("GOV", None), r=(None, None), outlet="BBC"),
    ]
    clusters = cluster_events(rows)
    assert len(clusters) == 2 and all(c.actor is None for c in clusters)


def test_clusters_need_both_sides():
    # "USA accuses ?" in two stories is not one happening; "USA accuses China" is.
    one_sided = [
        row("a1", "e1", "2023-04-16", plover="ACCUSE", a=("USAGOV", "USA"), r=(None, None)),
        row("a2", "e1", "2023-04-16", plover="ACCUSE", a=("USAGOV", "USA"), r=(None, None)),
    ]
    assert len(cluster_events(one_sided)) == 2
    both = [
        row("a1", "e1", "2023-04-16", plover="ACCUSE", a=("USAGOV", "USA"), r=("CHNGOV", "CHN")),
        row("a2", "e1", "2023-04-17", plover="ACCUSE", a=("USAGOV", "USA"), r=(None, "CHN")),
    ]
    assert len(cluster_events(both)) == 1


def test_clusters_year_only_dates_cluster_with_their_precision_only():
    def dated(article, start, end):
        return {**row(article, "e1", start), "date_start": start, "date_end": end}

    year = [dated("a1", "2016-01-01", "2016-12-31"), dated("a2", "2016-01-01", "2016-12-31")]
    assert len(cluster_events(year)) == 1  # "in 2016" twice: the same precision
    mixed = [dated("a1", "2016-01-01", "2016-12-31"), dated("a2", "2016-01-02", "2016-01-02")]
    assert len(cluster_events(mixed)) == 2  # a year is not a day two days into it
