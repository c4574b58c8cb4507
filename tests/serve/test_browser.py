"""The workspace in Debian's Chromium (Python Playwright), over the seed articles and one
hostile article of our own. Skipped when ../shared/seeds, Playwright or Chromium is absent."""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dossier

pytestmark = pytest.mark.seeds
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "serve" / "hostile.txt"


@pytest.fixture(scope="module")
def server(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    pytest.importorskip("playwright.sync_api")
    from dossier.serve.live import LiveServer

    folder = tmp_path_factory.mktemp("articles")
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    shutil.copy(HOSTILE, folder / HOSTILE.name)
    db = tmp_path_factory.mktemp("db") / "seeds.sqlite"
    with dossier.open(db) as d:
        d.ingest([folder])
    with LiveServer(str(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


class Visit:
    """A page opened in a fresh tab, with every console error and page error it raised."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")


@pytest.fixture()
def visit(browser: Any, server: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_(path: str) -> Visit:
        v = Visit(browser, server + path)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.page.close()


def _api(server: str, path: str, **params: Any) -> Any:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{server}{path}?{query}") as r:
        return json.load(r)


@pytest.fixture(scope="module")
def summit(server: str) -> str:
    rows = _api(
        server,
        "/api/timeline",
        entity="Kim Jong Un",
        since="2023-09-13",
        until="2023-09-13",
        min_sources=2,
    )["items"]
    assert rows, "no two-source row for 13 September 2023"
    return str(rows[0]["id"])


@pytest.fixture(scope="module")
def pages(server: str, summit: str) -> list[str]:
    hostile = _api(server, "/api/articles", source="hostile")["items"][0]["id"]
    person = _api(server, "/api/entities", entity="Kim Jong Un")["items"][0]["id"]
    return [
        "/", "/quotes", "/contradictions", "/entities", "/articles", "/map", "/graph", "/docs",
        f"/events/{summit}", f"/articles/{hostile}", f"/entities/{person}",
    ]  # fmt: skip


def test_every_page_loads_without_a_console_error(visit: Any, pages: list[str]) -> None:
    errors = {p: v.errors for p in pages if (v := visit(p)).errors}
    assert errors == {}


def test_the_story_shows_the_2023_summit(visit: Any, summit: str) -> None:
    row = visit("/").page.locator(f"#key-events tr[data-id='{summit}']")
    text = row.inner_text()
    assert "2023-09-13" in text and "Kim Jong Un" in text and "Putin" in text


def test_the_summit_page_shows_two_sources_side_by_side(visit: Any, summit: str) -> None:
    boxes = [s.bounding_box() for s in visit(f"/events/{summit}").page.locator(".source").all()]
    assert len(boxes) >= 2
    first, second = boxes[0], boxes[1]
    assert first["y"] == second["y"] and second["x"] > first["x"] + first["width"] - 1


def test_the_map_draws_markers(visit: Any) -> None:
    page = visit("/map").page
    page.wait_for_selector("path.place-marker")
    assert page.locator("path.place-marker").count() >= 3


def test_the_graph_draws_nodes(visit: Any) -> None:
    page = visit("/graph").page
    page.wait_for_selector("#graph[data-nodes]")
    assert int(page.get_attribute("#graph", "data-nodes")) >= 3
    assert page.locator("#graph canvas").count() >= 1


def test_markup_in_an_article_runs_nothing(visit: Any, server: str) -> None:
    hostile = _api(server, "/api/articles", source="hostile")["items"][0]["id"]
    page = visit(f"/articles/{hostile}").page
    assert page.evaluate("typeof window.__dossier_xss") == "undefined"
    assert page.locator("#article-text img, #article-text script").count() == 0
    assert "<script>" in page.inner_text("#article-text")
