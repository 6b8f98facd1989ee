"""E-document registration stamps ("22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"): found, cut out of the
body text and kept as document metadata. The pattern is data: resources/stamp_pattern.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"


@dataclass
class Stamp:
    """An e-document registration stamp found on the pages (kept as metadata, not body text)."""

    text: str
    date: str
    system: str
    version: str
    pages: list[int]

    def as_dict(self) -> dict:
        """The stamp as document metadata (JSON-ready)."""
        return {"text": self.text, "date": self.date, "system": self.system,
                "version": self.version, "pages": self.pages}


@lru_cache(maxsize=1)
def stamp_pattern() -> re.Pattern[str]:
    """The registration-stamp regex from resources/stamp_pattern.txt."""
    lines = (RESOURCES / "stamp_pattern.txt").read_text(encoding="utf-8").splitlines()
    return re.compile("\n".join(ln for ln in lines if not ln.lstrip().startswith("#")), re.VERBOSE)


def cut_stamps(text: str) -> tuple[str, list[re.Match[str]]]:
    """`text` without registration stamps, and the stamps found."""
    found = list(stamp_pattern().finditer(text))
    if not found:
        return text, []
    rest = stamp_pattern().sub(" ", text)
    return re.sub(r"\s{2,}", " ", rest).strip(), found


def add_stamp(stamps: dict[str, Stamp], m: re.Match[str], page: int) -> None:
    """Record the stamp matched by `m` on `page` (one Stamp per distinct text, its pages listed once)."""
    text = re.sub(r"\s+", " ", m.group(0)).strip()
    day, month, year = m.group("date").split(".")
    stamp = stamps.setdefault(text, Stamp(text, f"{year}-{int(month):02d}-{int(day):02d}",
                                          re.sub(r"\s+", " ", m.group("system")), m.group("version"), []))
    if page not in stamp.pages:
        stamp.pages.append(page)
