"""The language layer: alphabets, vowel harmony, Kazakh endings, tokens, sentences, clauses,
segmentation, and the one loader of language data. Every nlp module (and corpus query stemming)
takes these from here instead of defining its own."""

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
from .script import (
    BACK_VOWELS,
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    FRONT_VOWELS,
    KAZAKH_LETTERS,
    KK_LOWER,
    LETTER,
    LOWER,
    RU_LOWER,
    UPPER,
    VOWELS,
    has_kazakh_letters,
    mixed_words,
    script_of,
)
from .segment import LANGS, Segment, Segmentation, Sentence, paragraph_lang, segment
from .sentences import clauses, sentences
from .tokens import WORD_RE, word_spans, words

__all__ = [
    "BACK", "BACK_VOWELS", "BOTH", "CYRILLIC_LOWER", "CYRILLIC_UPPER", "FRONT", "FRONT_VOWELS", "KAZAKH_LETTERS",
    "KK_LOWER", "LANGS", "LETTER", "LOWER", "RU_LOWER", "UPPER", "VOWELS", "WORD_RE", "ResourceError", "Segment",
    "Segmentation", "Sentence", "agrees", "alternation", "clauses", "endings_for", "file_problems", "form_regex",
    "forms", "harmony_of", "has_kazakh_letters", "lang_rows", "mixed_words", "morph", "paragraph_lang", "rows",
    "script_of", "segment", "sentences", "split_possessive", "stem_key", "table", "trie_regex", "word_spans",
    "words",
]
