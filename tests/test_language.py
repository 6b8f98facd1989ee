"""Language per paragraph and per document: tricky inputs and the real sample documents."""

from __future__ import annotations

import pytest

from ingest.document import Document, Paragraph
from ingest.language import (
    count_letters,
    detect_document_language,
    detect_paragraph_language,
    is_weak,
    kazakh_word_share,
    settle_paragraph_languages,
)
from tests.conftest import PDFTOTEXT, SEEDS
from tests.textdoc import document_from_file, document_from_text

PARAGRAPHS = [
    # plain prose
    ("Мемлекет Басшысы Қазақстан халқына Жолдауында инновациялық инфрақұрылымды дамытуды атап өтті.", "kk"),
    ("Казахстан планирует расширять международные соглашения о трудовой миграции.", "ru"),
    # Russian with Kazakh-spelled names stays Russian
    ("Депутат Қосанов направил запрос министру о положении дел в сельском хозяйстве области.", "ru"),
    ("Уважаемый Әлихан Асханұлы!", "ru"),
    ("Уважаемый Нұржан Молдиярұлы, просим рассмотреть наши предложения в установленный срок.", "ru"),
    ("По словам Ерлана Қошанова, Мәжіліс рассмотрит законопроект в сентябре, сообщает пресс-служба.", "ru"),
    ("Жители сёл Қызылжар, Көктөбе и Ақсу жалуются на отсутствие питьевой воды.", "ru"),
    # Kazakh with Russian loanwords and Latin names
    ("Такси агрегаторларының комиссиясы мен динамикалық баға белгілеу реттелуі тиіс.", "kk"),
    ("«Amanat» партиясының Жол картасында интернет-платформалар арқылы жұмыс істейтін адамдар қорғалады.", "kk"),
    ("Компаниялар кәдеге жарату (утиль сбор) алымын төлемей-ақ, седельный тягачтарды тіркеуге рұқсат алды.", "kk"),
    ("Сондай-ақ, шаруалар «Аграрлық несие корпорациясы» АҚ арқылы несие алады.", "kk"),
    # short lines
    ("Құрметті Роман Васильевич!", "kk"),
    ("Уважаемый Олжас Абаевич!", "ru"),
    ("ДЕПУТАТТЫҚ САУАЛ", "kk"),
    ("ДЕПУТАТСКИЙ ЗАПРОС", "ru"),
    ("Құрметпен,", "kk"),
    ("С уважением,", "ru"),
    ("Премьер-Министру Республики Казахстан", "ru"),
    ("Мәжіліс депутаты", "kk"),
    ("2025 жылы 21 мамырда жарияланды", "kk"),
    ("Оглашено 21 мая 2025 года", "ru"),
    ("министрі", "kk"),
    # numbers mixed in
    ("Всего за границей работают 126 тыс. казахстанцев, из них 102 тыс. в России.", "ru"),
    ("2020 жылы 8902 адам (2019 жылы – 10 707 адам, 2018 жылы – 11 413 адам) болды.", "kk"),
    # no language of its own
    ("", "other"),
    ("   ", "other"),
    ("74-67-84", "other"),
    ("т. 74-64-02", "other"),
    ("1. 2. 3. — 15 %", "other"),
    ("e-mail: Rsalina@parlam.kz", "other"),
    ("Employment Permit System (EPS) was launched in 2004.", "other"),
    ("Kazakhstan plans to expand labour migration agreements, the ministry said.", "other"),
]


@pytest.mark.parametrize("text, expected", PARAGRAPHS)
def test_paragraph_language(text: str, expected: str) -> None:
    assert detect_paragraph_language(text) == expected


def test_letter_counts_split_scripts() -> None:
    counts = count_letters("Қазақ ru 12")
    assert (counts.cyrillic, counts.latin, counts.kazakh) == (5, 2, 2)


def test_names_do_not_weigh_in_the_word_share() -> None:
    share, weighed, common_kk = kazakh_word_share("Депутат Қосанов и депутат Әлиханов пишут министру")
    assert share == 0.0 and weighed == 4 and common_kk == 0


def _doc(parts: list[tuple[str, str]]) -> Document:
    """A document from (text, language) paragraphs, languages given as a reader would have set them."""
    text, paragraphs, pos = "", [], 0
    for part, lang in parts:
        if text:
            text += "\n\n"
            pos += 2
        paragraphs.append(Paragraph(pos, pos + len(part), 1, lang))
        text += part
        pos += len(part)
    return Document(path="x", sha256="0" * 64, format="txt", text=text, paragraphs=paragraphs)


RU_PROSE = "Предприниматели часто жалуются на накопившийся долг по субсидированию процентной ставки. "
KK_PROSE = "Ауыл шаруашылығы тауар өндірушілерінің ұзақ мерзімді қаржыландыруға қолжетімділігі маңызды. "

DOCUMENTS = [
    ("all russian", [(RU_PROSE * 3, "ru")] * 6, "ru"),
    ("all kazakh", [(KK_PROSE * 3, "kk")] * 6, "kk"),
    ("kazakh header line in russian text", [("2025 жылғы 21 мамырда жарияланды", "kk")]
     + [(RU_PROSE * 2, "ru")] * 6, "ru"),
    ("one kazakh prose paragraph is a quote", [(KK_PROSE, "kk")] + [(RU_PROSE * 2, "ru")] * 8, "ru"),
    ("kazakh opening and closing around russian", [(KK_PROSE, "kk"), (KK_PROSE, "kk")]
     + [(RU_PROSE * 2, "ru")] * 6 + [(KK_PROSE, "kk")], "ru+kk"),
    ("kazakh text then its russian version", [(KK_PROSE * 2, "kk")] * 5 + [(RU_PROSE * 2, "ru")] * 5,
     "kk+ru"),
    ("russian text then its kazakh version", [(RU_PROSE * 2, "ru")] * 5 + [(KK_PROSE * 2, "kk")] * 5,
     "ru+kk"),
    ("english only", [("Employment Permit System", "other")], "other"),
    ("no paragraphs", [], "other"),
]


@pytest.mark.parametrize("name, parts, expected", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_document_language(name: str, parts: list[tuple[str, str]], expected: str) -> None:
    assert detect_document_language(_doc(parts)) == expected


def test_paragraph_languages_feed_the_document_language() -> None:
    doc = document_from_text("Құрметті Олжас Абайұлы!\n\n" + KK_PROSE * 4 + "\n\nС уважением,")
    assert [p.language for p in doc.paragraphs] == ["kk", "kk", "ru"]
    assert detect_document_language(doc) == "kk"


# Expected languages are those of the hand-made gold (/work/shared/gold/dev.json "language").
SAMPLES = [
    ("8920", "kk"), ("8922", "kk"), ("8924", "ru+kk"), ("8925", "kk"), ("8927", "kk"),
    ("8929", "kk"), ("8930", "kk+ru"), ("8931", "ru"),
]


@pytest.mark.parametrize("name, expected", SAMPLES)
def test_sample_pdf_text_language(name: str, expected: str) -> None:
    doc = document_from_file(PDFTOTEXT / f"{name}.txt")
    assert detect_document_language(doc) == expected


@pytest.mark.parametrize("prefix, expected", [("000", "ru"), ("003", "kk")])
def test_seed_language(prefix: str, expected: str) -> None:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    assert detect_document_language(document_from_file(path)) == expected


SETTLE = [
    # names in a Kazakh signature block take Kazakh
    ([("Құрметпен, фракциясының мүшелері", "kk"), ("Н. Арсютин", "ru"), ("А. Зейнуллин", "ru")],
     ["kk", "kk", "kk"]),
    # a dative addressee between Kazakh paragraphs
    ([("2025 жылы 21 мамырда жарияланды", "kk"), ("О.А. Бектеновке", "ru"),
      ("Құрметті Олжас Абайұлы!", "kk")], ["kk", "kk", "kk"]),
    # on the boundary between a Kazakh and a Russian part a short line keeps its own reading
    ([("Осы мәселелерді қарастыруды сұраймын.", "kk"), ("Оглашен 21.05.2025 г.", "ru"),
      ("Уважаемый Олжас Абаевич!", "ru")], ["kk", "ru", "ru"]),
    # "other" stays other, and strong paragraphs are never changed
    ([("Казахстан планирует расширять соглашения.", "ru"), ("74-67-84", "other"),
      ("Қазақстан жоспарлап отыр.", "kk")], ["ru", "other", "kk"]),
]


@pytest.mark.parametrize("parts, expected", SETTLE)
def test_settle_paragraph_languages(parts: list[tuple[str, str]], expected: list[str]) -> None:
    doc = _doc(parts)
    settle_paragraph_languages(doc)
    assert [p.language for p in doc.paragraphs] == expected


@pytest.mark.parametrize("text, weak", [
    ("О.А. Бектеновке", True), ("Премьер – Министрі", True), ("Н. Арсютин", True),
    ("Уважаемый Олжас Абаевич!", False), ("С уважением,", False), ("Құрметті депутаттар!", False), ("Құрметпен,", True),
])
def test_is_weak(text: str, weak: bool) -> None:
    assert is_weak(text) == weak
