"""One person, one entity: the name rules (nlp.entities.names), the clustering of name variants
(corpus.cluster_names), deputies in the gazetteer and the one-typo rule of faction names, as golden tables."""

from __future__ import annotations

import pytest

from corpus import cluster_names
from nlp.entities.names import PersonName, person_name, same_person, surname_base
from nlp.gazetteer import deputy_of, find_officials, load_deputies, load_officials
from nlp.inquiry.signatories import corrected, near


@pytest.mark.parametrize(("a", "b"), [
    ("К. Иса", "Қ. Иса"),  # kk/ru spelling of the initial
    ("Б. Жусипов", "Б. Жүсіпов"),  # kk/ru spelling of the surname
    ("Е. Абдиев", "Е. Әбдиев"),
    ("Е. Әбдиев", "Е.Т. Әбдиев"),  # `Е.` ⊂ `Е.Т.`
    ("Е.Т. Әбдиев", "Ерлан Т. Абдиев"),  # initials ⊂ a written given name
    ("А. Зейнуллин", "А.Т. Зейнуллин"),
    ("Н. Әуесбаев", "Н.С. Әуесбаев"),
    ("Аскарбек Ертаев", "Ертаев"),  # surname alone
    ("Аскарбек Ертаев", "Ертаева"),  # genitive (or feminine): either
    ("Ертаев", "Ертаеву"),  # dative
    ("Ертаев", "Ертаевым"),  # instrumental
    ("Ертаев Аскарбек", "А. Ертаев"),  # surname first
    ("Бектенов О.А.", "О.А. Бектенов"),
    ("Олжас Абайұлы Бектенов", "О.А. Бектенов"),
    ("Дементьева", "Н. Дементьева"),
    ("Д. Еспаева", "Еспаевой"),  # feminine genitive/dative
])
def test_same_person(a: str, b: str) -> None:
    assert same_person(person_name(a), person_name(b)) and same_person(person_name(b), person_name(a))


@pytest.mark.parametrize(("a", "b"), [
    ("А. Иса", "К. Иса"),  # different initials
    ("Е.Т. Әбдиев", "Е.С. Әбдиев"),
    ("Аскарбек Ертаев", "Марат Ертаев"),  # different given names
    ("Аскарбек Ертаев", "Б. Ертаев"),
    ("Ерлан Т. Абдиев", "Е.С. Әбдиев"),  # the patronymic initial after a given name counts
    ("Ертаев", "Ертаевой"),  # masculine vs feminine
    ("Ертаевым", "Ертаевой"),
    ("Б. Жусипов", "Б. Жусупов"),  # another surname
    ("Н. Тау", "Н. Сайлаубай"),
])
def test_not_same_person(a: str, b: str) -> None:
    assert not same_person(person_name(a), person_name(b))


@pytest.mark.parametrize(("word", "base", "gender"), [
    ("Ертаев", "ертаев", "m"), ("Ертаева", "ертаев", "?"), ("Ертаевой", "ертаев", "f"),
    ("Ертаевым", "ертаев", "m"), ("Жүсіпов", "жусипов", "m"), ("Иса", "иса", "?"),
    ("Смолякова", "смоляков", "?"), ("Зейнуллина", "зейнуллин", "?"),
])
def test_surname_base(word: str, base: str, gender: str) -> None:
    assert surname_base(word) == (base, gender)


@pytest.mark.parametrize(("canonical", "expected"), [
    ("Е.Т. Әбдиев", PersonName("абдиев", "m", "ет")),
    ("Хаматханова Р.Ф", PersonName("хаматханов", "?", "рф")),
    ("Ертаев Аскарбек", PersonName("ертаев", "m", "а", "аскарбек")),
    ("Олжас Абайұлы Бектенов", PersonName("бектенов", "m", "оа", "олжас")),
    ("Олжас Абаевич", None),  # no surname
])
def test_person_name(canonical: str, expected: PersonName | None) -> None:
    assert person_name(canonical) == expected


NO_OFFICIALS: dict = {}


@pytest.mark.parametrize(("variants", "groups"), [
    # the vice-minister of a Russian news item: full name, surname, genitive are one person
    (["Аскарбек Ертаев", "Ертаев", "Ертаева"], [{"Аскарбек Ертаев", "Ертаев", "Ертаева"}]),
    # different initials stay apart; a surname alone then fits two clusters and stays apart too
    (["А. Иса", "К. Иса", "Қ. Иса", "Иса"], [{"А. Иса"}, {"К. Иса", "Қ. Иса"}, {"Иса"}]),
    # `Е.` fits both `Е.Т.` and `Е.С.`: it stays apart
    (["Е.Т. Әбдиев", "Е.С. Әбдиев", "Е. Абдиев"], [{"Е.Т. Әбдиев"}, {"Е.С. Әбдиев"}, {"Е. Абдиев"}]),
    (["Е.Т. Әбдиев", "Е. Абдиев", "Е. Әбдиев"], [{"Е.Т. Әбдиев", "Е. Абдиев", "Е. Әбдиев"}]),
    # a masculine and a feminine form with one initial each: two people
    (["Н. Ертаев", "Н. Ертаевой"], [{"Н. Ертаев"}, {"Н. Ертаевой"}]),
    (["Б. Жусипов", "Б. Жүсіпов", "Б. Жусупов"], [{"Б. Жусипов", "Б. Жүсіпов"}, {"Б. Жусупов"}]),
])
def test_cluster_names(variants: list[str], groups: list[set[str]]) -> None:
    keys = cluster_names({(v, None): 1 for v in variants}, NO_OFFICIALS)
    found: dict[str, set[str]] = {}
    for (canonical, _id), key in keys.items():
        found.setdefault(key, set()).add(canonical)
    assert sorted(map(sorted, found.values())) == sorted(map(sorted, groups))


def test_cluster_key_is_the_fullest_form_or_the_gazetteer_id() -> None:
    keys = cluster_names({("Ертаев", None): 5, ("Аскарбек Ертаев", None): 1, ("Е. Абдиев", None): 1,
                          ("Бектенов О.А.", "kz.person.bektenov"): 1, ("О. Бектенов", None): 1})
    assert keys[("Ертаев", None)] == "PER:Аскарбек Ертаев"
    assert keys[("Е. Абдиев", None)] == "kz.deputy.abdiyev"  # matched onto the gazetteer's deputy
    assert keys[("О. Бектенов", None)] == "kz.person.bektenov"


@pytest.mark.parametrize(("text", "deputy"), [
    ("К. Иса", "kz.deputy.issa"), ("Қ. Иса", "kz.deputy.issa"), ("Қазыбек Иса", "kz.deputy.issa"),
    ("Е.Т. Әбдиев", "kz.deputy.abdiyev"), ("Е. Абдиев", "kz.deputy.abdiyev"),
    ("М. Искандиров", "kz.deputy.yeskendirov"), ("М. Ескендіров", "kz.deputy.yeskendirov"),
    ("Азат Перуашев", "kz.deputy.peruashev"), ("Н. Дементьева", "kz.deputy.dementyeva"),
    ("А. Иса", None),  # wrong initial
    ("Тау", None), ("Иса", None),  # a deputy's bare surname is no link (`тау` is a common word)
])
def test_deputies_are_found_with_initials_or_given_name(text: str, deputy: str | None) -> None:
    found = [m.id for m in find_officials(text, "kk") if m.id.startswith("kz.deputy.")]
    assert found == ([deputy] if deputy else [])


def test_deputies_have_chamber_faction_and_term() -> None:
    factions = {"kz.faction.amanat", "kz.faction.auyl", "kz.faction.ak_zhol", "kz.faction.nsdp",
                "kz.faction.respublica", "kz.faction.peoples"}
    for deputy in load_deputies().values():
        assert deputy.chamber in ("kz.mazhilis", "kz.senate")
        assert deputy.faction is None or deputy.faction in factions
        assert deputy.start and deputy.id in load_officials()
    assert deputy_of("kz.deputy.abdiyev").faction == "kz.faction.amanat"
    assert deputy_of("kz.person.bektenov") is None


@pytest.mark.parametrize(("word", "known", "expected"), [
    ("демокартиялық", "демократиялық", True),  # two neighbours swapped
    ("демократиялыќ", "демократиялық", True),  # one wrong letter
    ("демократиялық", "демократиялық", False),  # the same word is no typo
    ("демкоратиялқы", "демократиялық", False),  # two typos
    ("демократиялы", "демократиялық", False),  # a letter missing: another word
])
def test_near(word: str, known: str, expected: bool) -> None:
    assert near(word, known) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Жалпыұлттық социал - демокартиялық партиясы", "Жалпыұлттық социал - демократиялық партиясы"),
    ("Демокартическая партия", "Демократическая партия"),
    ("фракция «Ак жол»", "фракция «Ак жол»"),
    ("депутаттары", "депутаттары"),  # not a word of a party name
])
def test_corrected_faction_line(text: str, expected: str) -> None:
    assert corrected(text) == expected
