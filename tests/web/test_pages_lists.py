# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The list pages, permalinks, codebook, actor and cluster pages (server-side HTML)."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from web_support import client, corpus, store_path  # noqa: F401 - fixtures

from newsgraph.records import EventCluster


def text_of(markup: str) -> str:
    return htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def test_pages_lists_show_totals_facets_and_download_links(client):
    page = client.get("/events", params={"plover": "CONSULT"}).text
    assert "1–2 of 2 events" in page
    assert 'href="/api/events?plover=CONSULT&amp;format=csv"' in page
    assert 'href="/api/events?plover=CONSULT"' in page
    facets = page[page.index('class="facets"') :]
    assert "Daily Ledger" in facets and "Morning Star Tribune" in facets
    claims = client.get("/claims", params={"sort": "-check_worthiness"}).text
    assert 'aria-sort="descending"' in claims
    assert 'href="/claims?sort=check_worthiness"' in claims  # the head toggles the order


def test_pages_lists_reject_unknown_parameters(client):
    r = client.get("/events", params={"countries": "RUS"})
    assert r.status_code == 422 and "countries" in r.text
    assert r.headers["content-type"].startswith("text/html")


def test_pages_lists_event_permalink_page_says_everything_known(client, corpus):
    aid = corpus["meeting"].article.id
    page = text_of(client.get(f"/events/{aid}/e1").text)
    for fact in ("Host a visit", "Vienna (AUT)", "GeoNames 2761369", "48.2, 16.37",
                 "read from the text: “on Sunday”", "Mode visit", "Austria · Government",
                 "Confidence 0.8", corpus["meeting"].article.url):  # fmt: skip
        assert fact in page, fact


def test_pages_lists_codebook_page(client):
    page = client.get("/codebook").text
    assert page.count('id="plover-') == 16 and 'id="cameo-016"' in page
    assert "Deny responsibility" in page and "Legislature" in page
    assert client.get("/codebook.css").headers["content-type"].startswith("text/css")


def test_pages_lists_clusters_are_two_or_more_reports(tmp_path, corpus):
    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web import create_app

    m1, m2, s = (corpus[k].article.id for k in ("meeting", "meeting2", "strike"))
    path = tmp_path / "k.db"
    with open_store(path) as store:
        store.write_batch([corpus["meeting"], corpus["meeting2"], corpus["strike"]])
        store.save_clusters([
            EventCluster("k1", "CONSULT", "AUTGOV", "ITAMIL", "2023-04-16", "2023-04-17",
                         ((m1, "e1"), (m2, "e1")), 2, 2, 2, ("Daily Ledger", "Morning Star")),
            EventCluster("k2", "ACCUSE", "ITAMIL", "AUTGOV", "2023-05-19", "2023-05-19",
                         ((s, "e1"),), 1, 1, 1, ("Evening Post",)),
        ])  # fmt: skip
    with TestClient(create_app(str(path))) as c:
        listed = c.get("/clusters").text
        assert "/clusters/k1" in listed and "/clusters/k2" not in listed
        # the download of this view holds the same rows: the implied filter goes with it
        csv_href = re.search(r'href="(/api/clusters\?[^"]*format=csv)"', listed)
        assert csv_href is not None
        rows = c.get(htmllib.unescape(csv_href.group(1))).text.splitlines()[1:]
        assert [r.split(",")[0] for r in rows] == ["k1"]
        assert '<a href="/clusters?max_reports=1">1 single reports</a>' in listed
        singles = c.get("/clusters", params={"max_reports": 1}).text
        assert "/clusters/k2" in singles and "/clusters/k1" not in singles
        one = text_of(c.get("/clusters/k1").text)
        assert "Consult: Anna Weber (AUTGOV: Austria · Government) → Marco Rossi " in one
        assert "16–17 April 2023: 2 article(s) from 2 outlet(s)" in one
        single = text_of(c.get("/clusters/k2").text)
        assert "a single report" in single


def test_pages_lists_actor_page_is_summary_first_then_paged(client, monkeypatch):
    import newsgraph.web.pages as pages

    monkeypatch.setattr(pages, "ACTOR_PAGE", 1)
    first = client.get("/actors/Anna Weber").text
    assert first.index('id="summary"') < first.index('id="timeline"') < first.index('id="events"')
    assert first.index('id="events"') < first.index('id="quotes"')
    assert "(1–1 of 3)" in text_of(first)  # three events, one per page
    nxt = re.search(r'href="([^"]*events_offset=1[^"]*)" rel="next"', first)
    assert nxt is not None
    second = client.get(htmllib.unescape(nxt.group(1))).text
    assert "(2–2 of 3)" in text_of(second)
    assert 'rel="prev"' in second


@pytest.mark.parametrize(
    "first, last, words",
    [
        ("2023-04-16", "2023-04-16", "16 April 2023"),
        ("2023-03-30", "2023-04-02", "30 March – 2 April 2023"),
        ("2022-12-30", "2023-01-02", "30 December 2022 – 2 January 2023"),
        (None, None, "undated"),
    ],
)
def test_pages_lists_date_words(first, last, words):
    from newsgraph.web.pages import date_words

    assert date_words(first, last) == words
