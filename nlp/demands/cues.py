"""The cue words of demands by language (nlp/resources/demand_words_<lang>.tsv) as whole-word regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang.resources import LETTERS, forms, lang_rows
from ..lang.wordlists import ending_alt, word_alt, word_forms

CONCEPT = "demand_words"
# A list item opens with a number (`1.`, `2)`, `3 –`; not a date `21.05.2025`) or a bullet.
_NUMBERED = re.compile(r"\s*(\d{1,2})\s*(?:[.)](?!\d)|\s[–—-])\s*(?=\S)")
_BULLET = re.compile(r"\s*[•●▪■◦‣*–—-]\s+(?=\S)")
_QUOTE = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)")


@dataclass(frozen=True)
class Cues:
    """The compiled cue patterns of one language."""

    lang: str
    roles: dict[str, re.Pattern[str]]
    you_ending: re.Pattern[str]
    infinitive: re.Pattern[str]
    ordinals: tuple[tuple[re.Pattern[str], int], ...]

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

    def marker(self, text: str) -> tuple[str, int | None, int] | None:
        """(kind, number, length) of the list marker a paragraph opens with: num, bullet or ordinal."""
        if m := _NUMBERED.match(text):
            return "num", int(m.group(1)), m.end()
        for pattern, number in self.ordinals:
            if m := pattern.match(text):
                return "ordinal", number, m.end()
        if m := _BULLET.match(text):
            return "bullet", None, m.end()
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
    names = {r for _, r, *_ in lang_rows(CONCEPT, langs)} - {"you_ending", "ordinal", "wh", "inf_ending"}
    roles = {role: _whole(word_alt(CONCEPT, role, langs)) for role in names}
    endings = word_forms(CONCEPT, "you_ending", langs)
    you = re.compile(rf"{LETTERS}(?:{ending_alt(endings)})(?!\w)", re.IGNORECASE) if endings else re.compile("(?!)")
    wh, inf = word_alt(CONCEPT, "wh", langs), ending_alt(word_forms(CONCEPT, "inf_ending", langs))
    infinitive = re.compile(rf"^\W*(?:{wh})\s+{LETTERS}+(?:{inf})(?!\w)", re.IGNORECASE)
    ordinals = tuple((re.compile(rf"\s*(?:{re.escape(form)})(?![\w-])[\s,:]*", re.IGNORECASE), int(number))
                     for cell, role, number in (row for row in lang_rows(CONCEPT, langs) if len(row) > 2)
                     if role == "ordinal" for form in forms(cell))
    return Cues(lang, roles, you, infinitive, ordinals)
