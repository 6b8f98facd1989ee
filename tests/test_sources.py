"""Golden tests for nlp.sources: attribution cues (source words and kind) and which cue governs a figure."""

from __future__ import annotations

import re

import pytest

from nlp import SourceCue, attribute, find_sources

# text, lang, expected source (None: no cue), kind, scope
CUES = [
    ("По данным МВД, в прошлом году выдворено 3200 иностранцев.", "ru", "МВД", "official", "following"),
    ("В прошлом году, по данным МВД, выдворено 3200 иностранцев.", "ru", "МВД", "official", "sentence"),
    ("Безработица составила 4,9%, по данным Бюро национальной статистики.", "ru",
     "Бюро национальной статистики", "official", "sentence"),
    ("По данным диаспоры, в Германии живут около 800 тысяч выходцев из Казахстана.", "ru",
     "диаспора", "unofficial", "following"),
    ("Согласно данным Министерства финансов, дефицит бюджета достиг 2,1 трлн тенге.", "ru",
     "Министерство финансов", "official", "following"),
    ("По оценкам экспертов, теневая занятость превышает 20%.", "ru", "эксперты", "unofficial", "following"),
    ("По словам Нурланова, очередь на жильё сократилась до 12 тысяч семей.", "ru", "Нурланов", "unknown", "following"),
    ("По неофициальным данным, в Турции работают до 50 тысяч казахстанцев.", "ru",
     "неофициальным данным", "unofficial", "following"),
    ("Как следует из открытых источников, компания владеет 40% рынка.", "ru",
     "открытых источников", "unofficial", "sentence"),
    ("Цены на хлеб выросли на 12%, — рассказал вице-министр торговли.", "ru",
     "вице-министр торговли", "official", "sentence"),
    ("Аким области Серик Жумабаев сообщил, что посевная площадь составит 1,2 млн га.", "ru",
     "Аким области Серик Жумабаев", "official", "sentence"),
    ("Согласно имеющейся информации, тарифы выросли на 15%.", "ru", "имеющейся информации", "unknown", "following"),
    ("Об этом сообщает Tengrinews.kz.", "ru", "Tengrinews.kz", "unofficial", "sentence"),
    ("Ұлттық статистика бюросының дерегі бойынша, жұмыссыздық деңгейі 4,7 пайыз болды.", "kk",
     "Ұлттық статистика бюросы", "official", "following"),
    ("Ресми дерек: былтыр 5200 адам жұмыссыз ретінде тіркелген.", "kk", "Ресми дерек", "official", "following"),
    ("Ішкі істер министрлігінің мәліметінше, 700 шетелдік елден шығарылды.", "kk",
     "Ішкі істер министрлігі", "official", "following"),
    ("Сарапшылардың айтуынша, жалақы 10 пайызға өсуі мүмкін.", "kk", "Сарапшылар", "unofficial", "following"),
    ("Бейресми деректер бойынша, Польшада 30 мыңдай қазақстандық жұмыс істейді.", "kk",
     "Бейресми деректер бойынша", "unofficial", "following"),
    ("Қолда бар ақпаратқа сәйкес, тарифтер 20 пайызға өсті.", "kk", "Қолда бар ақпаратқа сәйкес", "unknown", "following"),
    ("Түркияда 40 мыңға жуық отандасымыз жүр, мұны диаспора өкілдері растап отыр.", "kk",
     "диаспора өкілдері", "unofficial", "sentence"),
    ("Облыс әкімдігінің хабарлауынша, 12 мектеп жөнделді.", "kk", "Облыс әкімдігі", "official", "following"),
    ("Вице-министр Ерлан Қарин мәлімдеді, бюджет 300 млрд теңгеге артты.", "kk",
     "Вице-министр Ерлан Қарин", "official", "sentence"),
    ("Шаруалар қауымдастығының мәліметі бойынша, 200 мың гектар егіс күйіп кетті.", "kk",
     "Шаруалар қауымдастығы", "unofficial", "following"),
    # no cue: mentions that attribute nothing
    ("Бұл туралы көп айтылды, бірақ 300 мектеп әлі салынған жоқ.", "kk", None, None, None),
    ("Маған 20 азамат арыздарын айтты.", "kk", None, None, None),
    ("В 2023 году в стране работали 500 человек.", "ru", None, None, None),
]


@pytest.mark.parametrize("text,lang,source,kind,scope", CUES)
def test_find_sources(text: str, lang: str, source: str | None, kind: str | None, scope: str | None) -> None:
    cues = find_sources(text, lang)
    if source is None:
        assert cues == []
        return
    assert [(c.source, c.kind, c.scope) for c in cues] == [(source, kind, scope)]
    c = cues[0]
    assert text[c.start:c.end] == c.text and source.split()[-1][:4].lower() in c.text.lower()


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]


# text, figure marker (first occurrence), news, expected source of the governing cue (None: none)
ATTRIBUTION = [
    ("Ресми дерек, 2021 жылы Польшада 3100 азамат тіркелді. 2020 жылы бұл сан 2800 адам болды.", "2800", False,
     "Ресми дерек"),
    ("Ресми дерек, 2021 жылы 3100 азамат тіркелді. Бірақ 6000-ға жуық адам жүр, оны диаспора растап отыр.", "6000",
     False, "диаспора"),
    ("Ресми дерек, 2021 жылы 3100 азамат тіркелді. Оны диаспора растап отыр. Ал 45 жасар азамат қайтыс болды.",
     "45", False, None),
    ("Выдворено 900 человек, по данным МВД. Это на 12% больше.", "12%", False, None),
    ("По данным МВД: в 2022 году выдворено 900 человек. В 2021 году – 700 человек.", "700", False, "МВД"),
    ("По данным МВД: выдворено 900 человек.\n\nВ 2021 году – 700 человек.", "700", False, None),
    ("Зарплаты выросли на 8%, — рассказал вице-министр труда.", "8%", False, "вице-министр труда"),
    (("Министр энергетики Алмасадам Саткалиев рассказал журналистам о ситуации.\n\nДобыча нефти составила 90 млн тонн.\n\n"
      "Экспорт достиг 70 млн тонн."), "70 млн", True, "Министр энергетики Алмасадам Саткалиев"),
    ("Министр энергетики Алмасадам Саткалиев рассказал журналистам о ситуации.\n\nДобыча нефти составила 90 млн тонн.",
     "90 млн", False, None),
    ("Министр Саткалиев рассказал о ситуации. Потери составили 5%, по оценкам экспертов. Добыча – 90 млн тонн.",
     "90 млн", True, None),
    ("По данным диаспоры, там живут 8000 человек, а по данным посольства – 5000 человек.", "5000", False,
     "посольства"),
]


@pytest.mark.parametrize("text,marker,news,expected", ATTRIBUTION)
def test_attribute(text: str, marker: str, news: bool, expected: str | None) -> None:
    cues = find_sources(text)
    cue = attribute(text, _sentences(text), text.index(marker), cues, news=news)
    assert (cue.source if cue else None) == expected


def test_source_cue_is_a_value() -> None:
    c = SourceCue(0, 5, "по данным", "МВД", "official", "sentence")
    assert c == SourceCue(0, 5, "по данным", "МВД", "official", "sentence") and not c.speech
