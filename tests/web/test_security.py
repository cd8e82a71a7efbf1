# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""Untrusted input: hostile article text and metadata render escaped; SQL metacharacters in
every filter are plain values (the browser half of the XSS test is in test_browser.py)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from web_support import client, corpus, store_path  # noqa: F401 - fixtures
from webcorpus import ATTR, XSS

from newsgraph.store import open_store

SQL_PAYLOADS = ["' OR 1=1 --", "%", "_", '"; DROP TABLE articles; --', "\\", "*", "') OR ('a'='a"]
STRING_FILTERS = ["actor", "outlet", "text", "article_id", "dyad", "country", "plover", "cameo"]
LISTS = ["/api/articles", "/api/events", "/api/actors", "/api/claims", "/api/clusters"]
OUR_SCRIPTS = re.compile(
    r'<script src="/static/[A-Za-z0-9_/-]+(?:\.[a-z]+)*\.js" defer></script>'
    r'|<script type="application/json" id="[a-z-]+">'
)


def assert_inert(html: str) -> None:
    """No markup from the payload survives: every '<' and '"' in it arrived escaped."""
    without_ours = OUR_SCRIPTS.sub("", html)
    assert "<script" not in without_ours.lower()
    assert "<img" not in html.lower()
    assert 'onmouseover="' not in html and 'onerror="' not in html
    assert "javascript:" not in html


@pytest.fixture(scope="module")
def hostile_pages(client, corpus):
    a = corpus["hostile"].article
    actor = corpus["hostile"].actors[0].name
    return {
        "article": client.get(f"/articles/{a.id}"),
        "articles": client.get("/articles"),
        "overview": client.get("/"),
        "actor": client.get("/actors/" + quote(actor, safe="")),
        "actors": client.get("/actors"),
        "events": client.get("/events"),
        "claims": client.get("/claims"),
        "search": client.get("/search", params={"q": "Breaking"}),
        "search-payload": client.get("/search", params={"q": XSS}),
        "network": client.get("/network"),
        "404": client.get("/articles/" + quote(XSS, safe="")),
    }


@pytest.mark.parametrize(
    "page",
    ["article", "articles", "overview", "actor", "actors", "events", "claims", "search",
     "search-payload", "network", "404"],
)  # fmt: skip
def test_security_hostile_text_renders_escaped(hostile_pages, page):
    r = hostile_pages[page]
    assert r.status_code in (200, 404), r.text[:300]
    assert_inert(r.text)


def test_security_hostile_payload_is_shown_as_text(hostile_pages):
    html = hostile_pages["article"].text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html  # title, body, outlet, author
    assert html.count("&lt;script&gt;window.__xss = 1&lt;/script&gt;") >= 4
    assert "&#34; onmouseover=&#34;window.__xss=3&#34; x=&#34;" in html
    # JSON embedded for the side panel cannot close its script element.
    notes = re.search(r'id="notes-data">(.*?)</script>', html, re.S)
    assert notes and "<" not in notes.group(1)


def test_security_javascript_url_is_not_linked(hostile_pages):
    assert 'rel="nofollow noopener noreferrer">original' not in hostile_pages["article"].text


def test_security_pages_forbid_inline_script(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_security_api_returns_payload_as_json_data(client, corpus):
    a = corpus["hostile"]
    r = client.get(f"/api/articles/{a.article.id}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["article"]["title"] == a.article.title
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("payload", SQL_PAYLOADS)
def test_security_sql_metacharacters_in_every_filter_are_harmless(
    client, store_path, corpus, payload
):
    before = open_store(store_path).dump()
    literal_outlet = {
        a.article.id for a in corpus.values() if payload.lower() in (a.article.source or "").lower()
    }
    for path in LISTS:
        for name in STRING_FILTERS:
            r = client.get(path, params={name: payload})
            assert r.status_code in (200, 422), (path, name, r.status_code, r.text[:200])
            body = r.json()
            if r.status_code == 422:
                assert body["error"]["code"] == "invalid_parameter"
                continue
            if name in ("actor", "article_id") or payload in ("%", "*"):
                # Wildcards and quotes are literal: nothing has such a name, id or word.
                assert body["items"] == [], (path, name, body["items"][:1])
            if name == "outlet" and path == "/api/articles":
                # LIKE wildcards are escaped: "_" matches only an outlet with a real "_".
                assert {i["id"] for i in body["items"]} == literal_outlet
    for path in ("/api/search", "/search"):
        assert client.get(path, params={"q": payload}).status_code == 200
    for path in ("/api/articles/", "/api/actors/", "/api/clusters/", "/articles/", "/actors/"):
        assert client.get(path + quote(payload, safe="")).status_code == 404
    for name in ("plover", "since", "country"):
        assert client.get("/api/network", params={name: payload}).status_code == 422
    with open_store(store_path) as store:
        assert store.dump() == before  # the store is intact
        assert store.counts()["articles"] == 4


def test_security_text_search_with_quote_matches_only_real_words(client, corpus):
    # The hostile article really contains "' OR 1=1 --": searching for it finds it, and only it.
    items = client.get("/api/articles", params={"text": "' OR 1=1 --"}).json()["items"]
    assert [i["id"] for i in items] == [corpus["hostile"].article.id]


def test_security_attr_payload_constant_is_the_one_tested():
    assert '"' in ATTR and "<" in XSS  # the payloads do need escaping to be inert


@pytest.mark.parametrize(
    "path",
    ["/api/articles/a%00b", "/api/events?actor=a%00b", "/api/search?q=%00", "/actors/x%00",
     "/events?outlet=%00"],
)  # fmt: skip
def test_security_nul_characters_are_refused(client, path):
    r = client.get(path)
    assert r.status_code == 422
    if path.startswith("/api"):
        assert r.json()["error"]["code"] == "invalid_parameter"
    else:
        assert "NUL" in r.text
