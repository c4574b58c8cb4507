"""The web workspace: Jinja2 pages over the same ``Dossier`` calls as the API. The map and
the graph draw with a little JavaScript from ``/static`` that reads ``/api/places`` and
``/api/graph``; every other page is plain HTML."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dossier.serve.context import open_db
from dossier.serve.highlight import segments
from dossier.serve.templating import render

router = APIRouter(include_in_schema=False)
PAGE = 50
STATUSES = ["asserted", "reported", "expected", "negated", "hypothetical", "opinion"]
Text = Annotated[str | None, Query()]
Int = Annotated[int | None, Query(ge=1)]


def _offset(page: int | None) -> int:
    return ((page or 1) - 1) * PAGE


def _pages(total: int, page: int | None) -> dict[str, int]:
    return {"page": page or 1, "pages": max(1, -(-total // PAGE)), "total": total}


@router.get("/", response_class=HTMLResponse)
def story(
    request: Request,
    entity: Text = None,
    since: Text = None,
    until: Text = None,
    source: Text = None,
    min_sources: Int = None,
    status: Text = None,
    page: Int = None,
) -> HTMLResponse:
    given = {"entity": entity, "since": since, "until": until, "source": source}
    filters: dict[str, Any] = {k: (v or None) for k, v in given.items()}
    statuses = [status] if status else None
    with open_db(request) as db:
        key = db.key_events(15, min_sources, statuses, **filters)
        rows = db.timeline(
            min_sources, False, statuses, None, **filters, limit=PAGE, offset=_offset(page)
        )
        verdicts = db.verdicts([r.entry for r in [*key, *rows]])
        n_articles = db.articles(limit=0).total
    params = {**filters, "min_sources": min_sources, "status": status}
    return render(
        "story.html",
        title="Story",
        key=key,
        rows=rows,
        verdicts=verdicts,
        n_articles=n_articles,
        params=params,
        statuses=STATUSES,
        paging=_pages(rows.total, page),
    )


@router.get("/events/{timeline_id}", response_class=HTMLResponse)
def event(request: Request, timeline_id: str) -> HTMLResponse:
    with open_db(request) as db:
        detail = db.row(timeline_id)
    by_article: dict[str, list[Any]] = {}  # one column per source article, in row order
    for s in detail.sources:
        segs = segments(s.sentence, s.spans, s.sentence_start)
        by_article.setdefault(s.event.article.article.id, []).append((s, segs))
    sources = [(found[0][0].event.article, found) for found in by_article.values()]
    return render(
        "event.html",
        title=f"Event {detail.entry.id}",
        row=detail.entry,
        sources=sources,
        comparisons=detail.comparisons,
        verdict=detail.verdict,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, source: Text = None, page: Int = None) -> HTMLResponse:
    with open_db(request) as db:
        rows = db.articles(source=source or None, limit=PAGE, offset=_offset(page))
    return render(
        "articles.html",
        title="Articles",
        rows=rows,
        params={"source": source},
        paging=_pages(rows.total, page),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    with open_db(request) as db:
        detail = db.article_detail(article_id)
    a = detail.article.article
    counts: dict[str, int] = defaultdict(int)
    for s in detail.spans:
        counts[s.kind] += 1
    return render(
        "article.html",
        title=a.title or detail.article.label,
        view=detail.article,
        segments=segments(a.text, detail.spans),
        counts=dict(counts),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, entity: Text = None, page: Int = None) -> HTMLResponse:
    with open_db(request) as db:
        rows = db.entities(entity=entity or None, limit=PAGE, offset=_offset(page))
    return render(
        "entities.html",
        title="Entities",
        rows=rows,
        params={"entity": entity},
        paging=_pages(rows.total, page),
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> HTMLResponse:
    with open_db(request) as db:
        detail = db.entity_detail(entity_id)
    return render("entity.html", title=detail.entity.name, d=detail)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request, entity: Text = None, source: Text = None, page: Int = None
) -> HTMLResponse:
    with open_db(request) as db:
        rows = db.quotes(
            entity=entity or None, source=source or None, limit=PAGE, offset=_offset(page)
        )
    unknown = "(no resolved speaker)"
    by_speaker: dict[str, list[Any]] = defaultdict(list)
    for q in rows:
        by_speaker[q.speaker.name if q.speaker else unknown].append(q)
    return render(
        "quotes.html",
        title="Quotes",
        groups=sorted(by_speaker.items(), key=lambda kv: (kv[0] == unknown, -len(kv[1]), kv[0])),
        params={"entity": entity, "source": source},
        paging=_pages(rows.total, page),
    )


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(
    request: Request, entity: Text = None, source: Text = None, page: Int = None
) -> HTMLResponse:
    with open_db(request) as db:
        rows = db.contradictions(
            entity=entity or None, source=source or None, limit=PAGE, offset=_offset(page)
        )
    return render(
        "contradictions.html",
        title="Contradictions",
        rows=rows,
        params={"entity": entity, "source": source},
        paging=_pages(rows.total, page),
    )


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request) -> HTMLResponse:
    return render("map.html", title="Map")


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request) -> HTMLResponse:
    return render("graph.html", title="Actor graph")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return render("docs.html", title="API")
