"""Who signed an inquiry, with their factions, from the signature block at the foot of each part.

The block opens with the closing word (`Құрметпен,`, `С уважением,`) or, without one, is the run of
short lines at the end. A faction line (`«AMANAT» партиясы фракциясының депутаттары`) names the
faction of the names under it. The staff executor (`орынд:`, `Исп.:`, or a bare name followed by a
telephone line) is not a signatory. A long word of a faction line one transposition or one wrong letter
away from a word of a party or faction name is read as that word (`демокартиялық`). Each signatory is
resolved to a deputy of the gazetteer (`id`), whose faction fills in when the block names none.
"""

from __future__ import annotations

from functools import cache

from ..analysis import Signatory
from ..extractors import extractor
from ..gazetteer import body_by_id, deputy_of, find_bodies, find_officials, load_bodies
from ..lang import WORD_RE, Segmentation
from .frame import INITIALS_FIRST, LONG_LINE, SURNAME_FIRST, Line, Part, cue, is_contact, parts, starts_with


def _signature_like(line: Line) -> bool:
    text = line.text
    return len(text) <= LONG_LINE and bool(
        INITIALS_FIRST.search(text) or SURNAME_FIRST.fullmatch(text) or cue("signer").search(text)
        or cue("closing").search(text) or is_contact(text) or starts_with("executor", text))


def _block(part: Part) -> list[Line]:
    """The lines of the part's signature block."""
    body = list(part.lines[(part.title or 0) + 1:])
    closing = [k for k, line in enumerate(body) if starts_with("closing", line.text)
               and len(line.text) <= len(cue("closing").search(line.text).group()) + 2]
    if closing:
        return body[closing[-1] + 1:]
    k = len(body)
    while k > 0 and _signature_like(body[k - 1]):
        k -= 1
    return body[k:]


LONG_WORD = 8  # words this long may carry one typo


@cache
def _party_words() -> frozenset[str]:
    """The long words of party and faction names (kk, ru), lower case."""
    return frozenset(w.lower() for b in load_bodies().values() if b.kind in ("party", "faction")
                     for lang in ("kk", "ru") for n in b.names(lang) for w in WORD_RE.findall(n)
                     if len(w) >= LONG_WORD)


def near(word: str, known: str) -> bool:
    """Same length and one wrong letter or two neighbouring letters swapped."""
    if len(word) != len(known) or word == known:
        return False
    diff = [k for k, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                               and word[diff[0]] == known[diff[1]] and word[diff[1]] == known[diff[0]])


def corrected(text: str) -> str:
    """`text` with each long word one typo away from a party/faction name word replaced (same length)."""
    words = _party_words()

    def fix(m):
        low = m.group().lower()
        if len(low) < LONG_WORD or low in words:
            return m.group()
        known = next((k for k in sorted(words) if near(low, k)), None)
        return m.group() if known is None else "".join(
            k.upper() if c.isupper() else k for c, k in zip(m.group(), known, strict=True))
    return WORD_RE.sub(fix, text)


def _faction(line: Line) -> str | None | bool:
    """The faction a line names (its English name), None for a signer line without one, False otherwise."""
    bodies = load_bodies()
    for b in find_bodies(corrected(line.text), line.lang):
        if b.kind == "faction":
            return b.name_en
        if b.kind == "party":
            faction = next((f for f in bodies.values() if f.kind == "faction" and f.parent == b.id), None)
            return faction.name_en if faction else b.name_en
    return None if cue("signer").search(line.text) else False


def _names(line: Line) -> list[tuple[int, int]]:
    if SURNAME_FIRST.fullmatch(line.text):
        return [(line.start, line.end)]
    return [(line.start + m.start(), line.start + m.end()) for m in INITIALS_FIRST.finditer(line.text)]


def _resolved(signatory: Signatory, lang: str, when: str | None) -> Signatory:
    """The signatory with the id of the deputy it names, and that deputy's faction when none is written."""
    found = [m for m in find_officials(signatory.name, lang, when) if deputy_of(m.id)]
    if len(found) != 1 or found[0].end - found[0].start < len(signatory.name.rstrip(".")) - 1:
        return signatory
    deputy = deputy_of(found[0].id)
    signatory.id = deputy.id
    if signatory.faction is None and deputy.faction:
        signatory.faction = body_by_id(deputy.faction).name_en
    return signatory


def _signatories(part: Part, text: str, when: str | None = None) -> list[Signatory]:
    out: list[Signatory] = []
    faction: str | None = None
    bare: list[Signatory] = []  # the names of the previous line when it held nothing else
    named_before = False  # the previous line held names (a new faction line starts a new group)
    for line in _block(part):
        if starts_with("executor", line.text):
            bare = []
            continue
        if is_contact(line.text):
            out = [s for s in out if s not in bare]  # a name over a telephone line is the executor
            bare = []
            continue
        named = _faction(line)
        if named is not False and (named is not None or named_before):  # `фракциясының мүшелері` continues
            faction = named
        found = [_resolved(Signatory(text[s:e], s, e, " ".join(text[s:e].split()), faction), line.lang, when)
                 for s, e in _names(line)]
        out.extend(found)
        bare = found if found and named is False and len(found) == 1 else []
        named_before = bool(found)
    return out


@extractor("signatories", Signatory)
def extract_signatories(seg: Segmentation) -> list[Signatory]:
    """The deputies who signed an inquiry, each with the faction written above or beside the name."""
    doc = seg.doc
    if doc.kind != "inquiry":
        return []
    when = doc.date.isoformat() if doc.date else None
    return [s for part in parts(doc.text) for s in _signatories(part, doc.text, when)]
