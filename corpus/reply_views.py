"""Replies as the Inquiry pages read them: the replies linked to an inquiry and each demand's answer status
with the reply passage quoted (stored by reply_links.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from .models import DemandAnswerRow, DocumentRow, ReplyLinkRow, ReplyRefRow
from .titles import base_title


@dataclass
class LinkedReply:
    """A stored reply linked to an inquiry: its document, how it cites the inquiry, who signed it, the evidence."""

    document_id: int
    title: str
    date: dt.date | None
    score: float
    reasons: list[str] = field(default_factory=list)
    cited: str | None = None
    signer: str | None = None
    signer_position: str | None = None


@dataclass(frozen=True)
class DemandAnswer:
    """How a linked reply answers one demand (answered, partly, not_answered) and the passage it quotes."""

    status: str
    reply_id: int
    score: float = 0.0
    quote: str | None = None
    page: int | None = None
    passage_id: int | None = None
    start: int | None = None
    end: int | None = None


def reply_counts(conn, ids: list[int]) -> dict[int, int]:
    """How many linked replies each of these inquiries has (absent: none)."""
    return dict(conn.execute(select(ReplyLinkRow.inquiry_id, func.count()).where(ReplyLinkRow.inquiry_id.in_(ids))
                             .group_by(ReplyLinkRow.inquiry_id)).all())


def linked_replies(conn, inquiry_id: int) -> list[LinkedReply]:
    """The replies linked to an inquiry, oldest first, with their reference and signer."""
    rows = conn.execute(select(ReplyLinkRow.reply_id, ReplyLinkRow.score, ReplyLinkRow.reasons, DocumentRow.title,
                               DocumentRow.path, DocumentRow.date)
                        .join(DocumentRow, DocumentRow.id == ReplyLinkRow.reply_id)
                        .where(ReplyLinkRow.inquiry_id == inquiry_id)
                        .order_by(DocumentRow.date.is_(None), DocumentRow.date, ReplyLinkRow.reply_id)).all()
    out = []
    for r in rows:
        ref = conn.execute(select(ReplyRefRow.text, ReplyRefRow.signer, ReplyRefRow.signer_position)
                           .where(ReplyRefRow.document_id == r.reply_id).order_by(ReplyRefRow.start)).first()
        out.append(LinkedReply(r.reply_id, base_title(r.title, r.path, r.reply_id), r.date, r.score,
                               list(r.reasons or []), ref.text if ref else None, ref.signer if ref else None,
                               ref.signer_position if ref else None))
    return out


_RANK = {"answered": 0, "partly": 1, "not_answered": 2}


def demand_answers(conn, inquiry_id: int) -> dict[int, DemandAnswer]:
    """Each judged demand's id → its best answer over the linked replies (answered before partly before not)."""
    rows = conn.execute(select(DemandAnswerRow, ReplyLinkRow.reply_id)
                        .join(ReplyLinkRow, ReplyLinkRow.id == DemandAnswerRow.link_id)
                        .where(ReplyLinkRow.inquiry_id == inquiry_id)).mappings()
    out: dict[int, DemandAnswer] = {}
    for r in rows:
        answer = DemandAnswer(r["status"], r["reply_id"], r["score"], r["quote"], r["page"], r["passage_id"],
                              r["start"], r["end"])
        known = out.get(r["demand_id"])
        if known is None or (_RANK.get(answer.status, 3), -answer.score) < (_RANK.get(known.status, 3), -known.score):
            out[r["demand_id"]] = answer
    return out
