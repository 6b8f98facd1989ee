"""Where a figure is: a place named in its clause or sentence, else the paragraph's or the document's."""

from __future__ import annotations

import re
from functools import cache

from ..gazetteer import PlaceMention, find_places
from ..lang import LANGS, Segmentation
from ..lang.wordlists import word_alt
from .draft import Draft


class Focus:
    """The region or city a document is about, found on first use."""

    def __init__(self, segmentation: Segmentation):
        self.segmentation = segmentation
        self._focus: str | None | bool = False

    @property
    def name(self) -> str | None:
        """The first place named in the document's first body paragraph (200+ characters)."""
        if self._focus is False:
            self._focus = None
            doc = self.segmentation.doc
            for para in self.segmentation.segments if doc.paragraphs else ():
                if len(para.text) < 200:
                    continue
                named = [p for p in find_places(para.text, para.lang) if not p.deictic]
                if named:
                    self._focus = named[0].name_en
                break
        return self._focus  # type: ignore[return-value]


def located(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places a paragraph's figures may be in: without those naming whose citizens are counted
    (`Қазақстан азаматтары`, `граждан Казахстана`), once per paragraph."""
    return [p for p in places if p.deictic or not _nationality(text, p)]


def place_of(text: str, d: Draft, places: list[PlaceMention], focus: Focus, doc_language: str | None,
             before: str | None = None) -> str | None:
    """`places`: the paragraph's, through `located`. Clause place > sentence place > "abroad" (null) > deictic Kazakhstan > "abroad" said in the sentence
    `before` it (this paragraph's or the last of the previous one) of a figure without a counted noun of its own > paragraph's single place >
    the document's focus region > Kazakhstan for a domestic document."""
    sent = d.sentence
    ca, cb = sent.clause_of(d.m.start)
    named = [p for p in places if not p.deictic]
    in_clause = [p for p in named if ca <= p.start < cb]
    if in_clause:
        return _join_places(text, in_clause)
    in_sent = [p for p in named if sent.start <= p.start < sent.end]
    if in_sent:
        before = [p for p in in_sent if p.end <= d.m.start]
        return (before[-1] if before else in_sent[0]).name_en
    if sent.has("abroad"):
        return None
    if any(sent.start <= p.start < sent.end for p in places if p.deictic):
        return "Kazakhstan"
    if d.counted is None and before and _abroad_re().search(before):
        return None
    before_names = {p.name_en for p in named if p.end <= sent.start}
    if len(before_names) == 1:
        return before_names.pop()
    if focus.name:
        return focus.name
    if (doc_language or "").split("+")[0] in LANGS:
        return "Kazakhstan"
    return None


def carried_place(before: str, lang: str | None) -> str | None:
    """The single place named in the sentence before (the previous paragraph's last), for a bare count
    opening a paragraph that names none: `Число казахстанцев в Корее растёт.` / `Сейчас их 20 тыс.`"""
    names = {p.name_en for p in located(before, find_places(before, lang)) if not p.deictic}
    return names.pop() if len(names) == 1 else None


@cache
def _abroad_re() -> re.Pattern[str]:
    """The "abroad" cue words of figcues_<lang>.tsv."""
    return re.compile(rf"(?<!\w)(?:{word_alt('figcues', 'abroad')})(?!\w)", re.IGNORECASE)


@cache
def _nationality_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(after, before) patterns: a citizen noun right after (kk) or right before (ru) a place name."""
    kk, ru = ("kk",), ("ru",)
    mid_kk, mid_ru = word_alt("nationality_words", "between", kk), word_alt("nationality_words", "between", ru)
    after = re.compile(rf"\s+(?:(?:{mid_kk})\s+)?(?:\d[\d\s.,]*(?:[^\W\d_]+\s+)?)?(?:{word_alt('nationality_words', 'after', kk)})(?!\w)",
                       re.IGNORECASE)
    before = re.compile(rf"(?<!\w)(?:{word_alt('nationality_words', 'before', ru)})\s+(?:(?:{mid_ru})\s+)?$",
                        re.IGNORECASE)
    return after, before


def _nationality(text: str, p: PlaceMention) -> bool:
    """`Қазақстан азаматтары`, `граждан Казахстана`: the place names whose citizens are counted, not where."""
    after, before = _nationality_res()
    return bool(after.match(text, p.end) or before.search(text[max(0, p.start - 40):p.start]))


@cache
def _and_re() -> re.Pattern[str]:
    """A conjunction joining two places (`и`, `және`, `мен`, `and`)."""
    words = "|".join(word_alt("conjunctions", role, (*LANGS, "xx")) for role in ("and", "with"))
    return re.compile(rf"(?:^|\s)(?:{words})\s")


def _join_places(text: str, items: list[PlaceMention]) -> str:
    """`в Великобритании и странах ЕС` → "United Kingdom and European Union"; else the last one."""
    names: list[str] = []
    for p in items:
        if p.name_en not in names:
            names.append(p.name_en)
    if len(names) > 1:
        gap = text[items[0].end:items[-1].start].lower()
        if _and_re().search(gap) and len(gap) < 40:
            return " and ".join(names)
    return items[-1].name_en
