"""Opening a file to read: only regular files, never more than the size limit; paths shown printably.

A FIFO blocks on open and /dev/zero never ends, so the type is checked with stat() before opening
(and again with fstat() on the open descriptor, opened non-blocking).
"""

from __future__ import annotations

import os
import stat

from .errors import IngestError, shown_path
from .limits import Limits, current_limits, megabytes, setting_name

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (`a FIFO`, `a directory`, …)."""
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def check_file(path: str | os.PathLike, limits: Limits | None = None) -> int:
    """The size of a regular file within the size limit; else IngestError `not a regular file`, …"""
    limits = limits or current_limits()
    shown = shown_path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise IngestError(shown, "no such file") from None
    except OSError as exc:
        raise IngestError(shown, f"cannot read file ({exc.strerror or exc})") from None
    _check_stat(shown, info, limits)
    return info.st_size


def _check_stat(shown: str, info: os.stat_result, limits: Limits) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(shown, f"not a regular file ({file_kind(info.st_mode)})")
    if info.st_size > limits.file_bytes:
        raise IngestError(shown, too_large(info.st_size, limits))


def too_large(size: int, limits: Limits) -> str:
    """The reason for a file over the size limit."""
    return (f"file too large ({megabytes(size)}; the limit is {limits.file_mb:g} MB, "
            f"{setting_name('file_mb')})")


def read_file_bytes(path: str | os.PathLike, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, at most the size limit (a file growing past it is refused too)."""
    limits = limits or current_limits()
    shown = shown_path(path)
    check_file(path, limits)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise IngestError(shown, f"cannot read file ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        _check_stat(shown, os.fstat(handle.fileno()), limits)  # the same file we checked, not a swap
        try:
            data = handle.read(limits.file_bytes + 1)
        except OSError as exc:
            raise IngestError(shown, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > limits.file_bytes:
        raise IngestError(shown, too_large(len(data), limits))
    return data
