"""Whether a reply answers each demand of its inquiry: answered, partly or not answered.

A reply passage answers a demand when it names the demand's point (`По второму вопросу`, `2.`, `Екінші
ұсыныс бойынша`: nlp.point_number) and shares a content word with it, or else when it covers enough of the
demand's content words (stems, weighted by how few of the inquiry's demands share them). Deferral or
refusal (`будет рассмотрен`, `мүмкін емес`: nlp.defers) in that passage, or a weaker cover, makes it partly
answered. A lead-in (`прошу ответить на следующие вопросы:`) takes the statuses of the points under it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from nlp import defers, point_number

from .text import query_stems

ANSWERED, PARTLY, NOT_ANSWERED = "answered", "partly", "not_answered"
ANSWER_STATUSES = (ANSWERED, PARTLY, NOT_ANSWERED)
ANSWER_COVER = 0.45  # a passage covering this share of a demand's weighted content words answers it
PARTLY_COVER = 0.25  # … this share answers it partly
MIN_WORD = 5  # content words have at least this many letters (digits: two)
MIN_PASSAGE = 40  # shorter passages (signature, executor, contacts) answer nothing
HEADING = 80  # a numbered passage this short is a heading: the next passage belongs to it
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class DemandText:
    """A stored demand as judging needs it."""

    id: int
    type: str
    number: int | None
    text: str
    procedural: bool = False
    rhetorical: bool = False


@dataclass(frozen=True)
class ReplyPassage:
    """One passage of a reply's body: offsets into the reply's text, page and passage id."""

    id: int | None
    start: int
    end: int
    page: int | None
    text: str


@dataclass(frozen=True)
class Judgement:
    """A demand's status and the reply passage that answers it (None when nothing does)."""

    demand_id: int
    status: str
    score: float
    passage: ReplyPassage | None = None


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (letters ≥ MIN_WORD, abbreviations, numbers of two digits and more)."""
    out = set()
    for word in _WORD.findall(text):
        token = word.lower()
        if token.isdigit():
            if len(token) >= 2:
                out.add(token)
        elif word.isupper() and len(word) >= 3:  # an abbreviation (АЗРК, КГД) keeps its letters
            out.add(token)
        elif len(token) >= MIN_WORD:
            stems = query_stems(token)
            out.add(stems[-1] if stems else token)
    return out


def answerable(demand: DemandText) -> bool:
    """Procedural requests (answer in the term) and rhetorical questions ask for no answer of their own."""
    return not demand.procedural and not demand.rhetorical


def _units(passages: list[ReplyPassage]) -> list[tuple[ReplyPassage, int | None]]:
    """Body passages with the point each names; a short numbered heading is joined to the passage after it."""
    out: list[tuple[ReplyPassage, int | None]] = []
    body = [p for p in passages if len(p.text.strip()) >= MIN_PASSAGE or point_number(p.text.strip())]
    k = 0
    while k < len(body):
        p, number = body[k], point_number(body[k].text.strip())
        if number is not None and len(p.text.strip()) < HEADING and k + 1 < len(body) \
                and point_number(body[k + 1].text.strip()) is None:
            nxt = body[k + 1]
            p = ReplyPassage(p.id, p.start, nxt.end, p.page, f"{p.text}\n{nxt.text}")
            k += 1
        if len(p.text.strip()) >= MIN_PASSAGE:
            out.append((p, number))
        k += 1
    return out


def _weights(demands: list[DemandText]) -> tuple[dict[int, set[str]], dict[str, float]]:
    stems = {d.id: content_stems(d.text) for d in demands}
    df = Counter(s for found in stems.values() for s in found)
    n = max(len(demands), 1)
    return stems, {s: math.log(1 + n / c) for s, c in df.items()}


def _status(cover: float, passage: ReplyPassage, named: bool) -> str:
    if named or cover >= ANSWER_COVER:
        return PARTLY if defers(passage.text) else ANSWERED
    return PARTLY if cover >= PARTLY_COVER else NOT_ANSWERED


def _judge_one(demand: DemandText, stems: set[str], weight: dict[str, float],
               units: list[tuple[ReplyPassage, set[str], int | None]]) -> Judgement:
    total = sum(weight[s] for s in stems) or 1.0
    best: tuple[float, ReplyPassage | None, bool] = (0.0, None, False)
    for passage, found, number in units:
        cover = sum(weight[s] for s in stems & found) / total
        named = demand.number is not None and number == demand.number and cover > 0
        if (named, cover) > (best[2], best[0]):
            best = (cover, passage, named)
    cover, passage, named = best
    if passage is None:
        return Judgement(demand.id, NOT_ANSWERED, 0.0)
    status = _status(cover, passage, named)
    return Judgement(demand.id, status, round(cover, 3), passage if status != NOT_ANSWERED else None)


def _lead_ins(demands: list[DemandText]) -> dict[int, list[int]]:
    """Each lead-in demand's id → the ids of the points under it (until the next unnumbered request)."""
    out: dict[int, list[int]] = {}
    for k, d in enumerate(demands):
        if d.type != "demand" or d.number is not None:
            continue
        items = []
        for e in demands[k + 1:]:
            if e.type == "demand" and e.number is None:
                break
            items.append(e.id)
        first = demands[k + 1] if k + 1 < len(demands) else None
        if items and (d.text.rstrip().endswith(":") or (first is not None and first.number == 1)):
            out[d.id] = items
    return out


def _aggregate(demand_id: int, parts: list[Judgement]) -> Judgement:
    statuses = {j.status for j in parts}
    status = ANSWERED if statuses == {ANSWERED} else NOT_ANSWERED if statuses == {NOT_ANSWERED} else PARTLY
    score = sum(j.score for j in parts) / len(parts)
    return Judgement(demand_id, status, round(score, 3), next((j.passage for j in parts if j.passage), None))


def judge_demands(demands: list[DemandText], passages: list[ReplyPassage]) -> list[Judgement]:
    """A judgement for every answerable demand (in the demands' order) against the reply's body passages."""
    asked = [d for d in demands if answerable(d)]
    stems, weight = _weights(asked)
    units = [(p, content_stems(p.text), number) for p, number in _units(passages)]
    lead_ins = _lead_ins(asked)
    judged = {d.id: _judge_one(d, stems[d.id], weight, units) for d in asked if d.id not in lead_ins}
    for lead, items in lead_ins.items():
        parts = [judged[i] for i in items if i in judged]
        judged[lead] = _aggregate(lead, parts) if parts else _judge_one(
            next(d for d in asked if d.id == lead), stems[lead], weight, units)
    return [judged[d.id] for d in asked]
