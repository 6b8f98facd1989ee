"""State bodies, Parliament, parties/factions, companies (data/*.tsv) and position titles, found in kk/ru text.

Same matching as places (matcher.Index: Kazakh endings on the last word, Russian case forms), plus:
quotation marks may sit between the words (`«AMANAT» партиясы`), a multi-word name may start in
lower case (`министерство финансов`), a name written `«X»` in the data matches only quoted, and
`ҚР …`/`… РК` variants, akimats of regions and cities and faction forms are generated.
Position titles (`Көлік министрі`) are not bodies: `find_positions` returns them separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import endings as kazakh
from . import russian_forms as rf
from .matcher import TOKEN_RE, Index, _Entry, _Scanner, fold
from .records import GazetteerError, load_places, tsv_rows

BODY_FILES = ("parliament.tsv", "state_bodies.tsv", "companies.tsv", "foreign_bodies.tsv", "media.tsv")
BODY_COLUMNS = ("id", "kind", "name_en", "names_en", "names_kk", "names_ru", "abbreviations", "parent")
PREFIXED_KINDS = {"ministry", "committee", "agency", "bureau", "court", "commission", "audit", "prosecutor"}
_QUOTES = "«»\"“”„'‘’"
_GAP_CHARS = set(" \t\r\n\u00a0" + _QUOTES + "–—-")
_OPEN_QUOTES = "«\"“„'‘"
_CLOSE_QUOTES = "»\"”“'’"
# a legal form before/after a quoted company name is not part of the name (`«ҚазАгроҚаржы» АҚ`)
_LEGAL_FORM = re.compile(r"(?:^(?:АҚ|АО|ЖШС|ТОО|РМК|РГП|ҰК|НК)\s+(?=[«\"“]))|(?:(?<=[»\"”])\s+(?:АҚ|АО|ЖШС|ТОО|РМК|РГП)$)")

# legal forms anywhere in a company mention, with the quotes around the name (link_org's fallback)
_LEGAL_WORDS = re.compile(r"(?<!\w)(?:АҚ|АО|ЖШС|ТОО|РМК|РГП|ҰК|НК|ҰАҚ|НАО|КЕАҚ|ҰКАҚ)(?!\w)|[«»\"“”„]")


@dataclass(frozen=True)
class Body:
    """One organisation record; the first name of each language is its base form."""

    id: str
    kind: str
    name_en: str
    names_kk: tuple[str, ...]
    names_ru: tuple[str, ...]
    names_en: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    parent: str | None = None

    def names(self, lang: str) -> tuple[str, ...]:
        """The names in `lang` ('kk', 'ru' or 'en'), quotation marks removed."""
        if lang == "en":
            return (self.name_en, *self.names_en)
        return tuple(n.strip("«»") for n in {"kk": self.names_kk, "ru": self.names_ru}.get(lang, ()))


@dataclass(frozen=True)
class Position:
    """A post (`Prime Minister`, `Minister of Transport`); `body` is the body it belongs to."""

    id: str
    name_en: str
    names_kk: tuple[str, ...]
    names_ru: tuple[str, ...]
    body: str | None = None


@dataclass(frozen=True)
class BodyMention:
    """An organisation found in a text."""

    start: int
    end: int
    text: str
    id: str
    name_en: str
    kind: str
    canonical: str
    lang: str | None = None


@dataclass(frozen=True)
class PositionMention:
    """A position title found in a text (not an organisation)."""

    start: int
    end: int
    text: str
    post_id: str
    name_en: str
    body: str | None = None
    canonical: str = ""


@dataclass(frozen=True)
class NotOrgMention:
    """A law, code, programme, platform or information system name (never an organisation)."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class _Target:
    place_id: str        # the record id (name kept for matcher.Index)
    lang: str
    base: str
    deictic: bool = False
    adjective: bool = False
    quoted: bool = False


def _alts(cell: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split(sep) if a.strip())


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
            bodies[row["id"]] = Body(row["id"], row["kind"], row["name_en"], _alts(row["names_kk"]),
                                     _alts(row["names_ru"]), _alts(row["names_en"]),
                                     _alts(row["abbreviations"]), row["parent"] or None)
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
        kk, ru = [], []
        for name in place.names_kk:
            if name.isupper():
                continue
            if place.kind == "city":
                kk += [f"{name} қаласының әкімдігі", f"{name} қаласы әкімдігі", f"{name} әкімдігі"]
            else:
                kk += [f"{name}ның әкімдігі", f"{name} әкімдігі"]
        for name in place.names_ru:
            if name.isupper():
                continue
            gen = rf.genitive(name)
            ru.append(f"акимат {gen}")
            if place.kind == "city":
                ru += [f"акимат города {name}", f"акимат города {gen}"]
        out.append(Body(f"kz.akimat.{place.id[3:]}", "akimat", f"Akimat of {place.name_en}", tuple(dict.fromkeys(kk)),
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
        posts[cells[0]] = Position(cells[0], cells[1], _alts(cells[2]), _alts(cells[3]),
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


def _lower_first(name: str) -> str | None:
    """`Министерство финансов` → `министерство финансов` (multi-word names also start lower-case)."""
    first = name.split()[0] if name.split() else ""
    if len(name.split()) < 2 or first.isupper() or not first[:1].isupper():
        return None
    return name[:1].lower() + name[1:]


def _prefixed(body: Body, lang: str) -> list[str]:
    """`ҚР X` / `Қазақстан Республикасының X` and `X РК` / `X Республики Казахстан` for central bodies."""
    if body.kind not in PREFIXED_KINDS or not body.id.startswith("kz."):
        return []
    out = []
    for name in body.names(lang):
        if len(name.split()) < 2 or "Қазақстан" in name or "Казахстан" in name:
            continue
        if lang == "kk":
            out += [f"ҚР {name}", f"Қазақстан Республикасының {name}", f"Қазақстан Республикасы {name}"]
        else:
            out += [f"{name} РК", f"{name} Республики Казахстан"]
    return out


def _faction_names(faction: Body, party: Body) -> tuple[list[str], list[str]]:
    """kk/ru faction names generated from the party's names (`X партиясының фракциясы`, `фракция X`)."""
    kk, ru = [], []
    for name in party.names_kk:
        n = name.strip("«»")
        if n.isupper() and len(n.split()) == 1 and not n.isascii():
            kk += [f"{n} фракциясы"]
        elif n.endswith("партиясы"):
            kk += [f"{n} фракциясы", f"{n}ның фракциясы", f"{n}ның фракция", f"{n} фракция"]
        elif n.endswith("партия"):
            kk += [f"{n}сы фракциясы", f"{n}сының фракциясы", f"{n}сының фракция"]
        else:
            kk += [f"{n} фракциясы", f"{n} партиясы фракциясы", f"{n} партиясының фракциясы",
                   f"{n} партиясының фракция"]
    for name in party.names_ru:
        n = name.strip("«»")
        if len(n.split()) == 1 or n[:1] == "«":
            ru += [f"фракция {n}", f"фракция партии {n}"]
        else:
            ru += [f"фракция {rf.genitive(n)}"]
    return kk, ru


def _add_kazakh(idx: Index, name: str, target: _Target) -> None:
    """Like Index.add_kazakh, but either vowel harmony is allowed (loans: `Банкінің`, `Банкке`)."""
    toks = TOKEN_RE.findall(name)
    if not toks or toks[-1].isupper() and len(toks[-1]) > 1:
        idx.add_kazakh(name, target)
        return
    idx.add_exact(name, target)
    last = toks[-1]
    poss_stem = kazakh.split_possessive(last) if len(toks) > 1 else None
    stem = poss_stem or last
    _, classes = kazakh.stem_key(stem)
    ends = kazakh.chains(frozenset({kazakh.BACK, kazakh.FRONT}), classes, poss_stem is not None)
    entry = _Entry(tuple(fold(t) for t in toks[:-1]) + (fold(stem),), tuple(toks[:-1]) + (stem,), target, ends)
    if len(toks) == 1:
        table = idx.lower_stems if stem[:1].islower() else idx.stems
        table[entry.tokens[0]].append(entry)
        if stem[:1].islower():
            idx.max_lower_stem = max(idx.max_lower_stem, len(stem))
        else:
            idx.max_stem = max(idx.max_stem, len(stem))
    else:
        idx.by_first[entry.tokens[0]].append(entry)


def _add(idx: Index, name: str, target: _Target, lang: str) -> None:
    """Index one name in `lang` (kk: endings; ru: case forms; abbr: capitals + Kazakh endings)."""
    if lang == "kk" or lang == "abbr":
        _add_kazakh(idx, name, target)
    elif lang == "ru":
        for form in rf.phrase_forms(name):
            idx.add_exact(form, target)
    else:
        idx.add_exact(name, target)


def _add_names(idx: Index, rid: str, names: dict[str, list[str]]) -> None:
    for lang, alts in names.items():
        for raw in alts:
            quoted = raw.startswith("«") and raw.endswith("»") and raw.count("«") == 1
            name = raw.strip("«»") if quoted else raw
            target = _Target(rid, lang if lang != "abbr" else "abbr", name, quoted=quoted)
            _add(idx, name, target, lang)
            low = None if quoted else _lower_first(name)
            if low and lang in ("kk", "ru"):
                _add(idx, low, _Target(rid, lang, name), lang)


@cache
def body_index() -> Index:
    """The lookup tables of every body name (once per process)."""
    idx = Index()
    bodies = load_bodies()
    for b in bodies.values():
        kk, ru = list(b.names_kk), list(b.names_ru)
        if b.kind == "faction" and b.parent in bodies:
            gkk, gru = _faction_names(b, bodies[b.parent])
            kk += gkk
            ru += gru
        kk += _prefixed(b, "kk")
        ru += _prefixed(b, "ru")
        _add_names(idx, b.id, {"en": [b.name_en, *b.names_en], "kk": kk, "ru": ru, "abbr": list(b.abbreviations)})
    return idx


@cache
def position_index() -> Index:
    """The lookup tables of every position title."""
    idx = Index()
    for p in load_positions().values():
        _add_names(idx, p.id, {"kk": list(p.names_kk), "ru": list(p.names_ru)})
    return idx


@cache
def not_org_index() -> Index:
    """The lookup tables of not_orgs.tsv."""
    idx = Index()
    for name, lang, kind in load_not_orgs():
        _add_names(idx, f"{kind}:{name}", {lang if lang in ("kk", "ru") else "en": [name]})
    return idx


class _BodyScanner(_Scanner):
    """Token scanner whose word gaps may hold quotation marks and one dash or line break."""

    def adjacent(self, i: int) -> bool:
        gap = self.text[self.spans[i][1]:self.spans[i + 1][0]]
        if not gap or len(gap) > 8 or any(c not in _GAP_CHARS for c in gap):
            return False
        return gap.count("\n") <= 1 and sum(gap.count(d) for d in "–—-") <= 1


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPEN_QUOTES and end < len(text) and text[end] in _CLOSE_QUOTES


def scan(idx: Index, text: str, lang: str | None = None) -> list[tuple[int, int, _Target]]:
    """(start, end, target) of the longest names of `idx` in `text`, left to right."""
    sc = _BodyScanner(text)
    out = []
    i, n = 0, len(sc.spans)
    lows = [sc.low(j) for j in range(n)]
    while i < n:
        low = lows[i]
        best: tuple[int, int, _Entry] | None = None
        candidates = list(idx.by_first.get(low, ()))
        first = text[sc.spans[i][0]]
        stems, longest = (idx.stems, idx.max_stem) if first.isupper() else (idx.lower_stems, idx.max_lower_stem)
        for cut in range(min(len(low), longest), 1, -1):
            candidates.extend(stems.get(low[:cut], ()))
        for entry in candidates:
            k = len(entry.tokens)
            if i + k > n or (k > 1 and lows[i + 1:i + k - 1] != list(entry.tokens[1:k - 1])):
                continue  # cheap pre-check of the inner tokens before the full match
            last = lows[i + k - 1]
            if k > 1 and (last != entry.tokens[-1] if entry.endings is None else not last.startswith(entry.tokens[-1])):
                continue
            end = sc.match(i, entry)
            if end is None:
                continue
            start = sc.spans[i][0]
            if entry.target.quoted and not _quoted(text, start, start + len("".join(entry.tokens))) \
                    and not _quoted(text, start, end):
                continue
            pref = (entry.target.lang == lang) + (entry.endings is None)
            if best is None or (end, pref) > (best[0], best[1]):
                best = (end, pref, entry)
        if best is None:
            i += 1
            continue
        end, _, entry = best
        start = sc.spans[i][0]
        inner = text[start:end]
        if start > 0 and text[start - 1] in _OPEN_QUOTES and any(c in inner for c in _CLOSE_QUOTES):
            start -= 1  # `«AMANAT» партиясы`: the opening quote belongs to the name
        inner = text[start:end]
        if end < len(text) and text[end] in _CLOSE_QUOTES and sum(inner.count(q) for q in "«“„") > inner.count("»") + inner.count("”"):
            end += 1  # `Фонда «Даму»`: close the quotation the name opened
        out.append((start, end, entry.target))
        while i < n and sc.spans[i][0] < end:
            i += 1
    return out


def _canonical(names: tuple[str, ...], target: _Target, lang: str | None) -> str:
    if lang in ("kk", "ru") and names:
        return names[0].strip("«»")
    return target.base


def find_bodies(text: str, lang: str | None = None) -> list[BodyMention]:
    """Every organisation mention in `text` (longest match first, in text order)."""
    bodies = load_bodies()
    out = []
    for start, end, t in scan(body_index(), text, lang):
        b = bodies[t.place_id]
        names = b.names(lang) if lang in ("kk", "ru") else ()
        out.append(BodyMention(start, end, text[start:end], b.id, b.name_en, b.kind, _canonical(names, t, lang),
                               t.lang))
    return out


def find_positions(text: str, lang: str | None = None) -> list[PositionMention]:
    """Every position title in `text` (`Премьер-Министрі`, `Министру транспорта`); not organisations."""
    posts = load_positions()
    out = []
    for start, end, t in scan(position_index(), text, lang):
        p = posts[t.place_id]
        names = {"kk": p.names_kk, "ru": p.names_ru}.get(lang or "", ())
        out.append(PositionMention(start, end, text[start:end], p.id, p.name_en, p.body, _canonical(names, t, lang)))
    return out


def find_not_orgs(text: str, lang: str | None = None) -> list[NotOrgMention]:
    """Laws, codes, programmes, platforms and information systems named in `text`."""
    return [NotOrgMention(s, e, text[s:e], t.place_id.split(":", 1)[0]) for s, e, t in scan(not_org_index(), text, lang)]


def is_not_org(surface: str, lang: str | None = None) -> bool:
    """True when `surface` is (mostly) a law/code/programme/platform name, never an organisation."""
    phrase = surface.strip().strip(".,;:!?\"'()")
    found = find_not_orgs(phrase, lang)
    return any(m.end - m.start >= 0.6 * len(phrase) for m in found)


def _whole(found: list, phrase: str):
    if len(found) == 1 and found[0].start <= 1 and found[0].end >= len(phrase) - 1:
        return found[0]
    return None


def link_org(surface: str, lang: str | None = None) -> Body | None:
    """The organisation a single phrase names (`Еңбек министрлігіне`, `МТСЗН РК`), else None."""
    phrase = _LEGAL_FORM.sub("", surface.strip().strip(".,;:!?()")).strip()
    m = _whole(find_bodies(phrase, lang), phrase)
    if m is None:
        # `«ҚТЖ» ҰК» АҚ`, `АО «НК «КТЖ»`: every legal form and quote away, the bare name or abbreviation
        bare = " ".join(w for w in _LEGAL_WORDS.sub(" ", phrase).split())
        if bare and bare != phrase:
            m = _whole(find_bodies(bare, lang), bare)
    if m is None and _SITE.fullmatch(phrase):
        return _site_body(phrase.lower())
    return load_bodies()[m.id] if m else None


# a site written as its domain (`Lada.kz`, `Tengrinews.kz`): matched whole against the English names
_SITE = re.compile(r"[A-Za-z0-9][\w-]*\.(?:kz|ru|com|media|org|net)")


def _site_body(domain: str) -> Body | None:
    for b in load_bodies().values():
        if any(n.lower() == domain for n in (b.name_en, *b.names_en)):
            return b
    return None


def link_position(surface: str, lang: str | None = None) -> Position | None:
    """The post a single title names (`Көлік министріне`), else None."""
    phrase = surface.strip().strip(".,;:!?()")
    m = _whole(find_positions(phrase, lang), phrase)
    return load_positions()[m.post_id] if m else None


def body_by_id(body_id: str) -> Body:
    """The organisation record with this id; GazetteerError when there is none."""
    try:
        return load_bodies()[body_id]
    except KeyError:
        raise GazetteerError(f"unknown body id {body_id!r}") from None


def surface_conflicts() -> dict[str, set[str]]:
    """Folded surfaces that map to more than one body id (for the data-integrity test)."""
    return {s: ids for s, ids in body_index().surfaces.items() if len(ids) > 1}


_ = kazakh  # the ending machinery is used through matcher.Index
