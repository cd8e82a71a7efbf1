"""``newsgraph serve``: options, and a bad store refused before serving."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import StoreError
from newsgraph.web import create_app


def test_serve_help_names_its_options():
    r = CliRunner().invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0
    for option in ("--db", "--host", "--port", "127.0.0.1", "8000"):
        assert option in r.output


def test_serve_bad_store_url_fails_before_serving():
    r = CliRunner().invoke(cli, ["serve", "--db", "ftp://example.org/x"])
    assert r.exit_code == StoreError.exit_status
    assert "unknown store URL scheme" in r.output


def test_serve_port_out_of_range_is_a_usage_error():
    r = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert r.exit_code == 2 and "70000" in r.output


def test_serve_in_memory_store_is_refused():
    with pytest.raises(StoreError, match="in-memory"):
        create_app("sqlite:///:memory:")
