"""The demands extractor: questions, proposals and requests of an inquiry, with list numbers.

Items of a list that asks or proposes (after a lead-in such as `Ұсыныстар:` / `прошу ответить на
следующие вопросы:`, or with `ұсынамын` in an item) are proposals, or questions when they end in `?`;
elsewhere a `?`-sentence is a question (rhetorical when it stands inside the argument, before the
requests, and has a rhetorical form or position), a first-person request is a demand (procedural when
it asks for the answer within the statutory term), a first-person proposal a proposal, and after the
requests began a sentence with a proposing modal (қажет, необходимо) is a proposal too.
"""

from __future__ import annotations

import bisect

from ..analysis import Demand
from ..extractors import extractor
from ..lang import Segmentation
from .cues import Cues, cues
from .pairs import link_demands
from .units import ItemList, Unit, asks, colon_leadin, item_lists, item_type, leadin_sentence, units

NOT_INQUIRIES = ("news", "reply")  # kinds of document that ask nothing of their reader


@extractor("demands", Demand)
def demands_of(seg: Segmentation) -> list[Demand]:
    """Every question, proposal and demand of a segmented document, in text order."""
    if seg.doc.kind in NOT_INQUIRIES:
        return []
    text = seg.doc.text
    all_units = units(seg)
    lists = item_lists(all_units, text)
    zone = _zone(all_units, lists, text)
    listed: set[int] = set()
    out: list[Demand] = []
    for items in lists:
        if asks(items, text, zone.inside(items.items[0].start, items.items[0].lang)):
            listed.update(id(u) for u in items.items)
            for unit in items.items:
                out.extend(_item_demands(seg, unit, item_type(items, text)))
    leadins: dict[int, set] = {}
    for items in lists:
        if items.leadin is not None:
            leadins.setdefault(id(items.leadin), set()).add(leadin_sentence(items.leadin, text))
    for unit in all_units:
        if id(unit) not in listed:
            out.extend(_prose_demands(seg, unit, zone, leadins.get(id(unit), set())))
    bilingual = "+" in (seg.doc.language or "")
    for d in out:
        d.lang_part = d.lang_part if bilingual else None
    out.sort(key=lambda d: d.start)
    link_demands(seg, out)
    return out


def _zone(all_units: list[Unit], lists: list[ItemList], text: str) -> Zone:
    """Where the requests begin (a list's lead-in, a sentence ending in a lead-in colon, a first-person
    proposal) and end (the closing formula), per language."""
    marks: list[tuple[int, str, bool]] = []  # (offset, language, True where the requests begin / False: end)
    for items in lists:
        if items.items[0].kind != "ordinal" and asks(items, text, False):
            first = items.leadin if items.leadin and leadin_sentence(items.leadin, text) else items.items[0]
            marks.append((first.start, first.lang, True))
    for unit in all_units:
        c = cues(unit.lang)
        for start, end in unit.sentences:
            sentence = text[start:end]
            if c.has("close", sentence):
                marks.append((start, unit.lang, False))
            elif colon_leadin(c, sentence) or (not _question(sentence) and c.has("proposal", sentence)):
                marks.append((start, unit.lang, True))
    return Zone(marks)


class Zone:
    """Where the requests are, per language: after a mark that opens them and before one that closes them
    (looked up by bisection, so a long text costs no more per sentence than a short one)."""

    def __init__(self, marks: list[tuple[int, str, bool]]) -> None:
        self._offsets: dict[str, list[int]] = {}
        self._opens: dict[str, list[bool]] = {}
        for offset, lang, opens in sorted(marks, key=lambda m: m[0]):
            self._offsets.setdefault(lang, []).append(offset)
            self._opens.setdefault(lang, []).append(opens)

    def inside(self, at: int, lang: str) -> bool:
        """Whether offset `at` (language `lang`) lies after the requests began and before the close."""
        i = bisect.bisect_right(self._offsets.get(lang, []), at)
        return i > 0 and self._opens[lang][i - 1]


def _question(sentence: str) -> bool:
    return sentence.rstrip().rstrip("»”\")").endswith("?")


def _item_demands(seg: Segmentation, unit: Unit, kind: str) -> list[Demand]:
    """One list item: each question on its own, the other sentences together as one `kind`."""
    text, c = seg.doc.text, cues(unit.lang)
    out: list[Demand] = []
    run: tuple[int, int] | None = None
    for start, end in unit.sentences:
        if _question(text[start:end]):
            if run:
                out.append(_statement(seg, unit, run, c, kind))
                run = None
            out.append(_demand(seg, unit, (start, end), "question"))
        else:
            run = (run[0] if run else start, end)
    if run:
        out.append(_statement(seg, unit, run, c, kind))
    for d in out:
        d.number, d.label = unit.number, unit.label
    return out


def _statement(seg: Segmentation, unit: Unit, span: tuple[int, int], c: Cues, kind: str) -> Demand:
    procedural = _procedural(c, seg.doc.text[span[0]:span[1]])
    return _demand(seg, unit, span, "demand" if procedural else kind, procedural)


def _procedural(c: Cues, sentence: str) -> bool:
    return c.has("term", sentence) and c.has("answer", sentence)


def _prose_demands(seg: Segmentation, unit: Unit, zone: Zone, leadins: set) -> list[Demand]:
    """The demands among the sentences of a paragraph that is not an item of an asking list (`leadins`: its
    sentences that open a list)."""
    text, c = seg.doc.text, cues(unit.lang)
    out = []
    for i, span in enumerate(unit.sentences):
        sentence, in_zone = text[span[0]:span[1]], zone.inside(span[0], unit.lang)
        kind = _sentence_kind(c, sentence, in_zone, span in leadins)
        if kind == "question":
            last = i == len(unit.sentences) - 1
            rhetorical = not in_zone and (c.rhetorical_form(sentence) or not last)
            out.append(_demand(seg, unit, span, kind, rhetorical=rhetorical))
        elif kind:
            out.append(_demand(seg, unit, span, kind, kind == "demand" and _procedural(c, sentence)))
    return out


def _sentence_kind(c: Cues, sentence: str, in_zone: bool, leadin: bool) -> str | None:
    """question, demand, proposal or None for one sentence outside the lists."""
    if _question(sentence):
        return "question"
    if _procedural(c, sentence) or c.has("demand", sentence):
        return "demand"
    if c.has("request3", sentence) and (in_zone or c.addresses_reader(sentence)):
        return "demand"
    if leadin:
        return None
    if c.has("proposal", sentence) or (in_zone and c.is_modal(sentence)):
        return "proposal"
    return None


def _demand(seg: Segmentation, unit: Unit, span: tuple[int, int], kind: str, procedural: bool = False,
            rhetorical: bool = False) -> Demand:
    text = seg.doc.text
    start, end = span
    while end > start and text[end - 1].isspace():
        end -= 1
    return Demand(text[start:end], start, end, kind, procedural, page=seg.doc.page_at(start),
                  rhetorical=rhetorical, lang_part=unit.lang)
