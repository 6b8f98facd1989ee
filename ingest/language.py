"""Language of a paragraph (kk, ru or other) and of a whole document (kk, ru, kk+ru, ru+kk, other).

Fast rule first: the share of common (lower-case) words spelled with Kazakh-specific letters, so a
Russian paragraph naming `Қосанов` stays Russian. Short or unclear paragraphs go to py3langid
restricted to kk/ru. Latin-script, digit-only and empty paragraphs are "other".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .document import Document
from .script import KAZAKH_LETTERS, LETTER_WORD_RE

KK, RU, OTHER = "kk", "ru", "other"

# Fast rule thresholds on the share of common words carrying a Kazakh-specific letter. In running
# Kazakh prose that share is about 0.4-0.6 (case suffixes -ның, -ға, -қа, -і ...); in Russian it is
# zero but for a rare Kazakh loan word. Between the two the model decides.
KK_SHARE = 0.25
RU_SHARE = 0.04
# Fewer common words than this and the fast rule does not trust itself; calling a text Russian
# for want of Kazakh letters needs more words than calling it Kazakh for having them.
MIN_WORDS = 6
MIN_RU_WORDS = 12
# The model's answer is taken when at least this confident; else the letter rule breaks the tie.
MODEL_CONFIDENCE = 0.75
# A "ru" from the model over a text holding Kazakh letters must be at least this sure.
RU_OVER_KAZAKH_LETTERS = 0.95
# Fewer letters than this (`т. 74-64-02`) carry no language; a paragraph whose letters are mostly
# Latin (`e-mail: x@parlam.kz`, an English quote) is "other", but Latin names inside Cyrillic prose
# (`«Amanat» партиясы`, `e-license`) leave it in its Cyrillic language.
MIN_LETTERS = 3
LATIN_DOMINANCE = 0.3
# A paragraph with no lower-case word and at most this many words (besides initials) is weak:
# its language is settled by its neighbours.
WEAK_WORDS = 2
# Document language: a paragraph of prose has at least this many letters (and MIN_WORDS words).
# A document is bilingual when its second language holds at least BILINGUAL_SHARE of the kk+ru
# prose letters over at least BILINGUAL_PARAGRAPHS paragraphs. Languages whose letter counts lie
# within BALANCED of the total of each other are named in order of appearance.
PROSE_LETTERS = 40
BILINGUAL_SHARE = 0.1
BILINGUAL_PARAGRAPHS = 2
BALANCED = 0.1



@dataclass
class LetterCounts:
    """How many Cyrillic, Latin and Kazakh-specific letters a text holds."""

    cyrillic: int = 0
    latin: int = 0
    kazakh: int = 0

    @property
    def letters(self) -> int:
        return self.cyrillic + self.latin


def _letter_class(letters: Iterable[str]) -> re.Pattern[str]:
    """One regex character class matching exactly these characters."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(set(letters))) + "]")


_CYRILLIC = [chr(o) for o in range(0x400, 0x500) if chr(o).isalpha()]
_CYRILLIC_RE = _letter_class(_CYRILLIC)
_KAZAKH_RE = _letter_class(ch for ch in _CYRILLIC if ch in KAZAKH_LETTERS)
_LATIN_RE = _letter_class(chr(o) for o in range(128) if chr(o).isalpha())


def count_letters(text: str) -> LetterCounts:
    """Count letters by script; Kazakh-specific ones are also Cyrillic (three C-speed scans, not a loop)."""
    return LetterCounts(cyrillic=len(_CYRILLIC_RE.findall(text)), latin=len(_LATIN_RE.findall(text)),
                        kazakh=len(_KAZAKH_RE.findall(text)))


_CYRILLIC_CHAR = re.compile("[\u0400-\u04ff]")
_KAZAKH_ANY = _letter_class(KAZAKH_LETTERS)


def kazakh_word_share(text: str) -> tuple[float, int, int]:
    """Share of Cyrillic words with a Kazakh-specific letter, words weighed, Kazakh-spelled common words.

    Only words starting lower-case are weighed (names are capitalised), unless the text has too
    few of them, as in an upper-case heading: then all Cyrillic words count.
    """
    words = [w for w in LETTER_WORD_RE.findall(text) if _CYRILLIC_CHAR.search(w)]
    common = [w for w in words if w[0].islower()]
    pool = common if len(common) >= 3 else words
    if not pool:
        return 0.0, 0, 0
    kk = _KAZAKH_ANY.search
    common_kk = sum(1 for w in common if kk(w))
    return sum(1 for w in pool if kk(w)) / len(pool), len(pool), common_kk


@cache
def _identifier():
    """py3langid's identifier restricted to Kazakh and Russian, with probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([KK, RU])
    return identifier


def model_language(text: str) -> tuple[str, float]:
    """py3langid's kk/ru guess and its probability."""
    lang, prob = _identifier().classify(text)
    return lang, prob


def _without_names(text: str) -> str:
    """The text minus capitalised, Kazakh-spelled words inside a sentence (names such as Қосанов).

    py3langid leans hard on Kazakh letters, so `Уважаемый Нұржан Молдиярұлы!` would read as Kazakh.
    Sentence-initial words stay (`Құрметті ...`); if nothing but names is left, the text is kept.
    """
    kk = KAZAKH_LETTERS
    kept: list[str] = []
    sentence_start = True
    for token in text.split():
        word = token.strip("«»\"'“”„()[]")
        is_name = (not sentence_start and word[:1].isupper() and any(c in kk for c in word))
        if not is_name:
            kept.append(token)
        if any(c.isalpha() for c in token):
            sentence_start = token.endswith((".", "!", "?", ":"))
    rest = " ".join(kept)
    return rest if sum(c.isalpha() for c in rest) >= 3 else text


def detect_paragraph_language(text: str) -> str:
    """kk, ru or other for one paragraph."""
    counts = count_letters(text)
    if counts.letters < MIN_LETTERS or counts.cyrillic < LATIN_DOMINANCE * counts.letters:
        return OTHER
    share, weighed, common_kk = kazakh_word_share(text)
    if weighed >= MIN_WORDS and share >= KK_SHARE:
        return KK
    if weighed >= MIN_RU_WORDS and share <= RU_SHARE:
        return RU
    if weighed < MIN_WORDS and common_kk:
        return KK  # a lower-case word spelled with Kazakh letters is a Kazakh word
    unnamed = _without_names(text)
    lang, prob = model_language(unnamed)
    if lang == RU and count_letters(unnamed).kazakh and prob < RU_OVER_KAZAKH_LETTERS:
        return KK
    if prob >= MODEL_CONFIDENCE:
        return lang
    return KK if counts.kazakh else RU


def is_weak(text: str) -> bool:
    """Too little text to have a language of its own: no lower-case word, at most two words
    besides initials (`О.А. Бектеновке`, `Н. Арсютин`, `Премьер – Министрі`)."""
    words = [w for w in LETTER_WORD_RE.findall(text) if len(w) >= 2]
    return not any(w[0].islower() for w in words) and len(words) <= WEAK_WORDS


def settle_paragraph_languages(doc: Document) -> None:
    """Give weak kk/ru paragraphs the language of the run they stand in.

    A name or a short heading between paragraphs of one language takes that language; on a
    boundary between two languages it keeps its own reading; "other" paragraphs stay "other".
    """
    texts = [doc.text[p.start:p.end] for p in doc.paragraphs]
    strong = [p.language if p.language in (KK, RU) and not is_weak(t) else None
              for p, t in zip(doc.paragraphs, texts)]
    previous: str | None = None
    before = []
    for lang in strong:
        before.append(previous)
        previous = lang or previous
    following: str | None = None
    after: list[str | None] = []
    for lang in reversed(strong):
        after.append(following)
        following = lang or following
    after.reverse()
    for para, own, prev, nxt in zip(doc.paragraphs, strong, before, after):
        if own is not None or para.language not in (KK, RU):
            continue
        if prev and nxt and prev != nxt:
            continue
        para.language = prev or nxt or para.language


@dataclass
class LanguageShare:
    """One language's part of a document: letters, letters in prose paragraphs, and where it lies."""

    letters: int = 0
    prose_letters: int = 0
    prose_paragraphs: int = 0
    weighted_position: float = 0.0  # sum of letters x paragraph start, for the centre of mass

    @property
    def centre(self) -> float:
        return self.weighted_position / self.letters if self.letters else float("inf")


def language_shares(doc: Document) -> dict[str, LanguageShare]:
    """Per paragraph language: its letters over the whole document, and how much of it is prose."""
    shares = {KK: LanguageShare(), RU: LanguageShare(), OTHER: LanguageShare()}
    for para in doc.paragraphs:
        text = doc.text[para.start:para.end]
        letters = count_letters(text).letters
        share = shares[para.language if para.language in shares else OTHER]
        share.letters += letters
        share.weighted_position += letters * para.start
        if letters >= PROSE_LETTERS and len(LETTER_WORD_RE.findall(text)) >= MIN_WORDS:
            share.prose_letters += letters
            share.prose_paragraphs += 1
    return shares


def detect_document_language(doc: Document) -> str:
    """The main language by letter share; kk+ru / ru+kk when the other one has real prose too.

    Bilingual means the second language holds at least BILINGUAL_SHARE of the kk+ru letters in
    prose paragraphs, over at least BILINGUAL_PARAGRAPHS of them, so a Kazakh header line in a
    Russian inquiry does not count. When both are near half (a text followed by its
    translation), the one that comes first is named first.
    """
    shares = language_shares(doc)
    kk, ru = shares[KK], shares[RU]
    if kk.letters + ru.letters == 0:
        return OTHER
    if abs(kk.letters - ru.letters) <= BALANCED * (kk.letters + ru.letters):
        main, second = (KK, RU) if kk.centre <= ru.centre else (RU, KK)
    else:
        main, second = (KK, RU) if kk.letters > ru.letters else (RU, KK)
    prose = kk.prose_letters + ru.prose_letters
    minor = shares[second]
    if (prose and minor.prose_letters / prose >= BILINGUAL_SHARE
            and minor.prose_paragraphs >= BILINGUAL_PARAGRAPHS):
        return f"{main}+{second}"
    return main
