"""Many workers on one PostgreSQL: files queued by content hash in Procrastinate, each stored by corpus.ingest_file.

The queue lives in the corpus database (Procrastinate's tables beside ours; no broker). A job is one file
(path, sha256): `queueing_lock` = sha256 keeps a file queued once, `lock` = sha256 keeps two workers off the
same bytes, and store_document is idempotent by sha256 besides. A worker killed mid-document stops sending
heartbeats; after `stalled_after` seconds any live worker puts its job back in the queue.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError

import ingest

from .cards import recompute_conflicts
from .errors import CorpusError, db_reason
from .failures import list_failures
from .models import FigureRow
from .persons import recompute_person_keys
from .pipeline import ADDED, FAILED, UNCHANGED, expand_paths, ingest_file
from .store import document_id_for_sha

QUEUE = "ingest"
TASK = "saual.ingest_file"
CARDS_TASK = "saual.recompute_cards"  # one indicator's conflict cards, queued once however many files touch it
PERSONS_TASK = "saual.recompute_persons"  # person keys, queued once however many files add persons
STALLED_AFTER = 30.0  # seconds without a heartbeat before a worker's job is given to another
SCHEMA_LOCK = 0x5A0A_0001  # PostgreSQL advisory lock key: applying the queue schema

OnDone = Callable[[str, str, str], None]  # (path, status, reason) after each job


class IngestJobError(CorpusError):
    """A queued file could not be stored (its reason is recorded as a failed file too)."""


@dataclass
class EnqueueReport:
    """What `enqueue_paths` did: files queued, already stored (same bytes), already queued, unreadable."""

    queued: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    already_queued: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


@dataclass
class FailedJob:
    """A job that failed: its id, file, hash, attempts and the recorded reason (when the file's failure is kept)."""

    id: int
    path: str
    sha256: str
    attempts: int
    reason: str


@dataclass
class QueueStatus:
    """Jobs counted by status, and the failed ones."""

    counts: dict[str, int]
    failed: list[FailedJob]


def queue_conninfo(engine: Engine) -> str:
    """The libpq URL of the corpus database; the queue exists only on PostgreSQL."""
    url = engine.url
    if url.get_backend_name() != "postgresql":
        raise CorpusError(f"the queue needs PostgreSQL (SAUAL_DATABASE_URL=postgresql://…), "
                          f"not {url.get_backend_name()}: {url.render_as_string(hide_password=True)}")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_queue_schema(engine: Engine) -> bool:
    """Create Procrastinate's tables when missing, under an advisory lock (workers may start together);
    True when this call created them."""
    from procrastinate.schema import SchemaManager

    queue_conninfo(engine)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
            if conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar() is not None:
                return False
            conn.connection.driver_connection.execute(SchemaManager.get_schema())
            return True
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot create the queue's tables: {db_reason(exc)}") from exc
    except Exception as exc:
        raise CorpusError(f"cannot create the queue's tables: {str(exc).strip().splitlines()[0]}") from exc


@dataclass
class FileOutcome:
    """What one queued file did: status, reason, and whether (and which indicators') cards need recomputing."""

    status: str
    reason: str = ""
    indicators: set[str] = field(default_factory=set)
    refresh: bool = False  # a document went in (or a retry found it in): recompute cards and person keys


def queue_app(engine: Engine, on_done: OnDone | None = None) -> Any:
    """A Procrastinate App on the corpus database with its tasks: one file, one indicator's cards, person keys."""
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=queue_conninfo(engine)))

    @app.task(name=TASK, queue=QUEUE, pass_context=True)
    def ingest_file_task(context: Any, path: str, sha256: str) -> str:
        outcome = process_file(engine, path, sha256, retried=context.job.attempts > 0)
        if outcome.refresh:
            defer_recompute(app, outcome.indicators)
        if on_done:
            on_done(path, outcome.status, outcome.reason)
        if outcome.status == FAILED:
            raise IngestJobError(f"{path}: {outcome.reason}")
        return outcome.status

    @app.task(name=CARDS_TASK, queue=QUEUE)
    def recompute_cards_task(indicator: str) -> None:
        recompute_conflicts(engine, [indicator])

    @app.task(name=PERSONS_TASK, queue=QUEUE)
    def recompute_persons_task() -> None:
        recompute_person_keys(engine)

    return app


def defer_recompute(app: Any, indicators: Iterable[str]) -> None:
    """Queue the cards of each indicator and the person keys, unless such a job already waits (it will read
    this file's rows when it runs); one lock each, so two workers never rewrite the same rows at once."""
    from procrastinate import exceptions

    jobs = [(CARDS_TASK, f"cards:{i}", "cards", {"indicator": i}) for i in sorted(indicators)]
    for task, queueing_lock, lock, kwargs in [*jobs, (PERSONS_TASK, "persons", "persons", {})]:
        try:
            app.tasks[task].configure(queueing_lock=queueing_lock, lock=lock).defer(**kwargs)
        except exceptions.AlreadyEnqueued:
            pass


def process_file(engine: Engine, path: str, sha256: str, retried: bool = False) -> FileOutcome:
    """Store one queued file unless its bytes are already stored (corpus.ingest_file, failures recorded).

    A retried job whose file is already stored (its worker died after storing) still refreshes its cards."""
    try:
        stored = document_id_for_sha(engine, sha256)
        if stored is not None:
            return FileOutcome(UNCHANGED, "", _indicators(engine, stored) if retried else set(), retried)
    except SQLAlchemyError as exc:
        return FileOutcome(FAILED, f"cannot look the file up: {db_reason(exc)}")
    touched: set[str] = set()
    status, reason = ingest_file(engine, Path(path), touched)
    return FileOutcome(status, reason, touched, status == ADDED)


def _indicators(engine: Engine, document_id: int) -> set[str]:
    """The indicators of a stored document's figures."""
    stmt = select(FigureRow.indicator).where(FigureRow.document_id == document_id,
                                             FigureRow.indicator.is_not(None)).distinct()
    with engine.connect() as conn:
        return set(conn.execute(stmt).scalars())


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def enqueue_paths(engine: Engine, paths: Iterable[str | Path]) -> EnqueueReport:
    """Queue every file under `paths` by content hash (absolute paths: workers elsewhere read the same path)."""
    from procrastinate import exceptions

    ensure_queue_schema(engine)
    report = EnqueueReport()
    app = queue_app(engine)
    with app.open():
        task = app.tasks[TASK]
        for path in expand_paths(paths):
            name = str(Path(path).resolve())
            try:
                name.encode("utf-8")
                ingest.check_file(name)  # a regular file within the size limit: never a FIFO or a device
                sha = _sha256(Path(name))
            except UnicodeError:
                report.unreadable.append((ingest.shown_path(name), "the file name is not UTF-8: rename it to queue it"))
                continue
            except ingest.IngestError as exc:
                report.unreadable.append((ingest.shown_path(name), exc.reason))
                continue
            except (OSError, ValueError) as exc:
                report.unreadable.append((name, str(exc).splitlines()[0]))
                continue
            if document_id_for_sha(engine, sha) is not None:
                report.stored.append(name)
                continue
            try:
                task.configure(queueing_lock=sha, lock=sha).defer(path=name, sha256=sha)
                report.queued.append(name)
            except exceptions.AlreadyEnqueued:
                report.already_queued.append(name)
    return report


def run_worker(engine: Engine, *, wait: bool = True, stalled_after: float = STALLED_AFTER,
               name: str | None = None, on_done: OnDone | None = None) -> None:
    """Process queued files until stopped (SIGINT/SIGTERM), or with wait=False until no job is left to do
    (queued, or running on a live worker); jobs of workers silent for `stalled_after` s are retried."""
    ensure_queue_schema(engine)
    logging.getLogger("procrastinate").setLevel(logging.CRITICAL)  # failures are reported through on_done
    app = queue_app(engine, on_done)
    options = {"queues": [QUEUE], "name": name, "wait": wait, "update_heartbeat_interval": stalled_after / 3,
               "stalled_worker_timeout": stalled_after, "fetch_job_polling_interval": min(5.0, stalled_after / 3)}
    try:
        asyncio.run(_work(app, options, stalled_after))
    except CorpusError:
        raise
    except Exception as exc:
        raise CorpusError(f"the worker stopped: {type(exc).__name__}: {exc}".splitlines()[0]) from exc


async def _work(app: Any, options: dict, stalled_after: float) -> None:
    """Run the worker beside a stalled-job watcher; without waiting, go round until nothing is left to do.
    SIGINT/SIGTERM stop it for good: running jobs finish, no new round starts."""
    from procrastinate.worker import Worker

    stopping = asyncio.Event()
    current: list[Any] = []

    def stop() -> None:
        stopping.set()
        for worker in current:
            worker.stop()

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop)
    async with app.open_async():
        app.perform_import_paths()
        watcher = asyncio.create_task(_watch_stalled(app, stalled_after))
        try:
            while not stopping.is_set():
                current[:] = [Worker(app=app, install_signal_handlers=False, **options)]
                await current[0].run()
                if options["wait"] or await _nothing_left(app):
                    return
                await asyncio.sleep(min(1.0, stalled_after / 5))
        finally:
            watcher.cancel()


async def _nothing_left(app: Any) -> bool:
    """No job queued and none running (a running job may yet fail its worker and come back)."""
    for status in ("todo", "doing"):
        if await app.job_manager.list_jobs_async(queue=QUEUE, status=status):
            return False
    return True


async def _watch_stalled(app: Any, stalled_after: float) -> None:
    """Every so often, give the jobs of silent workers back to the queue."""
    while True:
        await retry_stalled(app, stalled_after)
        await asyncio.sleep(max(1.0, stalled_after / 2))


async def retry_stalled(app: Any, stalled_after: float = STALLED_AFTER) -> int:
    """Put back in the queue every job held by a worker without a heartbeat for `stalled_after` s; how many."""
    await app.job_manager.prune_stalled_workers(stalled_after)
    stalled = list(await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after))
    for job in stalled:
        await app.job_manager.retry_job(job)
    return len(stalled)


def queue_status(engine: Engine) -> QueueStatus:
    """File jobs counted by status, and the failed jobs (files, recomputations) with the reason recorded for their file."""
    ensure_queue_schema(engine)
    counts = dict.fromkeys(("todo", "doing", "succeeded", "failed"), 0)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT status::text, count(*) FROM procrastinate_jobs WHERE queue_name = :q "
                                     "AND task_name = :t GROUP BY status"), {"q": QUEUE, "t": TASK}).all()
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot count the queue's jobs: {db_reason(exc)}") from exc
    counts.update({status: n for status, n in rows})
    app = queue_app(engine)
    with app.open():
        jobs = app.job_manager.list_jobs(queue=QUEUE, status="failed")
    reasons = {f.path: f.reason for f in list_failures(engine)}
    failed = []
    for job in jobs:
        path = str(job.task_kwargs.get("path") or f"{job.task_name}({job.task_kwargs.get('indicator', '')})")
        failed.append(FailedJob(job.id, path, str(job.task_kwargs.get("sha256", "")), job.attempts,
                                reasons.get(path, "the worker raised an error")))
    return QueueStatus(counts, sorted(failed, key=lambda f: f.id))


def retry_failed_jobs(engine: Engine) -> int:
    """Put every failed job back in the queue; how many."""
    from procrastinate import utils

    ensure_queue_schema(engine)
    app = queue_app(engine)
    with app.open():
        failed = app.job_manager.list_jobs(queue=QUEUE, status="failed")
        for job in failed:
            app.job_manager.retry_job_by_id(job.id, utils.utcnow())
    return len(failed)
