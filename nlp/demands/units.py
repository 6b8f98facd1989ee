"""The paragraphs of an inquiry as units for demands: list items (joined across a page break) and
the lists they form, each with its lead-in and whether it asks or proposes something."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import Segment, Segmentation, sentences
from .cues import Cues, cues

_ENDS = ".;?!:…"
FURNITURE = 80  # page furniture (header, footer, page number, stamp) is at most this long
MAX_FURNITURE = 4  # and at most this many paragraphs between an item and its continuation
_COLON = re.compile(r":\s+(?=\w)")


@dataclass
class Unit:
    """One paragraph (an item with its continuation paragraphs): doc offsets, language, list marker.

    `number` is the number of the list's top item it belongs to (`1.2.` and `б)` under item 1 → 1), `own`
    the marker's own number, `label` where it stands as the list numbers it (`1`, `1.2`, `1.б`, `б`)."""

    start: int
    end: int
    lang: str
    kind: str | None = None  # num, sub, letter, bullet, ordinal or None (prose)
    number: int | None = None
    page: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    own: int | None = None
    parent: int | None = None  # the `1` of a `1.2.` marker
    style: str = ""
    label: str | None = None
    marker: str = ""  # the marker's text (`б`, `1.2`), for the label


@dataclass
class ItemList:
    """Consecutive items of one list and the unit before its first item (its lead-in); `top` is its last
    top-level item, `child` the last item nested under it."""

    items: list[Unit]
    leadin: Unit | None
    asks: bool = False
    top: Unit | None = None
    child: Unit | None = None


def units(seg: Segmentation) -> list[Unit]:
    """The paragraphs of the document as units; a paragraph that continues an item (starts lower-case
    after an item without final punctuation, as across a page break, over a page header, footer or stamp)
    is joined to it."""
    text, out = seg.doc.text, []
    for para in seg.segments:
        body = para.text.strip()
        if not body:
            continue
        lang = para.lang or para.script_lang
        k = _open_item(out, para.page, text)
        if k is not None and (body[0].islower() or para.page != out[k].page) and not cues(lang).has("close", body):
            del out[k + 1:]  # the page furniture between lies inside the item now
            out[k].end = para.end
            continue
        out.append(_unit(para, lang))
    for unit in out:
        unit.sentences = _split_leadins(text, sentences(text, unit.start, unit.end), cues(unit.lang))
    return out


def _unit(para: Segment, lang: str) -> Unit:
    """A paragraph as a unit, with its list marker if it opens with one."""
    mark = cues(lang).marker(para.text)
    if mark is None:
        return Unit(para.start, para.end, lang, page=para.page)
    label = {"bullet": "", "ordinal": str(mark.number)}.get(mark.kind, para.text[:mark.end].strip().rstrip(".)–—- "))
    return Unit(para.start, para.end, lang, mark.kind, mark.number, para.page, own=mark.number,
                parent=mark.parent, style=mark.style, marker=label)


def _open_item(out: list[Unit], page: int | None, text: str) -> int | None:
    """The index of the last item, when it has no final punctuation and nothing follows it but a little page
    furniture, with the paragraph at hand on another page."""
    k = len(out) - 1
    while k >= max(0, len(out) - MAX_FURNITURE) and furniture(out[k], text):
        k -= 1
    if k < 0 or not out[k].kind or text[out[k].start:out[k].end].rstrip()[-1] in _ENDS:
        return None
    return k if k == len(out) - 1 or page != out[k].page else None


def furniture(unit: Unit, text: str) -> bool:
    """Page furniture left in the text (a page header or footer, a page number, a registration stamp): a
    short paragraph that is no item and ends without sentence punctuation."""
    body = text[unit.start:unit.end].strip()
    return not unit.kind and len(body) <= FURNITURE and body[-1:] not in _ENDS


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


def item_lists(all_units: list[Unit], text: str) -> list[ItemList]:
    """The lists of items: numbers that go on (1, 2, 3; a skipped number allowed, prose between allowed),
    letters or bullets in a row, ordinal words in a row; items of another style under a numbered item
    (`1.1.`, `а)`, `1)`, `-` under `1.`) nested in it; page furniture at a page break between items."""
    lists: list[ItemList] = []
    current: ItemList | None = None
    gap: list[Unit] = []  # the non-item units since the current list's last item
    for unit in all_units:
        bridged = not gap or (all(furniture(u, text) for u in gap) and unit.page != current.items[-1].page) \
            if current else False
        if unit.kind == "sub" and unit.own != 1 and not (current and bridged and _nested(current, unit)):
            unit.kind = None  # `1.5 млн …` is no item: a sub-number goes on under its item or starts at x.1
        if not unit.kind:
            gap.append(unit)
            if current and current.top.kind != "num" and not furniture(unit, text):
                current = None
            continue
        if current and _continues(current, unit, bridged):
            current.items.append(unit)
            current.top, current.child = unit, None
            unit.label = unit.marker or None
        elif current and bridged and _nested(current, unit):
            current.items.append(unit)
            current.child = unit
            unit.number = current.top.number
            unit.label = ".".join(filter(None, (current.top.label, unit.marker.split(".")[-1]))) or None
        else:
            leadin = gap[-1] if gap else None
            current = ItemList([unit], leadin, top=unit)
            unit.label = unit.marker or None
            lists.append(current)
        gap = []
    return lists


def _continues(current: ItemList, unit: Unit, bridged: bool) -> bool:
    """A next top-level item: the same style and language, its number going on (bullets: right after)."""
    top = current.top
    if unit.style != top.style or unit.lang != top.lang:
        return False
    if unit.kind == "bullet":
        return bridged and current.items[-1] is top
    return top.own is not None and unit.own is not None and top.own < unit.own <= top.own + 2


def _nested(current: ItemList, unit: Unit) -> bool:
    """An item of another style right under a numbered top item (or after its previous nested item)."""
    top, child = current.top, current.child
    if top.own is None or unit.style == top.style or unit.lang != top.lang:
        return False
    if unit.kind == "sub" and unit.parent != top.own:
        return False
    if child is not None and child.style == unit.style:
        return unit.kind == "bullet" or (child.own is not None and unit.own is not None
                                         and child.own < unit.own <= child.own + 2)
    return unit.kind == "bullet" or unit.own == 1


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
