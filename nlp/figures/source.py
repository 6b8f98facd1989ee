"""Who a figure's number comes from: the attribution cue (nlp.sources) that governs it."""

from __future__ import annotations

from .. import sources
from ..analysis import Figure
from ..attribution import CueIndex
from ..lang import Segmentation


class Attribution:
    """The source cues of one document, found once on first use, and the sentences they govern."""

    def __init__(self, segmentation: Segmentation):
        self.segmentation = segmentation
        self._cues: list[sources.SourceCue] | None = None
        self._index: CueIndex | None = None

    def apply(self, fig: Figure) -> None:
        """Set fig.source and fig.source_kind from the cue that governs it.

        Cues are found once over the whole text in the document's languages (both for kk+ru), not in the
        language of whichever paragraph held the first figure."""
        doc = self.segmentation.doc
        if self._cues is None:
            doc_lang = doc.language if doc.language in ("kk", "ru") else None
            self._cues = sources.find_sources(doc.text, doc_lang)
            sentences = [(p.start + s.start, p.start + s.end) for p in self.segmentation.segments
                         if doc.paragraphs for s in p.sentences]
            self._index = CueIndex(doc.text, sentences, self._cues)
        cue = self._index.attribute(fig.start, news=doc.kind == "news")
        if cue is not None:
            fig.source = cue.source
            fig.source_kind = cue.kind
