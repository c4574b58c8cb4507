"""A server in a background thread on a free port: for browser tests, screenshots and the
latency benchmark."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn

from dossier.serve.app import create_app


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``with LiveServer(db, token) as url:`` serves the store at ``db`` until the block ends."""

    def __init__(self, db: str, token: str = "test-token", host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = free_port(host)
        config = uvicorn.Config(
            create_app(db, token), host=host, port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the server did not start on {self.url}")
            time.sleep(0.05)
        return self.url

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
