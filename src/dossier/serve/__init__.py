"""``dossier serve``: the HTTP API and the web workspace over one store.

FastAPI and uvicorn load only when this package is imported, never at ``import dossier``.
"""

from __future__ import annotations

from dossier.serve.app import create_app

__all__ = ["create_app", "run"]


def run(
    db: str, token: str, host: str = "127.0.0.1", port: int = 8765, token_name: str = "serve"
) -> None:
    """Serve the store at ``db`` until interrupted; writes with ``token`` are audited as
    made by ``token_name``."""
    import uvicorn

    uvicorn.run(create_app(db, token, token_name), host=host, port=port, log_level="warning")
