"""``newsgraph analyze`` never misleads (issue 16): ``--format json`` with several articles is
one JSON array, and a publication date written in words dates the events as an ISO one
does, while an unreadable one is a warning naming its input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import assert_valid_article
from newsgraph.cli import cli

pytestmark = pytest.mark.model

TEXT = (
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on "
    "Sunday. The two men discussed military cooperation, officials said."
)


def analyze(*args: str):
    return CliRunner().invoke(cli, ["analyze", *args], catch_exceptions=False)


def test_cli_analyze_json_with_several_articles_is_one_array(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Putin meets Li ({name})\n{TEXT}\n", "utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"title": "c", "text": TEXT}) + "\n", "utf-8")
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.jsonl")]
    result = analyze(*paths, "--format", "json", "--published", "2023-04-17")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert isinstance(documents, list) and len(documents) == 3
    assert [d["article"]["title"] for d in documents] == [
        "Putin meets Li (a)",
        "Putin meets Li (b)",
        "c",
    ]
    for doc in documents:
        assert_valid_article(doc)
    one = analyze(paths[0], "--format", "json", "--published", "2023-04-17")
    assert json.loads(one.stdout) == documents[0]  # one article: its document itself
    lines = analyze(*paths, "--format", "jsonl", "--published", "2023-04-17").stdout
    assert [json.loads(line) for line in lines.splitlines()] == documents


def test_cli_analyze_metadata_date_in_words_dates_the_events(tmp_path):
    dump = tmp_path / "d.jsonl"
    record = {"title": "Putin meets Li", "published": "March 20, 2023", "text": TEXT}
    dump.write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = tmp_path / "d.txt"
    text.write_text(f"Putin meets Li\n{TEXT}\n", encoding="utf-8")
    from_words = json.loads(analyze(str(dump)).stdout)
    from_iso = json.loads(analyze(str(text), "--published", "2023-03-20").stdout)
    assert from_words["article"]["published"] == "2023-03-20"
    dates = [e["date"] for e in from_words["events"]]
    assert dates == [e["date"] for e in from_iso["events"]]
    assert {"start": "2023-03-19", "text": "Sunday"}.items() <= dates[0].items()


def test_cli_analyze_unreadable_metadata_date_is_a_warning_naming_the_input(tmp_path, caplog):
    """A logged warning: on stderr from the command line (pytest's log capture takes it
    here, as the CLI leaves a host's logging alone)."""
    dump = tmp_path / "d.jsonl"
    record = {"title": "Putin meets Li", "published": "the other day", "text": TEXT}
    dump.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = analyze(str(dump))
    assert result.exit_code == 0
    [warning] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert f"{dump}:1: cannot read the publication date 'the other day'" in warning.getMessage()
    document = json.loads(result.stdout)
    assert document["article"]["published"] is None
    assert all(e["date"]["start"] is None for e in document["events"])  # no made-up dates
