"""One BLAS thread while a NER model runs: the models multiply small matrices, where OpenBLAS's thread pool
costs more than it gains (slovnet about 2x slower with 2 threads), and workers are one process per core."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads")


def _symbol(lib: ctypes.CDLL, names: tuple[str, ...]):
    return next((getattr(lib, n) for n in names if hasattr(lib, n)), None)


@cache
def openblas() -> tuple[object, object] | None:
    """(set, get) of the thread count of the OpenBLAS numpy loaded, or None (another BLAS: left alone)."""
    import numpy

    base = Path(numpy.__file__).parent
    for folder in (base.parent / "numpy.libs", base / ".libs"):
        for path in sorted(folder.glob("*openblas*.so*")) if folder.is_dir() else ():
            try:
                lib = ctypes.CDLL(str(path))
            except OSError:
                continue
            setter, getter = _symbol(lib, _SETTERS), _symbol(lib, _GETTERS)
            if setter is not None and getter is not None:
                return setter, getter
    return None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with OpenBLAS on one thread, then restore its previous count."""
    blas = openblas()
    if blas is None:
        yield
        return
    setter, getter = blas
    before = int(getter())
    setter(1)
    try:
        yield
    finally:
        setter(before)
