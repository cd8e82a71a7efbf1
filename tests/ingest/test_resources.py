"""`newsgraph analyze` on hostile inputs, in a subprocess under an address-space limit.

Each bomb is built on the fly in tmp_path (tests/ingest/bombs.py: a GiB in about a second).
The child runs with ``RLIMIT_AS`` of 1.5 GiB (`analyze` of a plain article, model included,
ran within 1.0 GiB; a GiB bomb held in memory would not fit); the test reads the child's own
peak RSS (``ru_maxrss`` from ``os.wait4``, in a small runner process) and asserts a named
failure, the documented exit status and a peak of at most 500 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bombs import (
    GiB,
    gzip_member,
    jsonl_bomb,
    jsonl_many_lines_bomb,
    pathological_jsonl,
    warc_header_bomb,
    warc_payload_bomb,
)
from ingest_support import ARTICLE_HTML

pytestmark = [pytest.mark.model, pytest.mark.slow]

ADDRESS_SPACE = int(1.5 * GiB)
PEAK_RSS_MB = 500
SRC = Path(__file__).resolve().parents[2] / "src"


# Linux keeps a process's peak RSS across exec, so a child forked straight from pytest (which
# may hold the model: ~0.5 GB) would report pytest's size. A small runner process forks the
# child instead, under the address-space limit, and reports that child's own ru_maxrss.
RUNNER = """
import os, resource, subprocess, sys
limit, report, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
proc = subprocess.Popen(cmd, preexec_fn=cap)
_, status, usage = os.wait4(proc.pid, 0)
with open(report, "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def analyze(*args: str, cwd: Path, **env_vars: str) -> tuple[int, str, str, float]:
    """Exit status, stdout, stderr and peak RSS (MB) of ``newsgraph analyze ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(SRC), **env_vars}
    out, err, report = cwd / "stdout", cwd / "stderr", cwd / "peak_kb"
    cmd = [sys.executable, "-m", "newsgraph", "analyze", "--format", "jsonl", *args]
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER, str(ADDRESS_SPACE), str(report), *cmd],
            stdout=o,
            stderr=e,
            cwd=cwd,
            env=env,
            check=False,
        )
    return proc.returncode, out.read_text(), err.read_text(), int(report.read_text()) / 1024


def _jsonl(tmp: Path) -> Path:
    return jsonl_bomb(tmp / "bomb.jsonl.gz", GiB)


def _warc_header(tmp: Path) -> Path:
    warc_header_bomb(tmp / "header.warc.gz", GiB, ARTICLE_HTML.encode())
    return tmp / "header.warc.gz"


def _warc_payload(tmp: Path) -> Path:
    return warc_payload_bomb(tmp / "payload.warc.gz", GiB)


def _html(tmp: Path) -> Path:
    path = tmp / "page.html.gz"
    path.write_bytes(gzip_member(b"<html><body><p>", b"word ", GiB))
    return path


@pytest.mark.parametrize(
    "build, failure",
    [
        (_jsonl, "bomb.jsonl.gz:2: record larger than 20,000,000 bytes"),
        (_warc_header, "header.warc.gz:"),
        (_warc_payload, "payload.warc.gz:0: record body is over the 20,000,000-byte limit"),
        (_html, "page.html.gz: content is over the 20,000,000-byte limit once decompressed"),
        (lambda tmp: Path("/dev/zero"), "/dev/zero: an endless device"),
    ],
    ids=["jsonl-gzip-bomb", "warc-header-bomb", "warc-payload-bomb", "html-gzip-bomb", "dev-zero"],
)
def test_resources_analyze_on_a_bomb_is_a_named_failure_within_500_mb(tmp_path, build, failure):
    source = build(tmp_path)
    status, out, err, peak = analyze(str(source), cwd=tmp_path)
    print(f"{source.name}: peak RSS {peak:.0f} MB, exit {status}")
    assert status == 3, err
    assert failure in err
    assert "Traceback" not in err and "internal" not in err
    assert peak <= PEAK_RSS_MB, f"{source.name}: peak RSS {peak:.0f} MB"


def test_resources_analyze_reads_every_article_around_pathological_jsonl_lines(tmp_path):
    src = pathological_jsonl(tmp_path / "dump.jsonl")
    body = (
        "Fisheries ministers from Norway and the European Union met in Oslo on Monday to "
        "settle a dispute over mackerel quotas that has simmered for more than a year."
    )
    lines = src.read_text().splitlines()
    for i, line in enumerate(lines):
        if line.startswith('{"title": "Story'):
            lines[i] = json.dumps({"title": json.loads(line)["title"], "text": body})
    src.write_text("\n".join(lines) + "\n")
    status, out, err, peak = analyze(src.name, cwd=tmp_path)
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["title"] for d in docs] == [f"Story {i}" for i in range(5)]
    assert status == 3
    assert "dump.jsonl:3: not readable JSON: nested too deeply" in err
    assert "dump.jsonl:5: not readable JSON: Exceeds the limit (4300 digits)" in err
    assert peak <= PEAK_RSS_MB


def test_resources_dump_over_its_total_budget_stops_there_and_the_next_input_is_read(tmp_path):
    # a GiB of short lines: each under max_bytes, only the budget on the whole dump stops it
    dump = jsonl_many_lines_bomb(tmp_path / "lines.jsonl.gz", GiB)
    (tmp_path / "next.txt").write_text(
        "Fisheries ministers from Norway and the European Union met in Oslo on Monday to "
        "settle a dispute over mackerel quotas that has simmered for more than a year.\n",
        encoding="utf-8",
    )
    status, out, err, peak = analyze(
        dump.name, "next.txt", cwd=tmp_path, NEWSGRAPH_MAX_DUMP_BYTES="100000000"
    )
    print(f"{dump.name}: peak RSS {peak:.0f} MB, exit {status}")
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["title"] for d in docs[:2]] == ["Story 1", "Story 2"]
    assert len(docs) == 3 and "mackerel" in docs[2]["article"]["text"]
    assert status == 3
    assert "over the 100,000,000-byte limit once decompressed (max_dump_bytes)" in err
    assert "lines.jsonl.gz:" in err and "Traceback" not in err
    assert peak <= PEAK_RSS_MB
