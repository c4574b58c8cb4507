"""A real HTTP server on 127.0.0.1 for the tests that fetch (no outside network): routes
map a path to a status, headers and a body (or a function of the request)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds to wait before answering
    chunked: bool = False  # send without a Content-Length


@dataclass
class Site:
    routes: dict[str, Page] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self, path: str, body: bytes | str, content_type: str = "text/html", **kw: object
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type}
        self.routes[path] = Page(data, headers=headers, **kw)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Page(b"", status, {"Location": to})
        return self.url(path)


def _handler(site: Site) -> Callable[..., BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits.append(self.path)
            page = site.routes.get(self.path)
            if page is None:
                self.send_error(404, "Not Found")
                return
            if page.delay:
                time.sleep(page.delay)
            self.send_response(page.status)
            for name, value in page.headers.items():
                self.send_header(name, value)
            if not page.chunked:
                self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            # the client may stop reading (a size limit): expected
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    return Handler


@contextmanager
def serving(site: Site | None = None) -> Iterator[Site]:
    """A site served on a free port of 127.0.0.1 while the block runs."""
    site = site or Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
