"""Who signed an inquiry, with their factions, from the signature block at the foot of each part.

The block opens with the closing word (`Құрметпен,`, `С уважением,`) or, without one, is the run of
short lines at the end. A faction line (`«AMANAT» партиясы фракциясының депутаттары`) names the
faction of the names under it. The staff executor (`орынд:`, `Исп.:`, or a bare name followed by a
telephone line) is not a signatory.
"""

from __future__ import annotations

from ..analysis import Signatory
from ..extractors import extractor
from ..gazetteer import find_bodies, load_bodies
from ..lang import Segmentation
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


def _faction(line: Line) -> str | None | bool:
    """The faction a line names (its English name), None for a signer line without one, False otherwise."""
    bodies = load_bodies()
    for b in find_bodies(line.text, line.lang):
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


def _signatories(part: Part, text: str) -> list[Signatory]:
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
        found = [Signatory(text[s:e], s, e, " ".join(text[s:e].split()), faction) for s, e in _names(line)]
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
    return [s for part in parts(doc.text) for s in _signatories(part, doc.text)]
