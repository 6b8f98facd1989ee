"""Reading in a child process with a time and memory limit: one long-lived worker per process.

Why a worker and not a process per file: starting Python and importing the readers costs about half a
second, which a run pays once; a file that hangs or runs out of memory kills only the worker, which
is started again for the next file. Why not a thread: a thread stuck in a parser cannot be stopped.
"""

from __future__ import annotations

import atexit
import builtins
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .document import Document
from .errors import IngestError, shown_path
from .limits import Limits, setting_name
from .worker import HEADER, OUT_OF_MEMORY

_ROOT = Path(__file__).resolve().parent.parent  # started here, so `-m ingest.worker` finds this ingest


class Worker:
    """One `python -m ingest.worker` child: started on first use, killed on a timeout and restarted."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.owner = os.getpid()
        self.memory_mb = 0.0
        self.lock = threading.Lock()

    def read(self, path: str | os.PathLike, limits: Limits) -> Document:
        """The Document of `path` read by the worker, or IngestError (timeout, out of memory, crash)."""
        request = (os.fsdecode(path), os.getcwd(), dict(os.environ))
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        with self.lock:
            process = self._send(payload, limits)
            try:
                reply = self._reply(process, limits.timeout_s)
            except TimeoutError:
                self.stop()
                raise IngestError(shown_path(path), f"reading took longer than {limits.timeout_s:g} s "
                                                    f"({setting_name('timeout_s')}); stopped") from None
            except (OSError, EOFError, pickle.UnpicklingError):
                raise IngestError(shown_path(path), self._crash_reason(limits)) from None
            if reply[0] == "error" and reply[2].startswith(OUT_OF_MEMORY):
                self.stop()  # the next file gets a fresh worker, whatever the allocator kept
        return _result(reply)

    def _send(self, payload: bytes, limits: Limits) -> subprocess.Popen:
        """Hand the request to a running worker; one that died since the last file is started again."""
        for attempt in (1, 2):
            process = self._running(limits)
            try:
                process.stdin.write(HEADER.pack(len(payload)) + payload)
                process.stdin.flush()
                return process
            except OSError:
                self.stop()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _running(self, limits: Limits) -> subprocess.Popen:
        if self.owner != os.getpid():  # a forked copy of this process: the worker is the parent's
            self.process, self.owner = None, os.getpid()
        if self.process is not None and (self.process.poll() is not None or self.memory_mb != limits.memory_mb):
            self.stop()
        if self.process is None:
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(_ROOT),
                                                                            os.environ.get("PYTHONPATH")))))
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ingest.worker", str(limits.memory_mb)], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=_ROOT, start_new_session=True)
            self.memory_mb = limits.memory_mb
        return self.process

    def _reply(self, process: subprocess.Popen, timeout: float) -> tuple:
        deadline = time.monotonic() + timeout
        header = _read_exactly(process.stdout.fileno(), HEADER.size, deadline)
        (size,) = HEADER.unpack(header)
        return pickle.loads(_read_exactly(process.stdout.fileno(), size, deadline))

    def _crash_reason(self, limits: Limits) -> str:
        code = self.process.wait(timeout=10) if self.process is not None else None
        self.stop()
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return (f"the reader crashed ({name}); perhaps over the memory limit of {limits.memory_mb:g} MB "
                    f"({setting_name('memory_mb')})")
        return f"the reader stopped unexpectedly (exit code {code})"

    def stop(self) -> None:
        """Kill the worker and anything it started (its own process group)."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        process.wait()


def _read_exactly(fd: int, size: int, deadline: float) -> bytes:
    """`size` bytes from `fd` before `deadline` (TimeoutError), EOFError when the worker is gone."""
    chunks: list[bytes] = []
    left = size
    while left:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimeoutError
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _result(reply: tuple) -> Document:
    if reply[0] == "ok":
        return reply[1]
    if reply[0] == "error":
        raise IngestError(reply[1], reply[2])
    builtin = getattr(builtins, reply[1], None)  # a reader bug keeps its class name: `unexpected KeyError`
    if isinstance(builtin, type) and issubclass(builtin, Exception):
        raise builtin(reply[2])
    raise ReaderBug(reply[1], reply[2])


class ReaderBug(Exception):
    """An exception other than IngestError inside the worker: a bug, reported with its class name."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"{name}: {message}" if message else name)


_WORKER = Worker()
atexit.register(_WORKER.stop)


def worker_pid() -> int | None:
    """The process id of this process's reading worker, None before the first read (diagnostics)."""
    process = _WORKER.process
    return process.pid if process is not None and process.poll() is None else None


def stop_reader() -> None:
    """Stop (and wait for) this process's reading worker; a process that exits without atexit calls this."""
    _WORKER.stop()


def read_isolated(path: str | os.PathLike, limits: Limits) -> Document:
    """Read `path` in this process's worker, within the time and memory limits."""
    return _WORKER.read(path, limits)
