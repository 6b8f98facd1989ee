"""Gazetteer records: the `Place` value, the bases every record and mention shares, and the reader of
the TSV files in data/ (read once, cached)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.resources import read_table

from ..errors import NlpError

DATA = Path(__file__).resolve().parent / "data"
PLACE_FILES = ("countries.tsv", "unions.tsv", "kz_regions.tsv", "kz_towns.tsv", "kz_districts.tsv")
COLUMNS = ("id", "kind", "name_en", "names_en", "names_kk", "names_ru", "parent")
KAZAKHSTAN = "country.kz"


class GazetteerError(NlpError):
    """A gazetteer data file is missing or malformed, or an id is unknown."""


@dataclass(frozen=True)
class Named:
    """What every named record has: an id, an English name, a kind and names in kk/ru/en (the first
    name of each language is its base form)."""

    id: str
    name_en: str
    kind: str
    names_kk: tuple[str, ...]
    names_ru: tuple[str, ...]
    names_en: tuple[str, ...] = ()

    def names(self, lang: str) -> tuple[str, ...]:
        """The names of this record in `lang` ('kk', 'ru' or 'en')."""
        if lang == "en":
            return (self.name_en, *self.names_en)
        return {"kk": self.names_kk, "ru": self.names_ru}.get(lang, ())


@dataclass(frozen=True)
class Place(Named):
    """One place record (country, union, region, town, district)."""

    parent: str | None = None


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in a text: offsets and the matched text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RecordMention(Mention):
    """A mention of a named record: its id, English name and kind."""

    id: str
    name_en: str
    kind: str


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
    return [(n, list(cells)) for n, cells in read_table(path)]


def alts(cell: str, sep: str = "|") -> tuple[str, ...]:
    """The alternatives of one data cell (`a|b|c`), stripped, empty ones left out."""
    return tuple(a.strip() for a in cell.split(sep) if a.strip())


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
                names_kk=alts(row["names_kk"]), names_ru=alts(row["names_ru"]),
                names_en=alts(row["names_en"]), parent=row["parent"] or None,
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


def by_id(records: dict, record_id: str, what: str):
    """The record with this id in `records`; GazetteerError naming `what` when there is none."""
    try:
        return records[record_id]
    except KeyError:
        raise GazetteerError(f"unknown {what} id {record_id!r}") from None


def place_by_id(place_id: str) -> Place:
    """The record with this id; GazetteerError when there is none."""
    return by_id(load_places(), place_id, "place")
