"""The ``newsgraph`` command: thin commands over the library. Data to stdout, logs to stderr."""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__
from ..config import load_settings
from ..errors import NewsgraphError
from .analyze import analyze, demo
from .corpus import COMMANDS as CORPUS_COMMANDS
from .eval import eval_cmd
from .serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsgraph")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="TOML settings file (default: ./newsgraph.toml if present).",
)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: int) -> None:
    """Turn news articles into a sourced record of events, quotes and claims.

    \b
    Example:
      newsgraph analyze article.html --published 2023-04-17
    """
    logging.basicConfig(
        stream=sys.stderr,
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        ctx.obj = load_settings(config_path)
    except NewsgraphError as e:
        raise click.ClickException(e.message) from None


cli.add_command(analyze)
cli.add_command(demo)
cli.add_command(eval_cmd)
cli.add_command(serve)
for _command in CORPUS_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="newsgraph")
