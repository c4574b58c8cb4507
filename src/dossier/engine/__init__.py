"""Where parse and annotate run: in this process, in a local process pool (see
:mod:`dossier.pipeline`), or on a Dask cluster (:mod:`dossier.engine.dask`); the task they
run is :mod:`dossier.engine.tasks`. An engine is anything with ``submit(fn, arg) ->
future`` (``future.result()``), ``workers`` and ``shutdown()``; storing and resolving
always stay with the client."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class Engine(Protocol):
    @property
    def workers(self) -> int: ...

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any: ...

    def shutdown(self, cancel_futures: bool = True) -> None: ...


def open_engine(spec: str) -> Engine:
    """An engine from its address: ``tcp://HOST:PORT`` (a running Dask scheduler) or
    ``local:N`` (a Dask LocalCluster of N worker processes started here)."""
    from dossier.engine.dask import DaskEngine

    return DaskEngine(spec)
