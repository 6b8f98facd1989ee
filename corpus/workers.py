"""Reading and analysis in N worker processes, storing in this one (`saual ingest --workers N`).

Each worker loads the models once and then reads (through its own isolated reader: ingest.isolation) and
analyses one file after another; this process hashes, skips stored bytes and stores the results in the
order of the files, so the rows are those of a one-process run. A worker that dies is replaced; a file
in flight during two deaths fails alone.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.util
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Self

from sqlalchemy import Engine

from .pipeline import FAILED, Prepared, analyse, prepare_file

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WORKER_DIED = "the analysing worker process stopped unexpectedly (twice, with this file in it)"


def _start_worker(parent: int) -> None:
    """A worker: it dies with its parent (even a `kill -9`ed one); Ctrl-C is the parent's to handle; the
    models load now, once."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import ingest

    multiprocessing.util.Finalize(None, ingest.stop_reader, exitpriority=10)  # a pool worker exits without atexit
    from nlp.models import load_kazakh_ner
    from nlp.ru.model import tagger

    load_kazakh_ner()
    tagger()


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent goes (PR_SET_PDEATHSIG), so no worker outlives a killed run."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a worker left behind still ends when its parent's pipe closes
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


class WorkerPool:
    """N analysing processes (fork: they share this process's imports), started on entry, stopped on exit."""

    def __init__(self, workers: int):
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None and self.executor is not None:  # done: the workers exit and stop their readers
            self.executor.shutdown(wait=True)
            self.executor = None
        self.stop()

    def start(self) -> None:
        """Start (or restart) the worker processes."""
        context = multiprocessing.get_context("fork")
        self.executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                            initargs=(os.getpid(),))

    def stop(self) -> None:
        """Stop the workers without waiting for queued files (Ctrl-C, or the end of a run)."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        processes = list((executor._processes or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join(timeout=10)

    def submit(self, prepared: Prepared) -> Future:
        """Analyse one file in a worker."""
        return self.executor.submit(analyse, prepared)


def prepared_files(engine: Engine, files: Iterable[Path], workers: int = 1,
                   on_start: Callable[[Path], None] | None = None) -> Iterator[Prepared]:
    """Every file prepared for `store_prepared`, in the order given: hashed, skipped when stored, else read and
    analysed (in this process with one worker, else in `workers` processes, a few files ahead)."""
    if workers <= 1:
        for path in files:
            if on_start:
                on_start(path)
            prepared = prepare_file(engine, path)
            yield prepared if prepared.status else analyse(prepared)
        return
    with WorkerPool(workers) as pool:
        yield from _pooled(engine, files, pool, on_start)


def _pooled(engine: Engine, files: Iterable[Path], pool: WorkerPool,
            on_start: Callable[[Path], None] | None) -> Iterator[Prepared]:
    """Keep 2 × workers files in flight; yield them in order; a broken pool is restarted and its files resent."""
    ahead = 2 * pool.workers
    flight: deque[tuple[Prepared, Future | None]] = deque()
    deaths: dict[Path, int] = {}
    source = iter(files)
    while True:
        while len(flight) < ahead and (path := next(source, None)) is not None:
            prepared = prepare_file(engine, path)
            flight.append((prepared, None if prepared.status else pool.submit(prepared)))
        if not flight:
            return
        prepared, future = flight.popleft()
        if on_start:
            on_start(prepared.path)
        if future is None:
            yield prepared
            continue
        try:
            yield future.result()
        except BrokenProcessPool:
            yield _after_death(pool, flight, prepared, deaths)


def _after_death(pool: WorkerPool, flight: deque, prepared: Prepared, deaths: dict[Path, int]) -> Prepared:
    """A worker died: restart the pool, resend the files in flight; this file fails on its second death."""
    pool.stop()
    pool.start()
    for item in [prepared, *(p for p, _ in flight)]:
        deaths[item.path] = deaths.get(item.path, 0) + 1
    resent = deque((p, pool.submit(p) if f is not None else None) for p, f in flight)
    flight.clear()
    flight.extend(resent)
    if deaths[prepared.path] >= 2:
        return Prepared(prepared.path, prepared.sha, FAILED, WORKER_DIED)
    future = pool.submit(prepared)
    try:
        return future.result()
    except BrokenProcessPool:
        return _after_death(pool, flight, prepared, deaths)
