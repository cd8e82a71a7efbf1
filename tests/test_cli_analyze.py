"""``newsgraph analyze`` end to end: one input, a batch with every kind of bad input, stdin,
stable ids, and once as a real subprocess (stdout pure JSONL, stderr names each failure)."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import assert_valid_article
from newsgraph.cli import cli

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]

GOOD = """Ministers meet in Oslo over fishing quotas

Fisheries ministers from Norway and the European Union met in Oslo on Monday to settle a \
dispute over mackerel quotas that has simmered for more than a year, officials said.

"We have found a basis for agreement," the Norwegian minister told reporters after the talks.

Advertisement
"""

GERMAN = """Minister treffen sich in Oslo

Die Fischereiminister Norwegens und der Europäischen Union haben sich am Montag in Oslo \
getroffen, um einen seit mehr als einem Jahr schwelenden Streit über die Fangquoten für \
Makrelen beizulegen. Beide Seiten hätten Zugeständnisse gemacht, hieß es aus Delegationskreisen.
"""


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["analyze", *args], input=input, catch_exceptions=False)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def good(tmp_path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, str]:
    """One of each kind of bad input, by the name the error must carry."""
    files = {
        "empty.txt": b"",
        "bad.bin": bytes(range(256)) * 8,
        "cut.html.gz": gzip.compress(
            b"<html><body><p>" + " ".join(map(str, range(20000))).encode()
        )[:2000],
        "broken.html": b"<html><body><div><p>Hi",
        "latin1.txt": "Titre\n\nLe café est fermé.".encode("latin-1"),
        "german.txt": GERMAN.encode(),
        "feed.rss": b"<?xml version='1.0'?><rss><channel><item><title>x</title",
        "crawl.warc": b"not a warc\r\n" * 10,
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name] = str(tmp_path / name)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        '{"text": "'
        + "A valid record body with enough words to be an article. " * 3
        + '"}\n{broken json\n'
    )
    out["dump.jsonl:2"] = str(dump)
    out["missing.txt"] = str(tmp_path / "missing.txt")
    out["private"] = f"http://127.0.0.1:{closed_port()}/article.html"
    return out


def test_cli_analyze_one_file_prints_pretty_json(good):
    result = invoke(str(good), "--published", "2023-04-17")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert_valid_article(doc)
    assert doc["schema"] == "newsgraph.article/1"
    assert doc["article"]["title"] == "Ministers meet in Oslo over fishing quotas"
    assert doc["article"]["published"] == "2023-04-17"
    assert doc["removed"] == [{"text": "Advertisement", "reason": "chrome"}]
    assert result.stdout.startswith("{\n")


def test_cli_analyze_batch_goes_past_every_failure_and_sums_up(good, bad_inputs, tmp_path):
    big = tmp_path / "huge.html"
    with big.open("wb") as f:  # a 50 MB page: refused by the size cap, not read into memory
        f.write(b"<html><body>" + b"<p>" + b"x" * 1_000_000 + b"</p>\n")
        f.truncate(50 * 1024 * 1024)
    sources = [str(good), *dict.fromkeys(bad_inputs.values()), str(big), str(good)]
    result = invoke(*sources)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    docs = [json.loads(line) for line in lines]
    for doc in docs:
        assert_valid_article(doc)
    # both good files and the good JSONL record, in input order
    assert [d["article"]["title"] for d in docs] == [
        "Ministers meet in Oslo over fishing quotas",
        None,
        "Ministers meet in Oslo over fishing quotas",
    ]
    err = result.stderr
    summary = err[err.index("input(s) failed:") :]
    for name in [*bad_inputs, "huge.html"]:
        assert name in summary or bad_inputs.get(name, "") in summary, f"{name} not reported"
    for reason in (
        "empty",
        "binary",
        "truncated gzip",
        "no article body",
        "not valid UTF-8",
        "language is 'de'",
        "not a valid RSS/Atom feed",
        "not a WARC file",
        "not valid JSON",
        "no such file",
        "loopback",
        "byte limit",
    ):
        assert reason in summary, f"no failure says {reason!r}:\n{summary}"
    assert summary.count("\n  ") == 12


def test_cli_analyze_url_that_does_not_answer(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/x"
    result = invoke(url, "--allow-private")
    assert result.exit_code == 3
    assert f"{url}  [ingest/fetch] could not fetch" in result.stderr


def test_cli_analyze_reads_stdin():
    result = invoke("-", input=GOOD.encode())
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert_valid_article(doc)
    assert doc["article"]["title"].startswith("Ministers meet")


def test_cli_analyze_several_articles_in_one_input_become_jsonl(tmp_path):
    dump = tmp_path / "two.jsonl"
    body = "Fisheries ministers met in Oslo on Monday to settle a dispute over quotas. "
    dump.write_text(
        json.dumps({"title": "A", "text": body})
        + "\n"
        + json.dumps({"title": "B", "text": body * 2})
        + "\n"
    )
    result = invoke(str(dump))
    assert result.exit_code == 0
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    for doc in docs:
        assert_valid_article(doc)
    assert [d["article"]["title"] for d in docs] == ["A", "B"]


def test_cli_analyze_ids_are_stable_across_runs(good, tmp_path):
    first = invoke(str(good), "--format", "jsonl").stdout
    copy = tmp_path / "elsewhere" / "same.txt"
    copy.parent.mkdir()
    copy.write_bytes(good.read_bytes())
    second = invoke(str(copy), "--format", "jsonl").stdout
    assert first == second  # same content, other path: same ids and output
    doc = json.loads(first)
    assert_valid_article(doc)
    ids = [doc["article"]["id"]] + [
        x["id"]
        for key in ("actors", "places", "attributions", "claims", "events")
        for x in doc[key]
    ]
    assert len(ids) == len(set(ids))


def test_cli_analyze_subprocess_stdout_is_pure_jsonl(good, bad_inputs):
    exe = ROOT / ".venv" / "bin" / "newsgraph"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsgraph"]
    bad = [bad_inputs[k] for k in ("bad.bin", "empty.txt", "german.txt", "cut.html.gz")]
    # -vv: debug logging on, and still nothing but JSON on stdout
    proc = subprocess.run(
        [*cmd, "-vv", "analyze", str(good), *bad, str(good), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 3, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(docs) == 2
    for doc in docs:
        assert_valid_article(doc)
    for path in bad:
        assert path in proc.stderr
