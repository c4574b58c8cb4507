"""The ingest pipeline: one stream of batches, read -> prepare -> dedup -> annotate -> store
-> resolve, each batch one transaction.

Inputs are read lazily (a 100k-line JSON Lines file is never held whole). A batch's
articles are annotated (in this process, or in ``workers`` processes that each load the
model once), then stored with their annotations, sightings and failures, and resolved,
in one transaction: an interruption loses at most the batch in flight, and nothing is
left half-done. An article annotation fails for is not stored (its failure is), so no
later ingest trips over it again. A store with unannotated articles (from an older
dossier) has them annotated first: "resumed N unannotated articles".
"""

from __future__ import annotations

import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TextIO

from dossier.engine import Engine
from dossier.engine.tasks import annotate_here, worker_init, worker_task
from dossier.errors import DossierError
from dossier.ingest import prepare, read_inputs
from dossier.ingest.dedup import NearDuplicateIndex, signature
from dossier.ingest.language import ENGLISH
from dossier.ingest.web import FetchPolicy
from dossier.records import Annotations, Article, IngestFailure, RawDocument, Sighting
from dossier.settings import Limits
from dossier.store import Store
from dossier.store.sql_record import now
from dossier.timing import Stages

Progress = Callable[[str, int, int | None], None]  # (phase, done, total or None)
Annotator = Callable[[Sequence[Article], Stages], list[Annotations | IngestFailure]]
BATCH = 32  # articles per transaction
RUNNING = "ingest_running"  # meta flag: the start time of the ingest under way
CHUNK = 8  # articles per task sent to a worker process


@dataclass
class IngestReport:
    """What one ``ingest`` call did."""

    added: list[str] = field(default_factory=list)  # ids of newly stored articles
    duplicates: list[Sighting] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # paths already stored as they are
    failures: list[IngestFailure] = field(default_factory=list)
    not_annotated: list[tuple[str, str]] = field(default_factory=list)  # (path, language)
    stopped: bool = False  # stopped on request (Ctrl-C in watch) between articles
    resumed: int = 0  # unannotated articles found in the store and annotated
    interrupted_at: str | None = None  # when the ingest this one resumes began (killed)
    kept: list[str] = field(default_factory=list)  # paths that interrupted ingest stored
    rebuilt: bool = False  # the resolution state was rebuilt first (an older store)
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@dataclass(frozen=True)
class _Mark:
    """The mark of a running ingest: when it started, on which host, in which process."""

    start: str
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)

    @classmethod
    def read(cls, value: str | None) -> _Mark | None:
        if not value:
            return None
        start, _, rest = value.partition("|")
        host, _, pid = rest.partition("|")
        if not host or not pid.isdigit():
            return cls(start, "", 0)  # an older dossier's mark: a bare start time
        return cls(start, host, int(pid))

    def value(self) -> str:
        return f"{self.start}|{self.host}|{self.pid}"

    def alive(self) -> bool:
        """Whether the ingest that left the mark is still running (on this host)."""
        if self.host != socket.gethostname() or self.pid <= 0 or self.pid == os.getpid():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # a process of another user: alive
        return True


@dataclass
class _Batch:
    fresh: list[tuple[Article, bytes]] = field(default_factory=list)
    sightings: list[Sighting] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    feed_items: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    results: list[Annotations | IngestFailure] = field(default_factory=list)
    futures: list[Future[tuple[list[Annotations | IngestFailure], dict[str, float]]]] = field(
        default_factory=list
    )


class Pipeline:
    def __init__(
        self,
        store: Store,
        workers: int = 1,
        progress: Progress | None = None,
        limits: Limits | None = None,
        annotator: Annotator | None = None,
        batch_size: int = BATCH,
        policy: FetchPolicy | None = None,
        stop: Callable[[], bool] | None = None,
        engine: str | Engine | None = None,
    ) -> None:
        self.store = store
        self.workers = workers
        self.progress = progress
        self.limits = limits or Limits.from_env()
        self.annotator = annotator
        self.batch_size = batch_size
        self.policy = policy or FetchPolicy(limits=self.limits)
        self.stop = stop  # asked between articles: True ends the ingest there, cleanly
        # a Dask address (tcp://HOST:PORT or local:N), or an engine already started (kept
        # running at the end: its owner shuts it down), else None
        self.engine = engine
        self.stages = Stages()
        self.report = IngestReport()
        self._done = 0
        self._pool: ProcessPoolExecutor | Engine | None = None
        self._window = 2  # batches annotated ahead of the one being stored
        self._unchanged: list[tuple[str, str]] = []  # (path, id) of inputs stored as they are

    # ------------------------------------------------------------------ running
    def run(self, inputs: Sequence[str], stdin: TextIO | None = None) -> IngestReport:
        """Ingest files, folders, globs or ``-`` (stdin)."""
        return self.run_documents(self._read(inputs, stdin))

    def run_documents(self, items: Iterable[RawDocument | IngestFailure]) -> IngestReport:
        """Ingest documents already read (a feed, a generated corpus)."""
        from dossier.resolution import rebuild

        if self.store.flag("rebuild"):
            rebuild(self.store, self.stages, stories=True)
            self.store.set_flag("rebuild", None)
            self.report.rebuilt = True
        # An ingest marks the store while it runs (its start, host and process); a mark
        # left behind is an ingest that was killed (its committed batches are kept, the
        # rest is read again now). The mark keeps the start of the first of several killed
        # ingests in a row. A mark of an ingest still running on this machine is another
        # ingest at work beside this one: neither an interruption nor this one's to clear.
        mark = _Mark.read(self.store.flag(RUNNING))
        owns_mark = mark is None or not mark.alive()
        if mark is not None and owns_mark:
            self.report.interrupted_at = mark.start
        if owns_mark:
            start = mark.start if mark is not None else now()
            self.store.set_flag(RUNNING, _Mark(start).value())
        owned = True
        if self.engine is not None and self.annotator is None:
            from dossier.engine import open_engine

            if isinstance(self.engine, str):
                engine = open_engine(self.engine)
            else:
                engine, owned = self.engine, False
            self._pool = engine
            # enough batches in flight to keep every worker busy
            self._window = max(2, -(-engine.workers * CHUNK // self.batch_size) + 1)
        elif self.workers > 1 and self.annotator is None:
            import multiprocessing

            self._pool = ProcessPoolExecutor(
                self.workers, multiprocessing.get_context("spawn"), initializer=worker_init
            )
        try:
            self._resume()
            self._stream(items)
        finally:
            if self._pool is not None and owned:
                self._pool.shutdown(cancel_futures=True)
        if self.report.interrupted_at is not None:
            self._split_kept(self.report.interrupted_at)
        if owns_mark:
            self.store.set_flag(RUNNING, None)
        self.report.stages = self.stages.rounded()
        return self.report

    def _split_kept(self, since: str) -> None:
        """Of the inputs found stored as they are, those the interrupted ingest stored."""
        by_path = dict(self._unchanged)
        kept = self.store.ingested_since(list(by_path.values()), since)
        self.report.kept = [p for p, i in self._unchanged if i in kept]
        self.report.unchanged = [p for p, i in self._unchanged if i not in kept]

    def _tick(self, n: int = 1) -> None:
        self._done += n
        if self.progress is not None:
            self.progress("annotate", self._done, None)

    def _read(
        self, inputs: Sequence[str], stdin: TextIO | None
    ) -> Iterator[RawDocument | IngestFailure]:
        items = iter(
            read_inputs(
                list(inputs),
                stdin=stdin,
                limits=self.limits,
                policy=self.policy,
                seen=self.store.feed_items_seen,
            )
        )
        while True:
            with self.stages.time("read"):
                item = next(items, None)
            if item is None:
                return
            yield item

    def _resume(self) -> None:
        """Annotate and resolve articles a store holds unannotated."""
        ids = self.store.unannotated_ids()
        if not ids:
            return
        self.report.resumed = len(ids)
        for start in range(0, len(ids), self.batch_size):
            articles = self.store.articles(ids[start : start + self.batch_size])
            batch = _Batch()
            batch.results = self._annotate_now(articles)
            self._commit(batch, stored=articles)

    def _stream(self, items: Iterable[RawDocument | IngestFailure]) -> None:
        pending: deque[_Batch] = deque()
        index = NearDuplicateIndex(
            candidates=self.store.band_candidates, lookup=lambda ids: self.store.minhashes(ids)
        )
        seen: dict[str, str] = {}  # id -> path, of the articles of the pending batches
        batch = _Batch()
        for item in items:
            self._take(item, batch, index, seen)
            if self.stop is not None and self.stop():
                self.report.stopped = True
                break
            # inputs found stored count too: a re-run after a kill cuts the same batches
            # as the run it resumes, so the record is the one an uncut run makes
            filled = len(batch.fresh) + len(batch.sightings) + len(batch.failures)
            if filled + len(batch.unchanged) >= self.batch_size:
                self._start(batch, pending)
                batch = _Batch()
                while len(pending) > (self._window if self._pool is not None else 0):
                    self._finish(pending.popleft())
                if not pending:
                    index = NearDuplicateIndex(
                        candidates=self.store.band_candidates,
                        lookup=lambda ids: self.store.minhashes(ids),
                    )
                    seen.clear()
        self._start(batch, pending)
        while pending:
            self._finish(pending.popleft())

    def _take(
        self,
        item: RawDocument | IngestFailure,
        batch: _Batch,
        index: NearDuplicateIndex,
        seen: dict[str, str],
    ) -> None:
        if isinstance(item, IngestFailure):
            batch.failures.append(item)
            return
        with self.stages.time("read"):
            if len(item.text) > 2 * self.limits.max_chars:  # too long even once cleaned
                batch.failures.append(self._too_long(item, len(item.text)))
                return
            try:
                article = prepare(item)
            except DossierError as exc:
                batch.failures.append(IngestFailure(item.path, "clean", str(exc), item.line))
                return
            if len(article.text) > self.limits.max_chars:
                batch.failures.append(self._too_long(item, len(article.text)))
                return
            stored = self.store.article_paths([article.id]).get(article.id)
            if stored is not None or article.id in seen:
                _feed_item(batch, item, article.id)
                if stored is not None and stored == article.path:
                    batch.unchanged.append(article.path)
                    self._unchanged.append((article.path, article.id))
                    return
                batch.sightings.append(_sighting(article.id, article, "exact", 1.0))
                return
            sig = signature(article.text)
            near = index.find(sig)
            if near is not None:
                _feed_item(batch, item, near[0])
                batch.sightings.append(_sighting(near[0], article, "near", near[1]))
                return
            _feed_item(batch, item, article.id)
            index.add(article.id, sig)
            seen[article.id] = article.path
            batch.fresh.append((article, sig))

    def _too_long(self, item: RawDocument, n: int) -> IngestFailure:
        return IngestFailure(
            item.path,
            "limits",
            f"{n:,} characters, over the limit of {self.limits.max_chars:,}: split the "
            "text, or raise $DOSSIER_MAX_CHARS",
            item.line,
        )

    def _start(self, batch: _Batch, pending: deque[_Batch]) -> None:
        """Send a batch's articles to be annotated (now, or to the workers). An article
        not in English is stored with no annotations: the models read English only."""
        articles = []
        for a, _ in batch.fresh:
            if a.language not in (None, ENGLISH):
                batch.results.append(Annotations(a.id))
                self.report.not_annotated.append((a.path, a.language))
            else:
                articles.append(a)
        if self._pool is not None:
            for start in range(0, len(articles), CHUNK):
                batch.futures.append(
                    self._pool.submit(worker_task, articles[start : start + CHUNK])
                )
        else:
            batch.results.extend(self._annotate_now(articles))
        pending.append(batch)

    def _annotate_now(self, articles: Sequence[Article]) -> list[Annotations | IngestFailure]:
        """Annotate in this process; progress moves per article."""
        if not articles:
            return []
        if self.annotator is not None:
            out = self.annotator(articles, self.stages)
            self._tick(len(articles))
            return out
        from dossier.annotate import annotate

        done: list[Annotations | IngestFailure] = []
        try:
            for ann in annotate(articles, stages=self.stages):
                done.append(ann)
                self._tick()
            return done
        except DossierError:
            raise
        except Exception:  # one bad article must not sink the others: the rest one by one
            rest = articles[len(done) :]
        for article in rest:
            done.extend(annotate_here([article], self.stages))
            self._tick()
        return done

    def _finish(self, batch: _Batch) -> None:
        for fut in batch.futures:
            results, seconds = fut.result()
            batch.results.extend(results)
            self.stages.merge(seconds)
            self._tick(len(results))
        self._commit(batch)

    def _commit(self, batch: _Batch, stored: Sequence[Article] = ()) -> None:
        """Store a batch (articles with their annotations, sightings, failures) and resolve
        it, in one transaction."""
        from dossier.resolution import resolve_new

        fresh = {a.id: (a, sig) for a, sig in batch.fresh}
        good: list[Annotations] = []
        failures = list(batch.failures)
        for result in batch.results:
            if isinstance(result, IngestFailure):
                failures.append(result)
            else:
                good.append(result)
        failed_paths = {f.path for f in failures}
        keep = [fresh[a.article_id] for a in good if a.article_id in fresh]
        kept = {a.id for a, _ in keep} | {a.id for a in stored}
        sightings = []
        for s in batch.sightings:
            if s.article_id in kept or self.store.has_article(s.article_id):
                sightings.append(s)
            elif s.path not in failed_paths:
                failures.append(
                    IngestFailure(s.path, "annotate", "a copy of an article that failed above")
                )
        # a feed item is remembered with what it became, so a failed one is tried again
        known = kept | {s.article_id for s in sightings}
        items = [f for f in batch.feed_items if f[3] in known or f[3] not in fresh]
        if not (keep or stored or sightings or failures or items):
            self.report.unchanged.extend(batch.unchanged)
            return
        with self.store.transaction():
            with self.stages.time("store"):
                # another ingest may have stored some of these since they were read: they
                # are duplicates now (checked under the write lock, so never stored twice)
                keep, late, unchanged = self._stored_meanwhile(keep)
                if late or unchanged:
                    kept = {a.id for a, _ in keep} | {a.id for a in stored}
                    sightings.extend(late)
                    batch.unchanged.extend(unchanged)
                    items = [f for f in items if f[3] in kept or f[3] not in fresh]
                for f in failures:
                    self.store.put_failure(f)
                self.store.put_articles(keep)
                for ann in good:
                    if ann.article_id in kept:
                        self.store.put_annotations(ann)
                for s in sightings:
                    self.store.put_sighting(s)
                self.store.put_feed_items(items)
            resolve_new(self.store, [a.id for a, _ in keep] + [a.id for a in stored], self.stages)
        self.report.added.extend(a.id for a, _ in keep)
        self.report.duplicates.extend(sightings)
        self.report.unchanged.extend(batch.unchanged)
        self.report.failures.extend(failures)

    def _stored_meanwhile(
        self, keep: list[tuple[Article, bytes]]
    ) -> tuple[list[tuple[Article, bytes]], list[Sighting], list[str]]:
        """Of the articles about to be stored, those a concurrent ingest stored (or stored a
        near copy of) after they were read: (still to store, sightings, unchanged paths)."""
        if not keep:
            return keep, [], []
        paths = self.store.article_paths([a.id for a, _ in keep])
        index = NearDuplicateIndex(
            candidates=self.store.band_candidates, lookup=lambda ids: self.store.minhashes(ids)
        )
        out: list[tuple[Article, bytes]] = []
        late: list[Sighting] = []
        unchanged: list[str] = []
        for article, sig in keep:
            path = paths.get(article.id)
            if path == article.path:
                unchanged.append(article.path)
            elif path is not None:
                late.append(_sighting(article.id, article, "exact", 1.0))
            elif sig and (near := index.find(sig)) is not None:
                late.append(_sighting(near[0], article, "near", near[1]))
            else:
                out.append((article, sig))
        return out, late, unchanged


def _feed_item(batch: _Batch, item: RawDocument, article_id: str) -> None:
    if item.feed is not None and item.item is not None:
        batch.feed_items.append((item.feed, item.item, item.url, article_id))


def _sighting(target: str, article: Article, kind: str, similarity: float) -> Sighting:
    return Sighting(
        target,
        article.path,
        kind,  # type: ignore[arg-type]
        similarity,
        article.url,
        article.source,
        article.title,
        article.published,
    )
