"""The FastAPI app: the API under ``/api``, the pages, the vendored static files, and
``/docs`` (Swagger UI from the package's own copy, so nothing loads from a CDN)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import dossier
from dossier.serve import api_routes, errors, pages
from dossier.serve.context import MAX_UPLOAD, Settings
from dossier.serve.security import secure_headers

PACKAGE = Path(str(resources.files("dossier.serve")))


def create_app(
    db: str, token: str, token_name: str = "serve", max_upload: int = MAX_UPLOAD
) -> FastAPI:
    """The app over the store at ``db``; writes need ``token``."""
    app = FastAPI(
        title="dossier",
        version=dossier.__version__,
        description="A sourced record of a news story: timeline, events, quotes, entities.",
        docs_url=None,  # served by pages.docs from the vendored Swagger UI
        redoc_url=None,
    )
    app.state.settings = Settings(db, token, token_name, max_upload)
    app.middleware("http")(secure_headers)
    errors.install(app)
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static")
    return app
