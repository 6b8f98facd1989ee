"""A stored reply linked to the inquiry it answers, recomputed whenever a reply or an inquiry is stored (so a reply
stored before its inquiry links when the inquiry arrives), and each of the inquiry's demands judged (answers.py).

Candidates are scored by the evidence a reply gives (its nlp reference, contract `reply_to`): the cited date against
the inquiry's date, the cited number found in the inquiry, the signer or body against the inquiry's addressee,
the deputies of the address block against the signatories, then shared content words (weighted by rarity among
the candidates). The best candidate at LINK_MIN or above is linked; the rest is kept apart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from nlp.gazetteer import load_bodies, load_positions

from .answers import DemandText, ReplyPassage, content_stems, judge_demands
from .errors import CorpusError, db_reason
from .models import (
    AddresseeRow,
    DemandAnswerRow,
    DemandRow,
    DocumentRow,
    PassageRow,
    ReplyLinkRow,
    ReplyRefRow,
    SignatoryRow,
)

LINK_MIN = 5.0  # the least score of a link
DATE_WINDOW = 7  # a cited date up to this many days after the inquiry's (its registration) still agrees
SAME_DATE, NEAR_DATE, OTHER_DATE = 3.0, 1.0, -3.0
NUMBER = 4.0  # the cited number written in the inquiry
SIGNER = 3.0  # the signer is the inquiry's addressee
BODY, PARENT_BODY = 2.0, 1.0  # the reply's body is the addressee's (or under it: a ministry for the Government)
DEPUTY, DEPUTIES_MAX, NO_DEPUTY = 2.0, 4.0, -3.0  # each deputy addressed who signed the inquiry
CONTENT = 6.0  # times the weighted share of the reply's content words the inquiry shares
_NAME = re.compile(r"[^\W\d_]{3,}")


@dataclass
class ReplyFacts:
    """A stored reply's reference and content words."""

    id: int
    cited_date: dt.date | None
    cited_number: str | None
    deputies: list[str]
    signer_en: str | None
    bodies: set[str]
    stems: set[str]


@dataclass
class InquiryFacts:
    """A stored inquiry's date, addressees, signatories and content words."""

    id: int
    date: dt.date | None
    text: str
    addressees: set[str] = field(default_factory=set)  # English names
    bodies: set[str] = field(default_factory=set)  # bodies of the addressees' posts
    signatories: list[str] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)


def _surname(name: str) -> str:
    words = _NAME.findall(name)
    return max(words, key=len).casefold() if words else ""


def same_person(a: str, b: str) -> bool:
    """Two written names of one person by surname, case endings aside (`Перуашеву А.` ~ `А. Перуашев`)."""
    x, y = _surname(a), _surname(b)
    if not x or not y:
        return False
    common = len(next((x[:k] for k in range(min(len(x), len(y)), 0, -1) if x[:k] == y[:k]), ""))
    return common >= max(4, min(len(x), len(y)) - 2)


def _fold_number(number: str) -> str:
    return "".join(c for c in number.casefold() if c.isalnum())


def _date_score(reply: ReplyFacts, inquiry: InquiryFacts) -> tuple[float, str | None]:
    if reply.cited_date is None or inquiry.date is None:
        return 0.0, None
    days = (reply.cited_date - inquiry.date).days
    if days == 0:
        return SAME_DATE, "cited date"
    return (NEAR_DATE, "cited date near") if 0 < days <= DATE_WINDOW else (OTHER_DATE, "cited date differs")


def _who_score(reply: ReplyFacts, inquiry: InquiryFacts) -> tuple[float, str | None]:
    if reply.signer_en and reply.signer_en in inquiry.addressees:
        return SIGNER, "signed by the addressee"
    if reply.bodies & inquiry.bodies:
        return BODY, "the addressee's body"
    bodies = load_bodies()
    if any(bodies[b].parent in inquiry.bodies for b in reply.bodies if b in bodies):
        return PARENT_BODY, "a body under the addressee's"
    return 0.0, None


def _deputy_score(reply: ReplyFacts, inquiry: InquiryFacts) -> tuple[float, str | None]:
    if not reply.deputies or not inquiry.signatories:
        return 0.0, None
    found = sum(any(same_person(d, s) for s in inquiry.signatories) for d in reply.deputies)
    if not found:
        return NO_DEPUTY, "deputies differ"
    return min(DEPUTY * found, DEPUTIES_MAX), f"deputies {found}/{len(reply.deputies)}"


def link_score(reply: ReplyFacts, inquiry: InquiryFacts, idf: dict[str, float]) -> tuple[float, list[str]]:
    """(score, reasons) of the reply answering the inquiry; `idf` weighs content words by rarity."""
    parts = [_date_score(reply, inquiry), _who_score(reply, inquiry), _deputy_score(reply, inquiry)]
    if reply.cited_number and len(_fold_number(reply.cited_number)) >= 2:
        folded = {_fold_number(w) for w in re.findall(r"№\s*\S+|\S*\d\S*", inquiry.text)}
        if _fold_number(reply.cited_number) in folded:
            parts.append((NUMBER, "cited number"))
    total = sum(idf.get(s, 0.0) for s in reply.stems) or 1.0
    share = sum(idf.get(s, 0.0) for s in reply.stems & inquiry.stems) / total
    parts.append((CONTENT * share, f"content {share:.2f}"))
    return round(sum(p[0] for p in parts), 3), [p[1] for p in parts if p[1]]


def _reply_facts(conn, reply_id: int) -> ReplyFacts | None:
    ref = conn.execute(select(ReplyRefRow).where(ReplyRefRow.document_id == reply_id)
                       .order_by(ReplyRefRow.start)).mappings().first()
    text = conn.execute(select(DocumentRow.text).where(DocumentRow.id == reply_id)).scalar_one()
    if ref is None:
        return None
    body = text[ref["end"]:]  # what the reply says after citing the inquiry
    return ReplyFacts(reply_id, ref["cited_date"], ref["cited_number"], list(ref["deputies"] or []), ref["signer_en"],
                      {b for b in (ref["body_id"], ref["signer_body"]) if b}, content_stems(body))


def _addressee_bodies(positions: set[str]) -> set[str]:
    return {p.body for p in load_positions().values() if p.name_en in positions and p.body}


def _inquiries(conn, cited: dt.date | None) -> list[InquiryFacts]:
    """Stored inquiries (dated near `cited` or undated, else all) with their facts."""
    query = select(DocumentRow.id, DocumentRow.date, DocumentRow.text).where(DocumentRow.kind == "inquiry")
    if cited is not None:  # a cited date narrows the candidates; undated inquiries stay in
        query = query.where(or_(DocumentRow.date.is_(None), DocumentRow.date.between(
            cited - dt.timedelta(days=DATE_WINDOW), cited + dt.timedelta(days=DATE_WINDOW))))
    found = {r.id: InquiryFacts(r.id, r.date, r.text, stems=content_stems(r.text)) for r in conn.execute(query)}
    positions: dict[int, set[str]] = {i: set() for i in found}
    for r in conn.execute(select(AddresseeRow.document_id, AddresseeRow.name_en, AddresseeRow.position)
                          .where(AddresseeRow.document_id.in_(list(found)))):
        found[r.document_id].addressees.add(r.name_en or "")
        positions[r.document_id].add(r.position or "")
    for i, facts in found.items():
        facts.bodies = _addressee_bodies(positions[i])
    for r in conn.execute(select(SignatoryRow.document_id, SignatoryRow.name)
                          .where(SignatoryRow.document_id.in_(list(found))).order_by(SignatoryRow.start)):
        found[r.document_id].signatories.append(r.name)
    return list(found.values())


def best_inquiry(reply: ReplyFacts, inquiries: list[InquiryFacts]) -> tuple[InquiryFacts, float, list[str]] | None:
    """The inquiry the reply answers (score at least LINK_MIN), with its score and reasons; None when none is."""
    df = Counter(s for i in inquiries for s in i.stems)
    n = len(inquiries) + 1
    idf = {s: math.log(n / (df.get(s, 0) + 0.5)) for s in reply.stems}
    idf = {s: max(w, 0.0) for s, w in idf.items()}
    scored = [(i, *link_score(reply, i, idf)) for i in inquiries]
    scored = [s for s in scored if s[1] >= LINK_MIN]
    return max(scored, key=lambda s: (s[1], -s[0].id)) if scored else None


def _judgements(conn, reply_id: int, inquiry_id: int, ref_end: int):
    demands = [DemandText(r.id, r.type, r.number, r.text, bool(r.procedural), bool(r.rhetorical))
               for r in conn.execute(select(DemandRow.id, DemandRow.type, DemandRow.number, DemandRow.text,
                                            DemandRow.procedural, DemandRow.rhetorical)
                                     .where(DemandRow.document_id == inquiry_id)
                                     .order_by(DemandRow.start, DemandRow.id))]
    passages = [ReplyPassage(p.id, p.start, p.end, p.page, p.text)
                for p in conn.execute(select(PassageRow.id, PassageRow.start, PassageRow.end, PassageRow.page,
                                             PassageRow.text)
                                      .where(PassageRow.document_id == reply_id, PassageRow.start >= ref_end)
                                      .order_by(PassageRow.seq))]
    return judge_demands(demands, passages)


def _relink_reply(session: Session, reply_id: int) -> int | None:
    """Recompute one reply's link and its demand judgements; the linked inquiry's id, if any."""
    conn = session.connection()
    session.execute(delete(ReplyLinkRow).where(ReplyLinkRow.reply_id == reply_id))
    reply = _reply_facts(conn, reply_id)
    if reply is None:
        return None
    found = best_inquiry(reply, _inquiries(conn, reply.cited_date))
    if found is None:
        return None
    inquiry, score, reasons = found
    link = ReplyLinkRow(reply_id=reply_id, inquiry_id=inquiry.id, score=score, reasons=reasons)
    session.add(link)
    session.flush()
    ref_end = conn.execute(select(ReplyRefRow.end).where(ReplyRefRow.document_id == reply_id)
                           .order_by(ReplyRefRow.start)).scalars().first() or 0
    text = conn.execute(select(DocumentRow.text).where(DocumentRow.id == reply_id)).scalar_one()
    for j in _judgements(conn, reply_id, inquiry.id, ref_end):
        p = j.passage
        session.add(DemandAnswerRow(link_id=link.id, demand_id=j.demand_id, status=j.status, score=j.score,
                                    passage_id=p.id if p else None, page=p.page if p else None,
                                    start=p.start if p else None, end=p.end if p else None,
                                    quote=text[p.start:p.end] if p else None))
    return inquiry.id


def relink(engine: Engine, document_id: int) -> list[int]:
    """Recompute the reply links a newly stored document touches: its own when it is a reply, else those of the
    replies that may cite it when it is an inquiry. Returns the replies recomputed."""
    try:
        with Session(engine) as session, session.begin():
            conn = session.connection()
            kind, date = conn.execute(select(DocumentRow.kind, DocumentRow.date)
                                      .where(DocumentRow.id == document_id)).one()
            if kind == "reply":
                replies = [document_id]
            elif kind == "inquiry":
                query = select(ReplyRefRow.document_id).distinct()
                if date is not None:
                    query = query.where(or_(ReplyRefRow.cited_date.is_(None), ReplyRefRow.cited_date.between(
                        date - dt.timedelta(days=DATE_WINDOW), date + dt.timedelta(days=DATE_WINDOW))))
                replies = list(conn.execute(query).scalars())
            else:
                return []
            for reply_id in replies:
                session.execute(delete(DemandAnswerRow).where(DemandAnswerRow.link_id.in_(
                    select(ReplyLinkRow.id).where(ReplyLinkRow.reply_id == reply_id))))
                _relink_reply(session, reply_id)
    except SQLAlchemyError as exc:
        raise CorpusError(f"linking replies of document {document_id} failed: {db_reason(exc)}") from exc
    return replies
