"""When the answer to an inquiry is due: its announcement date (Document.date) plus the response term.

The term is a setting, not a verified rule: SAUAL_RESPONSE_DAYS (default 15) and SAUAL_RESPONSE_DAY_KIND
(`calendar`, the default, or `working`: Saturdays and Sundays skipped, public holidays not known).
See docs/DESIGN.md ("Response term").
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ingest import Document

from ..errors import NlpError

DEFAULT_DAYS = 15
DAY_KINDS = ("calendar", "working")


@dataclass(frozen=True)
class ResponseTerm:
    """The answer's term: `days` counted as calendar or working days from the announcement."""

    days: int = DEFAULT_DAYS
    kind: str = "calendar"

    def due(self, announced: dt.date) -> dt.date:
        """The last day of the term that starts the day after `announced`."""
        if self.kind == "calendar":
            return announced + dt.timedelta(days=self.days)
        day, left = announced, self.days
        while left:
            day += dt.timedelta(days=1)
            left -= day.weekday() < 5
        return day


def response_term() -> ResponseTerm:
    """The term of the settings (environment), checked."""
    raw_days = os.environ.get("SAUAL_RESPONSE_DAYS", str(DEFAULT_DAYS)).strip()
    kind = os.environ.get("SAUAL_RESPONSE_DAY_KIND", "calendar").strip().lower()
    if not raw_days.isdigit() or int(raw_days) <= 0:
        raise NlpError(f"SAUAL_RESPONSE_DAYS must be a positive number of days, not {raw_days!r}")
    if kind not in DAY_KINDS:
        raise NlpError(f"SAUAL_RESPONSE_DAY_KIND must be one of {', '.join(DAY_KINDS)}, not {kind!r}")
    return ResponseTerm(int(raw_days), kind)


def response_due(doc: Document, term: ResponseTerm | None = None) -> dt.date | None:
    """The due date of an inquiry's answer; None for other documents and undated inquiries."""
    if doc.kind != "inquiry" or doc.date is None:
        return None
    return (term or response_term()).due(doc.date)
