"""Each addressee's answer rate: of the inquiries addressed to them, how many have a linked reply, and of their
demands (procedural requests and rhetorical questions aside), how many a reply answered or partly answered."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from .errors import CorpusError, db_reason
from .inquiries import addressed_inquiries
from .models import DemandAnswerRow, DemandRow, ReplyLinkRow
from .reply_views import reply_counts


@dataclass
class AnswerRate:
    """One addressee's inquiries and demands, answered and not."""

    addressee: str
    position: str | None
    inquiries: int = 0
    answered: int = 0
    demands: int = 0
    demands_answered: int = 0
    demands_partly: int = 0

    @property
    def rate(self) -> float | None:
        """Inquiries answered / inquiries addressed."""
        return self.answered / self.inquiries if self.inquiries else None

    @property
    def demand_rate(self) -> float | None:
        """Demands answered (fully) / answerable demands."""
        return self.demands_answered / self.demands if self.demands else None


def _demand_counts(conn, ids: list[int]) -> tuple[Counter, dict[tuple[int, str], int]]:
    asked = Counter(dict(conn.execute(
        select(DemandRow.document_id, func.count()).where(DemandRow.document_id.in_(ids),
                                                          DemandRow.procedural.is_(False),
                                                          DemandRow.rhetorical.is_(False))
        .group_by(DemandRow.document_id)).all()))
    judged = conn.execute(select(ReplyLinkRow.inquiry_id, DemandAnswerRow.status, DemandAnswerRow.demand_id)
                          .join(ReplyLinkRow, ReplyLinkRow.id == DemandAnswerRow.link_id)
                          .where(ReplyLinkRow.inquiry_id.in_(ids))).all()
    best: dict[int, tuple[int, str]] = {}  # a demand answered by several replies counts once, at its best
    rank = {"answered": 0, "partly": 1}
    for inquiry_id, status, demand_id in judged:
        if demand_id not in best or rank.get(status, 2) < rank.get(best[demand_id][1], 2):
            best[demand_id] = (inquiry_id, status)
    return asked, Counter(best.values())


def answer_rates(engine: Engine, *, today: dt.date | None = None) -> list[AnswerRate]:
    """Each addressee (by English name, else as written) with inquiries addressed and answered and their demands
    answered and partly answered; most inquiries first. (`today` is kept for callers; no rate depends on it.)"""
    try:
        with engine.connect() as conn:
            people = addressed_inquiries(conn)
            ids = [i for i, found in people.items() if found]
            if not ids:
                return []
            replies = reply_counts(conn, ids)
            asked, judged = _demand_counts(conn, ids)
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading answer rates failed: {db_reason(exc)}") from exc
    rates: dict[str, AnswerRate] = {}
    for inquiry in ids:
        addressees = people[inquiry]
        for name in dict.fromkeys(p.name for p in addressees):
            position = next((p.detail for p in addressees if p.name == name), None)
            rate = rates.setdefault(name, AnswerRate(name, position))
            rate.inquiries += 1
            rate.answered += bool(replies.get(inquiry, 0))
            rate.demands += asked.get(inquiry, 0)
            rate.demands_answered += judged.get((inquiry, "answered"), 0)
            rate.demands_partly += judged.get((inquiry, "partly"), 0)
    return sorted(rates.values(), key=lambda r: (-r.inquiries, -(r.rate or 0), r.addressee))
