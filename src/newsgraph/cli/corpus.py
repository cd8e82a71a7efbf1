"""Corpus commands: ``ingest``, ``query``, ``failures``, ``link`` and ``export``."""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import InputError, OutputError
from .common import iso_date, quiet, verbosity_options
from .filters import query_filters
from .output import truncation_note, write_rows

db_option = click.option(
    "--db",
    "db",
    default=None,
    metavar="URL",
    help="Store: a SQLite path, sqlite:///path or postgresql://… "
    "(default: setting db, newsgraph.db).",
)
FORMATS = click.Choice(["table", "json", "csv"])


read_only_option = click.option(
    "--read-only",
    is_flag=True,
    default=None,
    help="Open the store without writing to it (no migrations). Automatic when the SQLite "
    "file is not writable.",
)
MAX_ROWS = 2**63 - 1  # the largest LIMIT/OFFSET both databases take


@contextmanager
def _store(
    settings: Settings, db: str | None, read_only: bool | None = False, *, create: bool = False
) -> Iterator[Any]:
    """The store of ``--db`` (else the ``db`` setting). Only ``ingest`` creates one: the other
    commands refuse a path with no store (a StoreError naming it, exit status 5)."""
    from ..store import open_store

    store = open_store(db or settings.db, read_only=read_only, create=create)
    try:
        yield store
    finally:
        store.close()


def estimate_total(sources: Sequence[str]) -> int | None:
    """How many articles the sources hold, when that is cheap to know (local files only)."""
    total = 0
    for source in sources:
        path = Path(source)
        if "://" in source or source == "-" or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
                opener = gzip.open if name.endswith(".gz") else open
                try:
                    with opener(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif name.endswith((".xml", ".rss", ".atom", ".warc", ".warc.gz")):
                return None  # feeds and WARCs hold an unknown number of articles
            elif not name.startswith("."):
                total += 1
    return total


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--batch",
    type=click.IntRange(1, 10_000),
    default=64,
    show_default=True,
    help="Articles committed per transaction.",
)
@click.option(
    "--published", callback=iso_date, help="Publication date YYYY-MM-DD (for relative dates)."
)
@click.option(
    "--allow-private",
    is_flag=True,
    default=None,
    help="Allow fetching URLs on private, loopback or link-local addresses.",
)
@click.option(
    "--link/--no-link",
    "do_link",
    default=True,
    show_default=True,
    help="Group near-duplicates and cluster events after new articles were stored.",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 1024),
    default=None,
    help="Analyse on a local Dask cluster of N worker processes (default: setting workers, 0 = "
    "in this process).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Analyse on an existing Dask cluster (see README: Running on a Dask cluster).",
)
@verbosity_options
@click.pass_obj
def ingest(
    settings: Settings,
    sources: tuple[str, ...],
    db: str | None,
    batch: int,
    published: str | None,
    allow_private: bool | None,
    do_link: bool,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Analyse articles into a store; already-stored articles are skipped.

    SOURCES are what `newsgraph analyze` reads: files, directories, JSONL dumps (gzipped
    too), feeds, WARCs, URLs. Each batch commits atomically, so a killed run loses nothing
    it committed and running it again does the rest (a link left unfinished too). Failures
    are stored with their reason (see `newsgraph failures`) and the exit status is then 3.
    Progress goes to stderr; a summary is printed at the end.

    \b
    Examples:
      newsgraph ingest articles.jsonl.gz --db corpus.db
      newsgraph ingest pages/ https://example.org/feed.xml --db postgresql://localhost/news
      newsgraph ingest articles.jsonl.gz --workers 2
    """
    from rich.console import Console

    from ..batch import analysis_stage
    from ..corpus import ingest as run_ingest

    if scheduler and workers is None:
        workers = 0  # a scheduler on the command line wins over a configured local cluster
    settings = settings.with_(allow_private=allow_private, workers=workers, scheduler=scheduler)
    console = Console(stderr=True)
    with _store(settings, db, create=True) as store, store.writer():
        show = not quiet() and console.is_terminal
        with (
            _progress(console, estimate_total(sources) if show else None, show) as update,
            analysis_stage(settings) as analyze,
        ):
            summary = run_ingest(
                sources,
                store,
                settings,
                batch=batch,
                published=published,
                on_progress=update,
                analyze=analyze,
            )
        linked = ""
        if do_link and (summary.added or not store.links_current()):
            # also after a run killed while linking: the store says its links are stale
            from ..link import link

            result = link(store)
            linked = (
                f"; linked {result.linked:,} article(s): {result.duplicate_groups:,} "
                f"near-duplicate group(s) and {result.clusters:,} event cluster(s) written"
            )
        console.print(
            f"ingested {summary.inputs:,} input(s) into {store.url} in {summary.seconds:.1f}s "
            f"({summary.rate:.1f}/s): {summary.added:,} new, {summary.present:,} already stored, "
            f"{summary.skipped:,} kept out of analysis, {summary.failures:,} failed; "
            f"{summary.events:,} events{linked}",
            highlight=False,
            soft_wrap=True,
        )
        if summary.failures:
            console.print(
                "list the failures with: newsgraph failures" + (f" --db {db}" if db else ""),
                highlight=False,
            )
    if summary.failures:  # the rest is stored; the exit status says not everything was
        raise SystemExit(InputError.exit_status)


@contextmanager
def _progress(console: Any, total: int | None, show: bool) -> Iterator[Any]:
    """A rich progress bar on stderr (articles, rate, ETA, failures), or nothing."""
    if not show:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]}"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=total, rate="", failed="")

        def update(s: Any) -> None:
            bar.update(
                task, completed=s.inputs, rate=f"{s.rate:.1f}/s", failed=f"{s.failures} failed"
            )

        yield update


@click.command()
@click.argument("kind", type=click.Choice(["events", "actors", "articles", "claims", "clusters"]))
@db_option
@click.option("--actor", help="Actor code (RUSGOV) or full name (case-blind).")
@click.option("--country", help="ISO 3166 alpha-3 country of an actor (RUS).")
@click.option("--dyad", help="SOURCE-TARGET: countries (RUS-CHN) or actor codes (RUSGOV-CHNMIL).")
@click.option("--type", "plover", help="PLOVER event type (CONSULT, ASSAULT …).")
@click.option("--cameo", help="CAMEO code prefix (04 = consult, 043 = visit).")
@click.option("--since", callback=iso_date, help="From this date YYYY-MM-DD (inclusive).")
@click.option("--until", callback=iso_date, help="Up to this date YYYY-MM-DD (inclusive).")
@click.option(
    "--outlet", help="Outlet name contains this (case-blind), or the outlet of this domain."
)
@click.option("--text", help="Full-text search in title and body: all words must occur.")
@click.option("--article", "article_id", help="One article id.")
@click.option("--unsourced", is_flag=True, help="claims: only claims with no source.")
@click.option(
    "--min-outlets",
    type=click.IntRange(0),
    default=0,
    help="clusters: reported by at least N outlets.",
)
@click.option(
    "--limit",
    type=click.IntRange(0, MAX_ROWS),
    default=50,
    show_default=True,
    help="At most N rows (0 = all).",
)
@click.option(
    "--offset", type=click.IntRange(0, MAX_ROWS), default=0, help="Skip the first N rows."
)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@read_only_option
@verbosity_options
@click.pass_obj
def query(
    settings: Settings,
    kind: str,
    db: str | None,
    fmt: str,
    dyad: str | None,
    read_only: bool | None,
    **filters: Any,
) -> None:
    """Select events, actors, articles, claims or event clusters from a store.

    \b
    Examples:
      newsgraph query events --dyad RUS-CHN --type CONSULT --since 2023-01-01
      newsgraph query actors --country UKR --format csv
      newsgraph query claims --unsourced --text "vaccine"
      newsgraph query clusters --min-outlets 3
    """
    f = query_filters(kind, dyad, filters)
    with _store(settings, db, read_only) as store:
        columns, rows = store.table(kind, f)
        # only a full page can have been cut short: count the rest then
        total = store.count(kind, f) if f.limit and len(rows) == f.limit else 0
    write_rows(columns, rows, fmt, kind)
    if note := truncation_note(len(rows), f.offset, total):
        click.echo(note, err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@read_only_option
@verbosity_options
@click.pass_obj
def failures(settings: Settings, db: str | None, fmt: str, read_only: bool | None) -> None:
    """List the inputs that could not be stored, with stage, code and reason.

    A failure is cleared when the same input is later stored.

    \b
    Example:
      newsgraph failures --db corpus.db --format csv
    """
    with _store(settings, db, read_only) as store:
        columns, rows = store.failures_table()
    write_rows(columns, rows, fmt, "failures")


@click.command()
@db_option
@click.option(
    "--threshold",
    type=click.FloatRange(0.1, 1.0),
    default=0.8,
    show_default=True,
    help="Near-duplicate: estimated Jaccard similarity of word 5-grams at least this.",
)
@click.option(
    "--window",
    type=click.IntRange(0, 365),
    default=3,
    show_default=True,
    help="Event clusters: days between events of the same happening at most this.",
)
@click.option(
    "--rebuild",
    is_flag=True,
    help="Recompute every link instead of taking in only the articles stored since the last "
    "run (the result is the same; a run with other settings than the stored links' rebuilds).",
)
@verbosity_options
@click.pass_obj
def link(settings: Settings, db: str | None, threshold: float, window: int, rebuild: bool) -> None:
    """Group near-duplicate articles and cluster events across articles (corroboration).

    `ingest` does this after adding articles; run it by hand to change the thresholds.

    \b
    Example:
      newsgraph link --db corpus.db --window 2
    """
    from ..link import link as run_link

    with _store(settings, db) as store, store.writer():
        r = run_link(store, threshold=threshold, window=window, rebuild_all=rebuild)
    click.echo(
        f"linked {r.linked:,} article(s); written: {r.duplicate_groups:,} near-duplicate "
        f"group(s) covering {r.duplicate_articles:,} article(s), {r.clusters:,} event "
        f"cluster(s), {r.corroborated:,} reported by 2+ outlets",
        err=True,
    )


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "polecat"]),
    required=True,
    help="jsonl: the article contract, one per line; csv/parquet: one row per --table row; "
    "gdelt: GDELT 2.0 Events TSV (61 columns); polecat: POLECAT's 40-column TSV.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Output file (default: stdout; required for parquet).",
)
@click.option(
    "--table",
    type=click.Choice(["events", "actors", "articles", "claims", "clusters"]),
    default="events",
    show_default=True,
    help="csv/parquet: which rows.",
)
@click.option("--since", callback=iso_date, help="From this date YYYY-MM-DD (inclusive).")
@click.option("--until", callback=iso_date, help="Up to this date YYYY-MM-DD (inclusive).")
@click.option(
    "--outlet", help="Outlet name contains this (case-blind), or the outlet of this domain."
)
@read_only_option
@verbosity_options
@click.pass_obj
def export(
    settings: Settings,
    db: str | None,
    fmt: str,
    out: str | None,
    table: str,
    since: str | None,
    until: str | None,
    outlet: str | None,
    read_only: bool | None,
) -> None:
    """Write the store as JSONL, CSV, Parquet, GDELT 2.0 Events TSV or POLECAT TSV.

    \b
    Examples:
      newsgraph export --format jsonl --out corpus.jsonl
      newsgraph export --format gdelt --out events.tsv
      newsgraph export --format polecat --out events.txt
      newsgraph export --format parquet --table claims --out claims.parquet
    """
    from ..export import export as run_export
    from ..store import Filters

    if fmt == "parquet" and not out:
        raise click.UsageError("parquet is binary: give --out FILE")
    with _store(settings, db, read_only) as store:
        try:
            n = run_export(
                store,
                fmt,
                out,
                Filters(since=since, until=until, outlet=outlet, limit=0),
                table=table,
            )
        except OSError as e:  # a missing folder, a full disk, no permission
            raise OutputError(
                f"cannot write the export: {e.strerror or e}", input=out or "stdout"
            ) from None
    click.echo(
        f"wrote {n:,} {'article' if fmt == 'jsonl' else 'row'}(s) to {out or 'stdout'}", err=True
    )


COMMANDS = (ingest, query, failures, link, export)
