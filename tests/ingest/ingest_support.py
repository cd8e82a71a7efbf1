"""Helpers for ingest tests: realistic pages and a loopback HTTP server.

Not a conftest.py: a second conftest module would shadow ``from conftest import need_shared``.
Test modules import what they need and wrap it in fixtures.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Oslo over fishing quotas | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-04-17T09:30:00Z">
<link rel="canonical" href="https://news.example.org/2023/04/17/oslo-fishing-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ministers meet in Oslo over fishing quotas</h1>
<p>Fisheries ministers from Norway and the European Union met in Oslo on Monday to
settle a dispute over mackerel quotas that has simmered for more than a year.</p>
<p>"We have found a basis for agreement," the Norwegian minister told reporters after
the talks, adding that both sides had made concessions on the share of the catch.</p>
<p>The dispute began when Norway raised its own quota unilaterally last spring, a move
the European Commission called a breach of the coastal states arrangement.</p>
<p>Officials said a final text would be signed in Brussels next month, once the member
states have reviewed the figures proposed by the scientific advisers.</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>
"""

ARTICLE_TEXT = """Ministers meet in Oslo over fishing quotas

Fisheries ministers from Norway and the European Union met in Oslo on Monday to settle a \
dispute over mackerel quotas that has simmered for more than a year.

"We have found a basis for agreement," the Norwegian minister told reporters after the talks.
"""


@dataclass
class Server:
    """A loopback HTTP server whose routes the test sets: path -> handler(request)."""

    base: str
    routes: dict[str, Callable[[http.server.BaseHTTPRequestHandler], None]] = field(
        default_factory=dict
    )

    def url(self, path: str) -> str:
        return self.base + path

    def page(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
    ) -> str:
        def handler(h: http.server.BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        self.routes[path] = handler
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        def handler(h: http.server.BaseHTTPRequestHandler) -> None:
            h.send_response(302)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = handler
        return self.url(path)


@contextlib.contextmanager
def serve() -> Iterator[Server]:
    """A threaded http.server on 127.0.0.1 (a loopback address: needs allow_private)."""
    srv = Server(base="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            handler = srv.routes.get(self.path)
            if handler is None:
                self.send_error(404)
                return
            try:
                handler(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    srv.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        httpd.shutdown()
        httpd.server_close()
