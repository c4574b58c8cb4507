"""The HTTP API under ``/api``: each route parses its input, calls ``Dossier`` and formats
the answer. Listings answer ``{"items", "total", "limit", "offset"}``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

import dossier
from dossier.api import Listing
from dossier.errors import InputError
from dossier.serve.context import ListingArgs, listing_args, open_db, settings
from dossier.serve.security import require_token
from dossier.serve.uploads import ingest_upload

router = APIRouter(prefix="/api", tags=["api"])


def page(rows: Listing[Any], **as_json: Any) -> dict[str, Any]:
    return {
        "items": [r.as_json(**as_json) for r in rows],
        "total": rows.total,
        "limit": rows.limit,
        "offset": rows.offset,
    }


Args = Annotated[ListingArgs, Depends(listing_args)]
MinSources = Annotated[int | None, Query(ge=1, description="Rows with this many articles.")]
Status = Annotated[list[str] | None, Query(description="Only rows of this status (repeat).")]


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """The server is up and its store opens; how many articles it holds."""
    with open_db(request) as db:
        n = db.articles(limit=0).total
    return {"status": "ok", "version": dossier.__version__, "articles": n}


@router.get("/timeline")
def timeline(
    request: Request,
    args: Args,
    min_sources: MinSources = None,
    dated: bool = False,
    status: Status = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    key: Annotated[bool, Query(description="The story's key events (its main days).")] = False,
    top: Annotated[int, Query(ge=1, le=1000, description="With key: this many rows.")] = 15,
) -> dict[str, Any]:
    """The merged timeline, one row per real-world event (``dossier timeline --json``)."""
    with open_db(request) as db:
        if key:
            return page(db.key_events(top, min_sources, status, **args.filters()))
        return page(db.timeline(min_sources, dated, status, min_confidence, **args.all()))


@router.get("/timeline/{timeline_id}")
def timeline_row(request: Request, timeline_id: str) -> dict[str, Any]:
    """One row with every mention behind it (article, outlet, date, span, sentence) and the
    comparison of each detail across its sources."""
    with open_db(request) as db:
        return db.row(timeline_id).as_json()


def _listing(name: str, doc: str, **as_json: Any) -> None:
    def route(request: Request, args: Args) -> dict[str, Any]:
        with open_db(request) as db:
            return page(getattr(db, name)(**args.all()), **as_json)

    route.__doc__ = doc
    route.__name__ = f"list_{name}"
    router.get(f"/{name}")(route)


_listing("events", "Every event mention (`dossier events --json`).")
_listing("quotes", "Who said what, with relay chains (`dossier quotes --json`).")
_listing("entities", "Entities, most mentioned first (`dossier entities --json`).")
_listing(
    "articles", "Stored articles (`dossier articles --json`, without the text).", with_text=False
)
_listing("stories", "Stories, newest first (`dossier stories --json`).")
_listing("contradictions", "Events whose sources disagree (`dossier contradictions --json`).")
_listing("corroboration", "Every comparison of each event's sources.")


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The article's text, and every span on it (mentions, times, quotes, events)."""
    with open_db(request) as db:
        return db.article_detail(article_id).as_json()


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    """Aliases, roles, mentions, and the rows, events and quotes the entity is part of."""
    with open_db(request) as db:
        return db.entity_detail(entity_id).as_json()


@router.get("/explain/{timeline_id}")
def explain(request: Request, timeline_id: str) -> dict[str, Any]:
    """Why the mentions of one row were joined (`dossier explain --json`)."""
    with open_db(request) as db:
        return db.explain(timeline_id).as_json()


@router.get("/places")
def places(request: Request) -> dict[str, Any]:
    """Places timeline rows happen at, with coordinates (the map's data)."""
    with open_db(request) as db:
        items = db.places()
    return {"items": items, "total": len(items), "limit": None, "offset": 0}


@router.get("/graph")
def graph(request: Request) -> dict[str, Any]:
    """The actor network: nodes, and edges by CAMEO family weighted by row count."""
    with open_db(request) as db:
        return db.actor_graph()


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"description": "The file, offered for download under its name."}},
)
def export(
    request: Request,
    format: Annotated[
        str, Query(description="csv, parquet, gdelt, plover, acled, graphml, gexf, timelinejs.")
    ],
    table: Annotated[
        str | None,
        Query(
            description="csv/parquet: timeline (default), events, quotes, entities, "
            "articles or contradictions."
        ),
    ] = None,
    entity: Annotated[str | None, Query(description="A name or alias.")] = None,
    since: Annotated[str | None, Query(description="From this date on (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY[-MM[-DD]]).")] = None,
    source: Annotated[str | None, Query(description="Outlet, site or file name.")] = None,
    limit: Annotated[int | None, Query(ge=0, description="At most this many rows.")] = None,
) -> Response:
    """The record as a file for other tools (`dossier export`): CSV or Parquet of a listing,
    GDELT 2.0, PLOVER JSON lines, ACLED CSV, GraphML, GEXF or TimelineJS."""
    from dossier.export import format_of

    spec = format_of(format)
    buf = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (closed by _chunks)
    try:
        with open_db(request) as db:
            report = db.export(
                spec.name, buf, table or None, entity=entity or None, since=since or None,
                until=until or None, source=source or None, limit=limit,
            )  # fmt: skip
    except BaseException:
        buf.close()
        raise
    name = spec.filename(report.table)
    buf.seek(0)
    return StreamingResponse(
        _chunks(buf),
        media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


SPOOL = 8 * 1024 * 1024  # bytes of an export kept in memory before it goes to a file


def _chunks(buf: IO[bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    with buf:
        while chunk := buf.read(size):
            yield chunk


@router.post(
    "/ingest",
    dependencies=[Depends(require_token)],
    openapi_extra={
        "requestBody": {
            "description": "Files (multipart field `files`), or one JSON article "
            "`{text, url, title, date, source}` (or a list of them).",
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                            }
                        },
                    }
                },
                "application/json": {"schema": {"type": "object"}},
            },
        }
    },
)
async def ingest(request: Request) -> dict[str, Any]:
    """Store new articles (needs the token); answers as `dossier ingest --json`."""
    conf = settings(request)
    return await ingest_upload(request, conf.max_upload, lambda paths: _ingest(request, paths))


def _ingest_sync(request: Request, paths: list[str]) -> dict[str, Any]:
    with open_db(request) as db:
        report = db.ingest(paths, workers=1)
    if report.failures and not (report.added or report.duplicates or report.unchanged):
        raise InputError("; ".join(f.describe() for f in report.failures))
    return {
        "added": report.added,
        "duplicates": [vars(s) for s in report.duplicates],
        "unchanged": report.unchanged,
        "failures": [vars(f) for f in report.failures],
        "resumed": report.resumed,
    }


async def _ingest(request: Request, paths: list[str]) -> dict[str, Any]:
    return await run_in_threadpool(_ingest_sync, request, paths)


# -------------------------------------------------------------------- curation
class MarkBody(BaseModel):
    verdict: Literal["wrong", "confirmed"]


Writer = Annotated[str, Depends(require_token)]


@router.post("/timeline/{timeline_id}/mark")
def mark(request: Request, timeline_id: str, body: MarkBody, by: Writer) -> dict[str, Any]:
    """Mark a row wrong or confirmed (needs the token); answers the audit row."""
    with open_db(request) as db:
        return db.mark(timeline_id, body.verdict, by).as_json()


@router.delete("/articles/{article_id}")
def delete_article(request: Request, article_id: str, by: Writer) -> dict[str, Any]:
    """Delete an article and everything derived from it (needs the token; undoable)."""
    with open_db(request) as db:
        return db.delete_article(article_id, by).as_json()


class MergeBody(BaseModel):
    into: str  # the entity the one in the path is merged into


class SplitBody(BaseModel):
    mentions: list[str] = []
    alias: str | None = None
    name: str | None = None


class MoveBody(BaseModel):
    row: str  # the timeline row (id or unique prefix) the event mention moves to


@router.post("/entities/{entity_id}/merge")
def merge(request: Request, entity_id: str, body: MergeBody, by: Writer) -> dict[str, Any]:
    """Merge this entity into `into` (needs the token; undoable); answers the audit row."""
    with open_db(request) as db:
        return db.merge_entities(entity_id, body.into, by).as_json()


@router.post("/entities/{entity_id}/split")
def split(request: Request, entity_id: str, body: SplitBody, by: Writer) -> dict[str, Any]:
    """Split mentions (ids, or every one written as `alias`) off this entity into a new
    one called `name` (needs the token; undoable); answers the audit row."""
    with open_db(request) as db:
        return db.split_entity(entity_id, body.mentions, body.alias, body.name, by).as_json()


@router.post("/events/{event_id}/move")
def move(request: Request, event_id: str, body: MoveBody, by: Writer) -> dict[str, Any]:
    """Move an event mention into another timeline row (needs the token; undoable)."""
    with open_db(request) as db:
        return db.move_event(event_id, body.row, by).as_json()


@router.get("/curation")
def curation(request: Request) -> dict[str, Any]:
    """Every curation change, oldest first, undone ones too (the audit)."""
    with open_db(request) as db:
        items = [c.as_json() for c in db.curation_log()]
    return {"items": items, "total": len(items), "limit": None, "offset": 0}


@router.post("/curation/{change_id}/undo")
def undo(request: Request, change_id: int, by: Writer) -> dict[str, Any]:
    """Undo one curation change (needs the token); it stays in the audit, undone."""
    with open_db(request) as db:
        return db.undo(change_id, by).as_json()
