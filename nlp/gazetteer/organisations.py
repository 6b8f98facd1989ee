"""Organisations, position titles and not-organisations found in kk/ru text, and the linking of one
phrase to its record (`Еңбек министрлігіне`, `МТСЗН РК`, `Көлік министріне`).

Position titles (`Көлік министрі`) are not bodies: `find_positions` returns them separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import alternation
from .bodies import Body, Position, load_bodies, load_positions
from .body_index import body_index, not_org_index, position_index, scan
from .matcher import _Target
from .records import Mention, RecordMention, tsv_rows


@cache
def _legal_forms(*places: str) -> str:
    """Alternation of the legal forms of data/legal_forms.tsv written in one of `places`."""
    return alternation([cells[0] for _, cells in tsv_rows("legal_forms.tsv") if cells[1] in places])


@cache
def _legal_form() -> re.Pattern[str]:
    """A legal form before/after a quoted company name, not part of the name (`«ҚазАгроҚаржы» АҚ`)."""
    return re.compile(rf"(?:^(?:{_legal_forms('before', 'both')})\s+(?=[«\"“]))"
                      rf"|(?:(?<=[»\"”])\s+(?:{_legal_forms('both')})$)")


@cache
def _legal_words() -> re.Pattern[str]:
    """Legal forms anywhere in a company mention, with the quotes around the name (link_org's fallback)."""
    return re.compile(rf"(?<!\w)(?:{_legal_forms('before', 'both', 'any')})(?!\w)|[«»\"“”„]")


@dataclass(frozen=True)
class BodyMention(RecordMention):
    """An organisation found in a text."""

    canonical: str
    lang: str | None = None


@dataclass(frozen=True)
class PositionMention(Mention):
    """A position title found in a text (not an organisation)."""

    post_id: str
    name_en: str
    body: str | None = None
    canonical: str = ""


@dataclass(frozen=True)
class NotOrgMention(Mention):
    """A law, code, programme, platform or information system name (never an organisation)."""

    kind: str


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
    phrase = _legal_form().sub("", surface.strip().strip(".,;:!?()")).strip()
    m = _whole(find_bodies(phrase, lang), phrase)
    if m is None:
        # `«ҚТЖ» ҰК» АҚ`, `АО «НК «КТЖ»`: every legal form and quote away, the bare name or abbreviation
        bare = " ".join(w for w in _legal_words().sub(" ", phrase).split())
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

