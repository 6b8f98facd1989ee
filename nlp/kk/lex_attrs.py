"""Lexical attributes of Kazakh: `like_num` from the number-word table, longer affix features.

Number words, scale words and their endings come from nlp/resources (numbers_kk.tsv, scales_kk.tsv,
endings_kk.tsv), the same tables the figure extractor reads. PREFIX and SUFFIX are widened to 5 and
4 lower-case letters: Kazakh is agglutinative, and the NER's hash embeddings use them as stem and
case-ending features.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import LIKE_NUM, PREFIX, SUFFIX

from nlp.lang.resources import forms, rows, trie_regex

_DIGITS = re.compile(r"[+\-−]?\d+(?:[.,\s]\d+)*%?")


@cache
def ordinal_endings() -> tuple[str, ...]:
    """The ordinal endings of ordinal_endings_kk.tsv (`бесінші`, `7-ші`)."""
    return tuple(r[0] for r in rows("ordinal_endings_kk.tsv"))


@cache
def _number_regex() -> re.Pattern[str]:
    """Number and scale words, each with its ordinal and listed endings (numbers_kk, scales_kk)."""
    endings = [r[0] for r in rows("endings_kk.tsv")]
    ordinal_ends = ordinal_endings()
    open_stems, closed, ordinals = set(), set(), set()
    for name in ("numbers_kk.tsv", "scales_kk.tsv"):
        for row in rows(name):
            first = forms(row[0].lower())[0].rstrip("+.")
            if first.isalpha() and len(first) >= 2:
                ordinals.update(first + o for o in ordinal_ends)
            for form in forms(row[0].lower()):
                if form.endswith("+"):
                    open_stems.add(form[:-1])
                else:
                    closed.add(form.rstrip("."))
    tail = trie_regex([o + e for o in ordinal_ends for e in ["", *endings]] + endings)
    ordinal = trie_regex(ordinals)
    return re.compile(rf"(?:{trie_regex(open_stems)})(?:{tail})?|{trie_regex(closed)}"
                      rf"|(?:{ordinal})(?:{trie_regex(endings)})?")


@cache
def _ending_regex() -> re.Pattern[str]:
    """A digit's hyphenated ending: `7-ші`, `100-ден`, `2-еуі`."""
    endings = [r[0] for r in rows("endings_kk.tsv")]
    words = [o + e for o in ordinal_endings() for e in ["", *endings]] + endings
    words += [c + e for c in (r[0] for r in rows("collective_endings_kk.tsv")) for e in ["", "і", "сі", "ы", "сы", *endings]]
    words += [v + o for v in "ыі" for o in ordinal_endings()]
    return re.compile(rf"[\-‐–](?:{trie_regex(words)})")


def like_num(text: str) -> bool:
    """Digits (`1 500`, `2,5`, `7-ші`, `100-ден`) or a Kazakh number word (`жиырма`, `бесінші`, `мыңнан`)."""
    low = text.lower()
    digits = _DIGITS.match(low)
    if digits:
        rest = low[digits.end():]
        return not rest or _ending_regex().fullmatch(rest) is not None
    if "/" in low and low.replace("/", "").isdigit():
        return True
    return _number_regex().fullmatch(low) is not None


def prefix(text: str) -> str:
    """The first five letters, lower-cased (a stem approximation)."""
    return text[:5].lower()


def suffix(text: str) -> str:
    """The last four letters, lower-cased (case and possessive endings)."""
    return text[-4:].lower()


LEX_ATTRS = {LIKE_NUM: like_num, PREFIX: prefix, SUFFIX: suffix}
