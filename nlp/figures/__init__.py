"""Figures: every statistic of a Document as a record (value, qualifier, unit, what, kind, year, place, source).

`figures_of(segmentation)` (the registered extractor; `extract_figures(doc)` segments first) runs
paragraph by paragraph in the paragraph's language: sentences → numbers (nlp.numbers) → one Figure per
number that the gold conventions count as a figure. Around the number it reads, from data files in
nlp/resources/:
- the counted noun (`counted_<lang>.tsv`: адам → persons, бөгет → dams, года → years) that gives the
  unit, extends the span when directly attached and says whether a length of time is a duration
  (candidates.py);
- cues (`figcues_<lang>.tsv`): present-time words (year = document year, period "now"), reference
  periods (`соңғы 3 жылда`: a period, not a figure), proposals, norms, rates, "abroad" (kind.py);
- the reference year from the clause or sentence (`2022 жылғы жағдай бойынша`, `в 2019 году`), each
  item of a series keeping its own year; never the publication year by default (period.py);
- what is counted (what.py), the place (place.py, nlp.gazetteer), the source (source.py,
  nlp.sources) and the indicator (nlp.indicators).
"""

from .draft import Counted, Cue, Draft, FigureSentence
from .extract import extract_figures, figure_json, figures_in_text, figures_of
from .lexicon import CURRENCIES

__all__ = ["CURRENCIES", "Counted", "Cue", "Draft", "FigureSentence", "extract_figures", "figure_json",
           "figures_in_text", "figures_of"]
