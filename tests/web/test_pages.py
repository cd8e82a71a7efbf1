# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The HTML pages: each renders from the store, links stay local, errors are pages too."""

from __future__ import annotations

import re
from html import unescape

import pytest
from web_support import client, corpus, store_path  # noqa: F401 - fixtures

LOADED = re.compile(r'(?:\bsrc="([^"]*)"|<link\b[^>]*\bhref="([^"]*)")')
OUTBOUND = re.compile(r'<a\b[^>]*href="(?://|https?:)[^>]*>')


def local_only(html: str) -> list[str]:
    """What a page would load from other hosts (scripts, styles, images, icons).

    Links out (an article's original URL) are allowed, but only as nofollow anchors.
    """
    loaded = [a or b for a, b in LOADED.findall(html)]
    foreign = [u for u in loaded if u.startswith(("//", "http:", "https:"))]
    foreign += [a for a in OUTBOUND.findall(html) if 'rel="nofollow noopener noreferrer"' not in a]
    return foreign


@pytest.mark.parametrize(
    "path",
    ["/", "/articles", "/actors", "/events", "/claims?unsourced=true", "/clusters", "/clusters/k1",
     "/network", "/network?plover=CONSULT&since=2023-04-01", "/search?q=vienna", "/search",
     "/api", "/actors/Anna%20Weber", "/actors/AUTGOV"],
)  # fmt: skip
def test_pages_render_and_load_nothing_from_other_hosts(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert '<link rel="stylesheet" href="/static/style.css">' in r.text
    assert local_only(r.text) == []


def test_pages_article_links_out_only_to_its_own_url(client, corpus):
    a = corpus["meeting"]
    r = client.get(f"/articles/{a.article.id}")
    assert OUTBOUND.findall(r.text) == [
        f'<a href="{a.article.url}" rel="nofollow noopener noreferrer">'
    ]


def test_pages_article_shows_highlights_legend_quotes_and_events(client, corpus):
    a = corpus["meeting"]
    html = client.get(f"/articles/{a.article.id}").text
    for kind in ("actor", "quote", "source", "cue", "hedge", "unsourced", "trigger"):
        assert f'class="sw sw-{kind}"' in html  # legend entry
        assert f"hl-{kind}" in html  # and at least one highlight of that kind
    tag = (
        # read out by screen readers too (not aria-hidden): the speaker is part of the story
        '<span class="speaker-tag" id="quote-q1" data-quote="q1">Anna Weber</span>'
    )
    assert tag in html and 'href="#quote-q1"' in html and 'href="#claim-c3"' in html
    assert 'id="ev-e1"' in html and 'href="#ev-e1"' in html
    assert '<a href="/actors/Anna%20Weber">Anna Weber</a>' in html
    notes = re.search(r'<script type="application/json" id="notes-data">(.*?)</script>', html, re.S)
    assert notes and '"quote:q1"' in notes.group(1)


def test_pages_actor_page_has_timeline_counterparts_and_quotes(client):
    html = client.get("/actors/Anna%20Weber").text
    timeline = html[html.index('id="timeline"') :]
    chart = re.search(r'id="actor-timeline-data">(.*?)</script>', timeline, re.S)
    assert chart and chart.group(1).count('"label"') == 2  # CONSULT and ACCUSE, stacked
    assert "in Vienna" in timeline and "CONSULT" in timeline and "ACCUSE" in timeline
    assert "Foreign Minister" in html and "Marco Rossi" in html
    assert "We are making real progress on border cooperation." in html


def test_pages_cluster_page_lists_outlets_behind_it(client):
    html = client.get("/clusters/k1").text
    assert "Daily Ledger" in html and "Morning Star Tribune" in html
    assert html.count("/articles/") >= 2


def test_pages_overview_counts_and_chart(client):
    html = client.get("/").text
    assert re.search(
        r'<span class="n">4</span><span class="what"><a href="/articles">articles', html
    )
    assert 'class="uplot-host" data-chart="events-timeline-data"' in html
    top = html[html.index("Most reported actors") : html.index("Best corroborated")]
    names = re.findall(r'<a href="/actors/[^"]*">([^<]*)</a>', top)
    assert names[:3] == ["Anna Weber", "Marco Rossi", "Reuters"]
    assert re.search(r"Anna Weber</a> <span[^>]*>AUTGOV</span></td><td>AUT</td>"
                     r'<td class="num">3</td>', top)  # fmt: skip


def test_pages_overview_lists_most_check_worthy_unsourced_claims_first(client, corpus):
    html = client.get("/").text
    section = html[html.index("Unsourced claims to check first") :]
    order = [section.index(s) for s in (
        "The agreement will change the region forever. Critics disagree.",  # 0.8, newer
        "The agreement will change the region forever. <a",  # 0.8
        "Italian Defence Minister Marco Rossi accused",  # 0.6
        "The minister &#34; onmouseover",  # 0.5
    )]  # fmt: skip
    assert order == sorted(order)
    assert '#claim-c3">Daily Ledger</a>' in section


def test_pages_errors_are_html_pages(client):
    r = client.get("/articles/does-not-exist")
    assert r.status_code == 404 and "no article 'does-not-exist'" in unescape(r.text)
    assert r.headers["content-type"].startswith("text/html")
    r = client.get("/events?limit=9999")
    assert r.status_code == 422 and "limit" in r.text
    r = client.get("/network?plover=NOPE")
    assert r.status_code == 422 and "unknown PLOVER type" in r.text


def test_pages_static_assets_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "@import" not in css.text and "url(http" not in css.text


def test_pages_filter_forms_may_leave_fields_empty(client):
    # A form submits every field; empty ones mean "any", not a bad value.
    r = client.get("/events?text=&actor=&country=&dyad=&plover=ACCUSE&cameo=&since=&until=")
    assert r.status_code == 200
    assert r.text.count("<tr>") == 2  # the header and the one ACCUSE event
    assert ">ACCUSE <" in r.text
    assert client.get("/network?plover=&country=&since=&until=&top=").status_code == 200
    assert client.get("/clusters?min_outlets=&actor=").status_code == 200
    assert client.get("/events?country=RUSSIA").status_code == 422  # a real bad value still is


def test_pages_event_dates_say_when_they_are_the_publication_date(tmp_path):
    import dataclasses

    from fastapi.testclient import TestClient
    from webcorpus import meeting_article, strike_article

    from newsgraph.records import EventDate
    from newsgraph.store import open_store
    from newsgraph.web import create_app

    meeting, strike = meeting_article(), strike_article()
    pub = strike.article.published
    defaulted = dataclasses.replace(
        strike.events[0], date=EventDate(pub, pub, None, "publication", "publication")
    )
    strike = strike.with_(events=(defaulted,))
    path = tmp_path / "dates.db"
    with open_store(path) as store:
        store.write_batch([meeting, strike])
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        strike_html = c.get(f"/articles/{strike.article.id}").text
        meeting_html = c.get(f"/articles/{meeting.article.id}").text
        events_html = c.get("/events").text

    def event_item(html: str) -> str:
        return html[html.index('id="event-e1"') :].split("</li>", 1)[0]

    assert pub in event_item(strike_html) and "(publication date)" in event_item(strike_html)
    # a date read from the text is shown with its expression, not as the publication date
    assert "on Sunday" in event_item(meeting_html)
    assert "publication date" not in event_item(meeting_html)
    assert events_html.count(">publication date</span>") == 1
