"""The figures extractor: paragraph by paragraph, drafts → Figures with place, source and indicator."""

from __future__ import annotations

from dataclasses import asdict

from ingest import Document

from ..analysis import Figure
from ..extractors import extractor
from ..gazetteer import find_places
from ..indicators import carry_subject, generic_key, indicator_for
from ..lang import Segment, Segmentation, segment
from .candidates import drafts, inherits, series_head
from .draft import Draft
from .pairs import link_figures
from .place import Focus, carried_place, located, place_of
from .restate import carry_restatements
from .source import Attribution

Previous = tuple[Draft, int] | None  # the last draft with a unit and its paragraph's offset


def extract_figures(doc: Document) -> list[Figure]:
    """Every figure of the document, in text order; offsets into doc.text, page set."""
    return figures_of(segment(doc))


def figure_json(fig: Figure) -> dict:
    """A figure as the contract prints it: its fields plus `approx`."""
    item = asdict(fig)
    item["approx"] = fig.approx
    return item


def figures_in_text(text: str, lang: str | None, year: int | None = None) -> list[Draft]:
    """The figure drafts of one paragraph of text (for tests and callers without a Document)."""
    return drafts(text, lang, year)


@extractor("figures", Figure, to_json=figure_json)
def figures_of(segmentation: Segmentation) -> list[Figure]:
    """The figures of a segmented document (the registered extractor)."""
    doc = segmentation.doc
    out: list[Figure] = []
    focus, attribution = Focus(segmentation), Attribution(segmentation)
    prev: Previous = None
    carried: tuple[Draft, Figure] | None = None  # the last count with a unit and its figure
    last: Segment | None = None  # the previous paragraph
    for para in segmentation.segments if doc.paragraphs else ():
        found = drafts(para.text, para.lang, segmentation.year, para.sentences)
        last, previous = para, last
        if not found:
            continue
        prev, series, counts = _link(para, found, prev)
        places = located(para.text, find_places(para.text, para.lang))
        made: dict[int, tuple[Draft, Figure]] = {}
        for d in found:
            fig = _figure(doc, para, d)
            before = _before(para, d, previous) if d.counted is None else None  # only a bare count looks back
            fig.place = place_of(para.text, d, places, focus, doc.language, before)
            if before and not places and _opens(para, d):
                fig.place = carried_place(before, para.lang) or fig.place
            attribution.apply(fig)
            head = made.get(id(series.get(id(d))))
            if head is not None and head[1].place == fig.place:
                fig.indicator = head[1].indicator  # items of a series count what its head counts
            else:
                fig.indicator = _indicator(para, d, fig, previous)
                pd = counts.get(id(d))
                count = made.get(id(pd)) or (carried if carried is not None and carried[0] is pd else None)
                if count is not None:  # `Из них 102 тыс. трудятся в России`: of the count before
                    fig.indicator = carry_subject(fig.indicator, count[1].indicator, fig.unit, fig.place)
            made[id(d)] = (d, fig)
            out.append(fig)
        if prev is not None and id(prev[0]) in made:
            carried = made[id(prev[0])]
    carry_restatements(out)
    link_figures(segmentation, out)
    return out


def _link(para: Segment, found: list[Draft], prev: Previous) -> tuple[Previous, dict[int, Draft], dict[int, Draft]]:
    """Bare numbers take the unit and what of the count before them; bracketed series items the what
    of their head. Returns the new previous count, id(draft) → the head of its series and
    id(draft) → the count a bare number continues."""
    series: dict[int, Draft] = {}
    counts: dict[int, Draft] = {}
    for d in found:
        if prev is not None and inherits(prev, d, para.start):
            pd = prev[0]
            counts[id(d)] = pd
            d.unit, d.what = pd.unit, pd.what
            if (d.year is None and d.period is None) or d.elliptic:  # `Из них 1 тыс. нелегально.`
                d.year, d.period = pd.year, pd.period
        else:
            head = series_head(para.text, found, d)
            if head is not None:
                d.what = head.what  # 8 902 адам (2019 жылы – 10 707 адам): a series of the same thing
                series[id(d)] = head
        if d.unit:
            prev = (d, para.start)
    return prev, series, counts


def _indicator(para: Segment, d: Draft, fig: Figure, previous: Segment | None) -> str | None:
    """The figure's key from its sentence; a figure with no subject of its own (`Сейчас их около 20 тыс.`,
    `Из них 3 тыс.` keyed only as persons) takes the subject of the sentence before it (in the paragraph,
    else the last of the previous paragraph: `Число казахстанцев, работающих в Корее, растёт.`)."""
    sent = _without_source(para.text[d.sentence.start:d.sentence.end], fig.source, d.start - d.sentence.start)
    lang, at = para.lang or "", d.start - d.sentence.start
    key = indicator_for(fig.what, sent, lang, fig.unit, fig.place, at=at, noun=_noun(para, d))
    if d.counted is not None or not generic_key(key):
        return key  # a counted noun (`2 года`, `8 млн тонн`) or a specific concept: a subject of its own
    prev = _before(para, d, previous)
    if not prev:
        return key
    prev += " "
    return indicator_for(fig.what, prev + sent, lang, fig.unit, fig.place, at=len(prev) + at) or key


def _without_source(sent: str, source: str | None, at: int) -> str:
    """The sentence with its source's words blanked (`Министр энергетики сообщил, что цена бензина …`: who
    says it is not what is counted); offsets are kept."""
    pos = sent.find(source) if source and len(source) > 3 else -1
    if pos < 0 or pos <= at < pos + len(source):
        return sent
    return sent[:pos] + " " * len(source) + sent[pos + len(source):]


def _before(para: Segment, d: Draft, previous: Segment | None) -> str:
    """The sentence before the draft's: in its paragraph, else the last of the `previous` paragraph."""
    starts = [s.start for s in para.sentences if s.end <= d.sentence.start]
    if starts:
        return para.text[starts[-1]:d.sentence.start]
    if previous is None or not previous.sentences:
        return ""
    last = previous.sentences[-1]
    return previous.text[last.start:last.end]


def _opens(para: Segment, d: Draft) -> bool:
    """The draft is in its paragraph's first sentence."""
    return not any(s.end <= d.sentence.start for s in para.sentences)


def _noun(para: Segment, d: Draft) -> str | None:
    """The counted noun's first word (`зейнеткерлер`, `фельдшеров`), not a time, age or measure word
    (`тонн` says how much, not what)."""
    c = d.counted
    if c is None or c.kind in ("time", "age", "measure"):
        return None
    words = para.text[c.start:c.end].split()
    return words[0] if words else None


def _figure(doc: Document, para: Segment, d: Draft) -> Figure:
    """The Figure of a draft, in document offsets (place, source and indicator set by the caller)."""
    start, end = para.start + d.start, para.start + d.end
    return Figure(text=doc.text[start:end], start=start, end=end, value=d.m.value, qualifier=d.m.qualifier,
                  unit=d.unit or "count", value_max=d.m.value_max, page=doc.page_at(start), what=d.what,
                  year=d.year, period=d.period, kind=d.kind, contrast=d.sentence.has("contrast"),
                  lang_part=(para.lang or para.script_lang) if "+" in (doc.language or "") else None)
