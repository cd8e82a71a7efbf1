"""The FastAPI application: JSON API under ``/api``, web UI everywhere else.

Everything the browser loads (CSS, script) is served by the app from the package; no
page refers to another host. A strict Content Security Policy backs that up and makes
any markup that slipped through escaping inert: no inline script runs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import __version__
from ..store import Store
from .access import StoreAccess
from .codebook import TEMPLATE_HELPERS
from .errors import install_error_handlers, respond
from .middleware import HeadAsGet, Revalidate
from .schemas import install_contract_schemas

HERE = Path(__file__).parent

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


class QueryHygiene:
    """ASGI middleware for what no endpoint should see.

    A query parameter with an empty value counts as not given: the UI's filter forms
    submit every field, filled or not (``?country=&since=``), and empty means "any".
    A NUL character in the path or a parameter is refused with a 422 (PostgreSQL cannot
    even bind it, so it would otherwise surface as a store failure).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("query_string") or b""
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True) if raw else []
        if "\x00" in scope.get("path", "") or any("\x00" in k + v for k, v in pairs):
            names = [k for k, v in pairs if "\x00" in k + v] or ["path"]
            response = respond(
                Request(scope), 422, "invalid_parameter",
                "a NUL character is not allowed in a parameter",
                [{"parameter": n, "problem": "contains NUL"} for n in names],
            )  # fmt: skip
            await response(scope, receive, send)
            return
        kept = [(k, v) for k, v in pairs if v.strip()]
        if len(kept) != len(pairs):
            scope = {**scope, "query_string": urlencode(kept).encode("ascii")}
        await self.app(scope, receive, send)


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def allowed_hosts_for(bound: str, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The Host names a server bound to ``bound`` answers to: the loopback names for a
    loopback address, else the address itself; plus ``extra`` ("*": any host)."""
    names = LOOPBACK_NAMES if bound in LOOPBACK_NAMES else (bound,)
    return tuple(dict.fromkeys(h.lower() for h in (*names, *extra)))


def host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" → "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """ASGI middleware: refuse a request whose Host header names another host (400).

    A page on another site can make a browser send requests to 127.0.0.1 under its own
    host name (DNS rebinding) and read the answers; checking Host closes that.
    """

    def __init__(self, app: ASGIApp, allowed: Sequence[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if host_name(host) not in self.allowed:
            response = respond(
                Request(scope), 400, "bad_request",
                f"this server does not answer to the host {host!r}",
                [{"parameter": "Host", "problem": f"{host!r} is not one of "
                  f"{', '.join(sorted(self.allowed))} (serve --allowed-host adds names)"}],
            )  # fmt: skip
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(("html", "xml"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(TEMPLATE_HELPERS)
    return Jinja2Templates(env=env)


def create_app(
    store: Store | str,
    *,
    allowed_hosts: Sequence[str] | None = None,
    read_only: bool | None = None,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """The newsgraph web app over a store (or a store URL).

    The store must be a file or database URL: each server thread opens its own handle on it
    (read-only when the given store is, or as ``read_only`` says: None = when the file is
    not writable). ``allowed_hosts``: the Host header names answered (without port; "*"
    any); others get a 400. None answers any host (``newsgraph serve`` always passes a
    list: see :func:`allowed_hosts_for`). ``cors_origins``: origins whose pages may read
    the API from a browser (none by default).
    """
    access = StoreAccess(store, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Who did what to whom, who said what, and on whose word.",
        description=(
            "Read-only JSON API over a newsgraph corpus. Lists are paginated with `limit` "
            '(1–500) and `offset`; every error is `{"error": {"code", "message", '
            '"detail"}}`. A human-readable reference is at [/api](/api).'
        ),
        docs_url=None,  # FastAPI's docs pages load their scripts from a CDN; /api is ours
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    install_contract_schemas(app)
    app.state.access = access
    app.state.templates = _templates()
    install_error_handlers(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    from .api import router as api_router
    from .geo import router as geo_router
    from .lists import router as lists_router
    from .network import router as network_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(lists_router)
    app.include_router(network_router)
    app.include_router(geo_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(QueryHygiene)
    app.add_middleware(Revalidate)
    app.add_middleware(HeadAsGet)
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "HEAD"],
            expose_headers=["ETag", "X-Total-Count", "Content-Disposition"],
        )  # fmt: skip
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=tuple(allowed_hosts))  # outermost: runs first
    return app


__all__ = ["HostCheck", "allowed_hosts_for", "create_app"]
