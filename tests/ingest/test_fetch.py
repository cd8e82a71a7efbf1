"""Fetching: loopback server allowed only with allow_private; limits on size, redirects, time."""

from __future__ import annotations

import socket
import time

import pytest
from ingest_support import ARTICLE_HTML, ARTICLE_TEXT, serve

from newsgraph.config import Settings
from newsgraph.errors import BlockedAddressError, FetchError
from newsgraph.ingest.fetch import check_address, fetch, is_url

ALLOW = Settings(allow_private=True, fetch_timeout=5)


@pytest.fixture
def article_html() -> str:
    return ARTICLE_HTML


@pytest.fixture
def article_text() -> str:
    return ARTICLE_TEXT


@pytest.fixture
def server():
    with serve() as srv:
        yield srv


def test_fetch_reads_a_page_from_loopback_when_private_is_allowed(server, article_html):
    url = server.page("/a.html", article_html.encode())
    got = fetch(url, ALLOW)
    assert got.content == article_html.encode()
    assert got.content_type == "text/html"
    assert got.url == url


def test_fetch_refuses_loopback_by_default(server):
    url = server.page("/a.html", b"<html></html>")
    with pytest.raises(BlockedAddressError) as e:
        fetch(url, Settings())
    assert "127.0.0.1" in e.value.reason and "loopback" in e.value.reason
    assert e.value.input == url
    assert "--allow-private" in e.value.message


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10:8080/x", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "address"),
        ("http://localhost/", "loopback"),
    ],
)
def test_fetch_check_address_blocks_non_public_hosts(url, kind):
    with pytest.raises(BlockedAddressError) as e:
        check_address(url, Settings())
    assert kind in e.value.reason


def test_fetch_redirect_to_private_address_is_rechecked(server, monkeypatch):
    # The first hop is "public" (we pretend so), the redirect target is loopback.
    target = server.page("/secret", b"internal")
    start = server.redirect("/start", target.replace("127.0.0.1", "localhost"))
    seen: list[str] = []
    real = check_address

    def fake_check(url: str, settings: Settings, deadline: float | None = None):
        seen.append(url)
        if url == start:  # treat the first hop as public
            return real(url, settings.with_(allow_private=True), deadline)
        return real(url, settings, deadline)

    monkeypatch.setattr("newsgraph.ingest.fetch.check_address", fake_check)
    with pytest.raises(BlockedAddressError):
        fetch(start, Settings(fetch_timeout=5))
    assert len(seen) == 2


def test_fetch_unreachable_port_is_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    url = f"http://127.0.0.1:{port}/"
    with pytest.raises(FetchError) as e:
        fetch(url, ALLOW)
    assert e.value.input == url
    assert "could not fetch" in e.value.reason


def test_fetch_redirect_loop_is_stopped(server):
    server.redirect("/a", server.url("/b"))
    server.redirect("/b", server.url("/a"))
    with pytest.raises(FetchError) as e:
        fetch(server.url("/a"), ALLOW)
    assert "redirect loop" in e.value.reason


def test_fetch_redirect_chain_longer_than_the_limit_is_refused(server):
    for i in range(5):
        server.redirect(f"/r{i}", server.url(f"/r{i + 1}"))
    server.page("/r5", b"<html>end</html>")
    assert fetch(server.url("/r0"), ALLOW.with_(max_redirects=5)).content == b"<html>end</html>"
    with pytest.raises(FetchError) as e:
        fetch(server.url("/r0"), ALLOW.with_(max_redirects=3))
    assert "more than 3 redirects" in e.value.reason


def test_fetch_refuses_a_body_over_the_size_cap_declared(server):
    url = server.page("/big", b"x" * 50_000)
    with pytest.raises(FetchError) as e:
        fetch(url, ALLOW.with_(max_bytes=10_000))
    assert "10,000-byte limit" in e.value.reason


def test_fetch_enforces_the_size_cap_while_streaming_without_length(server):
    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()  # no Content-Length: the body is read until the cap
        try:
            for _ in range(10_000):
                h.wfile.write(b"y" * 8192)
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.close_connection = True

    server.routes["/endless"] = endless
    with pytest.raises(FetchError) as e:
        fetch(server.url("/endless"), ALLOW.with_(max_bytes=100_000))
    assert "over the 100,000-byte limit" in e.value.reason


def test_fetch_http_error_status_is_reported(server):
    with pytest.raises(FetchError) as e:
        fetch(server.url("/missing"), ALLOW)
    assert "HTTP 404" in e.value.reason


def test_fetch_times_out_on_a_silent_server(server):
    def silent(h):
        time.sleep(2)

    server.routes["/slow"] = silent
    start = time.monotonic()
    with pytest.raises(FetchError) as e:
        fetch(server.url("/slow"), ALLOW.with_(fetch_timeout=0.5))
    assert "timed out" in e.value.reason
    assert time.monotonic() - start < 1.9


def test_fetch_is_url_accepts_only_http_schemes():
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("ftp://example.org/a") and not is_url("/tmp/http_file.html")


def test_fetch_url_inputs_become_html_or_text_by_content_type(server, article_html):
    from newsgraph.ingest import RawInput, iter_inputs

    page = server.page("/story", article_html.encode())
    text = server.page("/plain", b"Title\n\nBody text.", content_type="text/plain")
    items = list(iter_inputs([page, text], ALLOW))
    assert all(isinstance(x, RawInput) for x in items)
    assert [(x.kind, x.origin) for x in items] == [("html", page), ("text", text)]
    assert items[0].meta == {"url": page}


def test_fetch_url_failure_in_a_batch_is_a_failure_naming_the_url(server):
    from newsgraph.ingest import iter_inputs
    from newsgraph.records import Failure

    (f,) = iter_inputs([server.url("/nothing-here")], ALLOW)
    assert isinstance(f, Failure) and f.input == server.url("/nothing-here")
    assert (f.stage, f.code) == ("ingest", "fetch") and "HTTP 404" in f.reason
