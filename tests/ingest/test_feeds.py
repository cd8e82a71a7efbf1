"""RSS and Atom feeds: full-content entries, summary-only entries, malformed feeds, URL feeds."""

from __future__ import annotations

import pytest
from ingest_support import ARTICLE_HTML, serve

from newsgraph.config import Settings
from newsgraph.ingest import RawInput, iter_inputs
from newsgraph.ingest.feeds import FULL_TEXT_CHARS
from newsgraph.records import Failure

S = Settings()

PARAGRAPH = (
    "<p>Fisheries ministers from Norway and the European Union met in Oslo on Monday "
    "to settle a dispute over mackerel quotas that has simmered for a year.</p>"
)
FULL = PARAGRAPH * 5

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example World News</title>
  <link>https://news.example.org/</link>
  <description>World news</description>
  <item>
    <title>Ministers meet in Oslo</title>
    <link>https://news.example.org/oslo</link>
    <pubDate>Mon, 17 Apr 2023 09:30:00 GMT</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[{FULL}]]></content:encoded>
  </item>
  <item>
    <title>Only a teaser</title>
    <link>{{link}}</link>
    <pubDate>Tue, 18 Apr 2023 10:00:00 GMT</pubDate>
    <description>A two-line summary of another story.</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title>
  <id>urn:example:feed</id>
  <updated>2023-04-17T12:00:00Z</updated>
  <entry>
    <title>Atom entry with full content</title>
    <link href="https://atom.example.org/1"/>
    <id>urn:example:1</id>
    <updated>2023-04-17T12:00:00Z</updated>
    <author><name>John Roe</name></author>
    <content type="html"><![CDATA[{FULL}]]></content>
  </entry>
</feed>
"""


def test_feeds_rss_entry_with_full_content_becomes_an_article(tmp_path):
    p = tmp_path / "world.rss"
    p.write_text(RSS.replace("{link}", "https://news.example.org/teaser"))
    first, second = list(iter_inputs([str(p)], S))
    assert isinstance(first, RawInput) and first.kind == "fragment"
    assert first.origin == f"{p}#1"
    assert "mackerel quotas" in first.data
    assert first.meta == {
        "title": "Ministers meet in Oslo",
        "url": "https://news.example.org/oslo",
        "published": "2023-04-17",
        "authors": ["Jane Doe"],
        "source": "Example World News",
    }
    # a summary-only entry of a feed read from a file: no network, a stated reason
    assert isinstance(second, Failure) and second.input == f"{p}#2"
    assert f"under {FULL_TEXT_CHARS}" in second.reason and "read from a URL" in second.reason


def test_feeds_atom_file_sniffed_without_suffix(tmp_path):
    p = tmp_path / "feed"
    p.write_text(ATOM)
    (raw,) = iter_inputs([str(p)], S)
    assert raw.kind == "fragment"
    assert raw.meta["title"] == "Atom entry with full content"
    assert raw.meta["authors"] == ["John Roe"] and raw.meta["published"] == "2023-04-17"


def test_feeds_entries_clean_into_paragraphs(tmp_path):
    from newsgraph.clean import clean

    p = tmp_path / "world.xml"
    p.write_text(RSS.replace("{link}", "https://news.example.org/teaser"))
    raw = next(iter(iter_inputs([str(p)], S)))
    a = clean(raw, S).article
    assert a.title == "Ministers meet in Oslo" and a.source == "Example World News"
    assert a.text.count("\n\n") == 4 and "<p>" not in a.text
    assert a.published == "2023-04-17" and a.language == "en"


@pytest.mark.parametrize(
    "content",
    [
        b"<?xml version='1.0'?><rss><channel><item><title>x</title",
        b"this is not a feed at all, just words",
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title></channel></rss>",
    ],
)
def test_feeds_malformed_or_empty_feed_is_one_failure(tmp_path, content):
    p = tmp_path / "bad.rss"
    p.write_bytes(content)
    (f,) = iter_inputs([str(p)], S)
    assert isinstance(f, Failure) and f.input == str(p)
    assert "feed" in f.reason


def test_feeds_url_feed_fetches_links_of_summary_only_entries():
    with serve() as srv:
        page = srv.page("/teaser.html", ARTICLE_HTML.encode())
        feed = srv.page(
            "/feed.xml", RSS.replace("{link}", page).encode(), content_type="application/rss+xml"
        )
        allow = Settings(allow_private=True, fetch_timeout=5)
        first, second = list(iter_inputs([feed], allow))
        assert first.kind == "fragment"
        assert isinstance(second, RawInput) and second.kind == "html"
        assert second.data == ARTICLE_HTML.encode()
        assert second.meta["url"] == page and second.meta["title"] == "Only a teaser"
        # without --allow-private the loopback feed itself is refused, with the reason
        (blocked,) = iter_inputs([feed], Settings())
        assert isinstance(blocked, Failure) and blocked.code == "blocked-address"


def test_feeds_url_feed_entry_whose_link_fails_is_a_failure():
    with serve() as srv:
        feed = srv.page(
            "/feed.xml",
            RSS.replace("{link}", srv.url("/gone")).encode(),
            content_type="application/rss+xml",
        )
        items = list(iter_inputs([feed], Settings(allow_private=True, fetch_timeout=5)))
        assert isinstance(items[1], Failure) and items[1].input == f"{feed}#2"
        assert "HTTP 404" in items[1].reason
