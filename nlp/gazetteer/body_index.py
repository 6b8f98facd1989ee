"""The lookup tables of organisation names, position titles and not-organisations, and the scan of
a text against them.

Same matching as places (matcher.Index: Kazakh endings on the last word, Russian case forms), plus:
quotation marks may sit between the words (`«AMANAT» партиясы`), a multi-word name may start in
lower case (`министерство финансов`), a name written `«X»` in the data matches only quoted, and
`ҚР …`/`… РК` variants and faction forms are generated.
"""

from __future__ import annotations

from functools import cache

from . import russian_forms as rf
from .bodies import Body, load_bodies, load_not_orgs, load_positions
from .matcher import Index, _Entry, _Scanner, _Target, longest_matches
from .name_forms import generated

PREFIXED_KINDS = {"ministry", "committee", "agency", "bureau", "court", "commission", "audit", "prosecutor"}
_QUOTES = "«»\"“”„'‘’"
_GAP_CHARS = set(" \t\r\n\u00a0" + _QUOTES + "–—-")
OPEN_QUOTES = "«\"“„'‘"
CLOSE_QUOTES = "»\"”“'’"


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
        out += generated("prefixed", lang, name)
    return out


def _faction_names(faction: Body, party: Body) -> tuple[list[str], list[str]]:
    """kk/ru faction names generated from the party's names (`X партиясының фракциясы`, `фракция X`)."""
    kk = [f for name in party.names_kk for f in generated("faction", "kk", name.strip("«»"))]
    ru = [f for name in party.names_ru for f in generated("faction", "ru", name.strip("«»"))]
    return kk, ru


def _add(idx: Index, name: str, target: _Target, lang: str) -> None:
    """Index one name in `lang` (kk: endings; ru: case forms; abbr: capitals + Kazakh endings)."""
    if lang == "kk" or lang == "abbr":
        idx.add_kazakh(name, target, either_harmony=True)
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
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES


def scan(idx: Index, text: str, lang: str | None = None) -> list[tuple[int, int, _Target]]:
    """(start, end, target) of the longest names of `idx` in `text`, left to right."""

    def accept(start: int, end: int, entry: _Entry) -> bool:
        """A name written «X» in the data matches only inside quotation marks."""
        return not entry.target.quoted or _quoted(text, start, start + len("".join(entry.tokens))) \
            or _quoted(text, start, end)

    out = []
    for start, end, entry in longest_matches(idx, _BodyScanner(text), lang, accept=accept):
        inner = text[start:end]
        if start > 0 and text[start - 1] in OPEN_QUOTES and any(c in inner for c in CLOSE_QUOTES):
            start -= 1  # `«AMANAT» партиясы`: the opening quote belongs to the name
        inner = text[start:end]
        if end < len(text) and text[end] in CLOSE_QUOTES and sum(inner.count(q) for q in "«“„") > inner.count("»") + inner.count("”"):
            end += 1  # `Фонда «Даму»`: close the quotation the name opened
        out.append((start, end, entry.target))
    return out


def surface_conflicts() -> dict[str, set[str]]:
    """Folded surfaces that map to more than one body id (for the data-integrity test)."""
    return {s: ids for s, ids in body_index().surfaces.items() if len(ids) > 1}

