"""The README recipe: `dask scheduler` + `dask worker` on loopback, then `ingest --scheduler`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch_ingest import ingest, small_corpus

from newsgraph.store import open_store

DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM (a clean shutdown), SIGKILL only if it does not finish in time."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def dask_cluster(tmp_path) -> Iterator[str]:
    """A scheduler and one single-threaded worker, as separate processes on 127.0.0.1."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = [open(tmp_path / name, "wb") for name in ("scheduler.log", "worker.log")]  # noqa: SIM115
    env = {**os.environ, "NEWSGRAPH_CONFIG": str(tmp_path / "none.toml")}
    procs = []
    try:
        procs.append(
            subprocess.Popen(
                [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"],
                stdout=logs[0], stderr=subprocess.STDOUT, env=env,
            )
        )  # fmt: skip
        procs.append(
            subprocess.Popen(
                [str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--no-dashboard"],
                stdout=logs[1], stderr=subprocess.STDOUT, env=env,
            )
        )  # fmt: skip
        yield address
    finally:
        for proc in reversed(procs):  # workers first, then the scheduler
            _stop(proc)
        for log in logs:
            log.close()
    assert all(p.returncode is not None for p in procs)


@pytest.mark.slow
@pytest.mark.model
def test_batch_ingest_against_an_existing_dask_cluster(dask_cluster, tmp_path):
    source = small_corpus(tmp_path, 8)
    remote, local = tmp_path / "remote.db", tmp_path / "local.db"
    said = ingest(source, remote, "--scheduler", dask_cluster)
    assert "8 new" in said and "2 failed" in said
    ingest(source, local)
    with open_store(remote) as a, open_store(local) as b:
        assert a.dump() == b.dump()
