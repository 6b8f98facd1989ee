"""What a reply to a deputy inquiry says about the inquiry it answers: the date and number it cites
(`На Ваш депутатский запрос от 21 мая 2025 года № ДЗ-412`, `Сіздің 2025 жылғы 21 мамырдағы № ДС-398
депутаттық сауалыңызға`), its own outgoing/incoming numbers, the deputies of its address block, the body
of its letterhead and who signed it. Cue words: nlp/resources/reply_<lang>.tsv.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict
from functools import cache
from typing import Any

from ingest.dates import find_dates

from ..analysis import ReplyReference
from ..extractors import extractor
from ..gazetteer import find_officials, find_positions, link_org
from ..lang import Segmentation
from ..lang.wordlists import word_alt
from .frame import INITIALS_FIRST, SURNAME_FIRST, Line, is_contact, lines, starts_with

HEAD_LINES = 14  # the letterhead, numbers and address block stand in the first lines
TAIL_LINES = 12  # the signature stands in the last lines
CITE_WINDOW = 140  # characters either side of the citing words searched for the date and number
NUMBER = re.compile(r"№\s*([^\s,;]*\d[^\s,;]*)")


@cache
def reply_cue(role: str) -> re.Pattern[str]:
    """The words of one role of reply_<lang>.tsv as a case-insensitive pattern."""
    return re.compile(rf"(?<!\w)(?:{word_alt('reply', role)})(?!\w)", re.IGNORECASE)


def _number(text: str) -> str | None:
    m = NUMBER.search(text)
    return m.group(1).rstrip(".") if m else None


def _labelled_number(head: list[Line], role: str) -> str | None:
    """The number after an `Исх. №` / `Шығ. №` style label in the head."""
    for line in head:
        m = reply_cue(role).search(line.text)
        if m and m.start() <= 2:
            return _number(line.text[m.end():])
    return None


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around the citing words: same paragraph, at most CITE_WINDOW characters either side."""
    left = max(text.rfind("\n\n", 0, start), start - CITE_WINDOW, 0)
    right = text.find("\n\n", end)
    right = min(right if right >= 0 else len(text), end + CITE_WINDOW)
    return left, right


def _cited(text: str, skip: set[int]) -> tuple[int, int, dt.date | None, str | None] | None:
    """(start, end, date, number) of the first citing phrase outside the numbered head lines in `skip`."""
    for m in reply_cue("cite").finditer(text):
        if text.rfind("\n", 0, m.start()) + 1 in skip:
            continue
        left, right = _window(text, m.start(), m.end())
        dates = [d for d in find_dates(text[left:right]) if not d.stamp]
        date = min(dates, key=lambda d: abs(left + d.start - m.start())) if dates else None
        span = [m.start(), m.end()] + ([left + date.start, left + date.end] if date else [])
        number = None
        for n in NUMBER.finditer(text, left, right):
            if abs(n.start() - m.start()) <= CITE_WINDOW:
                number = n.group(1).rstrip(".")
                span += [n.start(), n.end()]
                break
        return min(span), max(span), date.date if date else None, number
    return None


def _deputies(head: list[Line]) -> list[str]:
    """The deputies the address block names (`Депутатам Мажилиса … Ерубаеву С., Перуашеву А.`)."""
    k = next((i for i, line in enumerate(head) if reply_cue("deputies").search(line.text)), None)
    if k is None:
        return []
    names: list[str] = []
    for line in head[k:]:
        if starts_with("salutation", line.text) or reply_cue("cite").search(line.text):
            break
        found = SURNAME_FIRST.findall(line.text) + INITIALS_FIRST.findall(line.text)
        names += [" ".join(n.split()) for n in found if " ".join(n.split()) not in names]
    return names


def _body(head: list[Line], lang: str) -> tuple[str | None, str | None]:
    """(the letterhead's body as written, its gazetteer id): the upper-case lines naming a body."""
    caps = []
    for line in head[:4]:
        if line.text.upper() != line.text or not any(c.isalpha() for c in line.text):
            break
        caps.append(line.text)
    written = " ".join(caps)
    if not written or not reply_cue("body").search(written):
        return None, None
    found = link_org(written, lang)
    return written, found.id if found else None


def _signer(tail: list[Line], lang: str, when: str | None) -> dict[str, Any]:
    """The signer's name, post as written, gazetteer name_en and the body of the post."""
    for k in range(len(tail) - 1, -1, -1):
        line = tail[k]
        if is_contact(line.text) or starts_with("executor", line.text):
            continue
        names = list(INITIALS_FIRST.finditer(line.text)) or list(SURNAME_FIRST.finditer(line.text))
        if not names:
            continue
        post = line.text[:names[-1].start()].strip()
        if not reply_cue("post").search(post) and k and reply_cue("post").search(tail[k - 1].text):
            post = f"{tail[k - 1].text} {post}"  # `Премьер-Министр` over `Республики Казахстан   О. Бектенов`
        if not reply_cue("post").search(post):
            continue
        name = " ".join(names[-1].group().split())
        official = find_officials(name, lang, when)
        positions = find_positions(post, lang)
        return {"signer": name, "signer_position": " ".join(post.split()) or None,
                "signer_en": official[0].name_en if official else None,
                "signer_body": positions[-1].body if positions else None}
    return {}


def reply_reference(text: str, lang: str, date: dt.date | None = None) -> ReplyReference | None:
    """The reference a reply's text makes to its inquiry; None when it neither cites one nor addresses deputies."""
    all_lines = lines(text)
    head, tail = all_lines[:HEAD_LINES], all_lines[-TAIL_LINES:]
    numbered = {line.start for line in head if any(reply_cue(r).search(line.text[:8]) for r in ("outgoing", "incoming"))}
    cited = _cited(text, numbered)
    deputies = _deputies(head)
    if cited is None and not deputies:
        return None
    start, end = (cited[0], cited[1]) if cited else (head[0].start, head[0].end)
    body, body_id = _body(head, lang)
    return ReplyReference(text[start:end], start, end, cited_date=cited[2] if cited else None,
                          cited_number=cited[3] if cited else None,
                          outgoing_number=_labelled_number(head, "outgoing"),
                          incoming_number=_labelled_number(head, "incoming"), deputies=deputies, body=body,
                          body_id=body_id, **_signer(tail, lang, date.isoformat() if date else None))


def reference_json(ref: ReplyReference) -> dict[str, Any]:
    """A reference as the contract writes it (dates as YYYY-MM-DD)."""
    out = asdict(ref)
    out["cited_date"] = ref.cited_date.isoformat() if ref.cited_date else None
    return out


@extractor("reply_to", ReplyReference, reference_json)
def extract_reply_to(seg: Segmentation) -> list[ReplyReference]:
    """The inquiry a reply answers, as the reply cites it (none for other kinds of document)."""
    doc = seg.doc
    if doc.kind != "reply":
        return []
    lang = "kk" if doc.language.startswith("kk") else "ru"
    ref = reply_reference(doc.text, lang, doc.date)
    if ref is None:
        return []
    ref.page = doc.page_at(ref.start)
    return [ref]

