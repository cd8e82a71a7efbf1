"""The SQLite store opens read-only in datasette, as the README says ("Open the store in
datasette"): on a store ingested from HTML, JSONL and text alike, table pages and full-text
search work, and the file is not changed by it."""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from newsgraph.cli import cli

pytestmark = [pytest.mark.model, pytest.mark.slow]

BODY = (
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on "
    "Sunday. The two men discussed military cooperation and a ceasefire proposal, officials "
    "said. Ukraine's foreign ministry condemned the talks."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store ingested by `newsgraph ingest` from one HTML page, one JSONL record, one text."""
    tmp = tmp_path_factory.mktemp("datasette")
    (tmp / "page.html").write_text(
        "<html><head><title>Putin hosts Li</title>"
        '<meta property="article:published_time" content="2023-04-17"></head><body><article>'
        f"<h1>Putin hosts Li</h1><p>{BODY}</p><p>{BODY.replace('Sunday', 'Monday')}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    record = {"title": "Moscow talks", "published": "April 18, 2023", "text": BODY * 2}
    (tmp / "dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp / "wire.txt").write_text(f"Kremlin talks\n{BODY}\n", encoding="utf-8")
    db = tmp / "corpus.db"
    inputs = [str(tmp / n) for n in ("page.html", "dump.jsonl", "wire.txt")]
    result = CliRunner().invoke(cli, ["ingest", *inputs, "--db", str(db), "--published",
                                      "2023-04-19"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return db


def readme_metadata() -> dict[str, object]:
    """The datasette.json the README's section writes (its `echo '…'` line)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Open the store in datasette", 1)[1].split("\n## ", 1)[0]
    [line] = [x for x in section.splitlines() if x.startswith("echo '{")]
    return json.loads(line.split("'")[1])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _browse(db: Path) -> dict[str, object]:
    from datasette.app import Datasette

    # what `datasette -i corpus.db -m datasette.json` opens
    ds = Datasette(immutables=[str(db)], metadata=readme_metadata())
    await ds.invoke_startup()
    out: dict[str, object] = {}
    for name, path in {
        "tables": "/corpus.json",
        "articles": "/corpus/articles.json?_shape=array&_col=title",
        "events": "/corpus/events.json?_shape=array&_size=max",
        "search": "/corpus/articles.json?_shape=array&_search=ceasefire&_col=title",
        "no_hit": "/corpus/articles.json?_shape=array&_search=avalanche",
        "sql": "/corpus.json?_shape=array&sql=select+count(*)+as+n+from+articles_fts",
    }.items():
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        out[name] = response.json()
    return out


def test_datasette_reads_the_store_read_only_with_its_fts(store):
    before = _digest(store)
    seen = asyncio.run(_browse(store))
    tables = {t["name"]: t for t in seen["tables"]["tables"]}  # type: ignore[index]
    assert {"articles", "events", "actors", "claims", "attributions"} <= set(tables)
    assert tables["articles_fts"]["hidden"]  # the FTS5 index, shown only on demand
    titles = {row["title"] for row in seen["articles"]}  # type: ignore[attr-defined]
    assert titles == {"Putin hosts Li", "Moscow talks", "Kremlin talks"}
    assert {e["plover"] for e in seen["events"]} >= {"CONSULT"}  # type: ignore[attr-defined]
    assert {row["title"] for row in seen["search"]} == titles  # type: ignore[attr-defined]
    assert seen["no_hit"] == []
    assert seen["sql"] == [{"n": 3}]
    assert _digest(store) == before
    # datasette left no journal beside it (the writer lock file is the ingest's)
    assert sorted(p.name for p in store.parent.glob("corpus.db*")) == [
        "corpus.db",
        "corpus.db.writer",
    ]


def test_datasette_command_line_serves_the_store_immutable(store, tmp_path):
    """`datasette -i` as the README gives it, through its own command line (``--get`` makes
    one request without starting a server)."""
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent))
    assert datasette, "datasette is a dev dependency"
    before = _digest(store)
    metadata = tmp_path / "datasette.json"
    metadata.write_text(json.dumps(readme_metadata()), encoding="utf-8")

    def get(path: str) -> list[dict[str, object]]:
        result = subprocess.run(
            [datasette, "-i", str(store), "-m", str(metadata), "--get", path],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert len(get("/corpus/articles.json?_shape=array&_search=moscow")) == 3
    assert get("/corpus/articles.json?_shape=array&_search=avalanche") == []
    assert _digest(store) == before
