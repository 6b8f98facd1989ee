"""The cue words of demands by language (nlp/resources/demand_words_<lang>.tsv) as whole-word regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang.resources import LETTERS, forms, lang_rows
from ..lang.wordlists import ending_alt, word_alt, word_forms

CONCEPT = "demand_words"
# A list item opens with a number (`1.`, `2)`, `3 –`; not a date `21.05.2025`), a sub-number (`1.2.`,
# `2.3)`), a letter of the alphabet with a bracket (`б)`: the letters are data) or a bullet.
_NUMBERED = re.compile(r"\s*(\d{1,2})\s*(?:([.)])(?!\d)|\s[–—-])\s*(?=\S)")
_SUB = re.compile(r"\s*(\d{1,2})\.(\d{1,2})(?:[.)]|\s)(?!\d)\s*(?=\S)")
_BULLET = re.compile(r"\s*[•●▪■◦‣*–—-]\s+(?=\S)")
_LETTER = re.compile(r"\s*(\w)\)\s*(?=\S)")
_QUOTE = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)")


@dataclass(frozen=True)
class Marker:
    """The list marker a paragraph opens with: kind (num, sub, letter, ordinal, bullet), the number it gives
    (a letter's place in the alphabet), `parent` (the `1` of `1.2.`), where the text after it starts, and
    `style` (`num.` and `num)` are two styles: a `1)` list under a `1.` item is nested)."""

    kind: str
    number: int | None
    end: int
    parent: int | None = None
    style: str = ""


@dataclass(frozen=True)
class Cues:
    """The compiled cue patterns of one language."""

    lang: str
    roles: dict[str, re.Pattern[str]]
    you_ending: re.Pattern[str]
    infinitive: re.Pattern[str]
    ordinals: tuple[tuple[re.Pattern[str], int], ...]
    letters: dict[str, int]

    def has(self, role: str, text: str) -> bool:
        """Whether `text` (quotations masked) holds a cue word of `role`."""
        pattern = self.roles.get(role)
        return bool(pattern and pattern.search(unquoted(text)))

    def addresses_reader(self, text: str) -> bool:
        """A second-person form (kk verbal noun -ыңызды, ru Вас/Вам)."""
        text = unquoted(text)
        return self.has("you", text) or bool(self.you_ending.search(text))

    def is_modal(self, text: str) -> bool:
        """A proposing modal (қажет, необходимо) that is not one of the non-proposing uses."""
        return self.has("modal", text) and not self.has("not_modal", text)

    def rhetorical_form(self, text: str) -> bool:
        """A question in the form of one that expects no answer (емес пе?, почему же, откуда взяться)."""
        return self.has("rhetorical", text) or bool(self.infinitive.search(text))

    def marker(self, text: str) -> Marker | None:
        """The list marker a paragraph opens with, if any."""
        if m := _SUB.match(text):
            return Marker("sub", int(m.group(2)), m.end(), int(m.group(1)), "sub")
        if m := _NUMBERED.match(text):
            return Marker("num", int(m.group(1)), m.end(), style="num" + (m.group(2) or "-"))
        if (m := _LETTER.match(text)) and m.group(1).lower() in self.letters:
            return Marker("letter", self.letters[m.group(1).lower()], m.end(), style="letter")
        for pattern, number in self.ordinals:
            if m := pattern.match(text):
                return Marker("ordinal", number, m.end(), style="ordinal")
        if m := _BULLET.match(text):
            return Marker("bullet", None, m.end(), style="bullet")
        return None


def unquoted(text: str) -> str:
    """text with quotations («…», “…”) blanked: cue words inside quoted speech are not the deputy's."""
    return _QUOTE.sub(lambda m: " " * len(m.group()), text)


def _whole(alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


@cache
def cues(lang: str) -> Cues:
    """The cues of `lang` (kk or ru)."""
    langs = (lang,)
    names = {r for _, r, *_ in lang_rows(CONCEPT, langs)} - {"you_ending", "ordinal", "letter", "wh", "inf_ending"}
    roles = {role: _whole(word_alt(CONCEPT, role, langs)) for role in names}
    endings = word_forms(CONCEPT, "you_ending", langs)
    you = re.compile(rf"{LETTERS}(?:{ending_alt(endings)})(?!\w)", re.IGNORECASE) if endings else re.compile("(?!)")
    wh, inf = word_alt(CONCEPT, "wh", langs), ending_alt(word_forms(CONCEPT, "inf_ending", langs))
    infinitive = re.compile(rf"^\W*(?:{wh})\s+{LETTERS}+(?:{inf})(?!\w)", re.IGNORECASE)
    ordinals = tuple((re.compile(rf"\s*(?:{re.escape(form)})(?![\w-])[\s,:]*", re.IGNORECASE), int(number))
                     for cell, role, number in (row for row in lang_rows(CONCEPT, langs) if len(row) > 2)
                     if role == "ordinal" for form in forms(cell))
    letters = {form.lower(): int(number) for cell, role, number in (r for r in lang_rows(CONCEPT, langs) if len(r) > 2)
               if role == "letter" for form in forms(cell)}
    return Cues(lang, roles, you, infinitive, ordinals, letters)
