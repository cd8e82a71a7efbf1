"""Fetching under hostile servers and resolvers: one deadline per URL, no non-global
addresses, and a connection made only to the address that was checked."""

from __future__ import annotations

import socket
import time

import pytest
from ingest_support import ARTICLE_HTML, serve

from newsgraph.config import Settings
from newsgraph.errors import BlockedAddressError, FetchError
from newsgraph.ingest import fetch as fetch_module
from newsgraph.ingest.fetch import check_address, fetch

DEADLINE = 2.0
ALLOW = Settings(allow_private=True, fetch_timeout=DEADLINE)


@pytest.fixture
def server():
    with serve() as srv:
        yield srv


def _trickle(prefix: bytes, drip: bytes):
    """A handler that sends ``prefix`` and then ``drip`` one byte a second, for 30 s."""

    def handler(h) -> None:
        try:
            h.wfile.write(prefix)
            for i in range(30):
                h.wfile.write(drip[i % len(drip) : i % len(drip) + 1])
                time.sleep(1)
        except OSError:
            pass  # the client gave up: what the test wants
        h.close_connection = True

    return handler


@pytest.mark.parametrize(
    "where, prefix, drip",
    [
        ("status line", b"", b"HTTP/1.1 200 OK\r\n"),
        ("headers", b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n"),
        (
            "body",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n",
            b"<p>",
        ),
    ],
)
def test_fetch_limits_a_server_trickling_a_byte_a_second_ends_by_the_deadline(
    server, where, prefix, drip
):
    server.routes["/slow"] = _trickle(prefix, drip)
    start = time.monotonic()
    with pytest.raises(FetchError) as e:
        fetch(server.url("/slow"), ALLOW)
    elapsed = time.monotonic() - start
    assert "timed out" in e.value.reason and f"{DEADLINE:g} s" in e.value.reason, where
    assert elapsed <= DEADLINE + 2, f"{where}: {elapsed:.1f} s"
    assert elapsed >= DEADLINE - 0.5, f"{where}: ended before the deadline ({elapsed:.1f} s)"


@pytest.mark.parametrize(
    "address, words",
    [
        ("100.100.100.200", "not a globally routable"),  # cloud metadata over CGNAT
        ("100.64.0.1", "not a globally routable"),
        ("2002:7f00:1::1", "loopback address (inside 2002:7f00:1::1)"),  # 6to4 of 127.0.0.1
        ("2002:a00:1::1", "private address (inside"),  # 6to4 of 10.0.0.1
        ("64:ff9b::7f00:1", "loopback address (inside"),  # NAT64 of 127.0.0.1
        ("::ffff:169.254.169.254", "link-local address (inside"),
        ("192.0.2.7", "address"),  # documentation range
    ],
)
def test_fetch_limits_every_non_global_address_is_refused(address, words):
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(BlockedAddressError) as e:
        check_address(f"http://{host}/latest/meta-data/", Settings())
    assert words in e.value.reason and address in e.value.reason


def test_fetch_limits_global_addresses_pass_the_check():
    assert check_address("http://8.8.8.8/", Settings())[1] == ["8.8.8.8"]
    assert check_address("http://[2001:4860:4860::8888]/", Settings())[1] == [
        "2001:4860:4860::8888"
    ]


class _Resolver:
    """A DNS stub answering from a script: the first answer, then ``later`` ever after."""

    def __init__(self, first: str, later: str) -> None:
        self.answers = [first]
        self.later = later
        self.calls: list[str] = []

    def __call__(self, host: str, port: int):
        self.calls.append(host)
        ip = self.answers.pop(0) if self.answers else self.later
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (ip, port))]


def test_fetch_limits_connects_to_the_checked_address_with_the_host_kept(server, monkeypatch):
    # resolved once to the (allowed) loopback server; a second lookup would give a dead address
    seen_hosts: list[str] = []
    body = ARTICLE_HTML.encode()

    def page(h) -> None:
        seen_hosts.append(h.headers["Host"])
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    server.routes["/a.html"] = page
    resolver = _Resolver("127.0.0.1", "10.255.255.1")
    monkeypatch.setattr(fetch_module, "_getaddrinfo", resolver)
    port = server.base.rsplit(":", 1)[1]
    got = fetch(f"http://news.test:{port}/a.html", ALLOW)
    assert got.content == body
    assert resolver.calls == ["news.test"]
    assert seen_hosts == [f"news.test:{port}"]


def test_fetch_limits_dns_rebinding_cannot_reach_a_private_address(monkeypatch):
    # the check sees a public address; a rebinding server would answer 127.0.0.1 next time
    resolver = _Resolver("93.184.216.34", "127.0.0.1")
    monkeypatch.setattr(fetch_module, "_getaddrinfo", resolver)
    dialled: list[tuple[str, int]] = []

    def fake_connect(address, timeout=None, source_address=None):
        dialled.append(address)
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", fake_connect)
    with pytest.raises(FetchError):
        fetch("http://rebind.test/", Settings(fetch_timeout=DEADLINE))
    assert resolver.calls == ["rebind.test"]
    assert dialled == [("93.184.216.34", 80)]


@pytest.fixture
def tls_page(tmp_path, monkeypatch):
    """An HTTPS server on 127.0.0.1 with a certificate for ``news.test`` (trusted through
    SSL_CERT_FILE), and a resolver that says news.test is 127.0.0.1: (base URL, SNI names
    the server saw, Host headers it saw)."""
    import http.server
    import shutil
    import ssl
    import subprocess
    import threading

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    sni: list[str | None] = []
    hosts: list[str] = []
    body = ARTICLE_HTML.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            hosts.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: sni.append(name)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    monkeypatch.setattr(fetch_module, "_getaddrinfo", _Resolver("127.0.0.1", "10.255.255.1"))
    try:
        yield f"https://news.test:{httpd.server_address[1]}", sni, hosts
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_limits_https_to_the_checked_address_names_the_host_in_sni_and_host(tls_page):
    base, sni, hosts = tls_page
    got = fetch(base + "/a.html", ALLOW)
    assert got.content == ARTICLE_HTML.encode() and got.url == base + "/a.html"
    assert sni == ["news.test"]  # the certificate is checked against the name, not 127.0.0.1
    assert hosts == [base.removeprefix("https://")]


def test_fetch_limits_https_certificate_must_match_the_url_host(tls_page, monkeypatch):
    base, _sni, hosts = tls_page
    other = base.replace("news.test", "other.test")
    monkeypatch.setattr(fetch_module, "_getaddrinfo", _Resolver("127.0.0.1", "127.0.0.1"))
    with pytest.raises(FetchError) as e:
        fetch(other + "/a.html", ALLOW)
    assert "certificate" in e.value.reason.lower() or "ssl" in e.value.reason.lower()
    assert hosts == []
