"""Jinja2 with autoescaping on for every template: article text is untrusted and is only
ever rendered as escaped text."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

NAV = [
    ("/", "Story"),
    ("/quotes", "Quotes"),
    ("/contradictions", "Contradictions"),
    ("/entities", "Entities"),
    ("/articles", "Articles"),
    ("/map", "Map"),
    ("/graph", "Graph"),
    ("/docs", "API"),
]


def when(date: str | None, precision: str | None = None) -> str:
    if not date:
        return "undated"
    return f"{date} ({precision})" if precision and precision != "day" else date


def query(params: dict[str, Any], **changes: Any) -> str:
    """The query string of ``params`` with ``changes``, empty values left out."""
    merged = {**params, **changes}
    pairs = []
    for key, value in merged.items():
        for v in value if isinstance(value, list) else [value]:
            if v not in (None, "", False):
                pairs.append((key, v))
    return ("?" + urlencode(pairs)) if pairs else ""


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dossier.serve", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, when=when, query=query)
    return env


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)
