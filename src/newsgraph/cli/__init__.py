"""The ``newsgraph`` command: thin commands over the library. Data to stdout, logs to stderr.

Exit statuses: 0 done; 1-6 a ``NewsgraphError`` of that ``exit_status`` (errors.py; the
README's table lists them); 2 also a usage error (click); 3 also "some inputs failed"
(``analyze`` goes past each one and sums them up at the end; ``ingest`` stores them).
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..config import load_settings
from ..errors import NewsgraphError
from .analyze import analyze, demo
from .common import CommandError, verbosity_options
from .corpus import COMMANDS as CORPUS_COMMANDS
from .eval import eval_cmd
from .serve import serve


class NewsgraphGroup(click.Group):
    """The command group: a ``NewsgraphError`` from any command (or from loading the
    settings) exits with the status errors.py declares for it, its message on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as e:
            raise CommandError(e) from None


@click.group(
    cls=NewsgraphGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="newsgraph")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="TOML settings file (default: ./newsgraph.toml if present).",
)
@verbosity_options
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Turn news articles into a sourced record of events, quotes and claims.

    \b
    Example:
      newsgraph analyze article.html --published 2023-04-17
    """
    ctx.obj = load_settings(config_path)


cli.add_command(analyze)
cli.add_command(demo)
cli.add_command(eval_cmd)
cli.add_command(serve)
for _command in CORPUS_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """The console script (and ``python -m newsgraph``)."""
    cli(prog_name="newsgraph")
