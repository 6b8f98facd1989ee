"""The vocabulary of figures, numbers and sources is data: every word list a rule reads exists and is
non-empty, the case endings come from endings_kk.tsv, and the word-list syntax compiles as documented."""

from __future__ import annotations

import re

import pytest

import nlp.figures
from nlp.lang.cases import CASES, case_endings
from nlp.lang.wordlists import word_alt, word_forms

# (concept, role, languages) read by nlp/figures, nlp/numbers, nlp/sources and nlp/indicators.
WORD_LISTS = [
    ("verb_endings", "present", ("kk",)), ("verb_endings", "verbal_noun", ("kk",)),
    ("verb_endings", "verbal_noun_acc", ("kk",)), ("verb_endings", "present", ("ru",)),
    ("verb_endings", "present_short", ("ru",)), ("verb_endings", "state", ("ru",)),
    ("verb_endings", "past", ("ru",)), ("verb_endings", "infinitive", ("ru",)),
    ("verb_endings", "participle", ("ru",)), ("verb_endings", "finite", ("ru",)),
    ("kind_words", "need", ("kk",)), ("kind_words", "growth", ("kk",)), ("kind_words", "modal", ("ru",)),
    ("kind_words", "growth", ("ru",)), ("kind_words", "by", ("ru",)),
    ("period_words", "year_mark", ("kk",)), ("period_words", "year_mark", ("ru",)),
    ("period_words", "until_after", ("kk",)), ("period_words", "since_after", ("kk",)),
    ("period_words", "ref_tail", ("kk",)), ("period_words", "until", ("ru",)), ("period_words", "since", ("ru",)),
    ("period_words", "ref_tail", ("ru",)), ("period_words", "for", ("ru",)), ("period_words", "from", ("ru",)),
    ("period_words", "to", ("ru",)),
    ("what_words", "subject", ("kk",)), ("what_words", "count_subject", ("kk",)),
    ("what_words", "complement", ("kk",)), ("what_words", "link", ("kk",)), ("what_words", "subject", ("ru",)),
    ("what_words", "count_subject", ("ru",)), ("what_words", "link", ("ru",)),
    ("conjunctions", "and", ("kk",)), ("conjunctions", "with", ("kk",)), ("conjunctions", "but", ("kk",)),
    ("conjunctions", "and", ("ru",)), ("conjunctions", "but", ("ru",)), ("conjunctions", "and", ("xx",)),
    ("source_words", "lead", ("ru",)), ("source_words", "speech_lead", ("ru",)),
    ("source_words", "surname_end", ("ru",)),
    ("nationality_words", "after", ("kk",)), ("nationality_words", "between", ("kk",)),
    ("nationality_words", "before", ("ru",)), ("nationality_words", "between", ("ru",)),
]


@pytest.mark.parametrize(("concept", "role", "langs"), WORD_LISTS)
def test_word_list_exists(concept: str, role: str, langs: tuple[str, ...]) -> None:
    assert word_forms(concept, role, langs), f"{concept}_{langs[0]}.tsv has no {role} row"


def test_word_alt_syntax() -> None:
    link = re.compile(word_alt("what_words", "link", ("ru",)))
    assert link.fullmatch("составляла") and link.fullmatch("и") and not link.fullmatch("иначе")
    ref = re.compile(word_alt("period_words", "ref_tail", ("kk",)))
    assert ref.match("қорытындысы  бойынша")  # a space in a form matches any whitespace
    assert word_alt("what_words", "no_such_role") == "(?!)"


@pytest.mark.parametrize(("case", "endings"), [
    ("dat", {"ға", "ге", "қа", "ке"}), ("abl", {"дан", "ден", "тан", "тен", "нан", "нен"}),
    ("gen", {"ның", "нің", "дың", "дің", "тың", "тің"}), ("loc", {"да", "де", "та", "те"}),
])
def test_case_endings(case: str, endings: set[str]) -> None:
    assert set(case_endings(case)) == endings
    assert set(case_endings(case, short=False)) >= endings


def test_cases_are_known() -> None:
    assert all(case_endings(c, short=False) for c in CASES)


def test_package_api() -> None:
    for name in ("extract_figures", "figures_of", "figures_in_text", "figure_json"):
        assert callable(getattr(nlp.figures, name))
    drafts = nlp.figures.figures_in_text("В 2022 году в области проживали 812 тыс. человек.", "ru")
    assert [(d.m.value, d.unit, d.year) for d in drafts] == [(812000, "persons", 2022)]


def test_what_words_are_lang_words() -> None:
    """`what` is made of nlp.lang words: a hyphen left dangling before the number is not part of one."""
    drafts = nlp.figures.figures_in_text("Предлагаем ограничить комиссию такси-агрегаторов тремя-пятью процентами.", "ru")
    assert [d.what for d in drafts] == ["ограничить комиссию такси-агрегаторов тремя"]
