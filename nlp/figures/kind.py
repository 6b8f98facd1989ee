"""A figure's kind: statistic, money, count, rate, norm, proposal or duration."""

from __future__ import annotations

import re

from .draft import Draft
from .lexicon import CURRENCIES

_KK_PROPOSAL_RE = re.compile(r"\w{3,}(?:у|ю)\s+(?:қажет|керек)\b|\w{3,}(?:уды|уді|юды|юді)\s*[;.]?\s*$",
                             re.IGNORECASE)
_RU_PROPOSAL_RE = re.compile(r"\b(?:необходимо|следует|нужно|надо|прошу|просим)\s+(?:\w+\s+){0,2}\w+(?:ть|ти|чь)\b",
                             re.IGNORECASE)


def kind_of(text: str, d: Draft, langs: tuple[str, ...]) -> None:
    """Set d.kind: statistic, money, count, rate, norm, proposal or duration."""
    sent = d.sentence
    ca, cb = sent.clause_of(d.m.start)
    if _is_proposal(text, d, langs):
        d.kind = "proposal"
    elif d.unit in CURRENCIES:
        d.kind = "money"
    elif d.counted is not None and d.counted.kind in ("time", "age") and d.unit == d.counted.unit:
        d.kind = "duration"
    elif sent.has("norm", ca, cb):
        d.kind = "norm"
    elif d.unit == "rate":
        d.kind = "rate"
    elif d.unit == "percent":
        rate = sent.has("rate") or _rate_growth(text, d)
        d.kind = "rate" if rate else "statistic"
    elif d.counted is not None and d.counted.kind == "count":
        d.kind = "count"
    else:
        d.kind = "statistic"


def _is_proposal(text: str, d: Draft, langs: tuple[str, ...]) -> bool:
    sent = d.sentence
    body = text[sent.start:sent.end]
    if sent.has("proposal"):
        return True
    if "kk" in langs and _KK_PROPOSAL_RE.search(body):
        return True
    return "ru" in langs and bool(_RU_PROPOSAL_RE.search(body))


def _rate_growth(text: str, d: Draft) -> bool:
    """`80 пайызға артты`, `выросла на 5%`: a percent change without a starting level is a rate."""
    tail = text[d.m.end:d.m.end + 25].lower()
    head = text[max(d.sentence.start, d.m.start - 25):d.m.start].lower()
    if re.search(r"(?:ға|ге|қа|ке)\s*$", text[d.m.start:d.m.end].lower()) and \
            re.match(r"\s*(?:арт|өс|ұлғай|көбей|төменде|азай|қысқар)", tail):
        return not re.search(r"(?:дан|ден|тан|тен|нан|нен)\s+$", head)
    return bool(re.search(r"(?:выросл?\w*|увеличил\w*|снизил\w*|сократил\w*|вырос)\s+на\s+$", head))
