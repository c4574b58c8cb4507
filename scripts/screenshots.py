"""Screenshots of every workspace page into docs/screenshots/.

Usage: ``.venv/bin/python scripts/screenshots.py [ARTICLES] [OUT]`` (defaults:
``examples/``, invented articles, so that no seed text enters the repository, and
``docs/screenshots``). Needs Debian's Chromium at /usr/bin/chromium
(``apt-get install chromium``) and the dev dependencies (Playwright).
"""

from __future__ import annotations

import json
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

import dossier
from dossier.serve.live import LiveServer

ROOT = Path(__file__).resolve().parent.parent


def _api(url: str, path: str, **params: Any) -> Any:
    with urllib.request.urlopen(f"{url}{path}?{urllib.parse.urlencode(params)}") as r:
        return json.load(r)


def main(argv: list[str]) -> None:
    articles = Path(argv[0]) if argv else ROOT / "examples"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.sqlite"
        with dossier.open(db) as d:
            d.ingest([articles])
        with LiveServer(str(db)) as url, sync_playwright() as p:
            key = _api(url, "/api/timeline", key=True, top=1)["items"][0]
            article = key["article_id"]
            actor = key["source_entity_id"]
            pages = {
                "story": "/",
                "event": f"/events/{key['id']}",
                "article": f"/articles/{article}",
                "entity": f"/entities/{actor}",
                "quotes": "/quotes",
                "contradictions": "/contradictions",
                "map": "/map",
                "graph": "/graph",
                "docs": "/docs",
            }
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages.items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / f"{name}.png"))
                print(f"{out / name}.png  {path}")
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
