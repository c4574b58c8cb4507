"""One base exception; each subclass's message says what to do about it."""

from __future__ import annotations


class DossierError(Exception):
    """Base class of every error dossier raises on purpose."""

    code = "dossier_error"
    http_status = 400


class InputError(DossierError):
    """An input path, file or record cannot be read. The message names it."""

    code = "bad_input"


class StoreError(DossierError):
    """The store cannot be opened or written. The message says which file and why."""

    code = "store_error"
    http_status = 500


class MigrationError(StoreError):
    """The store's schema is newer than this dossier, or a migration failed."""

    code = "migration_error"


class NotFound(DossierError):
    """A requested article, entity or event id does not exist."""

    code = "not_found"
    http_status = 404


class ModelError(DossierError):
    """A language model package is missing. The message says which package to install."""

    code = "model_missing"
    http_status = 500


class QueryError(DossierError):
    """A filter value is malformed (for example a date that is not ISO 8601)."""

    code = "bad_query"


class EngineError(DossierError):
    """The compute engine (a Dask cluster) cannot be reached or started. The message
    names it and says what to do."""

    code = "engine_error"
    http_status = 503


class ExportError(QueryError):
    """An export cannot be written: an unknown format or table, or an option the format
    does not take. The message lists what it does take."""

    code = "bad_export"
