"""Which attribution cue governs a figure (rules in nlp.sources' docstring), answered in logarithmic time.

`CueIndex` sorts a document's sentences, cues and paragraph breaks once, so attributing every figure of
a document costs O(figures · log n) instead of a scan of the text and the cue list per figure, which
made analysis quadratic in the document's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .sources import SourceCue

__all__ = ["FOLLOW_SENTENCES", "NEWS_SENTENCES", "CueIndex", "attribute"]

FOLLOW_SENTENCES = 3     # how far back a `following` cue governs
NEWS_SENTENCES = 40      # how far back a news speaker governs

_PARA_RE = re.compile(r"\n[^\S\n]*\n")


class CueIndex:
    """A document's sentences (absolute spans, text order), cues and paragraph breaks, indexed by position."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], cues: list[SourceCue]):
        self.text = text
        self.sentences = sorted(sentences)
        self._sentence_starts = [s for s, _ in self.sentences]
        self.cues = sorted(cues, key=lambda c: c.start)
        self._cue_starts = [c.start for c in self.cues]
        self._breaks = [m.end() for m in _PARA_RE.finditer(text)]

    def sentence_of(self, pos: int) -> int | None:
        """The index of the sentence holding `pos`, or None between sentences."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i][1] else None

    def cues_in(self, start: int, end: int) -> list[SourceCue]:
        """The cues that start in [start, end), in text order."""
        return self.cues[bisect_left(self._cue_starts, start):bisect_left(self._cue_starts, end)]

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding `pos` starts: the end of the last blank line at or before it."""
        i = bisect_right(self._breaks, pos) - 1
        return self._breaks[i] if i >= 0 else 0

    def stripped(self, i: int) -> tuple[int, int]:
        """Sentence i without its leading white space."""
        s, e = self.sentences[i]
        while s < e and self.text[s].isspace():
            s += 1
        return s, e

    def attribute(self, figure_start: int, news: bool = False) -> SourceCue | None:
        """The cue that governs the figure starting at figure_start, or None."""
        i = self.sentence_of(figure_start)
        if i is None:
            return None
        s, e = self.stripped(i)
        here = self.cues_in(s, e)
        before = [c for c in here if c.start <= figure_start]
        after = [c for c in here if c.start > figure_start]
        b = before[-1] if before else None
        a = after[0] if after else None
        if b and a:
            return b if figure_start - b.end <= a.start - figure_start else a
        if b or a:
            return b or a
        return self._earlier(i, self.paragraph_start(s), news)

    def _earlier(self, i: int, paragraph_start: int, news: bool) -> SourceCue | None:
        """Rules 2 and 3: the nearest earlier sentence with a cue, if that cue reaches this far."""
        for back, j in enumerate(range(i - 1, -1, -1), 1):
            ps, pe = self.stripped(j)
            same_paragraph = ps >= paragraph_start
            in_sentence = self.cues_in(ps, pe)
            if not in_sentence:
                if (not same_paragraph or back >= FOLLOW_SENTENCES) and not news:
                    return None
                if news and back >= NEWS_SENTENCES:
                    return None
                continue
            last = in_sentence[-1]
            if news and last.speech:
                return last
            if same_paragraph and back <= FOLLOW_SENTENCES and last.scope == "following":
                return last
            return None
        return None


def attribute(text: str, sentences: list[tuple[int, int]], figure_start: int,
              cues: list[SourceCue], news: bool = False) -> SourceCue | None:
    """One figure's governing cue; build a CueIndex once instead when attributing many figures."""
    return CueIndex(text, sentences, cues).attribute(figure_start, news)
