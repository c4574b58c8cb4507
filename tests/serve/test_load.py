"""Load: a real ``dossier serve`` on 127.0.0.1 answers 100 concurrent readers while
articles are ingested through it, with no error and no torn read. The counts are
bounded and the whole run has a hard deadline, so the test stops by itself."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dossier.serve import create_app
from dossier.serve.live import free_port
from dossier.store.sqlite import SQLiteStore

TOKEN = "load-token"
READERS = 100
MIN_ROUNDS = 1  # each reader reads at least this often, and on until the ingest ends
MAX_ROUNDS = 12  # and never more often than this
SEED = 3  # articles stored before the readers start
BATCHES = 4  # ingest requests during the reads
PER_BATCH = 5  # articles in each
DEADLINE = 60.0  # seconds for the readers and the ingest together
LIMIT = 10  # page size, under the article count, so pages are partial
ROUTES = ("/api/articles", "/api/timeline", "/api/stories", "/api/entities")

PEOPLE = (
    ("Prime Minister", "Rui Alves"),
    ("Foreign Minister", "Lucia Moreno"),
    ("Mayor", "Ilse Marrow"),
    ("Senator", "Tomas Brandt"),
)
PLACES = ("Lisbon", "Madrid", "Porto", "Seville", "Braga")


def article(n: int) -> dict[str, str]:
    """An invented article, different for every ``n``, as the JSON the API takes."""
    (role_a, a), (role_b, b) = PEOPLE[n % 4], PEOPLE[(n + 1) % 4]
    place = PLACES[n % len(PLACES)]
    day = 1 + n % 27
    text = (
        f"{role_a} {a} met {role_b} {b} in {place} on March {day}, 2024 to discuss "
        f"fishing quota number {n}.\n\n"
        f'"We will share the catch fairly," {a.split()[-1]} told reporters after '
        f"meeting {n}.\n\n{b} said the two governments would sign agreement {n} in April.\n"
    )
    return {
        "text": text,
        "title": f"Quota talks, round {n}",
        "url": f"https://news.example/quota/{n}",
        "date": f"2024-03-{day:02d}",
        "source": "Example News" if n % 2 else "Wire Example",
    }


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """``dossier serve`` in a subprocess on a free port over a store of its own."""
    db = tmp_path / "load.sqlite"
    subprocess.run(
        [sys.executable, "-c", "import dossier, sys; dossier.open(sys.argv[1]).close()", str(db)],
        check=True,
    )
    port = free_port()
    cli = "import sys; from dossier.cli.main import main; sys.exit(main())"
    cmd = [sys.executable, "-c", cli, "--db", str(db), "serve", "--port", str(port)]
    env = {**os.environ, "DOSSIER_TOKEN": TOKEN}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "serve.log").read_text())
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@dataclass
class Seen:
    """What the readers saw: every problem, and how much they read."""

    problems: list[str] = field(default_factory=list)
    requests: int = 0
    article_counts: set[int] = field(default_factory=set)
    ingest_done: bool = False
    ingest_seconds: float = 0.0
    requests_during_ingest: int = 0


def _page_problem(route: str, offset: int, body: Any) -> str | None:
    """Why a listing page is malformed or torn; None if it is whole."""
    if not isinstance(body, dict) or set(body) != {"items", "total", "limit", "offset"}:
        return f"{route}: not a listing: {str(body)[:200]}"
    items, total = body["items"], body["total"]
    if not isinstance(items, list) or not isinstance(total, int):
        return f"{route}: bad items or total: {str(body)[:200]}"
    if (body["limit"], body["offset"]) != (LIMIT, offset):
        return f"{route}: asked for limit {LIMIT}, offset {offset}: got {body!r:.200}"
    if len(items) != max(0, min(LIMIT, total - offset)):
        return f"{route}: torn page: {len(items)} items at offset {offset} of a total of {total}"
    if not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return f"{route}: an item without an id"
    return None


async def _get(client: httpx.AsyncClient, path: str, seen: Seen, **params: Any) -> Any:
    seen.requests += 1
    try:
        res = await client.get(path, params=params)
    except httpx.HTTPError as exc:
        seen.problems.append(f"{path}: {exc!r}")
        return None
    if not 200 <= res.status_code < 300:
        seen.problems.append(f"{path}: HTTP {res.status_code}: {res.text[:300]}")
        return None
    try:
        return res.json()
    except ValueError:
        seen.problems.append(f"{path}: not JSON: {res.text[:200]}")
        return None


async def _reader(client: httpx.AsyncClient, n: int, seen: Seen) -> None:
    last_total = 0
    rounds = 0
    while rounds < MIN_ROUNDS or (rounds < MAX_ROUNDS and not seen.ingest_done):
        offset = (n + rounds) % 2 * 5
        turn = (n + rounds) % len(ROUTES)  # readers read the routes in different orders
        for route in ROUTES[turn:] + ROUTES[:turn]:
            body = await _get(client, route, seen, limit=LIMIT, offset=offset)
            if body is None:
                continue
            problem = _page_problem(route, offset, body)
            if problem:
                seen.problems.append(problem)
                continue
            if route == "/api/articles":
                if body["total"] < last_total:
                    seen.problems.append(f"articles went from {last_total} to {body['total']}")
                last_total = body["total"]
                seen.article_counts.add(body["total"])
                for item in body["items"][:1] + body["items"][-1:]:
                    detail = await _get(client, f"/api/articles/{item['id']}", seen)
                    if detail is not None and not isinstance(detail, dict):
                        seen.problems.append(f"article {item['id']}: {str(detail)[:200]}")
        rounds += 1


async def _ingest(client: httpx.AsyncClient, seen: Seen) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    started = time.monotonic()
    try:
        for b in range(BATCHES):
            batch = [article(SEED + b * PER_BATCH + i) for i in range(PER_BATCH)]
            res = await client.post("/api/ingest", json=batch, headers=headers, timeout=60)
            if res.status_code != 200 or len(res.json()["added"]) != PER_BATCH:
                seen.problems.append(f"ingest {b}: HTTP {res.status_code}: {res.text[:300]}")
    finally:
        seen.ingest_done = True
        seen.ingest_seconds = time.monotonic() - started
        seen.requests_during_ingest = seen.requests


async def _load(url: str) -> Seen:
    seen = Seen()
    # A connection per request: an idle keep-alive connection the server closes just as
    # a request is sent on it is a race of HTTP/1.1 itself, not what this test is about.
    limits = httpx.Limits(max_connections=READERS + 1, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        res = await client.post(
            "/api/ingest", json=[article(i) for i in range(SEED)], headers=headers, timeout=60
        )
        assert res.status_code == 200, res.text
        work = [_ingest(client, seen), *(_reader(client, n, seen) for n in range(READERS))]
        await asyncio.wait_for(asyncio.gather(*work), DEADLINE)
        final = (await client.get("/api/articles", params={"limit": 0})).json()["total"]
        seen.article_counts.add(final)
    return seen


def test_concurrent_readers_during_an_ingest_see_whole_pages(server: str) -> None:
    started = time.monotonic()
    seen = asyncio.run(_load(server))
    took = time.monotonic() - started
    print(
        f"\nload: {READERS} readers, {seen.requests} requests "
        f"({seen.requests_during_ingest} during the {seen.ingest_seconds:.1f} s ingest), "
        f"article totals seen {sorted(seen.article_counts)}, {took:.1f} s in all"
    )
    assert not seen.problems, "\n".join(seen.problems[:20])
    assert max(seen.article_counts) == SEED + BATCHES * PER_BATCH
    assert len(seen.article_counts) > 2  # the reads overlapped the ingest


def test_a_page_and_its_total_come_from_one_committed_state(
    built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process commits between the count and the page: the answer is still whole."""
    path = tmp_path / "copy.sqlite"
    shutil.copy(built_store, path)
    real = SQLiteStore._q
    cuts: list[str] = []

    def count_then_commit(self: SQLiteStore, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        rows = real(self, sql, params)
        if not cuts and sql.startswith("SELECT COUNT(*) FROM (SELECT a.* FROM articles"):
            cuts.append(sql)
            with closing(sqlite3.connect(path)) as other:
                other.execute("DELETE FROM articles")
                other.commit()
        return rows

    monkeypatch.setattr(SQLiteStore, "_q", count_then_commit)
    with TestClient(create_app(str(path), TOKEN)) as client:
        body = client.get("/api/articles").json()
    assert cuts and body["total"] == len(body["items"]) == 4
