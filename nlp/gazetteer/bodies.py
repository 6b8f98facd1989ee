"""Organisation records (state bodies, Parliament, parties/factions, companies, media: data/*.tsv),
position titles and the names that are never organisations (laws, programmes, platforms).

Akimats of every region and city, and minister, vice-minister and akim posts, are generated from
the place and ministry records. Finding them in text: body_index (names) and organisations (mentions).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .name_forms import generated
from .records import GazetteerError, Named, alts, by_id, load_places, tsv_rows

BODY_FILES = ("parliament.tsv", "state_bodies.tsv", "companies.tsv", "foreign_bodies.tsv", "media.tsv")
BODY_COLUMNS = ("id", "kind", "name_en", "names_en", "names_kk", "names_ru", "abbreviations", "parent")


@dataclass(frozen=True)
class Body(Named):
    """One organisation record; the first name of each language is its base form."""

    abbreviations: tuple[str, ...] = ()
    parent: str | None = None

    def names(self, lang: str) -> tuple[str, ...]:
        """The names in `lang` ('kk', 'ru' or 'en'), quotation marks removed."""
        if lang == "en":
            return super().names(lang)
        return tuple(n.strip("«»") for n in super().names(lang))


@dataclass(frozen=True)
class Position:
    """A post (`Prime Minister`, `Minister of Transport`); `body` is the body it belongs to."""

    id: str
    name_en: str
    names_kk: tuple[str, ...]
    names_ru: tuple[str, ...]
    body: str | None = None


@cache
def load_bodies() -> dict[str, Body]:
    """All organisation records (files BODY_FILES) and the generated akimats, by id."""
    bodies: dict[str, Body] = {}
    for name in BODY_FILES:
        for n, cells in tsv_rows(name):
            if len(cells) < len(BODY_COLUMNS) - 1 or len(cells) > len(BODY_COLUMNS):
                raise GazetteerError(f"{name}:{n}: expected {len(BODY_COLUMNS)} TAB-separated columns, got {len(cells)}")
            row = dict(zip(BODY_COLUMNS, cells + [""] * (len(BODY_COLUMNS) - len(cells))))
            if row["id"] in bodies:
                raise GazetteerError(f"{name}:{n}: duplicate id {row['id']!r}")
            bodies[row["id"]] = Body(row["id"], row["name_en"], row["kind"], alts(row["names_kk"]),
                                     alts(row["names_ru"]), alts(row["names_en"]),
                                     alts(row["abbreviations"]), row["parent"] or None)
    for body in _akimats():
        if body.id in bodies:
            raise GazetteerError(f"generated akimat id {body.id!r} is already used")
        bodies[body.id] = body
    return bodies


def _akimats() -> list[Body]:
    """`<region> әкімдігі` / `акимат <region gen.>` for every region and city of Kazakhstan."""
    out = []
    for place in load_places().values():
        if not place.id.startswith(("kz.region.", "kz.city.")) or place.kind not in ("region", "city"):
            continue
        kk = [f for name in place.names_kk if not name.isupper() for f in generated("akimat", "kk", name, place.kind)]
        ru = [f for name in place.names_ru if not name.isupper() for f in generated("akimat", "ru", name, place.kind)]
        out.append(Body(f"kz.akimat.{place.id[3:]}", f"Akimat of {place.name_en}", "akimat", tuple(dict.fromkeys(kk)),
                        tuple(dict.fromkeys(ru)), (), (), place.id))
    return out


def _ministries() -> list[Body]:
    return [b for b in load_bodies().values() if b.kind == "ministry" and b.id.startswith("kz.")]


@cache
def load_positions() -> dict[str, Position]:
    """Position titles of positions.tsv plus generated minister, vice-minister and akim posts."""
    posts: dict[str, Position] = {}
    for n, cells in tsv_rows("positions.tsv"):
        if len(cells) not in (4, 5):
            raise GazetteerError(f"positions.tsv:{n}: expected id, name_en, names_kk, names_ru, body")
        posts[cells[0]] = Position(cells[0], cells[1], alts(cells[2]), alts(cells[3]),
                                   (cells[4] if len(cells) > 4 else "") or None)
    for m in _ministries():
        slug = m.id.split(".", 2)[2]
        kk = [n[: -len("министрлігі")] for n in m.names_kk if n.endswith("министрлігі")]
        ru = [n[len("Министерство"):] for n in m.names_ru if n.startswith("Министерство")]
        title = m.name_en.replace("Ministry", "Minister", 1)
        posts[f"post.minister.{slug}"] = Position(
            f"post.minister.{slug}", title, tuple(f"{s}министрі" for s in kk), tuple(f"Министр{s}" for s in ru), m.id)
        posts[f"post.vice_minister.{slug}"] = Position(
            f"post.vice_minister.{slug}", "Vice " + title, tuple(f"{s}вице-министрі" for s in kk),
            tuple(f"Вице-министр{s}" for s in ru), m.id)
    for b in load_bodies().values():
        if b.kind == "akimat":
            kk = [n.replace("әкімдігі", "әкімі") for n in b.names_kk]
            ru = [n.replace("акимат", "аким", 1) for n in b.names_ru]
            pid = "post.akim." + b.parent
            posts[pid] = Position(pid, b.name_en.replace("Akimat", "Akim"), tuple(kk), tuple(ru), b.id)
    return posts


@cache
def load_not_orgs() -> tuple[tuple[str, str, str], ...]:
    """(name, lang, kind) of not_orgs.tsv: laws, codes, programmes, platforms, information systems."""
    out = []
    for n, cells in tsv_rows("not_orgs.tsv"):
        if len(cells) != 3:
            raise GazetteerError(f"not_orgs.tsv:{n}: expected name, lang, kind")
        out.append((cells[0], cells[1], cells[2]))
    return tuple(out)


def body_by_id(body_id: str) -> Body:
    """The organisation record with this id; GazetteerError when there is none."""
    return by_id(load_bodies(), body_id, "body")
