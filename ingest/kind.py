"""What a document is: inquiry, reply, press_release, news or other.

Weighted markers (resources/kind_markers_kk.tsv, kind_markers_ru.tsv) are matched in a zone of
the text (head, tail or anywhere); each kind's evidence is summed and the best kind above a
threshold wins, else "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .document import Document
from .errors import IngestError
from .resources import load_rows

KINDS = ("inquiry", "reply", "press_release", "news")  # ties go to the earlier kind
OTHER = "other"
MIN_SCORE = 3
HEAD_CHARS = 600
TAIL_CHARS = 800
ZONES = ("head", "tail", "any")


class KindMarkerError(IngestError, ValueError):
    """A malformed row in a kind markers file (path: the resource file)."""


@dataclass(frozen=True)
class Marker:
    """One piece of evidence: a pattern in a zone that adds `weight` to `kind`."""

    kind: str
    weight: int
    zone: str
    pattern: re.Pattern[str]


@dataclass
class KindScores:
    """Summed evidence per kind and the markers that fired, for explaining a decision."""

    scores: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    hits: list[tuple[str, int, str]] = field(default_factory=list)

    def best(self) -> str:
        kind = max(KINDS, key=lambda k: (self.scores[k], -KINDS.index(k)))
        return kind if self.scores[kind] >= MIN_SCORE else OTHER


@cache
def markers() -> tuple[Marker, ...]:
    """All markers from the Kazakh and Russian data files."""
    found = []
    for name in ("kind_markers_kk.tsv", "kind_markers_ru.tsv"):
        for row in load_rows(name):
            if len(row) != 4 or row[0] not in KINDS or row[2] not in ZONES:
                raise KindMarkerError(name, f"bad row {row!r}; expected kind, weight, zone, regex")
            try:
                pattern = re.compile(row[3], re.IGNORECASE)
            except re.error as exc:
                raise KindMarkerError(name, f"bad pattern {row[3]!r}: {exc}") from None
            found.append(Marker(row[0], int(row[1]), row[2], pattern))
    return tuple(found)


def score_kinds(text: str) -> KindScores:
    """Sum each kind's marker weights over the text's zones."""
    zones = {"head": text[:HEAD_CHARS], "tail": text[-TAIL_CHARS:], "any": text}
    result = KindScores()
    for marker in markers():
        hit = marker.pattern.search(zones[marker.zone])
        if hit:
            result.scores[marker.kind] += marker.weight
            result.hits.append((marker.kind, marker.weight, hit.group(0)))
    return result


# A web page that declares itself an article (Open Graph og:type, schema.org NewsArticle) is
# published writing: evidence for news unless press-release markers outweigh it.
ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle"}
ARTICLE_WEIGHT = 2


def detect_kind(doc: Document) -> str:
    """inquiry, reply, press_release, news or other for a document: text markers plus page metadata."""
    result = score_kinds(doc.text)
    page_type = str(doc.metadata.get("og_type") or doc.metadata.get("schema_type") or "").lower()
    if page_type in ARTICLE_TYPES:
        result.scores["news"] += ARTICLE_WEIGHT
        result.hits.append(("news", ARTICLE_WEIGHT, f"page type {page_type}"))
    return result.best()
