"""Writes need the token; every answer carries a Content-Security-Policy with no inline
scripts (and nothing from another origin). CORS is off: no CORS headers are sent."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from fastapi import Request, Response

from dossier.serve.context import settings
from dossier.serve.errors import Unauthorized

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
ENV_TOKEN = "DOSSIER_TOKEN"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def given_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-dossier-token")


def require_token(request: Request) -> str:
    """The token's name, or 401 when the request does not carry the server's token."""
    conf = settings(request)
    given = given_token(request)
    if not given or not secrets.compare_digest(given.encode(), conf.token.encode()):
        raise Unauthorized(
            "this call writes to the store and needs the token `dossier serve` printed "
            f"(or ${ENV_TOKEN}): send it as 'Authorization: Bearer TOKEN'"
        )
    return conf.token_name


async def secure_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
