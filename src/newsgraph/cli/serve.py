"""``newsgraph serve``: the HTTP API and web UI over a store."""

from __future__ import annotations

import click

from ..config import Settings
from ..errors import NewsgraphError
from .common import CommandError, verbosity_options

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@click.command()
@click.option(
    "--db",
    "db",
    default=None,
    metavar="URL",
    help="Store: a SQLite path, sqlite:///path or postgresql://… (default: setting db).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
    help="Server log level (stderr).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (repeatable; '*' for any). By "
    "default only the --host address (and localhost names when it is loopback) are "
    "answered; other Host headers get a 400, which stops DNS-rebinding pages.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages from this origin (https://example.org; repeatable) read the API from a "
    "browser (CORS). Off by default: only this server's own pages can.",
)
@click.option(
    "--read-only",
    is_flag=True,
    default=None,
    help="Open the store without writing to it (no migrations). Automatic when the SQLite "
    "file is not writable.",
)
@verbosity_options
@click.pass_obj
def serve(
    settings: Settings,
    db: str | None,
    host: str,
    port: int,
    log_level: str,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    read_only: bool | None,
) -> None:
    """Serve the JSON API (OpenAPI at /openapi.json, reference at /api) and the web UI.

    The server is read-only and has no login: keep it on 127.0.0.1 unless the network
    in front of it is trusted.

    \b
    Examples:
      newsgraph serve --db corpus.db
      newsgraph serve --db postgresql://localhost/news --port 8080
      newsgraph serve --db corpus.db --cors-origin https://notebooks.example.org
    """
    try:
        import uvicorn

        from ..web import create_app
        from ..web.app import allowed_hosts_for
    except ImportError as e:  # the base install leaves the web stack out
        raise NewsgraphError(
            f"the web server needs the 'web' extra ({e.name} is missing): "
            "pip install 'newsgraph[web]'"
        ) from None
    from ..store import open_store

    url = db or settings.db
    try:
        # open (and migrate, if writable) now, so a bad URL or a missing store fails before
        # serving; a store is never created here (ingest fills one)
        store = open_store(url, read_only=read_only, create=False)
        app = create_app(
            store, allowed_hosts=allowed_hosts_for(host, allowed_hosts), cors_origins=cors_origins
        )
        empty = store.overview()["articles"] == 0
    except NewsgraphError as e:
        raise CommandError(e) from None
    if empty:
        click.echo(
            f"warning: {store.url} holds no articles yet; fill it with "
            f"`newsgraph ingest SOURCES --db {url}`",
            err=True,
        )
    if host not in LOOPBACK:
        click.echo(
            f"warning: listening on {host}: anyone who can reach it can read the corpus "
            f"(requests must name {host} as their Host; add names with --allowed-host)",
            err=True,
        )
    click.echo(f"newsgraph: serving {store.url} on http://{host}:{port}/", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        store.close()
