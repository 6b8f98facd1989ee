"""Language resources for ingest (data files, one concept per file) and the one reader of data tables.

`read_table` reads every TSV/TXT data file of Saual (ingest's here; nlp.lang and the gazetteer
call it for theirs): TAB-separated cells, `#` comment lines and blank lines skipped, line numbers
kept for error messages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent


def read_table(path: Path, comment: str = "#") -> list[tuple[int, tuple[str, ...]]]:
    """(line number, stripped cells) of the non-blank, non-comment lines of a UTF-8 TSV file."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(comment):
            continue
        out.append((n, tuple(cell.strip() for cell in line.split("\t"))))
    return out


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file of ingest; blank lines and `#` comments are skipped."""
    return tuple(cells for _, cells in read_table(RESOURCES / name))
