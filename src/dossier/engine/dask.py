"""The Dask engine: articles go to a ``dask.distributed`` cluster in chunks, each worker
loads the language model once (a worker plugin, at the worker's start), and the
annotations come back to the client, which stores and resolves them in order.

``tcp://HOST:PORT`` connects to a running scheduler (``dask scheduler`` with ``dask
worker`` processes, started by the user); ``local:N`` starts a LocalCluster of N
single-threaded worker processes here and stops it at the end. Workers need this
dossier installed (the same version: tasks are sent by reference to its functions).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from dossier.errors import EngineError

_LOCAL = re.compile(r"^local:(\d+)$")
CONNECT_TIMEOUT = "30s"  # $DOSSIER_DASK_TIMEOUT overrides


class LoadModel(WorkerPlugin):
    """A worker plugin: the model is loaded once per worker, when it joins."""

    name = "dossier-load-model"

    def setup(self, worker: Any) -> None:
        from dossier.annotate import nlp

        nlp.load()


class DaskEngine:
    """A Dask client (and, for ``local:N``, the cluster it started)."""

    def __init__(self, spec: str) -> None:
        from distributed import Client, LocalCluster

        self.spec = spec
        self._cluster: Any = None
        # the cluster's own INFO lines (workers joining, closing) are not the user's news
        logging.getLogger("distributed").setLevel(logging.WARNING)
        local = _LOCAL.match(spec.strip())
        try:
            if local:
                n = int(local.group(1))
                if n < 1:
                    raise EngineError("--dask local:N needs at least one worker (N >= 1)")
                self._cluster = LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self._cluster)
            elif spec.startswith(("tcp://", "tls://", "ws://", "wss://")):
                timeout = os.environ.get("DOSSIER_DASK_TIMEOUT") or CONNECT_TIMEOUT
                self.client = Client(spec, timeout=timeout)
            else:
                raise EngineError(
                    f"--dask {spec!r} is not a Dask address: give tcp://HOST:PORT of a "
                    "running scheduler, or local:N to start N workers here"
                )
        except EngineError:
            raise
        except (OSError, TimeoutError) as exc:
            self.close_cluster()
            raise EngineError(
                f"cannot reach the Dask scheduler at {spec}: {exc}; start one "
                "(`dask scheduler`, then `dask worker ADDRESS`) or use --dask local:N"
            ) from exc
        self.client.register_plugin(LoadModel(), name=LoadModel.name)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any:
        return self.client.submit(fn, arg, pure=False)

    def shutdown(self, cancel_futures: bool = True) -> None:
        try:
            self.client.close()
        finally:
            self.close_cluster()

    def close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
