"""One error shape for every failure: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from dossier.errors import DossierError

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


class Unauthorized(DossierError):
    """A write came without the server's token."""

    code = "unauthorized"
    http_status = 401


class TooLarge(DossierError):
    """An upload is over the server's size limit."""

    code = "too_large"
    http_status = 413


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


PAGELESS = ("/api", "/openapi.json", "/static")


def _reply(request: Request, status: int, code: str, message: str) -> Response:
    """The JSON error; a page asked for in a browser gets the same error as a page."""
    path = request.url.path
    if not path.startswith(PAGELESS) and "text/html" in request.headers.get("accept", ""):
        from dossier.serve.templating import render

        return render("error.html", status, code=code, message=message, title="Error")
    return JSONResponse(error_body(code, message), status_code=status)


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def install(app: FastAPI) -> None:
    """Answer every failure in the one shape, with the right status."""

    @app.exception_handler(DossierError)
    async def dossier_error(request: Request, exc: DossierError) -> Response:
        return _reply(request, exc.http_status, exc.code, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}: see /docs for the routes"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}: see /docs"
        return _reply(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return _reply(request, 422, "validation_error", f"invalid request ({problems}): see /docs")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return _reply(request, 500, "internal_error", f"the server failed ({type(exc).__name__})")
