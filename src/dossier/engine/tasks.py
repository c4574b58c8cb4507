"""The task an engine runs (see :mod:`dossier.engine`): a chunk of articles annotated, a
failure for one that breaks, with the seconds each stage took. The same annotation runs in
this process (:func:`annotate_here`) and in a worker process of the local pool or on a
Dask worker (:func:`worker_task`); a pool process loads the model once, in
:func:`worker_init`."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.errors import DossierError
from dossier.records import Annotations, Article, IngestFailure
from dossier.timing import Stages


def annotate_here(articles: Sequence[Article], stages: Stages) -> list[Annotations | IngestFailure]:
    """Annotations of each article in this process (a failure for one that breaks)."""
    from dossier.annotate import annotate

    out: list[Annotations | IngestFailure] = []
    try:
        out.extend(annotate(articles, stages=stages))
        return out
    except DossierError:
        raise
    except Exception:  # one bad article must not sink the others: retry one by one
        out = []
    for article in articles:
        try:
            out.extend(annotate([article], stages=stages))
        except DossierError:
            raise
        except Exception as exc:
            out.append(IngestFailure(article.path, "annotate", _why(exc)))
    return out


def _why(exc: Exception) -> str:
    """An annotator's exception as a reason a user can act on (spaCy's raw codes never
    reach the user)."""
    text = str(exc)
    if "[E088]" in text:
        return (
            "the text is longer than the parser takes in one piece: lower "
            "$DOSSIER_PART_CHARS (it is parsed in parts of that many characters)"
        )
    if isinstance(exc, MemoryError):
        return "out of memory annotating it: lower $DOSSIER_MAX_CHARS or split the text"
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first[:300]}"


def worker_init() -> None:
    from dossier.annotate import nlp

    nlp.load()


def worker_task(
    articles: list[Article],
) -> tuple[list[Annotations | IngestFailure], dict[str, float]]:
    stages = Stages()
    return annotate_here(articles, stages), stages.seconds
