"""Deputies of Parliament (data/deputies.tsv): chamber, faction and term; their names join the officials.

A deputy is matched like an official (people.py) with initials or a given name, never by a bare surname
(short surnames such as `Тау` are common words). `deputy_of(id)` gives the chamber, faction and term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .records import GazetteerError, alts, tsv_rows

DEPUTY_COLUMNS = ("id", "name_en", "given_kk", "patronymic_kk", "surname_kk", "given_ru", "patronymic_ru",
                  "surname_ru", "gender", "initials", "chamber", "faction", "start", "end")
NAME_COLUMNS = DEPUTY_COLUMNS[2:8]


@dataclass(frozen=True)
class Deputy:
    """A deputy: name parts (kk/ru alternatives), written initials, chamber, faction id and term."""

    id: str
    name_en: str
    names: dict[str, tuple[str, ...]]  # column of NAME_COLUMNS → alternatives
    gender: str
    initials: str
    chamber: str
    faction: str | None
    start: str | None
    end: str | None


def _date(cell: str, n: int) -> str | None:
    if cell and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        raise GazetteerError(f"deputies.tsv:{n}: bad date {cell!r} (YYYY-MM-DD or empty)")
    return cell or None


@cache
def load_deputies() -> dict[str, Deputy]:
    """All deputies of deputies.tsv by id (ids `kz.deputy.<slug>`)."""
    out: dict[str, Deputy] = {}
    for n, cells in tsv_rows("deputies.tsv"):
        cells = cells + [""] * (len(DEPUTY_COLUMNS) - len(cells))
        if len(cells) != len(DEPUTY_COLUMNS):
            raise GazetteerError(f"deputies.tsv:{n}: expected {len(DEPUTY_COLUMNS)} columns, got {len(cells)}")
        row = dict(zip(DEPUTY_COLUMNS, cells))
        if row["id"] in out or not row["id"].startswith("kz.deputy."):
            raise GazetteerError(f"deputies.tsv:{n}: duplicate or bad id {row['id']!r}")
        out[row["id"]] = Deputy(row["id"], row["name_en"], {c: alts(row[c], ";") for c in NAME_COLUMNS},
                                row["gender"], row["initials"], row["chamber"], row["faction"] or None,
                                _date(row["start"], n), _date(row["end"], n))
    return out


def deputy_of(record_id: str | None) -> Deputy | None:
    """The deputy with this id, None when the id is not a deputy's."""
    return load_deputies().get(record_id or "")
