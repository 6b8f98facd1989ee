"""`analyze(doc) -> Analysis`: the one entry from a Document to what it says.

The document is segmented once (nlp.lang.segment) and every registered extractor (nlp.extractors)
runs over the same segmentation, filling the Analysis field of its name.
"""

from __future__ import annotations

from ingest import Document

from .analysis import Addressee, Analysis, Demand
from .extractors import extractors
from .inquiry import response_due
from .lang import segment


def analyze(doc: Document) -> Analysis:
    """Run every registered extractor over the document; each item keeps offsets and page."""
    segmentation = segment(doc)
    analysis = Analysis(**{ex.name: ex.run(segmentation) for ex in extractors()})
    analysis.response_due = response_due(doc)
    direct_demands(analysis)
    return analysis


def direct_demands(analysis: Analysis) -> None:
    """Each demand is directed to the addressees of its part: the run of addressees before it (a bilingual
    inquiry addresses each half anew), else the first run; by English name, else as written."""
    events = sorted([(a.start, 0, a) for a in analysis.addressee] + [(d.start, 1, d) for d in analysis.demands],
                    key=lambda e: (e[0], e[1]))
    runs: list[list[Addressee]] = []
    waiting: list[Demand] = []  # demands before any address block take the first one
    after_demand = True
    for _, is_demand, item in events:
        if not is_demand:
            if after_demand:
                runs.append([])
            runs[-1].append(item)
            after_demand = False
        else:
            after_demand = True
            if runs:
                item.directed_to = item.directed_to or _names(runs[-1])
            else:
                waiting.append(item)
    for demand in waiting if runs else ():
        demand.directed_to = demand.directed_to or _names(runs[0])


def _names(block: list[Addressee]) -> str:
    return "; ".join(dict.fromkeys(a.name_en or a.name for a in block))
