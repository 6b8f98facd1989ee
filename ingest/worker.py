"""The reading worker's side (`python -m ingest.worker MEMORY_MB`): read files on request, reply with
Documents. Its address space is capped (RLIMIT_AS), so a zip bomb or a runaway parser fails here.

Protocol on stdin/stdout: 8-byte big-endian length, then a pickle. A request is (path, cwd, environ);
a reply is ("ok", Document) or ("error", path, reason). stdout is kept for replies only: anything a
library prints goes to stderr.
"""

from __future__ import annotations

import os
import pickle
import resource
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct(">Q")
OUT_OF_MEMORY = "out of memory"


def send(stream: BinaryIO, message: object) -> None:
    """Write one length-prefixed pickle and flush."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: BinaryIO) -> object | None:
    """Read one length-prefixed pickle; None at end of input."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    return pickle.loads(stream.read(size))


def handle(request: tuple[str, str, dict[str, str]]) -> tuple:
    """Read one file as the parent would (its environment and folder): the reply to send."""
    from .errors import IngestError, shown_path
    from .limits import current_limits
    from .read import read_local

    path, cwd, environ = request
    os.environ.clear()
    os.environ.update(environ)
    try:
        os.chdir(cwd)
        return ("ok", read_local(path))
    except IngestError as exc:
        return ("error", exc.path, exc.reason)
    except MemoryError:
        limit = current_limits().memory_mb
        reason = f"{OUT_OF_MEMORY}: reading needs more than {limit:g} MB (SAUAL_READ_MEMORY_MB)"
        return ("error", shown_path(path), reason)
    except Exception as exc:  # noqa: BLE001 - a reader bug: reported as such, the worker goes on
        message = " ".join(str(exc).split())
        return ("bug", type(exc).__name__, message)


def main(argv: list[str]) -> int:
    """Cap memory, then serve requests until stdin closes."""
    memory = int(float(argv[1]) * (1 << 20)) if len(argv) > 1 else 0
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt replies
    requests = sys.stdin.buffer
    while (request := receive(requests)) is not None:
        reply = handle(request)
        try:
            send(replies, reply)
        except MemoryError:
            send(replies, ("error", reply[1].path if reply[0] == "ok" else "", f"{OUT_OF_MEMORY} sending the text"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
