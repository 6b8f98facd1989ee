"""`saual enqueue`, `saual worker`, `saual jobs`: many workers on one PostgreSQL through the corpus queue."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from . import common
from .common import DbOption

ENQUEUE_EPILOG = """[bold]Examples[/bold]

  export SAUAL_DATABASE_URL=postgresql://saual@db.example/saual

  saual enqueue /shared/inbox/          queue every file under the folder (by content hash)

  saual worker --concurrency 2          process queued files until stopped (on any machine)

Paths are stored absolute: a worker on another machine must see the file at the same path. PostgreSQL only."""

WORKER_EPILOG = """[bold]Examples[/bold]

  saual worker                          process queued files until SIGINT/SIGTERM

  saual worker --once                   stop when no job is left (queued or running on a live worker)

  saual worker --concurrency 4          four worker processes (models load once in each)

A worker killed mid-document leaves its job to another worker after --stalled-after seconds."""

JOBS_EPILOG = """[bold]Examples[/bold]

  saual jobs                            jobs by status, and the failed ones with their reason

  saual jobs --json

  saual jobs --retry-failed             queue the failed jobs again"""


def _queue_engine(db: str | None):
    """The corpus engine, refused (one line, exit 1) unless it is PostgreSQL."""
    import corpus

    engine = common.open_engine(db)
    try:
        corpus.queue_conninfo(engine)
    except corpus.CorpusError as exc:
        raise common.fatal(str(exc)) from None
    return engine


def enqueue_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", show_default=False,
                                                help="Files or folders (walked recursively as by saual ingest).")],
    db: DbOption = None,
) -> None:
    """Queue files for `saual worker` by content hash: a file already stored or already queued is not queued again."""
    import corpus

    files = common.expand_paths(paths)
    if not files:
        raise common.fatal("no files found in " + ", ".join(str(p) for p in paths))
    engine = _queue_engine(db)
    try:
        report = corpus.enqueue_paths(engine, files)
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None
    for path, reason in report.unreadable:
        common.say_error(common.failure_line(path, reason))
    skipped = len(report.already_queued) + len(report.unreadable)
    typer.echo(f"{len(files)} file{'s' if len(files) != 1 else ''}: {len(report.queued)} queued, "
               f"{len(report.stored)} already stored, {skipped} skipped ({len(report.already_queued)} already "
               f"queued, {len(report.unreadable)} unreadable)  ({common.shown_url(engine)})")
    raise typer.Exit(1 if report.unreadable else 0)


def _print_done(path: str, status: str, reason: str) -> None:
    """One stderr line per processed file: `status path`, or `path: reason` for a failure."""
    if status == "failed":
        common.say_error(common.failure_line(path, reason))
    else:
        common.say_error(f"{status:<9} {path}")


def _one_worker(db: str | None, wait: bool, stalled_after: float, name: str) -> None:
    """One worker process: its own engine and models, until stopped (or the queue is empty)."""
    import corpus

    engine = common.open_engine(db)
    corpus.run_worker(engine, wait=wait, stalled_after=stalled_after, name=name, on_done=_print_done)


def worker_command(
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1,
                                             help="Worker processes on this machine.")] = 1,
    once: Annotated[bool, typer.Option("--once", help="Stop when no job is left to do.")] = False,
    stalled_after: Annotated[float, typer.Option("--stalled-after", min=1.0, metavar="SECONDS",
                                                 help="Retry the job of a worker silent this long.")] = 30.0,
    db: DbOption = None,
) -> None:
    """Process queued files: read, analyse, store each one (the same path as saual ingest), until stopped."""
    import corpus

    engine = _queue_engine(db)
    try:
        corpus.ensure_queue_schema(engine)
    except corpus.CorpusError as exc:
        raise common.fatal(str(exc)) from None
    corpus.close_engine(db)  # each process opens its own connections
    name = f"{os.uname().nodename}-{os.getpid()}"
    if concurrency == 1:
        _run(lambda: _one_worker(db, not once, stalled_after, name))
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_child, args=(db, not once, stalled_after, f"{name}-{i}"))
                for i in range(concurrency)]
    for child in children:
        child.start()
    try:
        for child in children:
            child.join()
    except KeyboardInterrupt:
        for child in children:
            child.join()
    raise typer.Exit(max(child.exitcode or 0 for child in children))


def _child(db: str | None, wait: bool, stalled_after: float, name: str) -> None:
    """A spawned worker process: exits 1 with one line when the worker fails."""
    try:
        _run(lambda: _one_worker(db, wait, stalled_after, name))
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None


def _run(work) -> None:
    """Run a worker; a library failure is one line and exit 1."""
    try:
        work()
    except typer.Exit:
        raise
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None


def jobs_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Queue the failed jobs again.")] = False,
    db: DbOption = None,
) -> None:
    """Count the queue's jobs by status and list the failed ones with their reason."""
    import corpus

    engine = _queue_engine(db)
    try:
        if retry_failed:
            n = corpus.retry_failed_jobs(engine)
            common.say_error(f"{n} failed job{'s' if n != 1 else ''} queued again")
        status = corpus.queue_status(engine)
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None
    out = common.stdout_console()
    if as_json:
        failed = [{"id": f.id, "path": f.path, "sha256": f.sha256, "attempts": f.attempts, "reason": f.reason}
                  for f in status.failed]
        out.print_json(json.dumps({"counts": status.counts, "failed": failed}, ensure_ascii=False))
        return
    out.print("  ".join(f"{k} {v}" for k, v in status.counts.items()), highlight=False, markup=False)
    for f in status.failed:
        out.print(f"job {f.id}: {common.failure_line(f.path, f.reason)}  ({f.attempts} attempt{'s' if f.attempts != 1 else ''})",
                  highlight=False, markup=False)
