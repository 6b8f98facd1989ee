"""The language layer: alphabets, vowel harmony, Kazakh endings, tokens, sentences, clauses,
segmentation, and the one loader of language data. Every nlp module (and corpus query stemming)
takes these from here instead of defining its own."""

from . import script
from .endings import endings_for, split_possessive, stem_key
from .harmony import BACK, BOTH, FRONT, agrees, harmony_of
from .morph import morph
from .resources import (
    ResourceError,
    alternation,
    file_problems,
    form_regex,
    forms,
    lang_rows,
    rows,
    table,
    trie_regex,
)
from .script import *  # the alphabets (names in script.__all__)
from .segment import LANGS, Segment, Segmentation, Sentence, paragraph_lang, segment, split_sentences
from .sentences import clauses, sentences
from .tokens import WORD_RE, word_spans, words

__all__ = [
    "BACK", "BOTH", "FRONT", "LANGS", "WORD_RE", "ResourceError", "Segment", "Segmentation", "Sentence", "agrees",
    "alternation", "clauses", "endings_for", "file_problems", "form_regex", "forms", "harmony_of", "lang_rows",
    "morph", "paragraph_lang", "rows", "segment", "sentences", "split_possessive", "split_sentences", "stem_key",
    "table", "trie_regex", "word_spans", "words",
]
__all__ += script.__all__
