"""Helpers shared by the commands: option callbacks and the failure summary."""

from __future__ import annotations

import datetime as dt

import click

from ..records import Failure


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def fail_summary(failures: list[Failure]) -> None:
    """Print the failures once more at the end and exit 3 if there were any."""
    if not failures:
        return
    click.echo(f"\n{len(failures)} input(s) failed:", err=True)
    for f in failures:
        click.echo(f"  {f.input}  [{f.stage}/{f.code}] {f.reason}", err=True)
    raise SystemExit(3)
