"""The CLI contract: each error class exits with its declared status (README table),
``python -m newsgraph``, ``--version``, and ``-v``/``-q`` on the group and every command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsgraph import __version__
from newsgraph.cli import cli
from newsgraph.cli.common import error_class, error_classes, exit_status_table, verbosity
from newsgraph.errors import (
    ConfigError,
    EvalDataError,
    InputError,
    ModelError,
    NewsgraphError,
    StoreError,
)
from newsgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def python_m_newsgraph(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    """``python -m newsgraph ARGS`` in a fresh process (this checkout's src on the path)."""
    environ = {**os.environ, **(env or {})}
    environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [environ.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=environ,
        cwd=cwd,
    )


@pytest.mark.parametrize("cls", error_classes(), ids=lambda c: c.__name__)
def test_cli_each_error_class_exits_with_its_status(cls, monkeypatch, tmp_path):
    error = cls("something went wrong", input="x.txt", hint="try again")

    def fail(path):
        raise error

    monkeypatch.setattr("newsgraph.cli.load_settings", fail)
    result = CliRunner().invoke(cli, ["failures", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == cls.exit_status, result.output
    assert result.stdout == ""
    assert result.stderr == "Error: x.txt: something went wrong (try again)\n"


def test_cli_error_raised_inside_a_command_keeps_its_status(monkeypatch):
    def fail(*args, **kwargs):
        raise ModelError("the spaCy model 'x' is not installed")

    monkeypatch.setattr("newsgraph.pipeline.run", fail)
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == ModelError.exit_status == 4
    assert result.stderr == "Error: the spaCy model 'x' is not installed\n"


def test_cli_exit_statuses_are_distinct_where_errors_py_says():
    statuses = {cls: cls.exit_status for cls in error_classes()}
    assert statuses[NewsgraphError] == 1 and statuses[ConfigError] == 2
    assert statuses[InputError] == 3 and statuses[ModelError] == 4
    assert statuses[StoreError] == 5 and statuses[EvalDataError] == 6
    assert error_class("blocked-address").exit_status == 3
    assert error_class("worker") is NewsgraphError  # a failure code with no class of its own


@pytest.mark.parametrize(
    ("args", "env", "status", "message"),
    [
        (["--config", "missing.toml", "failures"], {}, 2, "config file 'missing.toml' does not"),
        (["query", "events", "--db", "mysql://x/y"], {}, 5, "unknown store URL scheme"),
        (["-q", "query", "events", "--db", "mysql://x/y"], {}, 5, "unknown store URL scheme"),
        (["eval", "seed", "--data", "no/such/dir"], {}, 6, "no evaluation data folder"),
        (["analyze", "a.txt"], {"NEWSGRAPH_MODEL": "no_such_model"}, 4, "no_such_model"),
    ],
    ids=["config", "store", "store-quiet", "eval-data", "model"],
)
def test_cli_subprocess_exit_status_and_message_on_stderr(tmp_path, args, env, status, message):
    (tmp_path / "a.txt").write_text("Title\n\nSome body text of an article.\n", encoding="utf-8")
    proc = python_m_newsgraph(*args, env=env, cwd=tmp_path)
    assert proc.returncode == status, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("Error: ") and message in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args", [["analyze"], ["no-such-command"], ["query", "things"], ["analyze", "--nope", "x"]]
)
def test_cli_usage_errors_exit_2(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output


def test_cli_version_on_the_group():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsgraph, version {__version__}\n"
    proc = python_m_newsgraph("--version")
    assert (proc.returncode, proc.stdout) == (0, f"newsgraph, version {__version__}\n")


def test_cli_python_m_newsgraph_is_the_command():
    proc = python_m_newsgraph("--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: newsgraph [OPTIONS] COMMAND [ARGS]...")
    for name in cli.commands:
        assert re.search(rf"^  {re.escape(name)}\b", proc.stdout, re.M), name


def _required_arguments(command: click.Command) -> list[str]:
    """Values for the command's required arguments and options (a valid choice, else a path)."""
    out = []
    for p in command.params:
        if p.required:
            choices = getattr(p.type, "choices", None)
            value = str(sorted(choices)[0]) if choices else "x.txt"
            out += [value] if isinstance(p, click.Argument) else [p.opts[0], value]
    return out


@pytest.mark.parametrize("name", sorted(cli.commands))
@pytest.mark.parametrize(
    ("flags", "expected"),
    [([], (0, False)), (["-v"], (1, False)), (["-vv"], (2, False)), (["-q"], (0, True)),
     (["--verbose", "--quiet"], (1, True))],
)  # fmt: skip
def test_cli_every_command_takes_verbose_and_quiet(name, flags, expected):
    command = cli.commands[name]
    with command.make_context(name, [*flags, *_required_arguments(command)]) as ctx:
        assert verbosity(ctx) == expected


@pytest.mark.parametrize(
    ("args", "level"),
    [
        ([], "WARNING"),
        (["-v"], "INFO"),
        (["CMD", "-v"], "INFO"),
        (["-v", "CMD", "-v"], "DEBUG"),
        (["CMD", "-vv"], "DEBUG"),
        (["CMD", "-q"], "ERROR"),
        (["-q", "CMD"], "ERROR"),
    ],
)
def test_cli_verbosity_sets_the_log_level_on_stderr(tmp_path, args, level):
    """In a fresh process (pytest's own log handlers would otherwise win)."""
    db = str(tmp_path / "x.db")
    open_store(db).close()  # failures reads an existing store
    argv = [a for x in args for a in (["failures", "--db", db] if x == "CMD" else [x])]
    if "failures" not in argv:
        argv += ["failures", "--db", db]
    code = (
        "import logging, sys\n"
        "from newsgraph.cli import cli\n"
        f"try:\n    cli({argv!r}, prog_name='newsgraph')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print(logging.getLevelName(logging.getLogger().level), file=sys.stderr)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == level


def test_cli_readme_lists_the_exit_statuses_of_errors_py():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert exit_status_table() in readme, (
        "README's exit-status table differs from errors.py; paste the output of "
        "python -c 'from newsgraph.cli.common import exit_status_table as t; print(t())'"
    )
    for cls in error_classes():
        assert f"`{cls.__name__}` (`{cls.code}`)" in exit_status_table()
