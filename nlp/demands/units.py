"""The paragraphs of an inquiry as units for demands: list items (joined across a page break) and
the lists they form, each with its lead-in and whether it asks or proposes something."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import Segmentation, sentences
from .cues import Cues, cues

_ENDS = ".;?!:…"
_COLON = re.compile(r":\s+(?=\w)")


@dataclass
class Unit:
    """One paragraph (an item with its continuation paragraphs): doc offsets, language, list marker."""

    start: int
    end: int
    lang: str
    kind: str | None = None  # num, bullet, ordinal or None (prose)
    number: int | None = None
    page: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ItemList:
    """Consecutive items of one list and the unit before its first item (its lead-in)."""

    items: list[Unit]
    leadin: Unit | None
    asks: bool = False


def units(seg: Segmentation) -> list[Unit]:
    """The paragraphs of the document as units; a paragraph that continues an item (starts lower-case
    after an item without final punctuation, as across a page break) is joined to it."""
    text, out = seg.doc.text, []
    for para in seg.segments:
        body = para.text.strip()
        if not body:
            continue
        lang = para.lang or para.script_lang
        last = out[-1] if out else None
        if last is not None and last.kind and (body[0].islower() or para.page != last.page) \
                and text[last.start:last.end].rstrip()[-1] not in _ENDS and not cues(lang).has("close", body):
            last.end = para.end
            continue
        mark = cues(lang).marker(para.text)
        kind, number = (mark[0], mark[1]) if mark else (None, None)
        out.append(Unit(para.start, para.end, lang, kind, number, para.page))
    for unit in out:
        unit.sentences = _split_leadins(text, sentences(text, unit.start, unit.end), cues(unit.lang))
    return out


def _split_leadins(text: str, spans: list[tuple[int, int]], c: Cues) -> list[tuple[int, int]]:
    """Sentences, with a lead-in that runs on after its colon (`возникают вопросы: Когда…?`) cut off."""
    out = []
    for start, end in spans:
        m = _COLON.search(text, start, end)
        if m and text[m.end()].isupper() and colon_leadin(c, text[start:m.start() + 1]):
            out += [(start, m.start() + 1), (m.end(), end)]
        else:
            out.append((start, end))
    return out


def item_lists(all_units: list[Unit]) -> list[ItemList]:
    """The lists of items: numbers that go on (1, 2, 3; a skipped number allowed, prose between
    allowed), bullets in a row, ordinal words in a row."""
    lists: list[ItemList] = []
    current: ItemList | None = None
    previous: Unit | None = None
    for unit in all_units:
        if unit.kind and current and _continues(current, unit, previous):
            current.items.append(unit)
        elif unit.kind:
            current = ItemList([unit], previous if previous is not None and not previous.kind else None)
            lists.append(current)
        elif current and current.items[-1].kind != "num":
            current = None
        previous = unit
    return lists


def _continues(current: ItemList, unit: Unit, previous: Unit | None) -> bool:
    last = current.items[-1]
    if unit.kind != last.kind or unit.lang != last.lang:
        return False
    if unit.kind == "bullet":
        return previous is last
    return last.number is not None and unit.number is not None and last.number < unit.number <= last.number + 2


def leadin_sentence(unit: Unit, text: str) -> tuple[int, int] | None:
    """The last sentence of a unit when it opens a list of questions or proposals, else None."""
    if not unit.sentences:
        return None
    start, end = unit.sentences[-1]
    sentence = text[start:end].rstrip()
    c = cues(unit.lang)
    return (start, end) if c.has("leadin", sentence) or colon_leadin(c, sentence) else None


def colon_leadin(c: Cues, sentence: str) -> bool:
    """A sentence ending in a colon with a cue word (`Ұсыныстар:`, `возникают вопросы:`, `предлагаем:`)."""
    roles = ("leadin", "offer", "demand", "request3", "proposal", "modal")
    return sentence.rstrip().endswith(":") and any(c.has(role, sentence) for role in roles)


def asks(items: ItemList, text: str, zone: bool) -> bool:
    """Whether a list asks or proposes: it has a lead-in, or an item says so (ұсынамын, прошу) or asks
    a question, or it is a list of ordinal words after the requests began."""
    if items.leadin is not None and leadin_sentence(items.leadin, text):
        return True
    if items.items[0].kind == "ordinal":
        return zone
    c: Cues = cues(items.items[0].lang)
    bodies = [text[u.start:u.end].rstrip() for u in items.items]
    return any(b.endswith("?") or c.has("demand", b) or c.has("proposal", b) for b in bodies)


def item_type(items: ItemList, text: str) -> str:
    """demand for the items of a bare request (`просим:`), else proposal (`Ұсыныстар:`, `прошу
    рассмотреть следующие предложения:`)."""
    span = leadin_sentence(items.leadin, text) if items.leadin is not None else None
    if span is None:
        return "proposal"
    c, sentence = cues(items.leadin.lang), text[span[0]:span[1]]
    bare = (c.has("demand", sentence) or c.has("request3", sentence)) and not c.has("offer", sentence)
    return "demand" if bare else "proposal"
