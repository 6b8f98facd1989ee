"""Gazetteer records: the `Place` value and the loader of the TSV files in data/ (read once, cached)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import NlpError

DATA = Path(__file__).resolve().parent / "data"
PLACE_FILES = ("countries.tsv", "unions.tsv", "kz_regions.tsv", "kz_towns.tsv", "kz_districts.tsv")
COLUMNS = ("id", "kind", "name_en", "names_en", "names_kk", "names_ru", "parent")
KAZAKHSTAN = "country.kz"


class GazetteerError(NlpError):
    """A gazetteer data file is missing or malformed, or an id is unknown."""


@dataclass(frozen=True)
class Place:
    """One gazetteer record; the first name of each language is its base form."""

    id: str
    name_en: str
    kind: str
    names_kk: tuple[str, ...]
    names_ru: tuple[str, ...]
    names_en: tuple[str, ...] = ()
    parent: str | None = None

    def names(self, lang: str) -> tuple[str, ...]:
        """The names of this place in `lang` ('kk', 'ru' or 'en')."""
        if lang == "en":
            return (self.name_en, *self.names_en)
        return {"kk": self.names_kk, "ru": self.names_ru}.get(lang, ())


@dataclass(frozen=True)
class DeicticForm:
    """A phrase that refers to Kazakhstan by deixis (`еліміз`, `в нашей стране`) or a domestic adjective."""

    form: str
    lang: str
    adjective: bool
    inflect: str  # "kk", "ru" or "-" (literal)


def tsv_rows(name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the non-comment lines of data/<name>."""
    path = DATA / name
    if not path.is_file():
        raise GazetteerError(f"missing gazetteer data file {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((n, [c.strip() for c in line.split("\t")]))
    return out


def _alts(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


@cache
def load_places() -> dict[str, Place]:
    """All place records by id, from every file of PLACE_FILES (ids must be unique across files)."""
    places: dict[str, Place] = {}
    for name in PLACE_FILES:
        for n, cells in tsv_rows(name):
            if len(cells) != len(COLUMNS):
                raise GazetteerError(f"{name}:{n}: expected {len(COLUMNS)} TAB-separated columns, got {len(cells)}")
            row = dict(zip(COLUMNS, cells))
            if row["id"] in places:
                raise GazetteerError(f"{name}:{n}: duplicate id {row['id']!r}")
            places[row["id"]] = Place(
                id=row["id"], name_en=row["name_en"], kind=row["kind"],
                names_kk=_alts(row["names_kk"]), names_ru=_alts(row["names_ru"]),
                names_en=_alts(row["names_en"]), parent=row["parent"] or None,
            )
    return places


@cache
def load_deictic() -> tuple[DeicticForm, ...]:
    """The deictic references to Kazakhstan of data/deictic.tsv."""
    out = []
    for n, cells in tsv_rows("deictic.tsv"):
        if len(cells) != 4 or cells[1] not in ("kk", "ru") or cells[2] not in ("y", "n"):
            raise GazetteerError(f"deictic.tsv:{n}: expected form, lang (kk/ru), adjective (y/n), inflect")
        out.append(DeicticForm(cells[0], cells[1], cells[2] == "y", cells[3]))
    return tuple(out)


def place_by_id(place_id: str) -> Place:
    """The record with this id; GazetteerError when there is none."""
    try:
        return load_places()[place_id]
    except KeyError:
        raise GazetteerError(f"unknown place id {place_id!r}") from None
