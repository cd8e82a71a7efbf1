"""HTTP plumbing every response shares: HEAD answered like GET, ETag and Cache-Control.

Both are plain ASGI middleware, so they wrap the API and the pages alike without any
endpoint knowing about them.
"""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Answer ``HEAD`` as the same ``GET`` would, headers and all, without the body.

    FastAPI routes declared for GET otherwise answer HEAD with a 405; a link checker or
    ``curl -I`` should see what a GET would give.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # drop the body chunk by chunk; the last one closes the response
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


# Paths whose 200 answers get an ETag: the JSON API, its description and the codebook CSS.
# Static files have their own (StaticFiles); HTML pages are cheap to re-render.
REVALIDATED = ("/api", "/openapi.json", "/codebook.css")


class Revalidate:
    """A strong ETag (a hash of the body) and ``Cache-Control: no-cache`` on 200 answers of
    the API, and a bodiless 304 when the client's ``If-None-Match`` already names it.

    ``no-cache`` lets a client keep a copy but ask each time: the corpus changes whenever
    something is ingested, so no answer is fresh for a fixed time.
    """

    def __init__(self, app: ASGIApp, cache_control: str = "no-cache") -> None:
        self.app = app
        self.cache_control = cache_control.encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope["type"] != "http" or scope["method"] != "GET" or not path.startswith(REVALIDATED):
            await self.app(scope, receive, send)
            return
        wanted = {
            tag.strip()
            for k, v in scope.get("headers") or []
            if k == b"if-none-match"
            for tag in v.decode("latin-1").split(",")
        }
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if message["status"] != 200:
                    await send(message)
                return
            if start is None or start["status"] != 200:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            headers = [(k, v) for k, v in start["headers"] if k not in (b"etag", b"cache-control")]
            headers += [(b"etag", etag.encode("ascii")), (b"cache-control", self.cache_control)]
            if etag in wanted or "*" in wanted:
                kept = [(k, v) for k, v in headers if k not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered)


__all__ = ["HeadAsGet", "Revalidate"]
