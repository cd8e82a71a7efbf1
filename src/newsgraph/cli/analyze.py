"""``newsgraph analyze`` and ``newsgraph demo``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from importlib import resources

import click

from ..config import Settings
from ..records import Analysis, Failure
from .common import error_for, fail_summary, iso_date, verbosity_options

SAMPLE = "seed-putin-li-shangfu.txt"


def _emit(items: Iterable[Analysis | Failure], fmt: str | None) -> list[Failure]:
    """Print analyses to stdout and failures to stderr; return the failures.

    jsonl: one line per article. json: one article as its pretty document, several as one
    JSON array of them. No ``--format``: one article as pretty JSON, several as JSONL. The
    first analysis is held back until a second one (or the end) shows which it is; the rest
    stream out as they come.
    """
    failures: list[Failure] = []
    held: Analysis | None = None
    several = False
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            click.echo(f"error: {item.input}: {item.reason}", err=True)
            continue
        if fmt == "jsonl":
            click.echo(_line(item))
            continue
        if held is None and not several:
            held = item
            continue
        if held is not None:  # the second article: the first goes out in the chosen shape
            several = True
            _write(held, fmt, first=True)
            held = None
        _write(item, fmt, first=False)
    if held is not None:
        click.echo(json.dumps(held.to_dict(), ensure_ascii=False, indent=2))
    elif several and fmt == "json":
        click.echo("\n]")
    return failures


def _line(item: Analysis) -> str:
    return json.dumps(item.to_dict(), ensure_ascii=False)


def _write(item: Analysis, fmt: str | None, *, first: bool) -> None:
    """One of several articles: a JSONL line, or an element of the JSON array."""
    if fmt != "json":
        click.echo(_line(item))
        return
    text = json.dumps(item.to_dict(), ensure_ascii=False, indent=2)
    # split("\n"), not splitlines(): U+2028 or \x85 inside a string must stay as they are
    element = "\n".join("  " + line for line in text.split("\n"))
    click.echo(("[\n" if first else ",\n") + element, nl=False)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published",
    callback=iso_date,
    help="Publication date YYYY-MM-DD (for relative dates); overrides the input's.",
)
@click.option("--url", help="The article's URL, when the input does not carry it.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default=None,
    help="json: one pretty document, or a JSON array of them when there are several "
    "articles; jsonl: one line per article (the default when there are several).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    default=None,
    help="Allow fetching URLs on private, loopback or link-local addresses.",
)
@verbosity_options
@click.pass_obj
def analyze(
    settings: Settings,
    inputs: tuple[str, ...],
    published: str | None,
    url: str | None,
    fmt: str | None,
    allow_private: bool | None,
) -> None:
    """Analyse articles and print the newsgraph.article/1 JSON for each.

    INPUTS are text or HTML files (gzipped too), directories, JSONL dumps, RSS/Atom feeds,
    WARC files, URLs, or - for stdin. Failures are reported on stderr as they happen and
    summed up at the end; the exit status is 3 if any input failed.

    \b
    Examples:
      newsgraph analyze article.txt --published 2023-04-17
      newsgraph analyze pages/ dump.jsonl https://example.org/feed.xml --format jsonl
    """
    from ..pipeline import run

    settings = settings.with_(allow_private=allow_private)
    failures = _emit(run(inputs, settings, published=published, url=url), fmt)
    fail_summary(failures)


@click.command()
@verbosity_options
@click.pass_obj
def demo(settings: Settings) -> None:
    """Analyse the bundled sample article and print a readable summary.

    \b
    Example:
      newsgraph demo
    """
    from ..pipeline import run
    from .summary import print_summary

    path = resources.files("newsgraph.data").joinpath("sample", SAMPLE)
    with resources.as_file(path) as p:
        items = list(run([str(p)], settings, published="2023-04-17"))
    for item in items:
        if isinstance(item, Failure):
            raise error_for(item)
        print_summary(item)
    sys.stdout.flush()
    _demo_store(settings, [x for x in items if isinstance(x, Analysis)])


def _demo_store(settings: Settings, analyses: list[Analysis]) -> None:
    """Keep the demo's analysis in the default store, to show the corpus commands on it."""
    from pathlib import Path

    from ..store import open_store

    with open_store(settings.db) as store:
        result = store.write_batch(analyses)
        url = store.url
    where = str(Path(settings.db).resolve()) if "://" not in settings.db else url
    state = "stored" if result.added else "already stored"
    click.echo(f"\n{state} in {where}; try: newsgraph query events --db {settings.db}")
