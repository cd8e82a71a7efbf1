"""Helpers shared by the commands: exit statuses, -v/-q, option callbacks, failure summary."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import InputError, NewsgraphError
from ..records import Failure

F = TypeVar("F", bound=Callable[..., Any])

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
_VERBOSITY = "newsgraph.verbosity"  # ctx.meta key, shared by the group and its command
_handlers: list[logging.Handler] = []  # the stderr handler the CLI installed, if it did


class CommandError(click.ClickException):
    """A ``NewsgraphError`` on its way out of the CLI: ``Error: <message>`` on stderr and
    the error's own ``exit_status`` (errors.py) as the exit code."""

    def __init__(self, error: NewsgraphError) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_status
        self.error = error


def error_for(failure: Failure) -> NewsgraphError:
    """The error a failure record stands for: the ``NewsgraphError`` class of its code."""
    return error_class(failure.code)(failure.reason, input=failure.input)


def error_class(code: str) -> type[NewsgraphError]:
    """The ``NewsgraphError`` subclass with this ``code`` (the base class for any other)."""
    todo: list[type[NewsgraphError]] = [NewsgraphError]
    while todo:
        cls = todo.pop()
        if cls.code == code:
            return cls
        todo.extend(cls.__subclasses__())
    return NewsgraphError


def configure_logging(verbose: int, quiet: bool) -> None:
    """Log to stderr: warnings and errors; -v info, -vv debug; -q errors only.

    Leaves a host's own logging alone (as ``logging.basicConfig`` does) when the root
    logger already has handlers the CLI did not install.
    """
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    root = logging.getLogger()
    if not _handlers and not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
        _handlers.append(handler)
    if _handlers and _handlers[0] in root.handlers:
        root.setLevel(level)
        # warcio's own notes ("Replacing spaces in invalid WARC-Target-URI") are not the
        # user's business unless debugging: what fails in a WARC is newsgraph's one line
        logging.getLogger("warcio").setLevel(logging.DEBUG if verbose >= 2 else logging.ERROR)


def verbosity(ctx: click.Context | None = None) -> tuple[int, bool]:
    """(-v count, -q given) of the running command, counting the group's and its own."""
    ctx = ctx or click.get_current_context()
    seen = ctx.meta.get(_VERBOSITY, {})
    return seen.get("verbose", 0), seen.get("quiet", False)


def quiet() -> bool:
    """Whether -q was given: no progress bars, no info or warning logs."""
    return verbosity()[1]


def _record_verbosity(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if ctx.resilient_parsing:
        return
    seen = ctx.meta.setdefault(_VERBOSITY, {"verbose": 0, "quiet": False})
    if param.name == "verbose":
        seen["verbose"] += value or 0
    else:
        seen["quiet"] = seen["quiet"] or bool(value)
    configure_logging(seen["verbose"], seen["quiet"])


def verbosity_options(f: F) -> F:
    """``-v/--verbose`` and ``-q/--quiet``, on the group and on every command."""
    f = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_record_verbosity,
        help="Only errors on stderr: no progress bar, no info or warning logs.",
    )(f)
    f = click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=_record_verbosity,
        help="More log output on stderr (-vv for debug).",
    )(f)
    return f


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
    raise SystemExit(InputError.exit_status)


# What an exit status means beyond the docstrings of the errors that carry it.
_MEANING = {0: "done", 1: "any other error newsgraph reports (the message says what and why)"}
_ALSO = {
    2: "or a usage error: an unknown option, a missing or bad argument",
    3: "or, for `analyze` and `ingest`, some inputs failed (each is named on stderr or stored "
    "as a failure; the rest ran)",
}


def error_classes() -> list[type[NewsgraphError]]:
    """Every class of the ``NewsgraphError`` tree, parents before children."""
    out: list[type[NewsgraphError]] = []
    todo: list[type[NewsgraphError]] = [NewsgraphError]
    while todo:
        cls = todo.pop(0)
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out


def exit_status_table() -> str:
    """The README's table of exit statuses, made from errors.py."""
    by_status: dict[int, list[type[NewsgraphError]]] = {0: []}
    for cls in error_classes():
        by_status.setdefault(cls.exit_status, []).append(cls)
    rows = ["| exit status | meaning | errors (code) |", "| --- | --- | --- |"]
    for status in sorted(by_status):
        classes = by_status[status]
        meaning = _MEANING.get(status) or "; ".join(
            _first_line(c) for c in classes if c.exit_status != _parent_status(c)
        )
        meaning = "; ".join(x for x in (meaning, _ALSO.get(status, "")) if x)
        names = ", ".join(f"`{c.__name__}` (`{c.code}`)" for c in classes)
        rows.append(f"| {status} | {meaning} | {names} |")
    return "\n".join(rows) + "\n"


def _first_line(cls: type) -> str:
    return (cls.__doc__ or "").strip().splitlines()[0].rstrip(".")


def _parent_status(cls: type[NewsgraphError]) -> int | None:
    parent = cls.__mro__[1]
    if cls is NewsgraphError or not issubclass(parent, NewsgraphError):
        return None
    return parent.exit_status
