"""Reading the data files of nlp/kk/data (one entry a line, `#` comments)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of data/`name`, stripped."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out
