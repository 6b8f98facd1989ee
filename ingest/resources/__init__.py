"""Language resources for ingest (data files, one concept per file) and a tiny loader for them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file; blank lines and `#` comments are skipped."""
    rows = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
